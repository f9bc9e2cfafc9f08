// The typed PeerAuthentication, AuthorizationPolicy and RequestAuthentication.
#include "compiler/model/typed_builders.h"

namespace meshc {
namespace {

std::string index_path(std::string_view base, size_t i) { return std::string(base) + "[" + std::to_string(i) + "]"; }

// `principals` / `notPrincipals` pairs of one source or operation, keyed by
// the positive name.
std::map<std::string, AuthzValues> read_authz_fields(const BuildContext& ctx, const Node* entry, const std::string& path) {
  std::map<std::string, AuthzValues> out;
  if (entry == nullptr || !entry->is_mapping()) return out;
  for (const auto& e : entry->entries) {
    std::string key(e.key->str());
    const bool negated = key.size() > 3 && key.starts_with("not") && std::isupper(static_cast<unsigned char>(key[3]));
    if (negated) key = std::string(1, static_cast<char>(std::tolower(static_cast<unsigned char>(key[3])))) + key.substr(4);
    AuthzValues& v = out[key];
    (negated ? v.not_values : v.values) = string_list(e.value);
    if (!negated || v.site.at.line == 0) v.site = ctx.site(e.value, path + "." + std::string(e.key->str()));
  }
  return out;
}

}  // namespace

PeerAuthentication read_peer_authentication(const BuildContext& ctx) {
  PeerAuthentication pa;
  pa.meta = ctx.meta;
  pa.scope = read_policy_scope(ctx, "selector", "matchLabels");
  const Node* spec = ctx.spec();
  const Node* mtls = mapping_at(spec, "mtls");
  const Node* mode = mtls ? mtls->get("mode") : nullptr;
  pa.mode = mode ? std::string(mode->str()) : "";
  pa.mode_site = mode ? ctx.site(mode, "spec.mtls.mode") : ctx.site(nullptr, "spec");
  if (const Node* ports = mapping_at(spec, "portLevelMtls")) {
    for (const auto& e : ports->entries) {
      const auto port = uint_of(e.key, true);
      if (!port) continue;
      const Node* m = e.value && e.value->is_mapping() ? e.value->get("mode") : nullptr;
      pa.port_modes[*port] = m ? std::string(m->str()) : "";
      pa.port_sites[*port] = ctx.site(e.key, "spec.portLevelMtls." + std::string(e.key->str()));
    }
  }
  return pa;
}

AuthorizationPolicy read_authorization_policy(const BuildContext& ctx) {
  AuthorizationPolicy ap;
  ap.meta = ctx.meta;
  ap.scope = read_policy_scope(ctx, "selector", "matchLabels");
  const Node* spec = ctx.spec();
  if (const Node* action = spec ? spec->get("action") : nullptr; action && action->is_scalar()) {
    ap.action = std::string(action->text);
    ap.action_site = ctx.site(action, "spec.action");
  } else {
    ap.action_site = ctx.site(spec, "spec");
  }
  if (const Node* provider = mapping_at(spec, "provider")) ap.provider = string_at(provider, "name");
  const Node* rules = spec ? spec->get("rules") : nullptr;
  ap.has_rules = rules != nullptr;
  for_each_item(rules, [&](size_t i, const Node& r) {
    AuthzRule rule;
    const std::string path = index_path("spec.rules", i);
    rule.site = ctx.site(&r, path);
    const Node* from = r.get("from");
    const Node* to = r.get("to");
    rule.has_from = from != nullptr;
    rule.has_to = to != nullptr;
    for_each_item(from, [&](size_t j, const Node& f) {
      const std::string p = index_path(path + ".from", j) + ".source";
      rule.from.push_back({read_authz_fields(ctx, mapping_at(&f, "source"), p), ctx.site(&f, index_path(path + ".from", j))});
    });
    for_each_item(to, [&](size_t j, const Node& t) {
      const std::string p = index_path(path + ".to", j) + ".operation";
      rule.to.push_back({read_authz_fields(ctx, mapping_at(&t, "operation"), p), ctx.site(&t, index_path(path + ".to", j))});
    });
    for_each_item(r.get("when"), [&](size_t j, const Node& w) {
      const std::string p = index_path(path + ".when", j);
      AuthzCondition c;
      c.key = string_at(&w, "key");
      c.values.values = string_list(w.get("values"));
      c.values.not_values = string_list(w.get("notValues"));
      c.values.site = ctx.site(&w, p);
      rule.when.push_back(std::move(c));
    });
    ap.rules.push_back(std::move(rule));
  });
  return ap;
}

RequestAuthentication read_request_authentication(const BuildContext& ctx) {
  RequestAuthentication ra;
  ra.meta = ctx.meta;
  ra.scope = read_policy_scope(ctx, "selector", "matchLabels");
  for_each_item(ctx.spec() ? ctx.spec()->get("jwtRules") : nullptr,
                [&](size_t, const Node& r) { ra.issuers.push_back(string_at(&r, "issuer")); });
  return ra;
}

}  // namespace meshc
