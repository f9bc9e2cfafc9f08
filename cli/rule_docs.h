#pragma once
// The rule pages of docs/rules/, compiled into the binary for `meshc explain`.
#include <string_view>
#include <vector>

namespace meshc {

// The page docs/rules/<code>.md, or empty; generated from the docs.
std::string_view rule_doc(std::string_view code);
const std::vector<std::string_view>& rule_doc_keys();

}  // namespace meshc
