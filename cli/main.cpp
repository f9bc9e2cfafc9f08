// meshc: the command table. Each subcommand parses its flags into a plain
// options struct and hands it to its run function.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/exit_codes.h"
#include "cli/lint_command.h"

int main(int argc, char** argv) {
  using namespace meshc;
  CLI::App app{"meshc: lint, compile and serve Istio service-mesh configuration like source code.\n"
               "Run `meshc lint PATH...` to check VirtualService, DestinationRule, Gateway, ServiceEntry,\n"
               "WorkloadEntry, Sidecar, AuthorizationPolicy, PeerAuthentication and RequestAuthentication YAML.",
               "meshc"};
  app.require_subcommand(0, 1);
  bool show_version = false;
  app.add_flag("--version", show_version, "Print the version, git revision and Istio API version, then exit");

  LintCommandOptions lint;
  auto* lint_cmd = app.add_subcommand("lint", "Check mesh configuration; findings at file:line:col");
  lint_cmd->footer(
      "Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or configuration error,\n"
      "3 an input cannot be read.\nExamples:\n  meshc lint k8s/\n  helm template chart | meshc lint -\n"
      "  meshc lint --format sarif -o meshc.sarif .\nRule pages: meshc explain CODE");
  lint_cmd->add_option("paths", lint.paths, "Files, directories (recursive *.yaml, *.yml) or - for stdin");
  lint_cmd->add_option("--format", lint.format, "auto|text|json|sarif|github|junit (auto: github under GitHub Actions, else text)")
      ->capture_default_str();
  lint_cmd->add_option("--color", lint.color, "auto|always|never (auto honours NO_COLOR and needs a terminal)")
      ->capture_default_str();
  lint_cmd->add_option("--fail-on", lint.fail_on, "Exit 1 on findings at or above: error|warning|info|none")
      ->capture_default_str();
  lint_cmd->add_option("-o,--output", lint.output, "Write the report to FILE instead of stdout");
  lint_cmd->add_option("--stdin-filename", lint.stdin_filename, "Name shown for - (stdin)")->capture_default_str();
  lint_cmd->add_option("--namespace", lint.ns, "Namespace of objects that set none (default: default)");
  lint_cmd->add_option("--config-file", lint.config_file, "Use FILE instead of the nearest .meshc.yaml");
  lint_cmd->add_option("--mesh-config", lint.mesh_config, "Istio MeshConfig YAML (or the istio ConfigMap)");
  lint_cmd->add_option("--enable", lint.enable, "Enable RULE (code or slug); repeatable, or comma-separated")
      ->allow_extra_args(false)
      ->delimiter(',')
      ->type_name("RULE");
  lint_cmd->add_option("--disable", lint.disable, "Disable RULE (code or slug); repeatable, or comma-separated")
      ->allow_extra_args(false)
      ->delimiter(',')
      ->type_name("RULE");
  lint_cmd->add_flag("--no-inline-suppressions", lint.no_inline_suppressions,
                     "Ignore # meshc:ignore comments and meshc.io/ignore annotations");
  lint_cmd->add_flag("--show-suppressed", lint.show_suppressed, "Also report suppressed and baselined findings");
  lint_cmd->add_option("--baseline", lint.baseline, "Accept the findings recorded in FILE");
  lint_cmd->add_option("--write-baseline", lint.write_baseline, "Record the current findings in FILE");
  lint_cmd->add_option("--changed", lint.changed,
                       "Lint the config sets holding these files; report findings in them only")
      ->take_all();
  lint_cmd->add_option("--sarif-root", lint.sarif_root, "Directory SARIF URIs are relative to (default: .)");
  lint_cmd->add_option("--max-file-size", lint.max_file_size, "Inputs larger than this exit 3")->capture_default_str();
  lint_cmd->add_flag("--list-rules", lint.list_rules, "List every rule (with --format json: as JSON)");
  lint_cmd->add_option("-j,--jobs", lint.jobs, "Threads to use (default: one per core)");

  std::string explain_rule;
  auto* explain_cmd = app.add_subcommand("explain", "Print the documentation page of a rule");
  explain_cmd->add_option("rule", explain_rule, "Rule code (MC1002) or slug (schema)")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "meshc: " << e.what() << "\nRun `meshc --help` for usage.\n";
    return k_exit_usage;
  }
  if (show_version) {
    std::cout << version_text();
    return k_exit_ok;
  }
  lint.changed_given = lint_cmd->count("--changed") > 0;
  if (*lint_cmd) return run_lint_command(lint);
  if (*explain_cmd) return run_explain_command(explain_rule);
  std::cout << app.help();
  return k_exit_usage;
}
