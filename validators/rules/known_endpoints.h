#pragma once
// The endpoints a config set shows for a host, with the labels Istio matches
// DestinationRule subsets against. Rules may trust the list only when it is
// complete: every Service and ServiceEntry of the host shows at least one
// endpoint (a Service without a selector, a DNS ServiceEntry without
// endpoints, or a selector that picks nothing in the set keeps it incomplete).
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/model/mesh_config.h"

namespace meshc {

struct KnownEndpoints {
  bool complete = false;
  std::vector<Labels> labels;              // one entry per endpoint
  std::vector<const ObjectMeta*> sources;  // the Services and ServiceEntries that define the host
};

// Indexes a set once, for many lookups. A k8s Service's endpoints are the
// Pods, pod templates and WorkloadEntries its selector picks in its
// namespace; a ServiceEntry's are its `endpoints`, or what its
// workloadSelector picks in its namespace.
class EndpointIndex {
 public:
  explicit EndpointIndex(const MeshConfig& mesh);

  // `host` is an FQDN as resolve_host gives it.
  KnownEndpoints endpoints_of(std::string_view host) const;

 private:
  // The workloads `selector` picks in `ns`, added to `out`; how many.
  size_t add_selected(const Labels& selector, const std::string& ns, std::vector<Labels>& out) const;

  const MeshConfig& mesh_;
  std::map<std::string, std::vector<Labels>, std::less<>> workloads_by_ns_;
};

}  // namespace meshc
