// MC3102 authz-principals-without-mtls: an AuthorizationPolicy matches on
// the peer identity (principals, namespaces, service accounts) of workloads
// whose PeerAuthentication is proven DISABLE. Without mTLS a request carries
// no peer identity, so those conditions never match.
#include <array>
#include <string_view>

#include "compiler/model/policy_scope.h"
#include "validators/rule.h"

namespace meshc {
namespace {

constexpr std::array<std::string_view, 3> k_identity_fields{"principals", "namespaces", "serviceAccounts"};
constexpr std::array<std::string_view, 3> k_identity_keys{"source.principal", "source.namespace",
                                                          "source.serviceAccount"};

template <class List>
bool listed(const List& list, std::string_view name) {
  for (const auto item : list)
    if (item == name) return true;
  return false;
}

class AuthzPrincipalsWithoutMtlsRule final : public Rule {
 public:
  AuthzPrincipalsWithoutMtlsRule()
      : Rule({"MC3102", "authz-principals-without-mtls", Severity::Warning,
              "peer identities matched on workloads whose mTLS is DISABLE: they never match"}) {}

  void check_set(const SetContext& ctx, FindingSink& out) const override {
    for (const auto* ap : ctx.mesh.authorization_policies) {
      // CUSTOM policies may not use these fields at all (MC2107).
      if (ap->action == "CUSTOM") continue;
      const auto scope = policy_workloads(ctx.mesh, ap->meta, ap->scope);
      if (!scope) continue;
      const ProvenMtls mtls = proven_mtls(ctx.mesh, *scope, std::nullopt);
      if (mtls.mode != MtlsMode::Disable || mtls.sources.empty()) continue;
      const auto report = [&](const Site& site, const std::string& what) {
        auto& d = report_at(out, ap->meta, site,
                            ap->meta.label() + ": " + what + " can never match: " +
                                mtls.sources.front().policy->meta.label() +
                                " sets mTLS DISABLE for every workload this policy applies to (" + describe(*scope) +
                                "), so requests carry no peer identity; enable mTLS (PERMISSIVE or STRICT) for "
                                "them, or match on something a plaintext request has, such as ipBlocks");
        for (const auto& source : mtls.sources)
          d.related.push_back({source.policy->meta.location_of(source.site), "mTLS DISABLE set here"});
      };
      for (const auto& rule : ap->rules) {
        for (const auto& from : rule.from)
          for (const auto& [field, values] : from.fields)
            if (listed(k_identity_fields, field) && !values.values.empty()) report(values.site, values.site.path);
        for (const auto& c : rule.when)
          if (listed(k_identity_keys, c.key) && !c.values.values.empty())
            report(c.values.site, c.values.site.path + " (" + c.key + ")");
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_AuthzPrincipalsWithoutMtlsRule() {
  return std::make_unique<AuthzPrincipalsWithoutMtlsRule>();
}

}  // namespace meshc
