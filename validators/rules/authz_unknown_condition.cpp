// MC2101 authz-unknown-condition: a `when` key that Istio does not support.
#include "validators/rule.h"
#include "validators/values/authz_values.h"
#include "validators/values/field_paths.h"

namespace meshc {
namespace {

// Istio's validateMapKey: name[key], with something inside the brackets.
bool map_key_ok(std::string_view key) {
  const auto open = key.find('[');
  return key.ends_with("]") && open != std::string_view::npos && open > 0 && open + 2 < key.size();
}

// "" when Istio accepts the key, else what is wrong and what to use.
std::string problem(std::string_view key) {
  static constexpr std::string_view k_plain[] = {
      "source.ip",      "remote.ip",      "source.namespace",       "source.principal",
      "source.serviceAccount", "source.trustDomain", "request.auth.principal", "request.auth.audiences",
      "request.auth.presenter", "destination.ip", "destination.port", "connection.sni"};
  for (std::string_view p : k_plain)
    if (key == p) return {};
  static constexpr std::string_view k_maps[] = {"request.headers", "request.experimental.inline.headers",
                                                "request.auth.claims", "experimental.envoy.filters."};
  for (std::string_view p : k_maps)
    if (key.starts_with(p)) {
      if (map_key_ok(key)) return {};
      return "is not in the form " + std::string(p) + (p.ends_with(".") ? "NAME" : "") +
             "[NAME]; put the name in brackets, e.g. '" + std::string(p) + (p.ends_with(".") ? "x" : "") + "[x]'";
    }
  if (key == "destination.namespace") return "is not supported: put the policy in the namespace it should protect";
  if (key.starts_with("destination.labels"))
    return "is not supported: select the workloads with the policy's spec.selector.matchLabels";
  if (key == "destination.name" || key == "destination.user")
    return "was only supported by the removed v1alpha1 RBAC API; use the policy's selector or targetRefs";
  if (key.starts_with("request.header[") || key.starts_with("request.header."))
    return "is not supported; did you mean request.headers[NAME]?";
  if (key.starts_with("request.auth.claims.") || key.starts_with("request.auth.claim["))
    return "is not supported; claims are written request.auth.claims[NAME]";
  if (key == "source.principals" || key == "source.namespaces" || key == "source.serviceAccounts")
    return "is not supported; use " + std::string(key.substr(0, key.size() - 1));
  return "is not a condition key Istio supports; use one of request.headers[NAME], source.ip, remote.ip, "
         "source.namespace, source.principal, source.serviceAccount, source.trustDomain, request.auth.principal, "
         "request.auth.audiences, request.auth.presenter, request.auth.claims[NAME], destination.ip, "
         "destination.port, connection.sni";
}

class AuthzUnknownConditionRule final : public Rule {
 public:
  AuthzUnknownConditionRule()
      : Rule({"MC2101", "authz-unknown-condition", Severity::Error,
              "a `when` key Istio does not support (e.g. request.header[x], destination.labels[x])"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      if (!authz::is_checked(r, "AuthorizationPolicy")) continue;
      for_each_field(*r.root, "spec.rules[].when[].key", [&](const FieldMatch& m) {
        if (!m.value.is_string() || m.value.text.empty()) return;  // schema's, authz-invalid-rule's
        const std::string p = problem(m.value.text);
        if (p.empty()) return;
        out.report(ctx.file, r, m.value.position, r.label() + ": " + m.path + " '" + std::string(m.value.text) + "' " + p,
                   m.path);
      });
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_AuthzUnknownConditionRule() { return std::make_unique<AuthzUnknownConditionRule>(); }

}  // namespace meshc
