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
      if (r.category != KindCategory::Checked || !r.version_known || !has_snake_case_key(*r.root)) continue;
      walk_fields(*r.root, SchemaView::of_kind(r.kind), [&](const FieldVisit& f) {
        const std::string_view written = f.entry.key->text;
        if (written == f.name) return;
        // Istio's CRDs declare these two proto names, so the API server keeps
        // them; it prunes every other undeclared field.
        const bool declared = written == "jwks_uri" || written == "mirror_percent";
        const std::string message =
            declared ? "'" + std::string(written) + "' is accepted, but the canonical name is '" + std::string(f.name) + "'"
                     : "'" + std::string(written) + "' is Istio's proto name for '" + std::string(f.name) +
                           "': istioctl accepts it, but the Kubernetes API server drops fields Istio's CRD does not "
                           "declare; write '" + std::string(f.name) + "'";
        out.report(ctx.file, r, f.entry.key->position, r.label() + ": " + message, f.path());
      });
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_NonCanonicalFieldRule() { return std::make_unique<NonCanonicalFieldRule>(); }

}  // namespace meshc
