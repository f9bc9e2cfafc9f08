// MC3003 vs-host-not-in-gateway: a VirtualService names a Gateway of the set
// whose servers serve none of its hosts, so the Gateway never routes to it.
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "compiler/match/ascii.h"
#include "compiler/match/host.h"
#include "compiler/model/mesh_lookup.h"
#include "validators/rule.h"
#include "validators/rules/vs_gateway_refs.h"

namespace meshc {
namespace {

// Whether a server host ("host", "ns/host", "./host", "*/host") of a Gateway
// in `gateway_ns` applies to a VirtualService of `vs_ns` with host `vs_host`.
bool serves(std::string_view server_host, std::string_view gateway_ns, std::string_view vs_ns,
            std::string_view vs_host) {
  std::string_view dns = server_host;
  if (const size_t slash = server_host.find('/'); slash != std::string_view::npos) {
    std::string_view ns = server_host.substr(0, slash);
    if (ns == ".") ns = gateway_ns;
    if (ns != "*" && ns != vs_ns) return false;
    dns = server_host.substr(slash + 1);
  }
  return hosts_overlap(ascii_lower(dns), vs_host);
}

bool gateway_serves_any(const Gateway& gw, const VirtualService& vs, const std::string& domain_suffix) {
  for (const std::string& written : vs.hosts) {
    // Istio's analyzer compares the host as written, istiod the resolved
    // one: either is enough to stay quiet.
    for (const std::string& h : {ascii_lower(written), resolve_host(written, vs.meta.ns(), domain_suffix)})
      for (const GatewayServer& server : gw.servers)
        for (const std::string& sh : server.hosts)
          if (serves(sh, gw.meta.ns(), vs.meta.ns(), h)) return true;
  }
  return false;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

class VsHostNotInGatewayRule final : public Rule {
 public:
  VsHostNotInGatewayRule()
      : Rule({"MC3003", "vs-host-not-in-gateway", Severity::Warning,
              "no host of a VirtualService is served by a Gateway it names"}) {}

  void check_set(const SetContext& ctx, FindingSink& out) const override {
    for (const VirtualService* vs : ctx.mesh.virtual_services) {
      if (vs->is_delegate()) continue;
      for (const GatewayReference& ref : gateway_references(*vs)) {
        const auto& named = gateways_named(ctx.mesh, ref.name);
        if (named.empty()) continue;  // gateway-not-found's finding
        if (std::any_of(named.begin(), named.end(),
                        [&](const Gateway* g) { return gateway_serves_any(*g, *vs, ctx.mesh.domain_suffix); }))
          continue;
        auto& d =
            report_at(out, vs->meta, *ref.site,
                      vs->meta.label() + ": " + reference_field(ref) + " binds it to Gateway " + ref.name +
                          ", which serves none of its hosts (" + joined(vs->hosts) + ") to namespace " + vs->meta.ns() +
                          "; add a matching host to a server of the Gateway, or fix the VirtualService's hosts");
        for (const Gateway* g : named)
          for (const GatewayServer& server : g->servers)
            if (!server.hosts.empty())
              d.related.push_back({g->meta.location_of(server.host_sites.empty() ? server.site : server.host_sites[0]),
                                   g->meta.label() + " server hosts: " + joined(server.hosts)});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_VsHostNotInGatewayRule() { return std::make_unique<VsHostNotInGatewayRule>(); }

}  // namespace meshc
