// MC3101 authz-deny-shadows-allow: an ALLOW rule whose every request a DENY
// rule on the same workloads matches. Istio checks DENY policies before ALLOW
// policies, so that ALLOW rule can never allow anything.
#include "compiler/model/authz_cover.h"
#include "compiler/model/policy_scope.h"
#include "validators/rule.h"

namespace meshc {
namespace {

struct DenyMatch {
  const AuthorizationPolicy* policy = nullptr;
  const AuthzRule* rule = nullptr;
};

// A DENY policy with the workloads it applies to.
struct DenyPolicy {
  const AuthorizationPolicy* policy;
  WorkloadScope scope;
};

class AuthzDenyShadowsAllowRule final : public Rule {
 public:
  AuthzDenyShadowsAllowRule()
      : Rule({"MC3101", "authz-deny-shadows-allow", Severity::Warning,
              "an ALLOW rule whose every request a DENY policy on the same workloads denies"}) {}

  void check_set(const SetContext& ctx, FindingSink& out) const override {
    std::vector<DenyPolicy> denies;
    for (const auto* deny : ctx.mesh.authorization_policies) {
      if (deny->action != "DENY" || deny->dry_run) continue;
      if (auto scope = policy_workloads(ctx.mesh, deny->meta, deny->scope)) denies.push_back({deny, std::move(*scope)});
    }
    if (denies.empty()) return;
    for (const auto* allow : ctx.mesh.authorization_policies) {
      if (allow->action != "ALLOW" || allow->dry_run) continue;
      const auto scope = policy_workloads(ctx.mesh, allow->meta, allow->scope);
      if (!scope) continue;
      for (const auto& rule : allow->rules) {
        const DenyMatch deny = find_deny(denies, *scope, rule);
        if (deny.policy == nullptr) continue;
        auto& d = report_at(out, allow->meta, rule.site,
                            allow->meta.label() + ": " + rule.site.path + " allows nothing: the DENY " +
                                deny.policy->meta.label() + " applies to all of this policy's workloads, and its " +
                                deny.rule->site.path +
                                " denies every request this rule matches before ALLOW policies are checked; remove "
                                "the rule, or narrow the DENY rule if this traffic should pass");
        d.related.push_back({deny.policy->meta.location_of(deny.rule->site),
                             "this DENY rule matches every request the ALLOW rule matches"});
      }
    }
  }

 private:
  // A DENY rule that applies to every workload in `scope` and matches every
  // request `rule` matches.
  static DenyMatch find_deny(const std::vector<DenyPolicy>& denies, const WorkloadScope& scope, const AuthzRule& rule) {
    for (const auto& deny : denies) {
      if (!contains(deny.scope, scope)) continue;
      for (const auto& candidate : deny.policy->rules)
        if (authz_rule_covers(candidate, rule)) return {deny.policy, &candidate};
    }
    return {};
  }
};

}  // namespace

std::unique_ptr<Rule> make_AuthzDenyShadowsAllowRule() { return std::make_unique<AuthzDenyShadowsAllowRule>(); }

}  // namespace meshc
