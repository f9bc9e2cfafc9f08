#include "cli/lint_command.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

#include "cli/baseline.h"
#include "cli/config_file.h"
#include "cli/exit_codes.h"
#include "cli/inputs.h"
#include "cli/lint_plan.h"
#include "cli/report/report.h"
#include "validators/linter.h"

namespace meshc {
namespace {

namespace fs = std::filesystem;

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

std::string resolve_rule(const std::string& name) {
  const Rule* r = find_rule(name);
  if (r == nullptr) throw UsageError("unknown rule '" + name + "'; see `meshc lint --list-rules`");
  return std::string(r->info().code);
}

std::map<std::string, Severity, std::less<>> rule_selection(const ConfigFile& cfg, const LintCommandOptions& o) {
  auto rules = default_rule_severities();
  for (const auto& [name, level] : cfg.severity) rules[resolve_rule(name)] = level;
  const auto severity_of = [&](const std::string& code) {
    for (const auto& [name, level] : cfg.severity)
      if (resolve_rule(name) == code) return level;
    return find_rule(code)->info().default_severity;
  };
  for (const auto& n : cfg.disable) rules.erase(resolve_rule(n));
  for (const auto& n : cfg.enable) rules[resolve_rule(n)] = severity_of(resolve_rule(n));
  for (const auto& n : o.disable) rules.erase(resolve_rule(n));
  for (const auto& n : o.enable) rules[resolve_rule(n)] = severity_of(resolve_rule(n));
  return rules;
}

std::string resolved_format(const std::string& format) {
  static const std::set<std::string> known{"auto", "text", "json", "sarif", "github", "junit"};
  if (!known.contains(format)) throw UsageError("unknown --format '" + format + "'; use auto, text, json, sarif, github or junit");
  if (format != "auto") return format;
  return env("GITHUB_ACTIONS") == "true" ? "github" : "text";
}

bool use_color(const std::string& color, bool to_terminal) {
  if (color == "always") return true;
  if (color == "never") return false;
  if (color != "auto") throw UsageError("unknown --color '" + color + "'; use auto, always or never");
  return to_terminal && env("NO_COLOR").empty() && env("TERM") != "dumb";
}

std::optional<Severity> fail_threshold(const std::string& fail_on) {
  if (fail_on == "none") return std::nullopt;
  Severity s;
  if (!parse_severity(fail_on, s)) throw UsageError("unknown --fail-on '" + fail_on + "'; use error, warning, info or none");
  return s;
}

int list_rules(const std::string& format) {
  if (format == "json") {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& r : all_rule_infos())
      out.push_back({{"code", r.code}, {"rule", r.slug}, {"severity", severity_name(r.default_severity)},
                     {"summary", r.summary}, {"helpUri", rule_help_uri(r.code)}});
    std::cout << out.dump(2) << '\n';
    return k_exit_ok;
  }
  if (format != "auto" && format != "text") throw UsageError("--list-rules supports --format text or json");
  size_t slug_width = 0;
  for (const auto& r : all_rule_infos()) slug_width = std::max(slug_width, r.slug.size());
  for (const auto& r : all_rule_infos()) {
    std::string slug(r.slug);
    slug.resize(slug_width, ' ');
    std::string sev(severity_name(r.default_severity));
    sev.resize(8, ' ');
    std::cout << r.code << "  " << slug << "  " << sev << "  " << r.summary << '\n';
  }
  return k_exit_ok;
}

}  // namespace

