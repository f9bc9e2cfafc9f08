// MC2111 invalid-target-ref: a targetRef/targetRefs entry of an
// AuthorizationPolicy or RequestAuthentication that Istio rejects.
#include "validators/rule.h"
#include "validators/values/authz_values.h"
#include "validators/values/field_paths.h"

namespace meshc {
namespace {

class InvalidTargetRefRule final : public Rule {
 public:
  InvalidTargetRefRule()
      : Rule({"MC2111", "invalid-target-ref", Severity::Error,
              "a policy targetRef Istio rejects: no name, a namespace, or a kind it cannot attach to"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      if (!authz::is_checked(r, "AuthorizationPolicy") && !authz::is_checked(r, "RequestAuthentication")) continue;
      const auto check = [&](const FieldMatch& m) {
        if (!m.value.is_mapping()) return;
        const auto report = [&](const Node& at, const std::string& field, const std::string& what) {
          const std::string path = m.path + (field.empty() ? "" : "." + field);
          out.report(ctx.file, r, at.position, r.label() + ": " + path + " " + what, path);
        };
        if (const Node* name = authz::child(m.value, "name"); name && name->is_string() && name->text.empty())
          report(*name, "name", "is empty; name the Service, ServiceEntry or Gateway to attach to");
        if (const Node* ns = authz::child(m.value, "namespace"); ns && ns->is_string() && !ns->text.empty())
          report(*ns, "namespace",
                 "'" + std::string(ns->text) +
                     "' is set, but cross-namespace references are not supported; remove it and put the policy in "
                     "the target's namespace");
        const Node* kind = authz::child(m.value, "kind");
        if (!kind || !kind->is_string()) return;  // schema's
        const Node* group_node = authz::child(m.value, "group");
        if (group_node && !group_node->is_string()) return;
        const std::string_view k = kind->text;
        const std::string_view g = group_node ? group_node->text : std::string_view();
        std::string want;
        if (k == "Service") {
          if (g.empty() || g == "core") return;
          want = "\"\"";
        } else if (k == "ServiceEntry") {
          if (g == "networking.istio.io") return;
          want = "networking.istio.io";
        } else if (k == "Gateway" || k == "GatewayClass") {
          if (g == "gateway.networking.k8s.io") return;
          want = "gateway.networking.k8s.io";
        } else {
          report(*kind, "kind",
                 "'" + std::string(k) +
                     "' is not a kind a policy can attach to; use Service, ServiceEntry, Gateway or GatewayClass");
          return;
        }
        if (!group_node)
          report(*kind, "group", "is missing, so it is the core group, which has no kind " + std::string(k) +
                                     "; add 'group: " + want + "'");
        else
          report(*group_node, "group",
                 "'" + std::string(g) + "' does not match kind " + std::string(k) + "; use group " + want);
      };
      for_each_field(*r.root, "spec.targetRef", check);
      for_each_field(*r.root, "spec.targetRefs[]", check);
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_InvalidTargetRefRule() { return std::make_unique<InvalidTargetRefRule>(); }

}  // namespace meshc
