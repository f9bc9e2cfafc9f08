// MC2108 custom-not-enforced: a CUSTOM AuthorizationPolicy delegates to an
// external authorizer, which `meshc serve` does not call.
#include "validators/rule.h"
#include "validators/values/authz_values.h"

namespace meshc {
namespace {

class CustomNotEnforcedRule final : public Rule {
 public:
  CustomNotEnforcedRule()
      : Rule({"MC2108", "custom-not-enforced", Severity::Info,
              "a CUSTOM policy: meshc serve does not call external authorizers"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      if (!authz::is_checked(r, "AuthorizationPolicy")) continue;
      const MapEntry* action = authz::entry(*r.spec, "action");
      if (!action || action->value->str() != "CUSTOM") continue;
      std::string provider;
      if (const Node* p = authz::child(*r.spec, "provider"); p && p->is_mapping())
        if (const Node* name = authz::child(*p, "name"); name && name->is_scalar()) provider = std::string(name->text);
      out.report(ctx.file, r, action->value->position,
                 r.label() + ": spec.action CUSTOM delegates decisions to the external authorizer" +
                     (provider.empty() ? std::string() : " '" + provider + "'") +
                     ", which meshc serve does not call: meshc serve refuses to start for a workload this policy "
                     "selects; enforce it with Istio's proxies",
                 "spec.action");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_CustomNotEnforcedRule() { return std::make_unique<CustomNotEnforcedRule>(); }

}  // namespace meshc
