// MC2110 peerauth-port-without-selector: portLevelMtls on a namespace- or
// mesh-wide PeerAuthentication, or an empty portLevelMtls.
#include "validators/rule.h"
#include "validators/values/authz_values.h"

namespace meshc {
namespace {

class PeerauthPortWithoutSelectorRule final : public Rule {
 public:
  PeerauthPortWithoutSelectorRule()
      : Rule({"MC2110", "peerauth-port-without-selector", Severity::Error,
              "port-level mTLS on a PeerAuthentication without selector"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      if (!authz::is_checked(r, "PeerAuthentication")) continue;
      const MapEntry* ports = authz::entry(*r.spec, "portLevelMtls");
      if (!ports || !ports->value->is_mapping()) continue;
      if (ports->value->entries.empty()) {
        out.report(ctx.file, r, ports->key->position,
                   r.label() + ": spec.portLevelMtls is empty, which Istio rejects; add a port or remove the field",
                   "spec.portLevelMtls");
        continue;
      }
      const Node* selector = authz::child(*r.spec, "selector");
      const Node* labels = selector && selector->is_mapping() ? authz::child(*selector, "matchLabels") : nullptr;
      if (labels && labels->is_mapping() && !labels->entries.empty()) continue;
      out.report(ctx.file, r, ports->key->position,
                 r.label() + ": spec.portLevelMtls needs a selector with matchLabels: a namespace- or mesh-wide "
                             "PeerAuthentication cannot set port-level mTLS; add spec.selector.matchLabels for the "
                             "workloads, or move the ports to a PeerAuthentication that selects them",
                 "spec.portLevelMtls");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_PeerauthPortWithoutSelectorRule() {
  return std::make_unique<PeerauthPortWithoutSelectorRule>();
}

}  // namespace meshc
