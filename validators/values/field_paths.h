#pragma once
// Finds the values at a field pattern in a resource, for rules that check one
// kind of value wherever Istio's API puts it:
//   "spec.http[].retries.perTryTimeout"   `[]` is every item of a list
//   "spec.portLevelMtls.*"                `*` is every value of a map
// Keys match in their canonical (camelCase) or proto (snake_case) spelling.
#include <functional>
#include <string>
#include <string_view>

#include "compiler/model/node.h"

namespace meshc {

struct FieldMatch {
  const Node& value;
  const Node* key;   // the key node of the last step, when it was a map key
  std::string path;  // e.g. spec.http[2].retries.perTryTimeout
};

void for_each_field(const Node& root, std::string_view pattern, const std::function<void(const FieldMatch&)>& visit);

}  // namespace meshc
