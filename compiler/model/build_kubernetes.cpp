// The Kubernetes objects that tell which services, ports and workloads exist.
#include <algorithm>

#include "compiler/model/typed_builders.h"

namespace meshc {
namespace {

// Istio's protocol selection for a Service port: appProtocol, else the name
// prefix before `-` (`http-web` -> HTTP), else the port's own protocol.
std::string service_port_protocol(const Node& p) {
  std::string proto = string_at(&p, "appProtocol");
  if (proto.empty()) {
    const std::string name = string_at(&p, "name");
    proto = name.substr(0, name.find('-'));
  }
  std::transform(proto.begin(), proto.end(), proto.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return proto;
}

}  // namespace

KubeService read_kube_service(const BuildContext& ctx) {
  KubeService svc;
  svc.meta = ctx.meta;
  const Node* spec = ctx.spec();
  if (const Node* sel = mapping_at(spec, "selector")) svc.selector = string_map(sel);
  svc.type = string_at(spec, "type");
  for_each_item(spec ? spec->get("ports") : nullptr, [&](size_t i, const Node& p) {
    if (!p.is_mapping()) return;
    ServicePort port;
    port.number = uint_of(p.get("port")).value_or(0);
    port.name = string_at(&p, "name");
    port.protocol = service_port_protocol(p);
    port.site = ctx.site(&p, FieldPath("spec.ports[#]", {static_cast<uint32_t>(i)}));
    svc.ports.push_back(std::move(port));
  });
  return svc;
}

KubeWorkload read_kube_workload(const BuildContext& ctx) {
  KubeWorkload w;
  w.meta = ctx.meta;
  if (ctx.resource.kind == "Pod") {
    w.labels = ctx.meta.labels;
    w.service_account = string_at(ctx.spec(), "serviceAccountName");
  } else {
    const Node* tmpl = mapping_at(ctx.spec(), "template");
    w.labels = string_map(mapping_at(mapping_at(tmpl, "metadata"), "labels"));
    w.service_account = string_at(mapping_at(tmpl, "spec"), "serviceAccountName");
  }
  if (w.service_account.empty()) w.service_account = "default";
  return w;
}

}  // namespace meshc
