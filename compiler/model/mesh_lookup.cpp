#include "compiler/model/mesh_lookup.h"

#include <algorithm>
#include <tuple>

#include "compiler/match/ascii.h"

namespace meshc {
namespace {

// Whether a (resolved) config host applies to the concrete host `name`:
// equal, or a wildcard whose suffix it ends with.
bool host_applies(std::string_view config_host, std::string_view name) {
  if (config_host == name) return true;
  if (config_host == "*") return true;
  if (config_host.starts_with("*")) return name.ends_with(config_host.substr(1)) && name.size() > config_host.size() - 1;
  return false;
}

}  // namespace

std::string resolve_host(std::string_view host, std::string_view ns, std::string_view domain_suffix) {
  std::string out = ascii_lower(host);
  if (out.empty() || out == "*" || out.find('.') != std::string::npos) return out;
  return out + "." + std::string(ns) + ".svc." + std::string(domain_suffix);
}

std::string_view service_namespace(std::string_view fqdn, std::string_view domain_suffix) {
  const std::string suffix = ".svc." + std::string(domain_suffix);
  if (!fqdn.ends_with(suffix)) return {};
  const std::string_view head = fqdn.substr(0, fqdn.size() - suffix.size());
  const size_t dot = head.find('.');
  if (dot == std::string_view::npos || head.find('.', dot + 1) != std::string_view::npos) return {};
  return head.substr(dot + 1);
}

bool merge_before(const ObjectMeta& a, const ObjectMeta& b) {
  return std::tie(a.creation_timestamp, a.ref.name, a.ref.ns) < std::tie(b.creation_timestamp, b.ref.name, b.ref.ns);
}

bool exported_to(const ObjectMeta& object, std::string_view ns) {
  // As istiod reads exportTo (ExportScope has the same rules for whole sets):
  // any "*" exports everywhere, any other "~" nowhere.
  const auto& e = object.export_to;
  if (e.empty() || std::find(e.begin(), e.end(), "*") != e.end()) return true;
  if (std::find(e.begin(), e.end(), "~") != e.end()) return false;
  return std::any_of(e.begin(), e.end(),
                     [&](const std::string& x) { return x == ns || (x == "." && object.ref.ns == ns); });
}

bool selector_matches(const Labels& selector, const Labels& labels) {
  for (const auto& [k, v] : selector) {
    auto it = labels.find(k);
    if (it == labels.end() || it->second != v) return false;
  }
  return true;
}

std::string resolve_gateway(std::string_view reference, std::string_view ns) {
  if (reference == "mesh" || reference.find('/') != std::string_view::npos) return std::string(reference);
  const size_t dot = reference.find('.');
  if (dot != std::string_view::npos) {
    const std::string_view rest = reference.substr(dot + 1);
    return std::string(rest.substr(0, rest.find('.'))) + "/" + std::string(reference.substr(0, dot));
  }
  return std::string(ns) + "/" + std::string(reference);
}

const Subset* MergedDestinationRule::find_subset(std::string_view name) const {
  for (const auto* dr : rules)
    for (const auto& s : dr->subsets)
      if (s.name == name) return &s;
  return nullptr;
}

const DestinationRule* MergedDestinationRule::subset_owner(std::string_view name) const {
  for (const auto* dr : rules)
    for (const auto& s : dr->subsets)
      if (s.name == name) return dr;
  return nullptr;
}

const DestinationRule* MergedDestinationRule::traffic_policy_owner() const {
  for (const auto* dr : rules)
    if (dr->has_traffic_policy) return dr;
  return nullptr;
}

std::optional<MergedDestinationRule> destination_rule_for(const MeshConfig& mesh, std::string_view host,
                                                          std::string_view caller_ns) {
  const std::string_view service_ns = service_namespace(host, mesh.domain_suffix);
  for (std::string_view ns : {caller_ns, service_ns, std::string_view(mesh.root_namespace)}) {
    if (ns.empty()) continue;
    // The most specific host first: exact, then the longest wildcard.
    const std::string* best = nullptr;
    bool best_exact = false;
    std::vector<const MeshConfig::Index::HostRule*> candidates;
    for (const auto& entry : MeshConfig::listed(mesh.index.destination_rules_by_namespace, ns)) {
      const DestinationRule* dr = entry.rule;
      if (dr->workload_selector || !host_applies(entry.host, host) || !exported_to(dr->meta, caller_ns)) continue;
      const bool exact = entry.host == host;
      if (!best || (exact && !best_exact) || (!best_exact && !exact && entry.host.size() > best->size())) {
        best = &entry.host;
        best_exact = exact;
      }
      candidates.push_back(&entry);
    }
    if (candidates.empty()) continue;
    MergedDestinationRule merged;
    merged.host = *best;
    merged.ns = std::string(ns);
    for (const auto* c : candidates)
      if (c->host == *best) merged.rules.push_back(c->rule);
    std::sort(merged.rules.begin(), merged.rules.end(),
              [](const DestinationRule* a, const DestinationRule* b) { return merge_before(a->meta, b->meta); });
    return merged;
  }
  return std::nullopt;
}

const std::vector<const Gateway*>& gateways_named(const MeshConfig& mesh, std::string_view reference) {
  static const std::vector<const Gateway*> none;
  auto it = mesh.index.gateways_by_name.find(std::string(reference));
  return it == mesh.index.gateways_by_name.end() ? none : it->second;
}

const Gateway* find_gateway(const MeshConfig& mesh, std::string_view reference) {
  const auto& named = gateways_named(mesh, reference);
  return named.empty() ? nullptr : named.front();
}

const std::vector<const KubeService*>& services_named(const MeshConfig& mesh, std::string_view host) {
  return MeshConfig::listed(mesh.index.services_by_host, host);
}

std::vector<const ServiceEntry*> service_entries_declaring(const MeshConfig& mesh, std::string_view host) {
  if (!host.starts_with('*')) return MeshConfig::listed(mesh.index.service_entries_by_host, host);
  std::vector<const ServiceEntry*> out;
  for (const ServiceEntry* se : mesh.index.wildcard_service_entries)
    if (std::any_of(se->hosts.begin(), se->hosts.end(),
                    [&](const std::string& h) { return resolve_host(h, se->meta.ns(), mesh.domain_suffix) == host; }))
      out.push_back(se);
  return out;
}

RegistryService registry_lookup(const MeshConfig& mesh, std::string_view host, std::string_view caller_ns) {
  RegistryService out;
  for (const KubeService* svc : services_named(mesh, host)) {
    out.found = true;
    out.sources.push_back(&svc->meta);
    for (const auto& p : svc->ports) out.ports.push_back(p.number);
  }
  const auto add_entry = [&](const ServiceEntry* se) {
    if (!exported_to(se->meta, caller_ns)) return;
    for (const auto& h : se->hosts) {
      if (!host_applies(resolve_host(h, se->meta.ns(), mesh.domain_suffix), host)) continue;
      out.found = true;
      out.sources.push_back(&se->meta);
      for (const auto& p : se->ports) out.ports.push_back(p.number);
      return;
    }
  };
  for (const ServiceEntry* se : MeshConfig::listed(mesh.index.service_entries_by_host, host)) add_entry(se);
  for (const ServiceEntry* se : mesh.index.wildcard_service_entries) add_entry(se);
  std::sort(out.ports.begin(), out.ports.end());
  out.ports.erase(std::unique(out.ports.begin(), out.ports.end()), out.ports.end());
  return out;
}

}  // namespace meshc
