// MC1008 non-canonical-field: Istio accepts proto snake_case names
// (`jwks_uri`), but its documentation and tools use camelCase.
#include "validators/rule.h"
#include "validators/schema/field_walk.h"

namespace meshc {
namespace {

class NonCanonicalFieldRule final : public Rule {
 public:
  NonCanonicalFieldRule()
      : Rule({"MC1008", "non-canonical-field", Severity::Info,
              "a proto snake_case field name where Istio's canonical name is camelCase"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      if (r.category != KindCategory::Checked || !r.version_known) continue;
      walk_fields(*r.root, SchemaView::of_kind(r.kind), [&](const FieldVisit& f) {
        if (f.entry.key->text == f.name) return;
        out.report(ctx.file, r, f.entry.key->position,
                   "'" + std::string(f.entry.key->text) + "' is accepted, but the canonical name is '" +
                       std::string(f.name) + "'",
                   f.path);
      });
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_NonCanonicalFieldRule() { return std::make_unique<NonCanonicalFieldRule>(); }

}  // namespace meshc
