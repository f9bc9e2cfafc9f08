// The typed DestinationRule, ServiceEntry, WorkloadEntry, Gateway and Sidecar.
#include <algorithm>

#include "compiler/model/typed_builders.h"

namespace meshc {
namespace {

uint32_t u32(size_t i) { return static_cast<uint32_t>(i); }

std::string upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

// The TLS modes of one trafficPolicy (top level, or of subset `subset_index`):
// its own and its port-level ones.
void read_tls_modes(const BuildContext& ctx, const Node* policy, std::optional<uint32_t> subset_index,
                    const std::string& subset, std::vector<TlsSetting>& out) {
  if (policy == nullptr || !policy->is_mapping()) return;
  const auto add = [&](const Node* tls, FieldPath path, std::optional<uint32_t> port, FieldPath mode_path) {
    if (tls == nullptr || !tls->is_mapping()) return;
    const Node* mode = tls->get("mode");
    out.push_back({mode ? std::string(mode->str()) : "DISABLE", ctx.site(mode ? mode : tls, mode ? mode_path : path),
                   port, subset});
  };
  const uint32_t s = subset_index.value_or(0);
  if (subset_index)
    add(policy->get("tls"), FieldPath("spec.subsets[#].trafficPolicy.tls", {s}), std::nullopt,
        FieldPath("spec.subsets[#].trafficPolicy.tls.mode", {s}));
  else
    add(policy->get("tls"), FieldPath("spec.trafficPolicy.tls"), std::nullopt, FieldPath("spec.trafficPolicy.tls.mode"));
  for_each_item(policy->get("portLevelSettings"), [&](size_t i, const Node& p) {
    const Node* port = mapping_at(&p, "port");
    const auto number = uint_of(port ? port->get("number") : nullptr);
    if (subset_index)
      add(p.get("tls"), FieldPath("spec.subsets[#].trafficPolicy.portLevelSettings[#].tls", {s, u32(i)}), number,
          FieldPath("spec.subsets[#].trafficPolicy.portLevelSettings[#].tls.mode", {s, u32(i)}));
    else
      add(p.get("tls"), FieldPath("spec.trafficPolicy.portLevelSettings[#].tls", {u32(i)}), number,
          FieldPath("spec.trafficPolicy.portLevelSettings[#].tls.mode", {u32(i)}));
  });
}

std::vector<ServicePort> read_istio_ports(const BuildContext& ctx, const Node* ports) {
  std::vector<ServicePort> out;
  for_each_item(ports, [&](size_t i, const Node& p) {
    if (!p.is_mapping()) return;
    ServicePort port;
    port.number = uint_of(p.get("number")).value_or(0);
    port.name = string_at(&p, "name");
    port.protocol = upper(string_at(&p, "protocol"));
    port.site = ctx.site(&p, FieldPath("spec.ports[#]", {u32(i)}));
    out.push_back(std::move(port));
  });
  return out;
}

}  // namespace

PolicyScope read_policy_scope(const BuildContext& ctx, std::string_view key, std::string_view labels_key) {
  PolicyScope scope;
  const Node* spec = ctx.spec();
  if (const Node* sel = mapping_at(spec, key)) {
    scope.selector = string_map(sel->get(labels_key));
    scope.selector_site = ctx.site(sel, FieldPath(key == "selector" ? "spec.selector" : "spec.workloadSelector"));
  }
  if (spec != nullptr && spec->is_mapping())
    scope.has_target_refs = spec->get("targetRef") != nullptr || spec->get("targetRefs") != nullptr;
  return scope;
}

DestinationRule read_destination_rule(const BuildContext& ctx) {
  DestinationRule dr;
  dr.meta = ctx.meta;
  const Node* spec = ctx.spec();
  dr.host = string_at(spec, "host");
  dr.host_site = ctx.site(spec ? spec->get("host") : nullptr, FieldPath("spec.host"));
  if (const Node* policy = mapping_at(spec, "trafficPolicy")) {
    dr.has_traffic_policy = true;
    dr.traffic_policy_site = ctx.site(spec->key_node("trafficPolicy"), FieldPath("spec.trafficPolicy"));
    read_tls_modes(ctx, policy, std::nullopt, "", dr.tls);
  }
  for_each_item(spec ? spec->get("subsets") : nullptr, [&](size_t i, const Node& s) {
    if (!s.is_mapping()) return;
    Subset subset;
    subset.name = string_at(&s, "name");
    subset.labels = string_map(s.get("labels"));
    subset.site = ctx.site(&s, FieldPath("spec.subsets[#]", {u32(i)}));
    subset.name_site = ctx.site(s.get("name"), FieldPath("spec.subsets[#].name", {u32(i)}));
    subset.has_traffic_policy = mapping_at(&s, "trafficPolicy") != nullptr;
    read_tls_modes(ctx, s.get("trafficPolicy"), u32(i), subset.name, dr.tls);
    dr.subsets.push_back(std::move(subset));
  });
  if (const Node* sel = mapping_at(spec, "workloadSelector")) dr.workload_selector = string_map(sel->get("matchLabels"));
  return dr;
}

ServiceEntry read_service_entry(const BuildContext& ctx) {
  ServiceEntry se;
  se.meta = ctx.meta;
  const Node* spec = ctx.spec();
  for_each_item(spec ? spec->get("hosts") : nullptr, [&](size_t i, const Node& h) {
    if (!h.is_scalar()) return;
    se.hosts.emplace_back(h.text);
    se.host_sites.push_back(ctx.site(&h, FieldPath("spec.hosts[#]", {u32(i)})));
  });
  se.addresses = string_list(spec ? spec->get("addresses") : nullptr);
  se.ports = read_istio_ports(ctx, spec ? spec->get("ports") : nullptr);
  for_each_item(spec ? spec->get("endpoints") : nullptr, [&](size_t i, const Node& e) {
    if (!e.is_mapping()) return;
    se.endpoints.push_back(
        {string_at(&e, "address"), string_map(e.get("labels")), ctx.site(&e, FieldPath("spec.endpoints[#]", {u32(i)}))});
  });
  if (const Node* sel = mapping_at(spec, "workloadSelector")) se.workload_selector = string_map(sel->get("labels"));
  return se;
}

WorkloadEntry read_workload_entry(const BuildContext& ctx) {
  WorkloadEntry we;
  we.meta = ctx.meta;
  we.address = string_at(ctx.spec(), "address");
  we.labels = string_map(ctx.spec() ? ctx.spec()->get("labels") : nullptr);
  we.service_account = string_at(ctx.spec(), "serviceAccount");
  return we;
}

Gateway read_gateway(const BuildContext& ctx) {
  Gateway gw;
  gw.meta = ctx.meta;
  const Node* spec = ctx.spec();
  gw.selector = string_map(spec ? spec->get("selector") : nullptr);
  gw.selector_site = ctx.site(spec ? spec->get("selector") : nullptr, FieldPath("spec.selector"));
  for_each_item(spec ? spec->get("servers") : nullptr, [&](size_t i, const Node& s) {
    if (!s.is_mapping()) return;
    GatewayServer server;
    server.site = ctx.site(&s, FieldPath("spec.servers[#]", {u32(i)}));
    if (const Node* port = mapping_at(&s, "port")) {
      server.port = uint_of(port->get("number")).value_or(0);
      server.protocol = upper(string_at(port, "protocol"));
      server.port_site = ctx.site(port, FieldPath("spec.servers[#].port", {u32(i)}));
    }
    for_each_item(s.get("hosts"), [&](size_t j, const Node& h) {
      if (!h.is_scalar()) return;
      server.hosts.emplace_back(h.text);
      server.host_sites.push_back(ctx.site(&h, FieldPath("spec.servers[#].hosts[#]", {u32(i), u32(j)})));
    });
    server.bind = string_at(&s, "bind");
    gw.servers.push_back(std::move(server));
  });
  return gw;
}

Sidecar read_sidecar(const BuildContext& ctx) {
  Sidecar sc;
  sc.meta = ctx.meta;
  if (const Node* sel = mapping_at(ctx.spec(), "workloadSelector")) sc.workload_selector = string_map(sel->get("labels"));
  return sc;
}

}  // namespace meshc
