#pragma once
// `meshc lint`: options as parsed from the command line, and the run.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace meshc {

struct LintCommandOptions {
  std::vector<std::string> paths;
  std::string format = "auto";      // auto|text|json|sarif|github|junit
  std::string color = "auto";       // auto|always|never
  std::string fail_on = "error";    // error|warning|info|none
  std::string output;               // file to write the report to; "" for stdout
  std::string stdin_filename = "<stdin>";
  std::optional<std::string> ns;
  std::string config_file;
  std::string mesh_config;
  std::vector<std::string> enable;
  std::vector<std::string> disable;
  bool no_inline_suppressions = false;
  bool show_suppressed = false;
  std::string baseline;
  std::string write_baseline;
  std::vector<std::string> changed;
  bool changed_given = false;
  std::string sarif_root;
  std::string max_file_size = "256MiB";
  bool list_rules = false;
  unsigned jobs = 0;
};

// Runs lint and returns the exit code (docs/exit-codes.md).
int run_lint_command(const LintCommandOptions& options);

// `meshc explain CODE|SLUG`: prints the rule's page.
int run_explain_command(const std::string& rule);

// The version line(s) of `meshc --version`.
std::string version_text();

}  // namespace meshc
