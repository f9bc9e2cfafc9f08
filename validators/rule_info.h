#pragma once
// What a rule is, independent of how it checks: the metadata behind
// --list-rules, explain, SARIF and the docs catalog.
#include <string_view>

#include "compiler/model/diagnostic.h"

namespace meshc {

struct RuleInfo {
  std::string_view code;     // MC1002: stable, never reused
  std::string_view slug;     // schema: stable, kebab-case
  Severity default_severity;
  std::string_view summary;  // one line: what the rule finds
};

// Where a rule's documentation page lives online.
std::string rule_help_uri(std::string_view code);

}  // namespace meshc
