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
                                Severity severity, bool self_entries, std::vector<Diagnostic>& out) {
  const Rule* self = find_rule(unused_suppression_code);
  FindingSink sink(self->info(), severity, out);
  for (const auto& s : suppressions) {
    if (s.foreign) continue;
    const Location at{s.file, s.position.line, s.position.column};
    std::string written;
    for (const auto& n : s.rules) written += (written.empty() ? "" : ",") + n;
    std::vector<std::string> unused;
    for (size_t i = 0; i < s.rules.size(); ++i) {
      const Rule* rule = find_rule(s.rules[i]);
      if ((rule == self) != self_entries) continue;
      if (rule == nullptr) {
        auto& d = sink.report(at, scope_words(s) + " names unknown rule '" + s.rules[i] +
                                      "'; see `meshc lint --list-rules`");
        d.resource = s.resource;
      } else if (!s.rule_used[i] && active_rules.contains(rule->info().code)) {
        unused.push_back(s.rules[i]);
      }
    }
    if (unused.empty()) continue;
    const bool whole = unused.size() == s.rules.size();
    auto& d = sink.report(at, whole ? scope_words(s) + " " + written + " suppresses nothing; remove it"
                                    : unused.front() + " in " + scope_words(s) + " " + written +
                                          " suppresses nothing; remove " + unused.front());
    d.resource = s.resource;
  }
}

}  // namespace meshc
