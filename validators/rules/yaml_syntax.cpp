// MC1001 yaml-syntax: the YAML cannot be parsed.
#include "validators/rule.h"

namespace meshc {
namespace {

class YamlSyntaxRule final : public Rule {
 public:
  YamlSyntaxRule()
      : Rule({"MC1001", "yaml-syntax", Severity::Error,
              "the YAML cannot be parsed (reported at the first bad byte)"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& p : ctx.document.problems)
      if (p.kind == YamlProblem::Kind::Syntax) out.report(ctx.file, p.position, "invalid YAML: " + p.message);
  }
};

}  // namespace

std::unique_ptr<Rule> make_YamlSyntaxRule() { return std::make_unique<YamlSyntaxRule>(); }

}  // namespace meshc
