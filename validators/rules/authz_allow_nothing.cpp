// MC2105 authz-allow-nothing: an ALLOW AuthorizationPolicy without rules
// matches no request, and once one ALLOW policy applies to a workload, a
// request that no ALLOW policy matches is denied. Alone, it denies
// everything; beside ALLOW policies that open some traffic, it is Istio's
// recommended allow-nothing baseline, reported as info.
#include "compiler/model/policy_scope.h"
#include "validators/rule.h"

namespace meshc {
namespace {

// An enforced ALLOW policy (a dry-run one is only logged).
bool is_allow(const AuthorizationPolicy& ap) { return ap.action == "ALLOW" && !ap.dry_run; }

class AuthzAllowNothingRule final : public Rule {
 public:
  AuthzAllowNothingRule()
      : Rule({"MC2105", "authz-allow-nothing", Severity::Warning,
              "an ALLOW policy without rules that no other ALLOW policy opens: every request is denied"}) {}

  void check_set(const SetContext& ctx, FindingSink& out) const override {
    for (const auto* ap : ctx.mesh.authorization_policies) {
      if (!is_allow(*ap) || !ap->rules.empty()) continue;
      const auto scope = policy_workloads(ctx.mesh, ap->meta, ap->scope);
      if (!scope) continue;
      const AuthorizationPolicy* opener = find_opener(ctx.mesh, *ap, *scope);
      if (opener == nullptr) {
        report_at(out, ap->meta, ap->action_site,
                  ap->meta.label() + ": an ALLOW policy without rules allows nothing, and no other ALLOW policy in " +
                      "the config set applies to the workloads it selects (" + describe(*scope) +
                      "): every request to them is denied; add rules for the traffic they should accept, or ALLOW "
                      "policies for it beside this one");
        continue;
      }
      auto& d = report_at(
          out, ap->meta, ap->action_site,
          ap->meta.label() + ": an ALLOW policy without rules allows nothing: the workloads it selects (" +
              describe(*scope) + ") accept only what other ALLOW policies allow, such as " + opener->meta.label() +
              " (the allow-nothing baseline Istio recommends); nothing to do if that is the intent");
      d.severity = Severity::Info;
      d.related.push_back({opener->meta.location_of(opener->rules.front().site),
                           "an ALLOW policy with rules that may apply to the same workloads"});
    }
  }

 private:
  // An ALLOW policy with rules that may apply to some of the same workloads.
  // One with targetRefs (a gateway, a service's waypoint) may apply to any
  // workload of its namespace, and mesh-wide from the root namespace.
  static const AuthorizationPolicy* find_opener(const MeshConfig& mesh, const AuthorizationPolicy& self,
                                                const WorkloadScope& scope) {
    for (const auto* other : mesh.authorization_policies) {
      if (other == &self || !is_allow(*other) || other->rules.empty()) continue;
      const auto other_scope = policy_workloads(mesh, other->meta, other->scope);
      WorkloadScope reach = other_scope.value_or(namespace_workloads(other->meta.ns(), std::nullopt));
      reach.mesh_wide = reach.mesh_wide || other->meta.ns() == mesh.root_namespace;
      if (may_overlap(scope, reach)) return other;
    }
    return nullptr;
  }
};

}  // namespace

std::unique_ptr<Rule> make_AuthzAllowNothingRule() { return std::make_unique<AuthzAllowNothingRule>(); }

}  // namespace meshc
