#include "validators/values/labels.h"

namespace meshc {
namespace {

constexpr size_t k_max_name = 63;
constexpr size_t k_max_prefix = 253;

bool alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// Letters, digits, `-`, `_`, `.` with a letter or digit at both ends.
bool qualified_name(std::string_view s) {
  if (s.empty() || !alnum(s.front()) || !alnum(s.back())) return false;
  for (char c : s)
    if (!alnum(c) && c != '-' && c != '_' && c != '.') return false;
  return true;
}

// Dot-separated labels of letters, digits and `-`, a letter or digit at both
// ends of each (Istio allows upper case here).
bool dns_subdomain(std::string_view s) {
  if (s.empty()) return false;
  size_t start = 0;
  while (true) {
    const size_t dot = s.find('.', start);
    const std::string_view label = s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (label.empty() || !alnum(label.front()) || !alnum(label.back())) return false;
    for (char c : label)
      if (!alnum(c) && c != '-') return false;
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

const char* const k_name_rule = "made of letters, digits, '-', '_' or '.', with a letter or digit at both ends";

}  // namespace

std::string label_key_problem(std::string_view key) {
  if (key.empty()) return "is empty";
  std::string_view name = key;
  if (const size_t slash = key.find('/'); slash != std::string_view::npos) {
    const std::string_view prefix = key.substr(0, slash);
    name = key.substr(slash + 1);
    if (prefix.size() > k_max_prefix)
      return "has a prefix of " + std::to_string(prefix.size()) + " characters (at most 253)";
    if (!dns_subdomain(prefix)) return "has a prefix that is not a DNS subdomain (e.g. 'example.com/')";
    if (name.find('/') != std::string_view::npos) return "has more than one '/'";
  }
  if (name.empty()) return "has no name after its prefix";
  if (name.size() > k_max_name)
    return "has a name of " + std::to_string(name.size()) + " characters (at most 63)";
  if (!qualified_name(name)) return std::string("has a name that is not ") + k_name_rule;
  return {};
}

std::string label_value_problem(std::string_view value) {
  if (value.empty()) return {};
  if (value.size() > k_max_name) return "is " + std::to_string(value.size()) + " characters long (at most 63)";
  if (!qualified_name(value)) return std::string("is not ") + k_name_rule;
  return {};
}

std::string selector_label_problem(std::string_view key, std::string_view value) {
  if (key.empty()) return "has an empty key, which is not supported in a selector";
  if (key.find('*') != std::string_view::npos || value.find('*') != std::string_view::npos)
    return "uses '*': wildcard is not supported in selector";
  if (std::string p = label_key_problem(key); !p.empty()) return "key " + p;
  if (std::string p = label_value_problem(value); !p.empty()) return "value " + p;
  return {};
}

}  // namespace meshc
