#include <iostream>

#include "cli/exit_codes.h"
#include "cli/lint_command.h"
#include "cli/rule_docs.h"
#include "validators/rule.h"

namespace meshc {

int run_explain_command(const std::string& name) {
  const Rule* rule = find_rule(name);
  if (rule == nullptr) {
    std::cerr << "meshc: unknown rule '" << name << "'; see `meshc lint --list-rules`\n";
    return k_exit_usage;
  }
  const auto page = rule_doc(rule->info().code);
  if (page.empty()) {
    std::cout << rule->info().code << " " << rule->info().slug << ": " << rule->info().summary << '\n';
    return k_exit_ok;
  }
  std::cout << page;
  if (!page.ends_with('\n')) std::cout << '\n';
  return k_exit_ok;
}

std::string version_text() {
  std::string revision = MESHC_GIT_REVISION;
  return std::string("meshc ") + MESHC_VERSION + (revision.empty() ? "" : " (git " + revision + ")") +
         "\nIstio API " + MESHC_ISTIO_API_VERSION +
         " (networking.istio.io v1, v1beta1, v1alpha3; security.istio.io v1, v1beta1)\n";
}

}  // namespace meshc
