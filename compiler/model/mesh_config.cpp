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

template <class T>
TypedResource on_heap(T&& value) {
  return std::make_unique<const std::decay_t<T>>(std::forward<T>(value));
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
    if (r.group.empty() && r.kind == "Service") return on_heap(read_kube_service(ctx));
    if (is_workload_kind(r)) return on_heap(read_kube_workload(ctx));
    return {};
  }
  const std::string_view k = r.kind;
  if (k == "VirtualService") return on_heap(read_virtual_service(ctx));
  if (k == "DestinationRule") return on_heap(read_destination_rule(ctx));
  if (k == "Gateway") return on_heap(read_gateway(ctx));
  if (k == "ServiceEntry") return on_heap(read_service_entry(ctx));
  if (k == "WorkloadEntry") return on_heap(read_workload_entry(ctx));
  if (k == "Sidecar") return on_heap(read_sidecar(ctx));
  if (k == "PeerAuthentication") return on_heap(read_peer_authentication(ctx));
  if (k == "AuthorizationPolicy") return on_heap(read_authorization_policy(ctx));
  if (k == "RequestAuthentication") return on_heap(read_request_authentication(ctx));
  return {};
}

void MeshConfig::add(const TypedResource& r) {
  struct Adder {
    MeshConfig& m;
    void operator()(const std::monostate&) const {}
    void operator()(const std::unique_ptr<const VirtualService>& x) const { m.virtual_services.push_back(x.get()); }
    void operator()(const std::unique_ptr<const DestinationRule>& x) const { m.destination_rules.push_back(x.get()); }
    void operator()(const std::unique_ptr<const Gateway>& x) const { m.gateways.push_back(x.get()); }
    void operator()(const std::unique_ptr<const ServiceEntry>& x) const { m.service_entries.push_back(x.get()); }
    void operator()(const std::unique_ptr<const WorkloadEntry>& x) const { m.workload_entries.push_back(x.get()); }
    void operator()(const std::unique_ptr<const Sidecar>& x) const { m.sidecars.push_back(x.get()); }
    void operator()(const std::unique_ptr<const PeerAuthentication>& x) const {
      m.peer_authentications.push_back(x.get());
    }
    void operator()(const std::unique_ptr<const AuthorizationPolicy>& x) const {
      m.authorization_policies.push_back(x.get());
    }
    void operator()(const std::unique_ptr<const RequestAuthentication>& x) const {
      m.request_authentications.push_back(x.get());
    }
    void operator()(const std::unique_ptr<const KubeService>& x) const { m.services.push_back(x.get()); }
    void operator()(const std::unique_ptr<const KubeWorkload>& x) const { m.workloads.push_back(x.get()); }
  };
  std::visit(Adder{*this}, r);
}

}  // namespace meshc

namespace meshc {

void MeshConfig::build_index() {
  index = {};
  for (const DestinationRule* dr : destination_rules)
    index.destination_rules_by_namespace[dr->meta.ns()].push_back(
        {resolve_host(dr->host, dr->meta.ns(), domain_suffix), dr});
  for (const Gateway* gw : gateways) index.gateways_by_name[gw->meta.ns() + "/" + gw->meta.name()].push_back(gw);
  for (const PeerAuthentication* pa : peer_authentications)
    index.peer_authentications_by_namespace[pa->meta.ns()].push_back(pa);
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
