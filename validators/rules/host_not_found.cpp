// MC3004 host-not-found: a destination host that no Kubernetes Service or
// ServiceEntry of the config set defines, so Envoy has no cluster for it.
// A set is only trusted to be complete where it holds registry objects: the
// Services of the host's namespace, or (for other hosts) ServiceEntries.
#include <algorithm>
#include <map>
#include <set>
#include <vector>
#include <string>

#include "compiler/match/host.h"
#include "compiler/model/mesh_lookup.h"
#include "validators/rule.h"
#include "validators/rules/vs_destinations.h"
#include "validators/values/ip_address.h"

namespace meshc {
namespace {

// The namespaces whose Kubernetes services the set models: those with a
// Service. A ServiceEntry for a VM workload of the namespace says nothing
// about the namespace's other Services, so it does not count.
std::set<std::string, std::less<>> modelled_namespaces(const MeshConfig& mesh) {
  std::set<std::string, std::less<>> out;
  for (const KubeService* svc : mesh.services) out.insert(svc->meta.ns());
  return out;
}

// Every object that could give a host an Envoy cluster, ignoring exportTo
// (the callers' namespaces are not known for Gateway-bound routes), indexed
// once per set.
class KnownHosts {
 public:
  explicit KnownHosts(const MeshConfig& mesh) : mesh_(mesh) {
    for (const ServiceEntry* se : mesh.index.wildcard_service_entries)
      for (const auto& h : se->hosts) {
        std::string resolved = resolve_host(h, se->meta.ns(), mesh.domain_suffix);
        if (resolved.find('*') != std::string::npos) wildcards_.push_back(std::move(resolved));
      }
    for (const ServiceEntry* se : mesh.service_entries) addresses_.insert(se->addresses.begin(), se->addresses.end());
    for (const WorkloadEntry* we : mesh.workload_entries) addresses_.insert(we->address);
    for (const KubeService* svc : mesh.services) {
      const std::string base = svc->meta.name() + "." + svc->meta.ns();
      partial_.emplace(base, svc);
      partial_.emplace(base + ".svc", svc);
    }
  }

  bool defined(std::string_view host) const {
    if (!MeshConfig::listed(mesh_.index.service_entries_by_host, host).empty() || addresses_.contains(host))
      return true;
    return std::any_of(wildcards_.begin(), wildcards_.end(), [&](const std::string& w) { return hosts_overlap(w, host); });
  }

  // The Service a host like `reviews.shop` or `reviews.shop.svc` was meant
  // for: Istio completes only names without a dot, so these reach no cluster.
  const KubeService* partially_qualified(std::string_view host) const {
    auto it = partial_.find(host);
    return it == partial_.end() ? nullptr : it->second;
  }

 private:
  const MeshConfig& mesh_;
  std::set<std::string, std::less<>> addresses_;  // of ServiceEntries and WorkloadEntries
  std::vector<std::string> wildcards_;
  std::map<std::string, const KubeService*, std::less<>> partial_;
};

class HostNotFoundRule final : public Rule {
 public:
  HostNotFoundRule()
      : Rule({"MC3004", "host-not-found", Severity::Warning,
              "a destination host that no Service or ServiceEntry in the config set defines"}) {}

  void check_set(const SetContext& ctx, FindingSink& out) const override {
    if (ctx.mesh.services.empty() && ctx.mesh.service_entries.empty()) return;
    const auto modelled = modelled_namespaces(ctx.mesh);
    const KnownHosts known(ctx.mesh);
    for (const VirtualService* vs : ctx.mesh.virtual_services)
      for_each_destination(*vs, [&](const RouteDestination& d) {
        if (!d.host.empty()) check(ctx.mesh, modelled, known, *vs, d, out);
      });
  }

 private:
  static void check(const MeshConfig& mesh, const std::set<std::string, std::less<>>& modelled,
                    const KnownHosts& known, const VirtualService& vs, const RouteDestination& d, FindingSink& out) {
    const std::string host = resolve_host(d.host, vs.meta.ns(), mesh.domain_suffix);
    if (host.find('*') != std::string::npos || is_ip_address(host)) return;
    const std::string_view ns = service_namespace(host, mesh.domain_suffix);
    const KubeService* meant = ns.empty() ? known.partially_qualified(host) : nullptr;
    const bool set_is_complete = !ns.empty() ? modelled.contains(ns) : meant || !mesh.service_entries.empty();
    if (!set_is_complete) return;
    if (known.defined(host) || registry_lookup(mesh, host, vs.meta.ns()).found) return;

    const std::string where = d.host_site.path.str();
    std::string message = vs.meta.label() + ": " + where + " " + d.host;
    if (meant) {
      const std::string fqdn = resolve_host(meant->meta.name(), meant->meta.ns(), mesh.domain_suffix);
      message += " is not a registry host: Istio completes only names without a dot; write " + fqdn;
    } else if (!ns.empty()) {
      message += (d.host == host ? "" : " (" + host + ")") + " is not a Service of namespace " + std::string(ns) +
                 " in this config set, nor a ServiceEntry host; fix the host or add the Service";
    } else {
      message += " matches no ServiceEntry host in this config set; add a ServiceEntry for it or fix the host";
    }
    auto& diag = report_at(out, vs.meta, d.host_site, message);
    if (meant) diag.related.push_back({meant->meta.location, meant->meta.label() + " is defined here"});
  }
};

}  // namespace

std::unique_ptr<Rule> make_HostNotFoundRule() { return std::make_unique<HostNotFoundRule>(); }

}  // namespace meshc
