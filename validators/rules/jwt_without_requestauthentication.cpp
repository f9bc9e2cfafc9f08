// MC3103 jwt-without-requestauthentication: request principals, `request.auth.*`
// conditions or JWT claim route matches for workloads no RequestAuthentication
// applies to. Only a RequestAuthentication makes a sidecar or gateway validate
// JWTs; without one no request has a request principal or claims.
#include <algorithm>
#include <optional>
#include <string_view>
#include <vector>

#include "compiler/model/mesh_lookup.h"
#include "compiler/model/policy_scope.h"
#include "validators/rule.h"

namespace meshc {
namespace {

constexpr std::string_view k_claim_header = "@request.auth.claims";

// The workloads of each RequestAuthentication (nullopt: targetRefs, which
// meshc does not resolve), computed once per set.
using ValidatorScopes = std::vector<std::optional<WorkloadScope>>;

ValidatorScopes request_authentication_scopes(const MeshConfig& mesh) {
  ValidatorScopes out;
  for (const auto* ra : mesh.request_authentications) out.push_back(policy_workloads(mesh, ra->meta, ra->scope));
  return out;
}

// Whether some RequestAuthentication in the set may apply to a workload in `scope`.
bool jwt_may_be_validated(const ValidatorScopes& validators, const WorkloadScope& scope) {
  return std::any_of(validators.begin(), validators.end(),
                     [&](const auto& ra_scope) { return !ra_scope || may_overlap(*ra_scope, scope); });
}

// The `when` keys a validated JWT sets; malformed ones are MC2101's.
bool is_jwt_key(std::string_view key) {
  if (key == "request.auth.principal" || key == "request.auth.audiences" || key == "request.auth.presenter")
    return true;
  return key.starts_with("request.auth.claims[") && key.ends_with("]") && key.size() > 21;
}

// A Gateway's selector picks workloads in every namespace (Istio's default).
WorkloadScope gateway_workloads(const Gateway& gw) {
  WorkloadScope scope = namespace_workloads(gw.meta.ns(), gw.selector);
  scope.mesh_wide = true;
  return scope;
}

class JwtWithoutRequestAuthenticationRule final : public Rule {
 public:
  JwtWithoutRequestAuthenticationRule()
      : Rule({"MC3103", "jwt-without-requestauthentication", Severity::Warning,
              "JWT principals, request.auth conditions or claim routes where no RequestAuthentication applies"}) {}

  void check_set(const SetContext& ctx, FindingSink& out) const override {
    const ValidatorScopes validators = request_authentication_scopes(ctx.mesh);
    for (const auto* ap : ctx.mesh.authorization_policies) check_policy(ctx.mesh, validators, *ap, out);
    for (const auto* vs : ctx.mesh.virtual_services) check_routes(ctx.mesh, validators, *vs, out);
  }

 private:
  static void check_policy(const MeshConfig& mesh, const ValidatorScopes& validators, const AuthorizationPolicy& ap,
                           FindingSink& out) {
    // CUSTOM policies may not use these fields at all (MC2107).
    if (ap.action == "CUSTOM") return;
    const auto scope = policy_workloads(mesh, ap.meta, ap.scope);
    if (!scope || jwt_may_be_validated(validators, *scope)) return;
    const auto report = [&](const AuthzValues& values, const std::string& what) {
      const bool positive = !values.values.empty();
      report_at(out, ap.meta, values.site,
                ap.meta.label() + ": " + what + (positive ? " can never match" : " holds for every request") +
                    ": no RequestAuthentication in the config set applies to the workloads this policy selects (" +
                    describe(*scope) + "), so no request there carries a validated JWT; add a RequestAuthentication "
                    "with jwtRules for them");
    };
    for (const auto& rule : ap.rules) {
      for (const auto& from : rule.from)
        for (const auto& [field, values] : from.fields)
          if (field == "requestPrincipals" && (!values.values.empty() || !values.not_values.empty()))
            report(values, values.site.path);
      for (const auto& c : rule.when)
        if (is_jwt_key(c.key) && (!c.values.values.empty() || !c.values.not_values.empty()))
          report(c.values, c.values.site.path + " (" + c.key + ")");
    }
  }

  static void check_routes(const MeshConfig& mesh, const ValidatorScopes& validators, const VirtualService& vs,
                           FindingSink& out) {
    for (const auto& route : vs.http) {
      for (size_t i = 0; i < route.matches.size() && i < route.match_sites.size(); ++i) {
        const HttpMatchSpec& m = route.matches[i];
        const KeyedMatch* claim = nullptr;
        for (const auto& h : m.headers)
          if (h.key.starts_with(k_claim_header) && h.match.kind != StringMatch::Kind::Any) claim = &h;
        if (claim == nullptr) continue;
        for (const auto& reference : m.gateways) {
          const Gateway* gw = reference == "mesh" ? nullptr : find_gateway(mesh, reference);
          if (gw == nullptr || jwt_may_be_validated(validators, gateway_workloads(*gw))) continue;
          auto& d = report_at(
              out, vs.meta, route.match_sites[i],
              vs.meta.label() + ": " + route.match_sites[i].path + " matches the JWT claim header '" + claim->key +
                  "', but no RequestAuthentication in the config set applies to the workloads of " +
                  gw->meta.label() + (gw->selector.empty() ? "" : " (" + describe(gw->selector) + ")") +
                  ", so requests through it carry no claims and this match never matches there; add a "
                  "RequestAuthentication that selects those gateway workloads");
          d.related.push_back({gw->meta.location_of(gw->selector_site), "the gateway's workloads"});
          break;
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_JwtWithoutRequestAuthenticationRule() {
  return std::make_unique<JwtWithoutRequestAuthenticationRule>();
}

}  // namespace meshc
