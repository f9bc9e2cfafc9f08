#pragma once
// The per-kind readers behind build_typed_resource (one file per group).
#include <string>
#include <string_view>

#include "compiler/model/mesh_config.h"
#include "compiler/model/node_reading.h"

namespace meshc {

// What every reader needs: the resource, and sites for its nodes.
struct BuildContext {
  const Resource& resource;
  ObjectMeta meta;

  // `path` is relative to the resource: FieldPath("spec.hosts[#]", {i}).
  Site site(const Node* node, FieldPath path) const { return {node ? node->position : resource.position(), path}; }
  const Node* spec() const { return resource.spec; }
};

VirtualService read_virtual_service(const BuildContext& ctx);
DestinationRule read_destination_rule(const BuildContext& ctx);
ServiceEntry read_service_entry(const BuildContext& ctx);
WorkloadEntry read_workload_entry(const BuildContext& ctx);
Gateway read_gateway(const BuildContext& ctx);
Sidecar read_sidecar(const BuildContext& ctx);
PeerAuthentication read_peer_authentication(const BuildContext& ctx);
AuthorizationPolicy read_authorization_policy(const BuildContext& ctx);
RequestAuthentication read_request_authentication(const BuildContext& ctx);
KubeService read_kube_service(const BuildContext& ctx);
KubeWorkload read_kube_workload(const BuildContext& ctx);

// A StringMatch mapping (`exact`/`prefix`/`regex`, `{}` = presence).
StringMatch read_string_match(const Node* node, bool ignore_case = false);
// A `spec.selector.matchLabels`-style selector; `key` is "selector" or
// "workloadSelector", `labels_key` "matchLabels" or "labels".
PolicyScope read_policy_scope(const BuildContext& ctx, std::string_view key, std::string_view labels_key);

}  // namespace meshc
