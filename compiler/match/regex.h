#pragma once
// Regular expressions as Istio and Envoy accept them: RE2 syntax, matched
// against the whole value.
#include <optional>
#include <string>
#include <string_view>

namespace meshc {

// The longest regex Istio accepts (characters).
inline constexpr size_t k_max_regex_length = 1024;

// Empty when `pattern` is a regex Istio's webhook accepts (non-empty, at most
// 1024 characters, valid RE2); otherwise a short reason, e.g. RE2's error text
// "missing ): (a".
std::optional<std::string> regex_error(std::string_view pattern);

}  // namespace meshc
