#pragma once
// How Istio relates resources to each other: host names, the order in which
// same-host objects merge, exportTo visibility, selectors, and which
// DestinationRules a caller sees. Lint and compile share these, so they agree.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/model/mesh_config.h"

namespace meshc {

// A host as written in an object of namespace `ns`, as Istio resolves it: a
// name without dots is a short name of that namespace
// (`reviews` -> `reviews.shop.svc.cluster.local`); anything else (FQDNs,
// wildcards, `*`) stays as it is. Lower case.
std::string resolve_host(std::string_view host, std::string_view ns, std::string_view domain_suffix);

// The namespace of a `name.ns.svc.<suffix>` host, or empty.
std::string_view service_namespace(std::string_view fqdn, std::string_view domain_suffix);

// Istio's order for merging same-host objects: creation timestamp (a missing
// one sorts first), then name, then namespace.
bool merge_before(const ObjectMeta& a, const ObjectMeta& b);

// Whether an object is visible to namespace `ns` under its exportTo
// (empty or "*": everywhere; ".": its own namespace; "~": nowhere). For
// questions about whole sets of namespaces, see ExportScope.
bool exported_to(const ObjectMeta& object, std::string_view ns);

// Whether `selector` selects a workload with `labels` (every selector label
// present with the same value; an empty selector selects everything).
bool selector_matches(const Labels& selector, const Labels& labels);

// A gateway reference of a VirtualService in namespace `ns`, as Istio
// resolves it: "mesh" stays, "name" -> "ns/name", "ns/name" stays,
// "name.ns.svc.cluster.local" -> "ns/name".
std::string resolve_gateway(std::string_view reference, std::string_view ns);

// The DestinationRules one caller sees for one host, merged as Istio merges
// them. Rules with a workloadSelector are left out (they apply only to the
// workloads they select).
struct MergedDestinationRule {
  std::vector<const DestinationRule*> rules;  // merge order; rules[0] gives the traffic policy
  std::string host;                           // the (resolved) host they were written for
  std::string ns;                             // the namespace they live in
  // The subset of this name Istio uses (the first rule that defines it), or nullptr.
  const Subset* find_subset(std::string_view name) const;
  // The rule the subset of this name comes from, or nullptr.
  const DestinationRule* subset_owner(std::string_view name) const;
  // The rule whose top-level trafficPolicy applies, or nullptr.
  const DestinationRule* traffic_policy_owner() const;
};

// The DestinationRules for `host` (an FQDN, as resolve_host gives it) that a
// caller in `caller_ns` uses: Istio looks in the caller's namespace, then the
// service's (for `*.svc.<suffix>` hosts), then the root namespace, taking the
// first namespace that has a visible rule for the host, and there the most
// specific host (exact before the longest wildcard).
std::optional<MergedDestinationRule> destination_rule_for(const MeshConfig& mesh, std::string_view host,
                                                          std::string_view caller_ns);

// The Gateways named "namespace/name" (more than one only when the set
// defines the same Gateway twice), in input order; the first of them or nullptr.
const std::vector<const Gateway*>& gateways_named(const MeshConfig& mesh, std::string_view reference);
const Gateway* find_gateway(const MeshConfig& mesh, std::string_view reference);

// The Kubernetes Services and the ServiceEntries that declare exactly `host`
// (resolved; a wildcard only matches the same wildcard), in input order.
const std::vector<const KubeService*>& services_named(const MeshConfig& mesh, std::string_view host);
std::vector<const ServiceEntry*> service_entries_declaring(const MeshConfig& mesh, std::string_view host);

// Ports the registry knows for a host (k8s Service or ServiceEntry visible to
// `caller_ns`), and whether the host is known there at all.
struct RegistryService {
  bool found = false;
  std::vector<uint32_t> ports;
  // The objects that define it (for notes).
  std::vector<const ObjectMeta*> sources;
};
RegistryService registry_lookup(const MeshConfig& mesh, std::string_view host, std::string_view caller_ns);

}  // namespace meshc
