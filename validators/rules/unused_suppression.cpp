#include "validators/rules/unused_suppression.h"

#include "validators/rule.h"

namespace meshc {
namespace {

class UnusedSuppressionRule final : public Rule {
 public:
  UnusedSuppressionRule()
      : Rule({"MC1007", "unused-suppression", Severity::Warning,
              "a suppression that suppresses nothing, or names an unknown rule"}) {}
};

std::string scope_words(const Suppression& s) {
  switch (s.scope) {
    case Suppression::Scope::Line: return "meshc:ignore";
    case Suppression::Scope::File: return "meshc:ignore-file";
    case Suppression::Scope::Resource: return std::string(k_ignore_annotation);
  }
  return {};
}

}  // namespace

std::unique_ptr<Rule> make_UnusedSuppressionRule() { return std::make_unique<UnusedSuppressionRule>(); }

void report_unused_suppressions(const std::vector<Suppression>& suppressions,
                                const std::map<std::string, Severity, std::less<>>& active_rules,
                                Severity severity, std::vector<Diagnostic>& out) {
  const Rule* self = find_rule(unused_suppression_code);
  FindingSink sink(self->info(), severity, out);
  for (const auto& s : suppressions) {
    const Location at{s.file, s.position.line, s.position.column};
    bool any_active = false;
    for (const auto& name : s.rules) {
      const Rule* rule = find_rule(name);
      if (rule == nullptr) {
        auto& d = sink.report(at, scope_words(s) + " names unknown rule '" + name +
                                      "'; see `meshc lint --list-rules`");
        d.resource = s.resource;
        continue;
      }
      any_active = any_active || active_rules.contains(rule->info().code);
    }
    if (s.used || !any_active) continue;
    std::string names;
    for (const auto& n : s.rules) names += (names.empty() ? "" : ",") + n;
    auto& d = sink.report(at, scope_words(s) + " " + names + " suppresses nothing; remove it");
    d.resource = s.resource;
  }
}

}  // namespace meshc
