#pragma once
// The lint pipeline: documents are parsed and checked in parallel, one at a
// time per thread, so memory stays bounded by the largest document; what
// set-wide rules need is kept, the YAML trees are not.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/model/diagnostic.h"
#include "compiler/model/source_file.h"
#include "validators/lint_settings.h"
#include "validators/rule.h"

namespace meshc {

struct ConfigSetSpec {
  std::string name;
  std::vector<size_t> files;  // indices into LintRequest::files
};

struct LintRequest {
  std::vector<std::shared_ptr<const SourceFile>> files;
  std::vector<ConfigSetSpec> sets;  // empty: all files form one set
  LintSettings settings;
  // Severity per rule code; a rule absent from the map does not run.
  std::map<std::string, Severity, std::less<>> rules;
  bool inline_suppressions = true;
  unsigned threads = 0;  // 0: one per core
};

struct LintedResource {
  size_t file;
  ResourceRef ref;
  KindCategory category;
};

struct LintResult {
  std::vector<Diagnostic> findings;  // sorted; suppressed ones flagged, not removed
  std::vector<LintedResource> resources;
  size_t ignored = 0;  // documents that are no object meshc checks or uses
};

// The rules as configured by default: every rule at its default severity.
std::map<std::string, Severity, std::less<>> default_rule_severities();

LintResult lint(const LintRequest& request);

}  // namespace meshc
