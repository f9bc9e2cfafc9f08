#include "validators/rules/known_endpoints.h"

#include "compiler/model/mesh_lookup.h"

namespace meshc {

EndpointIndex::EndpointIndex(const MeshConfig& mesh) : mesh_(mesh) {
  for (const KubeWorkload* w : mesh.workloads) workloads_by_ns_[w->meta.ns()].push_back(w->labels);
  for (const WorkloadEntry* we : mesh.workload_entries) {
    // Metadata labels too: more labels can only hide a finding, never invent one.
    Labels labels = we->labels;
    labels.insert(we->meta.labels.begin(), we->meta.labels.end());
    workloads_by_ns_[we->meta.ns()].push_back(std::move(labels));
  }
}

size_t EndpointIndex::add_selected(const Labels& selector, const std::string& ns, std::vector<Labels>& out) const {
  const auto it = workloads_by_ns_.find(ns);
  if (it == workloads_by_ns_.end()) return 0;
  size_t added = 0;
  for (const Labels& labels : it->second) {
    if (!selector_matches(selector, labels)) continue;
    out.push_back(labels);
    ++added;
  }
  return added;
}

KnownEndpoints EndpointIndex::endpoints_of(std::string_view host) const {
  KnownEndpoints out;
  bool every_source_shows_some = true;
  for (const KubeService* svc : services_named(mesh_, host)) {
    out.sources.push_back(&svc->meta);
    const bool selects = svc->selector && !svc->selector->empty() && svc->type != "ExternalName";
    if (!selects || add_selected(*svc->selector, svc->meta.ns(), out.labels) == 0) every_source_shows_some = false;
  }
  for (const ServiceEntry* se : service_entries_declaring(mesh_, host)) {
    out.sources.push_back(&se->meta);
    if (!se->endpoints.empty()) {
      for (const auto& e : se->endpoints) out.labels.push_back(e.labels);
    } else if (!se->workload_selector || se->workload_selector->empty() ||
               add_selected(*se->workload_selector, se->meta.ns(), out.labels) == 0) {
      every_source_shows_some = false;
    }
  }
  out.complete = every_source_shows_some && !out.sources.empty() && !out.labels.empty();
  return out;
}

}  // namespace meshc
