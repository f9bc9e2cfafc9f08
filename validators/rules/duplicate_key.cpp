// MC1003 duplicate-key: a mapping key given twice; yaml-cpp, like Kubernetes
// clients, would keep one of the values silently.
#include "validators/rule.h"

namespace meshc {
namespace {

class DuplicateKeyRule final : public Rule {
 public:
  DuplicateKeyRule()
      : Rule({"MC1003", "duplicate-key", Severity::Error,
              "a mapping key given twice: only one of the values would take effect"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& p : ctx.document.problems) {
      if (p.kind != YamlProblem::Kind::DuplicateKey) continue;
      auto& d = out.report(ctx.file, p.position, p.message + " in the same mapping; remove one of them");
      d.related.push_back({{ctx.file.name(), p.first.line, p.first.column}, "first given here"});
      // The resource holding the key, so its meshc.io/ignore annotation applies.
      for (const auto& r : ctx.resources)
        if (r.position().line <= p.position.line) d.resource = r.ref();
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_DuplicateKeyRule() { return std::make_unique<DuplicateKeyRule>(); }

}  // namespace meshc
