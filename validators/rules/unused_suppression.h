#pragma once
// MC1007 unused-suppression runs after all other rules, over the suppressions
// they left unused.
#include <map>
#include <string>
#include <vector>

#include "compiler/model/diagnostic.h"
#include "validators/suppressions.h"

namespace meshc {

inline constexpr std::string_view unused_suppression_code = "MC1007";

// Reports each suppression that suppressed nothing, or names an unknown rule.
// A suppression of a rule that did not run is not reported.
void report_unused_suppressions(const std::vector<Suppression>& suppressions,
                                const std::map<std::string, Severity, std::less<>>& active_rules,
                                Severity severity, std::vector<Diagnostic>& out);

}  // namespace meshc
