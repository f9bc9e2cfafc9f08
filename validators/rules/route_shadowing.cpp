#include "validators/rules/route_shadowing.h"

#include <algorithm>

#include "compiler/match/regex.h"
#include "compiler/model/mesh_lookup.h"

namespace meshc {
namespace {

using Kind = StringMatch::Kind;

bool contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::vector<std::string> gateways_of(const HttpMatchSpec& m) {
  return m.gateways.empty() ? std::vector<std::string>{"mesh"} : m.gateways;
}

HttpMatchSpec restricted_to(HttpMatchSpec m, const std::string& gateway) {
  m.gateways = {gateway};
  return m;
}

bool has_invalid_regex(const HttpMatchSpec& m) {
  const auto invalid = [](const StringMatch& s) { return s.kind == Kind::Regex && regex_error(s.value).has_value(); };
  const auto invalid_keyed = [&](const std::vector<KeyedMatch>& list) {
    return std::any_of(list.begin(), list.end(), [&](const KeyedMatch& k) { return invalid(k.match); });
  };
  return invalid(m.uri) || invalid(m.scheme) || invalid(m.method) || invalid(m.authority) || invalid_keyed(m.headers) ||
         invalid_keyed(m.without_headers) || invalid_keyed(m.query_params);
}

// What Istio's IsCatchAllRoute sees as a catch-all: a path of prefix `/` or
// regex `.*` and no header or query condition (method, scheme and authority
// are header conditions in Envoy).
bool is_istio_catch_all(const HttpMatchSpec& m) {
  const bool any_path = m.uri.kind == Kind::Any || m.uri.kind == Kind::Presence ||
                        (m.uri.kind == Kind::Prefix && m.uri.value == "/") ||
                        (m.uri.kind == Kind::Regex && m.uri.value == ".*");
  return any_path && m.method.kind == Kind::Any && m.scheme.kind == Kind::Any && m.authority.kind == Kind::Any &&
         m.headers.empty() && m.without_headers.empty() && m.query_params.empty();
}

// Istio stops building a VirtualService's routes after the first catch-all
// it builds, so nothing after one is ever tried. A block with a port is built
// only on that port, so only one without a port ends every route list.
bool drops_what_follows(const HttpMatchSpec& m) { return is_istio_catch_all(m) && !m.port; }

bool without_conditions(const HttpMatchSpec& m) {
  HttpMatchSpec bare;
  bare.gateways = m.gateways;
  bare.name = m.name;
  return m == bare;
}

bool same_conditions(HttpMatchSpec a, HttpMatchSpec b) {
  a.name.clear();
  b.name.clear();
  return a == b;
}

// Whether block `a` may be named as taking the traffic of another block.
// A rule with `delegate` matches only what the delegate's own rules match.
// Istio ignores sourceLabels and sourceNamespace in a block that names
// gateways, which the model cannot tell from one that inherits them, so a
// block with source conditions proves nothing about other blocks.
bool may_cover(const HttpRoute& rule, const HttpMatchSpec& a, const std::string& gateway) {
  return !rule.has_delegate && a.source_labels.empty() && !a.source_namespace && !has_invalid_regex(a) &&
         contains(gateways_of(a), gateway);
}

std::vector<std::string> resolved_hosts(const VirtualService& vs, const MeshConfig& mesh) {
  std::vector<std::string> out;
  for (const auto& h : vs.hosts) {
    std::string r = resolve_host(h, vs.meta.ns(), mesh.domain_suffix);
    if (!contains(out, r)) out.push_back(std::move(r));
  }
  return out;
}

// The VirtualServices whose routes Istio puts before `vs`'s on a gateway they
// share, for a host they share: same namespace and exportTo (so the gateway
// admits and lists them alike), and a merge order their creation timestamps
// prove (files without timestamps get theirs when applied).
std::vector<const VirtualService*> merged_before(const MeshConfig& mesh, const VirtualService& vs) {
  std::vector<const VirtualService*> out;
  if (vs.is_delegate() || vs.meta.creation_timestamp.empty()) return out;
  for (const VirtualService* other : mesh.virtual_services) {
    if (other == &vs || other->is_delegate() || other->meta.creation_timestamp.empty()) continue;
    if (other->meta.ns() != vs.meta.ns() || other->meta.export_to != vs.meta.export_to) continue;
    if (merge_before(other->meta, vs.meta)) out.push_back(other);
  }
  std::sort(out.begin(), out.end(),
            [](const VirtualService* a, const VirtualService* b) { return merge_before(a->meta, b->meta); });
  return out;
}

struct Context {
  const MeshConfig& mesh;
  const VirtualService& vs;
  const std::vector<const VirtualService*>& earlier_vs;
};

std::optional<Shadow> shadow_by(const BlockRef& by, const HttpMatchSpec& inner, const RequestAttributes& witness,
                                const std::string& gateway) {
  const HttpMatchSpec outer = restricted_to(block_spec(by), gateway);
  if (!covers(outer, inner) || !matches(outer, witness)) return std::nullopt;
  return Shadow{by, gateway, {}, witness};
}

// The first block of another VirtualService, merged before the shadowed
// block's on `gateway`, that matches every request `inner` matches. Istio
// moves catch-all routes behind the other VirtualServices' routes, and drops
// a VirtualService's routes after its first catch-all.
std::optional<Shadow> shadow_in_other(const VirtualService& other, const HttpMatchSpec& inner,
                                      const RequestAttributes& witness, const std::string& gateway) {
  for (size_t k = 0; k < other.http.size(); ++k) {
    const size_t blocks = std::max<size_t>(other.http[k].matches.size(), 1);
    for (size_t l = 0; l < blocks; ++l) {
      const BlockRef by{&other, k, l};
      const HttpMatchSpec a = block_spec(by);
      const bool catch_all = is_istio_catch_all(a) && contains(gateways_of(a), gateway);
      if (may_cover(other.http[k], a, gateway) && (!catch_all || is_istio_catch_all(inner)))
        if (auto s = shadow_by(by, inner, witness, gateway)) return s;
      if (catch_all) return std::nullopt;
    }
  }
  return std::nullopt;
}

// The first earlier block, in Istio's route order on `gateway` for `host`,
// that matches every request `block` matches there.
std::optional<Shadow> first_shadow(const Context& ctx, const BlockRef& block, const std::string& gateway,
                                   const std::string& host) {
  const HttpMatchSpec inner = restricted_to(block_spec(block), gateway);
  const auto witness = example_request(inner);
  if (!witness || !matches(inner, *witness)) return std::nullopt;
  if (gateway != "mesh" && contains(ctx.vs.gateways, gateway)) {
    for (const VirtualService* other : ctx.earlier_vs) {
      if (!contains(other->gateways, gateway) || !contains(resolved_hosts(*other, ctx.mesh), host)) continue;
      if (auto s = shadow_in_other(*other, inner, *witness, gateway)) {
        s->host = host;
        return s;
      }
    }
  }
  for (size_t k = 0; k <= block.rule; ++k) {
    const HttpRoute& rule = ctx.vs.http[k];
    const size_t blocks = k == block.rule ? block.block : std::max<size_t>(rule.matches.size(), 1);
    for (size_t l = 0; l < blocks; ++l) {
      const BlockRef by{&ctx.vs, k, l};
      const HttpMatchSpec a = block_spec(by);
      if (!may_cover(rule, a, gateway)) continue;
      // Istio merges a delegate's blocks with the root's and drops those that
      // conflict with it, so only a block that cannot conflict, or one that
      // stands or falls with the shadowed block, proves anything.
      if (ctx.vs.is_delegate() && !without_conditions(a) && !same_conditions(restricted_to(a, gateway), inner))
        continue;
      if (auto s = shadow_by(by, inner, *witness, gateway)) return s;
      if (!ctx.vs.is_delegate() && drops_what_follows(a) && matches(restricted_to(a, gateway), *witness))
        return Shadow{by, gateway, {}, *witness};
    }
  }
  return std::nullopt;
}

std::vector<Shadow> shadows_of(const Context& ctx, const BlockRef& block, const std::vector<std::string>& hosts) {
  const HttpMatchSpec spec = block_spec(block);
  if (has_invalid_regex(spec)) return {};
  std::vector<Shadow> out;
  for (const std::string& gateway : gateways_of(spec)) {
    for (const std::string& host : hosts) {
      auto s = first_shadow(ctx, block, gateway, host);
      if (!s) return {};
      out.push_back(std::move(*s));
    }
  }
  return out;
}

}  // namespace

bool RuleShadows::unreachable() const {
  return !blocks.empty() && std::all_of(blocks.begin(), blocks.end(), [](const BlockShadows& b) { return b.shadowed(); });
}

HttpMatchSpec block_spec(const BlockRef& ref) {
  const HttpRoute& rule = ref.vs->http[ref.rule];
  if (!rule.matches.empty()) return rule.matches[ref.block];
  HttpMatchSpec every_request;
  every_request.gateways = rule.gateways;
  return every_request;
}

const Site& block_site(const BlockRef& ref) {
  const HttpRoute& rule = ref.vs->http[ref.rule];
  return rule.matches.empty() ? rule.site : rule.match_sites[ref.block];
}

std::string rule_label(const VirtualService& vs, size_t rule) {
  const std::string& name = vs.http[rule].name;
  return "spec.http[" + std::to_string(rule) + "]" + (name.empty() ? "" : " (name \"" + name + "\")");
}

std::string block_path(const BlockRef& ref) {
  return "spec.http[" + std::to_string(ref.rule) + "].match[" + std::to_string(ref.block) + "]";
}

std::string block_label(const BlockRef& ref) {
  const HttpRoute& rule = ref.vs->http[ref.rule];
  if (rule.matches.size() <= 1) return rule_label(*ref.vs, ref.rule);
  return block_path(ref) + (rule.name.empty() ? "" : " (rule \"" + rule.name + "\")");
}

std::vector<RuleShadows> analyse_route_shadowing(const MeshConfig& mesh) {
  std::vector<RuleShadows> out;
  for (const VirtualService* vs : mesh.virtual_services) {
    const auto earlier = merged_before(mesh, *vs);
    const Context ctx{mesh, *vs, earlier};
    // A delegate has no hosts of its own; its rules are compared among themselves.
    const auto hosts = vs->is_delegate() ? std::vector<std::string>{""} : resolved_hosts(*vs, mesh);
    for (size_t i = 0; i < vs->http.size(); ++i) {
      RuleShadows rule{vs, i, {}};
      const size_t blocks = std::max<size_t>(vs->http[i].matches.size(), 1);
      for (size_t j = 0; j < blocks; ++j) {
        const BlockRef ref{vs, i, j};
        rule.blocks.push_back({ref, shadows_of(ctx, ref, hosts)});
      }
      out.push_back(std::move(rule));
    }
  }
  return out;
}

}  // namespace meshc
