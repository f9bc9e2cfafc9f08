#include "compiler/model/policy_scope.h"

#include <algorithm>
#include <set>

#include "compiler/model/mesh_lookup.h"

namespace meshc {
namespace {

bool has_selector(const PolicyScope& scope) { return scope.selector && !scope.selector->empty(); }

// Every label `subset` requires, `labels` has with the same value.
bool is_subset(const Labels& subset, const Labels& labels) { return selector_matches(subset, labels); }

// The oldest selector-less PeerAuthentication of `ns`, or nullptr.
const PeerAuthentication* level_policy(const MeshConfig& mesh, std::string_view ns) {
  const PeerAuthentication* oldest = nullptr;
  for (const auto* pa : MeshConfig::listed(mesh.index.peer_authentications_by_namespace, ns))
    if (!has_selector(pa->scope) && (!oldest || merge_before(pa->meta, oldest->meta)))
      oldest = pa;
  return oldest;
}

// Istio's UNSET: keep what the parent level decided.
void inherit(MtlsDecision& decision, const PeerAuthentication& pa, const std::string& word, const Site& site) {
  const auto mode = parse_mtls_mode(word);
  if (mode == MtlsMode::Unset) return;
  decision = {mode, MtlsSource{&pa, site}};
}

// What the workloads of `ns` inherit: the mesh level, then the namespace level.
MtlsDecision namespace_mode(const MeshConfig& mesh, std::string_view ns) {
  MtlsDecision decision;
  if (const auto* pa = level_policy(mesh, mesh.root_namespace)) inherit(decision, *pa, pa->mode, pa->mode_site);
  if (ns != mesh.root_namespace)
    if (const auto* pa = level_policy(mesh, ns)) inherit(decision, *pa, pa->mode, pa->mode_site);
  return decision;
}

// A selector PeerAuthentication over `parent`; a port-level entry for `port`
// inherits from the policy's own mode.
MtlsDecision workload_mode(MtlsDecision parent, const PeerAuthentication& pa, std::optional<uint32_t> port) {
  inherit(parent, pa, pa.mode, pa.mode_site);
  if (!port) return parent;
  const auto it = pa.port_modes.find(*port);
  if (it != pa.port_modes.end()) inherit(parent, pa, it->second, pa.port_sites.at(*port));
  return parent;
}

// Every mode a workload under `pa` can have on `port`, or on any port.
void add_workload_modes(std::vector<MtlsDecision>& out, const MtlsDecision& parent, const PeerAuthentication& pa,
                        std::optional<uint32_t> port) {
  out.push_back(workload_mode(parent, pa, port));
  if (port) return;
  for (const auto& [number, word] : pa.port_modes) out.push_back(workload_mode(parent, pa, number));
}

// Selector PeerAuthentications of `ns` that may select a workload `selector`
// selects, oldest first.
std::vector<const PeerAuthentication*> candidates(const MeshConfig& mesh, std::string_view ns,
                                                  const std::optional<Labels>& selector) {
  std::vector<const PeerAuthentication*> out;
  for (const auto* pa : MeshConfig::listed(mesh.index.peer_authentications_by_namespace, ns))
    if (has_selector(pa->scope) &&
        !(selector && selectors_contradict(*pa->scope.selector, *selector)))
      out.push_back(pa);
  std::sort(out.begin(), out.end(), [](const auto* a, const auto* b) { return merge_before(a->meta, b->meta); });
  return out;
}

// The modes the workloads of one namespace that `selector` selects can have.
void add_namespace_modes(std::vector<MtlsDecision>& out, const MeshConfig& mesh, std::string_view ns,
                         const std::optional<Labels>& selector, std::optional<uint32_t> port) {
  const MtlsDecision parent = namespace_mode(mesh, ns);
  if (ns == mesh.root_namespace) {
    out.push_back(parent);
    return;
  }
  for (const auto* pa : candidates(mesh, ns, selector)) {
    add_workload_modes(out, parent, *pa, port);
    // It selects every workload in scope, so no newer policy, and no
    // workload without one, is left.
    if (selector && is_subset(*pa->scope.selector, *selector)) return;
  }
  out.push_back(parent);
}

std::string join_labels(const Labels& labels) {
  std::string out;
  for (const auto& [k, v] : labels) out += (out.empty() ? "" : ",") + k + "=" + v;
  return out;
}

}  // namespace

std::optional<MtlsMode> parse_mtls_mode(std::string_view word) {
  if (word.empty() || word == "UNSET") return MtlsMode::Unset;
  if (word == "DISABLE") return MtlsMode::Disable;
  if (word == "PERMISSIVE") return MtlsMode::Permissive;
  if (word == "STRICT") return MtlsMode::Strict;
  return std::nullopt;
}

std::string_view mtls_mode_name(MtlsMode mode) {
  switch (mode) {
    case MtlsMode::Unset:
      return "UNSET";
    case MtlsMode::Disable:
      return "DISABLE";
    case MtlsMode::Permissive:
      return "PERMISSIVE";
    case MtlsMode::Strict:
      return "STRICT";
  }
  return "UNSET";
}

MtlsDecision effective_mtls(const MeshConfig& mesh, std::string_view ns, const Labels& labels,
                            std::optional<uint32_t> port) {
  MtlsDecision decision = namespace_mode(mesh, ns);
  if (ns == mesh.root_namespace) return decision;
  const PeerAuthentication* chosen = nullptr;
  for (const auto* pa : MeshConfig::listed(mesh.index.peer_authentications_by_namespace, ns))
    if (has_selector(pa->scope) && selector_matches(*pa->scope.selector, labels) &&
        (!chosen || merge_before(pa->meta, chosen->meta)))
      chosen = pa;
  return chosen ? workload_mode(decision, *chosen, port) : decision;
}

WorkloadScope namespace_workloads(std::string_view ns, const std::optional<Labels>& selector) {
  WorkloadScope scope{std::string(ns), false, std::nullopt};
  if (selector && !selector->empty()) scope.selector = selector;
  return scope;
}

std::optional<WorkloadScope> policy_workloads(const MeshConfig& mesh, const ObjectMeta& meta,
                                              const PolicyScope& scope) {
  if (scope.has_target_refs) return std::nullopt;
  WorkloadScope out = namespace_workloads(meta.ns(), scope.selector);
  out.mesh_wide = meta.ns() == mesh.root_namespace;
  return out;
}

bool reaches(const WorkloadScope& scope, std::string_view ns, const Labels& labels) {
  return (scope.mesh_wide || scope.ns == ns) && (!scope.selector || selector_matches(*scope.selector, labels));
}

bool may_overlap(const WorkloadScope& a, const WorkloadScope& b) {
  if (!a.mesh_wide && !b.mesh_wide && a.ns != b.ns) return false;
  return !(a.selector && b.selector && selectors_contradict(*a.selector, *b.selector));
}

bool contains(const WorkloadScope& outer, const WorkloadScope& inner) {
  if (!outer.mesh_wide && (inner.mesh_wide || outer.ns != inner.ns)) return false;
  return !outer.selector || (inner.selector && is_subset(*outer.selector, *inner.selector));
}

bool selectors_contradict(const Labels& a, const Labels& b) {
  for (const auto& [key, value] : a) {
    const auto it = b.find(key);
    if (it != b.end() && it->second != value) return true;
  }
  return false;
}

std::string describe(const Labels& labels) { return join_labels(labels); }

std::string describe(const WorkloadScope& scope) {
  if (scope.mesh_wide)
    return scope.selector ? "the workloads labelled " + join_labels(*scope.selector) + " in every namespace"
                          : "every workload in the mesh";
  return scope.selector ? "the workloads labelled " + join_labels(*scope.selector) + " in namespace " + scope.ns
                        : "every workload of namespace " + scope.ns;
}

ProvenMtls proven_mtls(const MeshConfig& mesh, const WorkloadScope& scope, std::optional<uint32_t> port) {
  std::vector<MtlsDecision> modes;
  if (scope.mesh_wide) {
    // The root namespace stands for every namespace without policies of its own.
    std::set<std::string_view> namespaces{mesh.root_namespace};
    for (const auto* pa : mesh.peer_authentications) namespaces.insert(pa->meta.ns());
    for (const auto ns : namespaces) add_namespace_modes(modes, mesh, ns, scope.selector, port);
  } else {
    add_namespace_modes(modes, mesh, scope.ns, scope.selector, port);
  }
  ProvenMtls out;
  for (const auto& m : modes)
    if (!m.mode || m.mode != modes.front().mode) return out;
  out.mode = modes.front().mode;
  for (const auto& m : modes) {
    if (!m.source) continue;
    const bool seen = std::any_of(out.sources.begin(), out.sources.end(), [&](const MtlsSource& s) {
      return s.policy == m.source->policy && s.site.path == m.source->site.path;
    });
    if (!seen) out.sources.push_back(*m.source);
  }
  return out;
}

}  // namespace meshc
