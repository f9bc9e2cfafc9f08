#pragma once
// When one AuthorizationPolicy rule matches every request another rule
// matches, proven from the values as written: a DENY rule that covers an
// ALLOW rule on the same workloads leaves that ALLOW rule nothing to allow.
// The answer may be a false "no", never a false "yes".
#include <string_view>

#include "compiler/model/mesh_config.h"

namespace meshc {

// Whether every string Istio's matcher for `field` (a source or operation
// field: "principals", "paths", ...) accepts for the value `inner`, it also
// accepts for `outer`. `*`, `x*` and `*x` are wildcards only in the fields
// where Istio reads them so (principals, namespaces, methods, paths without
// templates); other values cover only themselves.
bool authz_value_covers(std::string_view field, std::string_view outer, std::string_view inner);

// Whether no string is accepted for both values of `field`.
bool authz_values_disjoint(std::string_view field, std::string_view a, std::string_view b);

// Whether every request `inner` matches, `outer` matches too.
bool authz_rule_covers(const AuthzRule& outer, const AuthzRule& inner);

}  // namespace meshc
