#include "compiler/model/mesh_config.h"

#include "compiler/model/mesh_lookup.h"
#include "compiler/model/typed_builders.h"

namespace meshc {
namespace {

ObjectMeta read_meta(const SourceFile& file, const Resource& r, std::string_view template_source) {
  ObjectMeta m;
  m.ref = r.ref();
  const Position at = r.position();
  m.location = Location{file.name(), at.line, at.column};
  m.template_source = std::string(template_source);
  m.field_prefix = r.field_prefix;
  m.creation_timestamp = string_at(r.metadata, "creationTimestamp");
  m.labels = string_map(mapping_at(r.metadata, "labels"));
  if (r.spec != nullptr && r.spec->is_mapping()) m.export_to = string_list(r.spec->get("exportTo"));
  return m;
}

bool is_workload_kind(const Resource& r) {
  if (r.group.empty()) return r.kind == "Pod";
  return r.group == "apps" &&
         (r.kind == "Deployment" || r.kind == "StatefulSet" || r.kind == "DaemonSet" || r.kind == "ReplicaSet");
}

}  // namespace

bool VirtualService::bound_to_mesh() const {
  for (const auto& g : gateways)
    if (g == "mesh") return true;
  return false;
}

TypedResource build_typed_resource(const SourceFile& file, const Resource& r, std::string_view template_source) {
  if (r.root == nullptr || !r.root->is_mapping()) return {};
  const bool context = r.category == KindCategory::Context;
  if (!context && !(r.category == KindCategory::Checked && r.version_known && r.kind_known)) return {};
  const BuildContext ctx{r, read_meta(file, r, template_source)};
  if (context) {
    if (r.group.empty() && r.kind == "Service") return read_kube_service(ctx);
    if (is_workload_kind(r)) return read_kube_workload(ctx);
    return {};
  }
  const std::string_view k = r.kind;
  if (k == "VirtualService") return read_virtual_service(ctx);
  if (k == "DestinationRule") return read_destination_rule(ctx);
  if (k == "Gateway") return read_gateway(ctx);
  if (k == "ServiceEntry") return read_service_entry(ctx);
  if (k == "WorkloadEntry") return read_workload_entry(ctx);
  if (k == "Sidecar") return read_sidecar(ctx);
  if (k == "PeerAuthentication") return read_peer_authentication(ctx);
  if (k == "AuthorizationPolicy") return read_authorization_policy(ctx);
  if (k == "RequestAuthentication") return read_request_authentication(ctx);
  return {};
}

void MeshConfig::add(const TypedResource& r) {
  std::visit(
      [this](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, VirtualService>) virtual_services.push_back(&x);
        else if constexpr (std::is_same_v<T, DestinationRule>) destination_rules.push_back(&x);
        else if constexpr (std::is_same_v<T, Gateway>) gateways.push_back(&x);
        else if constexpr (std::is_same_v<T, ServiceEntry>) service_entries.push_back(&x);
        else if constexpr (std::is_same_v<T, WorkloadEntry>) workload_entries.push_back(&x);
        else if constexpr (std::is_same_v<T, Sidecar>) sidecars.push_back(&x);
        else if constexpr (std::is_same_v<T, PeerAuthentication>) peer_authentications.push_back(&x);
        else if constexpr (std::is_same_v<T, AuthorizationPolicy>) authorization_policies.push_back(&x);
        else if constexpr (std::is_same_v<T, RequestAuthentication>) request_authentications.push_back(&x);
        else if constexpr (std::is_same_v<T, KubeService>) services.push_back(&x);
        else if constexpr (std::is_same_v<T, KubeWorkload>) workloads.push_back(&x);
      },
      r);
}

}  // namespace meshc

namespace meshc {

void MeshConfig::build_index() {
  index = {};
  for (const DestinationRule* dr : destination_rules) index.destination_rules_by_namespace[dr->meta.ns()].push_back(dr);
  for (const KubeService* svc : services)
    index.services_by_host[resolve_host(svc->meta.name(), svc->meta.ns(), domain_suffix)].push_back(svc);
  for (const ServiceEntry* se : service_entries) {
    bool wildcard = false;
    for (const auto& h : se->hosts) {
      const std::string resolved = resolve_host(h, se->meta.ns(), domain_suffix);
      if (resolved.starts_with("*")) wildcard = true;
      else {
        auto& list = index.service_entries_by_host[resolved];
        if (list.empty() || list.back() != se) list.push_back(se);
      }
    }
    if (wildcard) index.wildcard_service_entries.push_back(se);
  }
}

}  // namespace meshc