int run_lint_command(const LintCommandOptions& o) {
  try {
    if (o.list_rules) return list_rules(o.format);
    const std::string format = resolved_format(o.format);
    const auto fail_on = fail_threshold(o.fail_on);
    const bool color = use_color(o.color, o.output.empty() && isatty(STDOUT_FILENO) == 1);

    ConfigFile cfg;
    const std::string cfg_path = o.config_file.empty() ? find_config_file(".") : o.config_file;
    if (!cfg_path.empty()) cfg = read_config_file(cfg_path);

    LintRequest request;
    request.rules = rule_selection(cfg, o);
    request.inline_suppressions = !o.no_inline_suppressions;
    request.threads = o.jobs;
    if (cfg.ns) request.settings.default_namespace = *cfg.ns;
    if (o.ns) request.settings.default_namespace = *o.ns;
    if (cfg.mesh) request.settings.mesh = *cfg.mesh;
    if (!o.mesh_config.empty()) read_mesh_config(o.mesh_config, request.settings.mesh);

    InputOptions input;
    input.stdin_name = o.stdin_filename;
    input.ignore_patterns = cfg.ignore_paths;
    input.ignore_root = cfg.directory.empty() ? fs::current_path().string() : cfg.directory;
    if (!parse_byte_size(o.max_file_size, input.max_file_size))
      throw UsageError("--max-file-size '" + o.max_file_size + "' is not a size (e.g. 256MiB)");

    const LintPlan plan(cfg, o.paths, o.changed, o.changed_given);
    if (plan.nothing_to_check()) return k_exit_ok;
    request.files = load_inputs(plan.paths(), input);
    request.sets = plan.sets_of(request.files);

    LintResult result = lint(request);
    plan.keep_changed_findings(request.files, result.findings);

    // Written before the old baseline applies, so rewriting a baseline in
    // place keeps the findings it already accepted.
    if (!o.write_baseline.empty()) write_baseline(o.write_baseline, result.findings);
    if (!o.baseline.empty()) apply_baseline(o.baseline, result.findings);

    LintReport report;
    report.summary.files = request.files.size();
    report.summary.ignored = result.ignored;
    for (const auto& f : request.files) report.files.push_back({f->name(), {}});
    for (const auto& r : result.resources) {
      ++report.summary.resources;
      if (r.category == KindCategory::Checked) report.files[r.file].resources.push_back(r.ref);
    }
    bool failed = false;
    for (auto& d : result.findings) {
      if (d.suppressed) {
        ++report.summary.suppressed;
        if (!o.show_suppressed) continue;
      } else {
        switch (d.severity) {
          case Severity::Error: ++report.summary.errors; break;
          case Severity::Warning: ++report.summary.warnings; break;
          case Severity::Info: ++report.summary.infos; break;
        }
        if (fail_on && d.severity >= *fail_on) failed = true;
      }
      report.findings.push_back(std::move(d));
    }

    std::ofstream file_out;
    if (!o.output.empty()) {
      file_out.open(o.output, std::ios::binary | std::ios::trunc);
      if (!file_out) throw ConfigError(o.output + ": cannot write the report");
    }
    std::ostream& out = o.output.empty() ? std::cout : file_out;
    ReportOptions ro;
    ro.fail_on = fail_on;
    ro.color = color && o.output.empty();
    ro.sarif_root = fs::absolute(o.sarif_root.empty() ? "." : o.sarif_root).lexically_normal().string();
    ro.tool_version = MESHC_VERSION;
    ro.rules = all_rule_infos();
    if (format == "text") write_text_report(out, report, ro);
    else if (format == "json") write_json_report(out, report, ro);
    else if (format == "sarif") write_sarif_report(out, report, ro);
    else if (format == "github") write_github_report(out, report, ro);
    else write_junit_report(out, report, ro);
    out.flush();
    return failed ? k_exit_findings : k_exit_ok;
  } catch (const InputError& e) {
    std::cerr << "meshc: " << e.what() << '\n';
    return k_exit_unreadable;
  } catch (const ConfigError& e) {
    std::cerr << "meshc: " << e.what() << '\n';
    return k_exit_usage;
  } catch (const UsageError& e) {
    std::cerr << "meshc: " << e.what() << '\n';
    return k_exit_usage;
  }
}

}  // namespace meshc
