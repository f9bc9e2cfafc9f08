// MC1006 unknown-kind: an Istio kind meshc does not check.
#include "validators/rule.h"

namespace meshc {
namespace {

class UnknownKindRule final : public Rule {
 public:
  UnknownKindRule()
      : Rule({"MC1006", "unknown-kind", Severity::Info, "an *.istio.io kind meshc does not check"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      if (r.category != KindCategory::UnknownIstio) continue;
      const Node* kind = r.root->get("kind");
      out.report(ctx.file, r, kind->position,
                 r.label() + ": meshc does not check " + r.kind + " (" + r.api_version + ")", "kind");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_UnknownKindRule() { return std::make_unique<UnknownKindRule>(); }

}  // namespace meshc
