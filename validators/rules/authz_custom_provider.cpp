// MC2107 authz-custom-provider: CUSTOM policies without provider or rules,
// `provider` on another action, and CUSTOM rules using what the external
// authorizer cannot see (source identities, request.auth.*).
#include <array>

#include "validators/rule.h"
#include "validators/values/authz_values.h"

namespace meshc {
namespace {

using authz::child;
using authz::entry;

constexpr std::array<std::string_view, 10> k_unsupported_source{
    "principals",      "notPrincipals",      "requestPrincipals", "notRequestPrincipals", "namespaces",
    "notNamespaces",   "serviceAccounts",    "notServiceAccounts", "trustDomains",        "notTrustDomains"};

bool unsupported_key(std::string_view k) {
  return k == "source.namespace" || k == "source.principal" || k == "source.serviceAccount" ||
         k == "source.trustDomain" || k.starts_with("request.auth.");
}

class AuthzCustomProviderRule final : public Rule {
 public:
  AuthzCustomProviderRule()
      : Rule({"MC2107", "authz-custom-provider", Severity::Error,
              "CUSTOM without provider or rules, or provider on another action"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      if (!authz::is_checked(r, "AuthorizationPolicy")) continue;
      const auto report = [&](const Node& at, const std::string& path, const std::string& what) {
        out.report(ctx.file, r, at.position, r.label() + ": " + path + " " + what, path);
      };
      const MapEntry* action = entry(*r.spec, "action");
      const bool custom = action && action->value->str() == "CUSTOM";
      const MapEntry* provider = entry(*r.spec, "provider");
      const Node* rules = child(*r.spec, "rules");
      const bool no_rules = !rules || rules->is_null() || (rules->is_sequence() && rules->items.empty());
      if (!custom) {
        if (provider && !provider->value->is_null())
          report(*provider->key, "spec.provider",
                 "is set on a policy with action " + std::string(action ? action->value->str() : "ALLOW") +
                     "; provider is only for action CUSTOM: set 'action: CUSTOM' or remove the provider");
        continue;
      }
      if (no_rules) {
        report(*action->value, "spec.action",
               "CUSTOM without rules never triggers and Istio rejects it; add rules, or 'rules: [{}]' to send every "
               "request to the provider");
      } else {
        const Node* name = provider && provider->value->is_mapping() ? child(*provider->value, "name") : nullptr;
        if (!name || !name->is_scalar() || name->text.empty())
          report(provider ? *provider->key : *action->value, provider ? "spec.provider.name" : "spec.provider",
                 std::string(provider ? "is empty" : "is missing") +
                     ": a CUSTOM policy needs the name of an extension provider of the mesh config, e.g. "
                     "'provider: {name: ext-authz}'");
      }
      if (!rules || !rules->is_sequence()) continue;
      for (size_t i = 0; i < rules->items.size(); ++i) {
        const Node& rule = *rules->items[i];
        if (!rule.is_mapping()) continue;
        const std::string rp = "spec.rules[" + std::to_string(i) + "]";
        if (const Node* from = child(rule, "from"); from && from->is_sequence())
          for (size_t j = 0; j < from->items.size(); ++j) {
            const Node* src = from->items[j]->is_mapping() ? child(*from->items[j], "source") : nullptr;
            if (!src || !src->is_mapping()) continue;
            for (std::string_view f : k_unsupported_source)
              if (const MapEntry* e = entry(*src, f); e && e->value->is_sequence() && !e->value->items.empty())
                report(*e->key, rp + ".from[" + std::to_string(j) + "].source." + std::string(f),
                       "is not supported with action CUSTOM; match it in an ALLOW or DENY policy, or leave the "
                       "decision to the external authorizer");
          }
        if (const Node* when = child(rule, "when"); when && when->is_sequence())
          for (size_t j = 0; j < when->items.size(); ++j) {
            const Node* key = when->items[j]->is_mapping() ? child(*when->items[j], "key") : nullptr;
            if (key && key->is_string() && unsupported_key(key->text))
              report(*key, rp + ".when[" + std::to_string(j) + "].key",
                     "'" + std::string(key->text) +
                         "' is not supported with action CUSTOM; match it in an ALLOW or DENY policy, or leave the "
                         "decision to the external authorizer");
          }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_AuthzCustomProviderRule() { return std::make_unique<AuthzCustomProviderRule>(); }

}  // namespace meshc
