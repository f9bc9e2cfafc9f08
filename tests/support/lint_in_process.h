#pragma once
// Lints in-memory files in this process, with every rule at its default.
#include <string>
#include <utility>
#include <vector>

#include "validators/linter.h"

namespace meshc::test {

inline LintResult lint_texts(const std::vector<std::pair<std::string, std::string>>& files) {
  LintRequest request;
  for (const auto& [name, text] : files) request.files.push_back(std::make_shared<SourceFile>(name, text));
  request.rules = default_rule_severities();
  return lint(request);
}

std::string read_file_or_empty(const std::string& path);

}  // namespace meshc::test
