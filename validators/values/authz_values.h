#pragma once
#include <cctype>
// Value checks of Istio's security kinds (AuthorizationPolicy,
// RequestAuthentication, PeerAuthentication), as Istio's webhook does them.
#include <arpa/inet.h>

#include <string>
#include <string_view>

#include "compiler/model/node.h"
#include "compiler/model/resource.h"
#include "validators/values/field_paths.h"

namespace meshc::authz {

// A resource of `kind` that the rules check, with a mapping spec.
inline bool is_checked(const Resource& r, std::string_view kind) {
  return r.is_checked(kind) && r.spec && r.spec->is_mapping();
}

// The entry of `camel` (or its snake_case spelling) in a mapping, or nullptr.
// Istio's validLiteral for path-template segments: ^[a-zA-Z0-9-._~%!$&'()+,;:@=]+$
inline bool pchar_literal(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) continue;
    if (std::string_view("-._~%!$&'()+,;:@=").find(c) == std::string_view::npos) return false;
  }
  return true;
}

// Calls visit(match) for every string of an AuthorizationPolicy's
// to[].operation.paths and notPaths.
template <class Visit>
void for_each_operation_path(const Node& root, Visit&& visit) {
  for (const std::string_view pattern : {"spec.rules[].to[].operation.paths[]", "spec.rules[].to[].operation.notPaths[]"})
    for_each_field(root, pattern, [&](const FieldMatch& m) {
      if (m.value.is_string()) visit(m);
    });
}

inline const MapEntry* entry(const Node& map, std::string_view camel) {
  if (!map.is_mapping()) return nullptr;
  for (const auto& e : map.entries) {
    if (!e.key->is_scalar()) continue;
    const std::string_view k = e.key->text;
    if (k == camel) return &e;
    size_t j = 0;
    bool upper = false, ok = true;
    for (char c : k) {
      if (c == '_') {
        upper = true;
        continue;
      }
      const char want = upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      if (j >= camel.size() || camel[j] != want) {
        ok = false;
        break;
      }
      ++j;
      upper = false;
    }
    if (ok && j == camel.size()) return &e;
  }
  return nullptr;
}

inline const Node* child(const Node& map, std::string_view camel) {
  const MapEntry* e = entry(map, camel);
  return e ? e->value : nullptr;
}

// A list that is present with at least one item.
inline bool non_empty_list(const Node& map, std::string_view camel) {
  const Node* n = child(map, camel);
  return n && n->is_sequence() && !n->items.empty();
}

// Go's netip.ParseAddr: IPv4 dotted decimal or IPv6 (with an optional zone).
inline bool is_ip(std::string_view s, bool allow_zone = true) {
  std::string text(s);
  if (text.find(':') != std::string::npos) {
    const auto pct = text.find('%');
    if (pct != std::string::npos) {
      if (!allow_zone || pct + 1 == text.size()) return false;
      text.resize(pct);
    }
    unsigned char buf[16];
    return inet_pton(AF_INET6, text.c_str(), buf) == 1;
  }
  unsigned char buf[4];
  return inet_pton(AF_INET, text.c_str(), buf) == 1;
}

// Istio's ValidateIPs: a CIDR range when the value has a '/', else an address.
inline bool is_ip_or_cidr(std::string_view s) {
  const auto slash = s.find('/');
  if (slash == std::string_view::npos) return is_ip(s);
  const std::string_view addr = s.substr(0, slash), bits = s.substr(slash + 1);
  if (!is_ip(addr, false) || bits.empty() || bits.size() > 3) return false;
  if (bits.size() > 1 && bits[0] == '0') return false;
  int n = 0;
  for (char c : bits) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + (c - '0');
  }
  return n <= (addr.find(':') != std::string_view::npos ? 128 : 32);
}

// Istio's ValidatePorts: a decimal number 0..65535.
inline bool is_port_string(std::string_view s) {
  if (s.empty() || s.size() > 10) return false;
  unsigned long n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + static_cast<unsigned long>(c - '0');
  }
  return n <= 65535;
}

// Istio's CheckServiceAccount for one value: "" when fine, else what is wrong.
inline std::string service_account_problem(std::string_view v) {
  if (v.empty()) return "is empty";
  if (v.find('*') != std::string_view::npos) return "contains '*': wildcards are not allowed in service accounts";
  const auto slash = v.find('/');
  if (slash != std::string_view::npos && v.find('/', slash + 1) != std::string_view::npos)
    return "is not in the form 'sa' or 'namespace/sa'";
  if (v.size() > 320) return "is longer than 320 characters";
  if (slash != std::string_view::npos && (slash == 0 || slash + 1 == v.size()))
    return "is not in the form 'sa' or 'namespace/sa'";
  return {};
}

// Trust domains: no '/', and at most one '*', only as the first or last character.
inline std::string trust_domain_problem(std::string_view v) {
  if (v.empty()) return "is empty";
  if (v.find('/') != std::string_view::npos) return "contains '/': give the trust domain alone, e.g. 'cluster.local'";
  const auto star = v.find('*');
  if (star != std::string_view::npos &&
      (v.find('*', star + 1) != std::string_view::npos || (star != 0 && star + 1 != v.size())))
    return "has a '*' that is not a single leading or trailing wildcard";
  return {};
}

}  // namespace meshc::authz
