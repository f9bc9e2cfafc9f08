// MC3005 destination-port-required: a destination without a port to a
// service with several ports. Istio then uses the port the request came in
// on, which at a Gateway (80, 443) is rarely a port of the service.
#include <algorithm>
#include <string>
#include <vector>

#include "compiler/model/mesh_lookup.h"
#include "validators/rule.h"
#include "validators/rules/vs_destinations.h"

namespace meshc {
namespace {

// The ports of the registry object with this metadata.
const std::vector<ServicePort>* ports_of(const MeshConfig& mesh, const ObjectMeta* meta) {
  for (const KubeService* svc : mesh.services)
    if (&svc->meta == meta) return &svc->ports;
  for (const ServiceEntry* se : mesh.service_entries)
    if (&se->meta == meta) return &se->ports;
  return nullptr;
}

// Distinct port numbers in order: a port listed for TCP and UDP is one port
// to a destination.
std::vector<uint32_t> port_numbers(const std::vector<ServicePort>& ports) {
  std::vector<uint32_t> out;
  for (const auto& p : ports)
    if (std::find(out.begin(), out.end(), p.number) == out.end()) out.push_back(p.number);
  return out;
}

std::string port_list(const std::vector<uint32_t>& ports) {
  std::string out;
  for (uint32_t p : ports) out += (out.empty() ? "" : ", ") + std::to_string(p);
  return out;
}

class DestinationPortRequiredRule final : public Rule {
 public:
  DestinationPortRequiredRule()
      : Rule({"MC3005", "destination-port-required", Severity::Error,
              "a destination without a port to a service with several ports"}) {}

  void check_set(const SetContext& ctx, FindingSink& out) const override {
    for (const VirtualService* vs : ctx.mesh.virtual_services)
      for_each_destination(*vs, [&](const RouteDestination& d) {
        if (!d.port && !d.host.empty()) check(ctx.mesh, *vs, d, out);
      });
  }

 private:
  static void check(const MeshConfig& mesh, const VirtualService& vs, const RouteDestination& d, FindingSink& out) {
    const std::string host = resolve_host(d.host, vs.meta.ns(), mesh.domain_suffix);
    const RegistryService service = registry_lookup(mesh, host, vs.meta.ns());
    if (!service.found || service.sources.empty()) return;
    // When several objects define the host, any one of them may be the one
    // Istio uses: claim only what holds for each.
    std::vector<std::vector<uint32_t>> numbers;
    std::vector<Site> sites;
    for (const ObjectMeta* source : service.sources) {
      const auto* ports = ports_of(mesh, source);
      if (ports == nullptr) return;
      numbers.push_back(port_numbers(*ports));
      if (numbers.back().size() < 2) return;
      sites.push_back(ports->front().site);
    }
    const ObjectMeta& first = *service.sources.front();
    auto& diag = report_at(out, vs.meta, d.site,
                           vs.meta.label() + ": " + d.site.path.str() + " to host " + d.host + " sets no port, and " +
                               first.label() + " has several (" + port_list(numbers.front()) +
                               "); set port.number to one of them");
    for (size_t i = 0; i < service.sources.size(); ++i)
      diag.related.push_back({service.sources[i]->location_of(sites[i]),
                              service.sources[i]->label() + " ports: " + port_list(numbers[i])});
  }
};

}  // namespace

std::unique_ptr<Rule> make_DestinationPortRequiredRule() { return std::make_unique<DestinationPortRequiredRule>(); }

}  // namespace meshc
