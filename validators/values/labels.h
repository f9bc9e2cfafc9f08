#pragma once
// Label keys and values as Istio validates them (pkg/config/labels and the
// workload-selector checks): subset labels, sourceLabels, endpoint labels,
// WorkloadEntry labels and selectors.
#include <string>
#include <string_view>

namespace meshc {

// Why Istio rejects `key` as a label key, or "" when it is valid. A key is an
// optional DNS-subdomain prefix (at most 253 characters) and `/`, then a
// qualified name: at most 63 letters, digits, `-`, `_` or `.`, with a letter or
// digit at both ends.
std::string label_key_problem(std::string_view key);

// Why `value` is not a valid label value, or "": empty, or at most 63 letters,
// digits, `-`, `_` or `.`, with a letter or digit at both ends.
std::string label_value_problem(std::string_view value);

// Why a workload selector entry is rejected, or "": an empty key, or a `*` in
// the key or the value ("wildcard is not supported in selector"), and then the
// label-key and label-value checks.
std::string selector_label_problem(std::string_view key, std::string_view value);

}  // namespace meshc
