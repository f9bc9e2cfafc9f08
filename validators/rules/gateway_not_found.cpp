// MC3002 gateway-not-found: a VirtualService names a Gateway that is not in
// the config set; the routes bound to it are never served there.
#include <string>

#include "compiler/model/mesh_lookup.h"
#include "validators/rule.h"
#include "validators/rules/vs_gateway_refs.h"

namespace meshc {
namespace {

// A Gateway of the same name in another namespace: the usual cause is a short
// reference, which Istio resolves in the VirtualService's namespace.
const Gateway* same_name_elsewhere(const MeshConfig& mesh, std::string_view reference) {
  const std::string_view name = reference.substr(reference.find('/') + 1);
  for (const Gateway* g : mesh.gateways)
    if (g->meta.name() == name) return g;
  return nullptr;
}

class GatewayNotFoundRule final : public Rule {
 public:
  GatewayNotFoundRule()
      : Rule({"MC3002", "gateway-not-found", Severity::Error,
              "a VirtualService names a Gateway that is not in the config set"}) {}

  void check_set(const SetContext& ctx, FindingSink& out) const override {
    for (const VirtualService* vs : ctx.mesh.virtual_services) {
      // Istio ignores the gateways of a delegate; its root's gateways apply.
      if (vs->is_delegate()) continue;
      for (const GatewayReference& ref : gateway_references(*vs)) {
        if (find_gateway(ctx.mesh, ref.name)) continue;
        std::string message = vs->meta.label() + ": " + reference_field(ref) + " names Gateway " + ref.name +
                              ", which is not in this config set";
        const Gateway* other = same_name_elsewhere(ctx.mesh, ref.name);
        if (other)
          message += "; write " + other->meta.ns() + "/" + other->meta.name() +
                     " to bind to the Gateway of that name in namespace " + other->meta.ns();
        else
          message += "; add the Gateway to the set or fix the name";
        auto& d = report_at(out, vs->meta, *ref.site, message);
        if (other) d.related.push_back({other->meta.location, other->meta.label() + " is defined here"});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_GatewayNotFoundRule() { return std::make_unique<GatewayNotFoundRule>(); }

}  // namespace meshc
