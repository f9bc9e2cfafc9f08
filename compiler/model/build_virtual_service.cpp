// The typed VirtualService: hosts, gateways, and each http rule's match blocks
// (as the match library evaluates them) and destinations.
#include <algorithm>

#include "compiler/frontend/scalar_type.h"
#include "compiler/match/ascii.h"
#include "compiler/model/mesh_lookup.h"
#include "compiler/model/typed_builders.h"

namespace meshc {
namespace {

std::vector<KeyedMatch> read_keyed_matches(const Node* map, bool lower_keys) {
  std::vector<KeyedMatch> out;
  if (map == nullptr || !map->is_mapping()) return out;
  for (const auto& e : map->entries) {
    const std::string key = lower_keys ? ascii_lower(e.key->str()) : std::string(e.key->str());
    out.push_back({key, read_string_match(e.value)});
  }
  return out;
}

HttpMatchSpec read_match_block(const Node& m, std::string_view ns, const std::vector<std::string>& vs_gateways) {
  HttpMatchSpec spec;
  spec.name = string_at(&m, "name");
  const Node* ignore = m.get("ignoreUriCase");
  const bool ignore_case = ignore && ignore->scalar_type == ScalarType::Bool && yaml_bool_value(ignore->text);
  spec.uri = read_string_match(m.get("uri"), ignore_case);
  spec.scheme = read_string_match(m.get("scheme"));
  spec.method = read_string_match(m.get("method"));
  spec.authority = read_string_match(m.get("authority"));
  spec.headers = read_keyed_matches(m.get("headers"), true);
  spec.without_headers = read_keyed_matches(m.get("withoutHeaders"), true);
  spec.query_params = read_keyed_matches(m.get("queryParams"), false);
  spec.port = uint_of(m.get("port"));
  spec.source_labels = string_map(m.get("sourceLabels"));
  if (const Node* sn = m.get("sourceNamespace"); sn && sn->is_scalar()) spec.source_namespace = std::string(sn->text);
  for (const auto& g : string_list(m.get("gateways"))) spec.gateways.push_back(resolve_gateway(g, ns));
  if (spec.gateways.empty()) spec.gateways = vs_gateways;
  return spec;
}

// `pattern` names the destination mapping, e.g. "spec.http[#].route[#].destination".
RouteDestination read_destination(const BuildContext& ctx, const Node* dest, const char* pattern, uint32_t i,
                                  uint32_t j = 0) {
  RouteDestination d;
  d.site = ctx.site(dest, FieldPath(pattern, {i, j}));
  if (dest == nullptr || !dest->is_mapping()) return d;
  d.host = string_at(dest, "host");
  d.host_site = ctx.site(dest->get("host"), FieldPath(pattern, {i, j}, "host"));
  d.subset = string_at(dest, "subset");
  const Node* subset = dest->get("subset");
  d.subset_site = subset ? ctx.site(subset, FieldPath(pattern, {i, j}, "subset")) : d.site;
  d.port = uint_of(mapping_at(dest, "port") ? mapping_at(dest, "port")->get("number") : nullptr);
  return d;
}

std::vector<RouteDestination> read_route_destinations(const BuildContext& ctx, const Node* route, const char* pattern,
                                                      uint32_t rule_index) {
  std::vector<RouteDestination> out;
  for_each_item(route, [&](size_t i, const Node& r) {
    if (const Node* d = mapping_at(&r, "destination"))
      out.push_back(read_destination(ctx, d, pattern, rule_index, static_cast<uint32_t>(i)));
  });
  return out;
}

HttpRoute read_http_route(const BuildContext& ctx, const Node& rule, uint32_t index,
                          const std::vector<std::string>& vs_gateways) {
  HttpRoute h;
  h.site = ctx.site(&rule, FieldPath("spec.http[#]", {index}));
  h.name = string_at(&rule, "name");
  h.gateways = vs_gateways;
  for_each_item(rule.get("match"), [&](size_t i, const Node& m) {
    if (!m.is_mapping() && !m.is_null()) return;
    h.matches.push_back(read_match_block(m, ctx.meta.ns(), vs_gateways));
    h.match_sites.push_back(ctx.site(&m, FieldPath("spec.http[#].match[#]", {index, static_cast<uint32_t>(i)})));
  });
  h.destinations = read_route_destinations(ctx, rule.get("route"), "spec.http[#].route[#].destination", index);
  if (const Node* mirror = mapping_at(&rule, "mirror"))
    h.mirrors.push_back(read_destination(ctx, mirror, "spec.http[#].mirror", index));
  for_each_item(rule.get("mirrors"), [&](size_t i, const Node& m) {
    if (const Node* d = mapping_at(&m, "destination"))
      h.mirrors.push_back(read_destination(ctx, d, "spec.http[#].mirrors[#].destination", index, static_cast<uint32_t>(i)));
  });
  h.has_delegate = mapping_at(&rule, "delegate") != nullptr;
  return h;
}

}  // namespace

StringMatch read_string_match(const Node* node, bool ignore_case) {
  if (node == nullptr || !node->is_mapping()) return node && node->is_null() ? StringMatch::presence() : StringMatch::any();
  if (const Node* v = node->get("exact"); v && v->is_scalar()) return StringMatch::exact(std::string(v->text), ignore_case);
  if (const Node* v = node->get("prefix"); v && v->is_scalar()) return StringMatch::prefix(std::string(v->text), ignore_case);
  if (const Node* v = node->get("regex"); v && v->is_scalar()) {
    // Istio reads `regex: "*"` (not valid RE2) as "present".
    if (v->text == "*") return StringMatch::presence();
    return StringMatch::regex(std::string(v->text));
  }
  return StringMatch::presence();
}

VirtualService read_virtual_service(const BuildContext& ctx) {
  VirtualService vs;
  vs.meta = ctx.meta;
  const Node* spec = ctx.spec();
  for_each_item(spec ? spec->get("hosts") : nullptr, [&](size_t i, const Node& h) {
    if (!h.is_scalar()) return;
    vs.hosts.emplace_back(h.text);
    vs.host_sites.push_back(ctx.site(&h, FieldPath("spec.hosts[#]", {static_cast<uint32_t>(i)})));
  });
  for_each_item(spec ? spec->get("gateways") : nullptr, [&](size_t i, const Node& g) {
    if (!g.is_scalar()) return;
    vs.gateways.push_back(resolve_gateway(g.text, ctx.meta.ns()));
    vs.gateway_sites.push_back(ctx.site(&g, FieldPath("spec.gateways[#]", {static_cast<uint32_t>(i)})));
  });
  if (vs.gateways.empty()) vs.gateways.push_back("mesh");
  for_each_item(spec ? spec->get("http") : nullptr, [&](size_t i, const Node& rule) {
    if (rule.is_mapping()) vs.http.push_back(read_http_route(ctx, rule, static_cast<uint32_t>(i), vs.gateways));
  });
  for_each_item(spec ? spec->get("tcp") : nullptr, [&](size_t i, const Node& rule) {
    const auto n = static_cast<uint32_t>(i);
    vs.tcp.push_back({ctx.site(&rule, FieldPath("spec.tcp[#]", {n})),
                      read_route_destinations(ctx, rule.get("route"), "spec.tcp[#].route[#].destination", n)});
  });
  for_each_item(spec ? spec->get("tls") : nullptr, [&](size_t i, const Node& rule) {
    const auto n = static_cast<uint32_t>(i);
    vs.tls.push_back({ctx.site(&rule, FieldPath("spec.tls[#]", {n})),
                      read_route_destinations(ctx, rule.get("route"), "spec.tls[#].route[#].destination", n)});
  });
  return vs;
}

}  // namespace meshc
