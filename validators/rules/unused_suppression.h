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

// Reports each suppression entry that suppressed nothing, or names an unknown
// rule; an entry of a rule that did not run is not reported. Entries naming
// unused-suppression itself are reported only when `self_entries` is true, so
// they can first be given the chance to suppress the others' findings.
void report_unused_suppressions(const std::vector<Suppression>& suppressions,
                                const std::map<std::string, Severity, std::less<>>& active_rules,
                                Severity severity, bool self_entries, std::vector<Diagnostic>& out);

}  // namespace meshc
