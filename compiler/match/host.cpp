#include "compiler/match/host.h"

namespace meshc {
namespace {

bool alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

bool dns1123_label(std::string_view label) {
  if (label.empty() || label.size() > 63 || !alnum(label.front()) || !alnum(label.back())) return false;
  for (const char c : label)
    if (!alnum(c) && c != '-') return false;
  return true;
}

// `*`, `*foo`, `*-foo` or a DNS-1123 label.
bool wildcard_label(std::string_view label) {
  if (label.size() > 63) return false;
  if (label == "*") return true;
  if (label.starts_with("*-")) label.remove_prefix(2);
  else if (label.starts_with("*")) label.remove_prefix(1);
  return dns1123_label(label);
}

bool all_numeric(std::string_view s) {
  // Go's strconv.Atoi: an optional sign and digits.
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  if (s.empty()) return false;
  for (const char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

std::optional<std::string> check(std::string_view host, bool wildcards) {
  if (host.empty()) return std::string("the host is empty");
  if (host.size() > 255) return "the host has " + std::to_string(host.size()) + " characters, more than 255";
  const size_t dot = host.find('.');
  const std::string_view first = host.substr(0, dot);
  if (!(wildcards ? wildcard_label(first) : dns1123_label(first))) {
    if (first.size() > 63) return "label " + quoted(first) + " is longer than 63 characters";
    if (first.find('*') != std::string_view::npos)
      return wildcards ? "label " + quoted(first) + " has a '*' that is not at its start"
                       : "label " + quoted(first) + " has a '*', which is not allowed here";
    return "label " + quoted(first) + " is not a DNS label (letters, digits and '-', not at either end)";
  }
  if (dot == std::string_view::npos) return std::nullopt;
  std::string_view rest = host.substr(dot + 1);
  const size_t last_dot = rest.rfind('.');
  const std::string_view tld = last_dot == std::string_view::npos ? rest : rest.substr(last_dot + 1);
  if (all_numeric(tld)) return "the top-level label " + quoted(tld) + " is all-numeric";
  while (true) {
    const size_t next = rest.find('.');
    const std::string_view label = rest.substr(0, next);
    const bool last = next == std::string_view::npos;
    if (last && label.empty()) return std::nullopt;  // a trailing dot
    if (!dns1123_label(label)) {
      if (label.empty()) return std::string("the host has an empty label");
      if (label.find('*') != std::string_view::npos)
        return "label " + quoted(label) + " has a '*'; a wildcard may only be the first label";
      if (label.size() > 63) return "label " + quoted(label) + " is longer than 63 characters";
      return "label " + quoted(label) + " is not a DNS label (letters, digits and '-', not at either end)";
    }
    if (last) return std::nullopt;
    rest.remove_prefix(next + 1);
  }
}

}  // namespace

std::optional<std::string> host_error(std::string_view host) { return check(host, true); }

std::optional<std::string> fqdn_error(std::string_view host) { return check(host, false); }

std::optional<std::string> whole_label_wildcard_error(std::string_view host) {
  if (host.find('*') != std::string_view::npos && host != "*" && !host.starts_with("*."))
    return std::string("a wildcard must be the whole first label, e.g. *.example.com");
  return check(host, true);
}

bool is_dns_label(std::string_view label) { return dns1123_label(label); }

bool hosts_overlap(std::string_view a, std::string_view b) {
  const bool aw = !a.empty() && a[0] == '*';
  const bool bw = !b.empty() && b[0] == '*';
  if (aw && bw) {
    const std::string_view as = a.substr(1), bs = b.substr(1);
    return as.size() < bs.size() ? bs.ends_with(as) : as.ends_with(bs);
  }
  if (aw) return b.ends_with(a.substr(1));
  if (bw) return a.ends_with(b.substr(1));
  return a == b;
}

}  // namespace meshc
