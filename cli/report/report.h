#pragma once
// Writes a finished lint run in one of the output formats. The findings come
// filtered and sorted: suppressed findings are included only with
// --show-suppressed (and then carry `suppressed = true`).
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "compiler/model/diagnostic.h"
#include "validators/rule_info.h"

namespace meshc {

struct LintSummary {
  size_t files = 0;
  size_t resources = 0;
  size_t ignored = 0;  // documents of kinds meshc neither checks nor uses
  size_t errors = 0;
  size_t warnings = 0;
  size_t infos = 0;
  size_t suppressed = 0;
};

struct LintedFile {
  std::string path;                     // as shown in findings
  std::vector<ResourceRef> resources;  // the checked resources in it, in order
};

struct LintReport {
  std::vector<Diagnostic> findings;
  LintSummary summary;
  std::vector<LintedFile> files;
};

struct ReportOptions {
  std::optional<Severity> fail_on = Severity::Error;  // nullopt: --fail-on=none
  bool color = false;
  std::string sarif_root;  // absolute directory SARIF URIs are relative to
  std::string tool_version;
  std::span<const RuleInfo> rules;  // every rule, for SARIF's rule table
};

void write_text_report(std::ostream& out, const LintReport& report, const ReportOptions& options);
void write_json_report(std::ostream& out, const LintReport& report, const ReportOptions& options);
void write_sarif_report(std::ostream& out, const LintReport& report, const ReportOptions& options);
void write_github_report(std::ostream& out, const LintReport& report, const ReportOptions& options);
void write_junit_report(std::ostream& out, const LintReport& report, const ReportOptions& options);

}  // namespace meshc
