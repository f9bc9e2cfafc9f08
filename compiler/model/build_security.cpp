// The typed PeerAuthentication, AuthorizationPolicy and RequestAuthentication.
#include "compiler/model/typed_builders.h"

namespace meshc {
namespace {

uint32_t u32(size_t i) { return static_cast<uint32_t>(i); }

// The field names of sources and operations, as static text for field paths.
const char* static_field_name(std::string_view key) {
  static constexpr const char* k_names[] = {
      "principals", "notPrincipals", "requestPrincipals", "notRequestPrincipals", "namespaces", "notNamespaces",
      "serviceAccounts", "notServiceAccounts", "ipBlocks", "notIpBlocks", "remoteIpBlocks", "notRemoteIpBlocks",
      "hosts", "notHosts", "ports", "notPorts", "methods", "notMethods", "paths", "notPaths"};
  for (const char* name : k_names)
    if (key == name) return name;
  return nullptr;
}

// `principals` / `notPrincipals` pairs of one source or operation, keyed by
// the positive name. `pattern` is the path of the source or operation.
std::map<std::string, AuthzValues> read_authz_fields(const BuildContext& ctx, const Node* entry, const char* pattern,
                                                     uint32_t rule, uint32_t index) {
  std::map<std::string, AuthzValues> out;
  if (entry == nullptr || !entry->is_mapping()) return out;
  for (const auto& e : entry->entries) {
    const std::string_view written = e.key->str();
    std::string key(written);
    const bool negated = key.size() > 3 && key.starts_with("not") && std::isupper(static_cast<unsigned char>(key[3]));
    if (negated) key = std::string(1, static_cast<char>(std::tolower(static_cast<unsigned char>(key[3])))) + key.substr(4);
    AuthzValues& v = out[key];
    (negated ? v.not_values : v.values) = string_list(e.value);
    if (!negated || v.site.at.line == 0) v.site = ctx.site(e.value, FieldPath(pattern, {rule, index}, static_field_name(written)));
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
  pa.mode_site = mode ? ctx.site(mode, FieldPath("spec.mtls.mode")) : ctx.site(nullptr, FieldPath("spec"));
  if (const Node* ports = mapping_at(spec, "portLevelMtls")) {
    for (const auto& e : ports->entries) {
      const auto port = uint_of(e.key, true);
      if (!port) continue;
      const Node* m = e.value && e.value->is_mapping() ? e.value->get("mode") : nullptr;
      pa.port_modes[*port] = m ? std::string(m->str()) : "";
      pa.port_sites[*port] = ctx.site(e.key, FieldPath("spec.portLevelMtls.#", {*port}));
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
    ap.action_site = ctx.site(action, FieldPath("spec.action"));
  } else {
    ap.action_site = ctx.site(spec, FieldPath("spec"));
  }
  if (const Node* provider = mapping_at(spec, "provider")) ap.provider = string_at(provider, "name");
  ap.dry_run = ctx.resource.annotation("istio.io/dry-run") == "true";
  const Node* rules = spec ? spec->get("rules") : nullptr;
  for_each_item(rules, [&](size_t i, const Node& r) {
    AuthzRule rule;
    const uint32_t n = u32(i);
    rule.site = ctx.site(&r, FieldPath("spec.rules[#]", {n}));
    const Node* from = r.get("from");
    const Node* to = r.get("to");
    for_each_item(from, [&](size_t j, const Node& f) {
      rule.from.push_back({read_authz_fields(ctx, mapping_at(&f, "source"), "spec.rules[#].from[#].source", n, u32(j)),
                           ctx.site(&f, FieldPath("spec.rules[#].from[#]", {n, u32(j)}))});
    });
    for_each_item(to, [&](size_t j, const Node& t) {
      rule.to.push_back({read_authz_fields(ctx, mapping_at(&t, "operation"), "spec.rules[#].to[#].operation", n, u32(j)),
                         ctx.site(&t, FieldPath("spec.rules[#].to[#]", {n, u32(j)}))});
    });
    for_each_item(r.get("when"), [&](size_t j, const Node& w) {
      AuthzCondition c;
      c.key = string_at(&w, "key");
      c.values.values = string_list(w.get("values"));
      c.values.not_values = string_list(w.get("notValues"));
      c.values.site = ctx.site(&w, FieldPath("spec.rules[#].when[#]", {n, u32(j)}));
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
  return ra;
}

}  // namespace meshc
