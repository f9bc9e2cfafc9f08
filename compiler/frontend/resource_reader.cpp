#include "compiler/frontend/resource_reader.h"

#include <array>

namespace meshc {
namespace {

struct CheckedKind {
  std::string_view group;
  std::string_view kind;
};

constexpr std::string_view k_networking = "networking.istio.io";
constexpr std::string_view k_security = "security.istio.io";

constexpr std::array<CheckedKind, 9> k_checked{{
    {k_networking, "VirtualService"},
    {k_networking, "DestinationRule"},
    {k_networking, "Gateway"},
    {k_networking, "ServiceEntry"},
    {k_networking, "WorkloadEntry"},
    {k_networking, "Sidecar"},
    {k_security, "AuthorizationPolicy"},
    {k_security, "PeerAuthentication"},
    {k_security, "RequestAuthentication"},
}};

bool served_version(std::string_view group, std::string_view version) {
  if (group == k_networking) return version == "v1" || version == "v1beta1" || version == "v1alpha3";
  return version == "v1" || version == "v1beta1";
}

bool is_context_kind(std::string_view group, std::string_view kind) {
  if (group.empty())
    return kind == "Service" || kind == "Endpoints" || kind == "Pod" || kind == "Namespace" ||
           kind == "ServiceAccount";
  if (group == "apps")
    return kind == "Deployment" || kind == "StatefulSet" || kind == "DaemonSet" || kind == "ReplicaSet";
  if (group == "discovery.k8s.io") return kind == "EndpointSlice";
  return false;
}

Resource make_resource(const Node* obj, std::string_view default_namespace, std::string prefix) {
  Resource r;
  r.root = obj;
  r.field_prefix = std::move(prefix);
  r.api_version = std::string(obj->get("apiVersion") ? obj->get("apiVersion")->str() : "");
  r.kind = std::string(obj->get("kind") ? obj->get("kind")->str() : "");
  const auto slash = r.api_version.rfind('/');
  if (slash == std::string::npos && r.api_version.find('.') != std::string::npos) {
    r.group = r.api_version;  // "networking.istio.io" with the version forgotten
  } else if (slash == std::string::npos) {
    r.version = r.api_version;
  } else {
    r.group = r.api_version.substr(0, slash);
    r.version = r.api_version.substr(slash + 1);
  }
  r.metadata = obj->get("metadata");
  r.spec = obj->get("spec");
  if (r.metadata && r.metadata->is_mapping()) {
    if (const Node* n = r.metadata->get("name")) r.name = std::string(n->str());
    if (const Node* n = r.metadata->get("namespace")) r.ns = std::string(n->str());
  }
  if (r.ns.empty()) r.ns = std::string(default_namespace);
  classify_kind(r);
  if (r.api_version.empty()) {
    // A checked kind without apiVersion is a mistake in a resource, not some
    // other YAML: the schema check reports the missing field.
    for (const auto& k : k_checked)
      if (r.kind == k.kind) r.category = KindCategory::Checked;
  }
  return r;
}

}  // namespace

const std::vector<std::string_view>& checked_kinds() {
  static const std::vector<std::string_view> kinds = [] {
    std::vector<std::string_view> out;
    for (const auto& k : k_checked) out.push_back(k.kind);
    return out;
  }();
  return kinds;
}

void classify_kind(Resource& r) {
  for (const auto& k : k_checked) {
    if (r.group == k.group && r.kind == k.kind) {
      r.category = KindCategory::Checked;
      r.version_known = served_version(r.group, r.version);
      return;
    }
  }
  if (r.group == "istio.io" || r.group.ends_with(".istio.io")) {
    r.category = KindCategory::UnknownIstio;
    // The other kinds these two groups serve; anything else is a typo.
    r.kind_known = (r.group != k_networking && r.group != k_security) || r.kind == "EnvoyFilter" ||
                   r.kind == "ProxyConfig" || r.kind == "WorkloadGroup";
    if (!r.kind_known) r.category = KindCategory::Checked;
    return;
  }
  r.category = is_context_kind(r.group, r.kind) ? KindCategory::Context : KindCategory::Ignored;
  // `apiVersion: v1` on a VirtualService is a mistake, not another API's kind
  // (unlike gateway.networking.k8s.io's Gateway).
  if (r.category == KindCategory::Ignored && r.group.empty() && !r.api_version.empty()) {
    for (const auto& k : k_checked) {
      if (r.kind == k.kind) {
        r.category = KindCategory::Checked;
        r.kind_known = false;
      }
    }
  }
}

std::string_view group_of_kind(std::string_view kind) {
  for (const auto& k : k_checked)
    if (k.kind == kind) return k.group;
  return {};
}

std::vector<Resource> read_resources(const Node* root, std::string_view default_namespace) {
  std::vector<Resource> out;
  if (root == nullptr || !root->is_mapping()) return out;
  const Node* kind = root->get("kind");
  const Node* items = root->get("items");
  if (kind && kind->str() == "List" && items && items->is_sequence()) {
    for (size_t i = 0; i < items->items.size(); ++i) {
      const Node* item = items->items[i];
      if (item->is_mapping() && item->get("kind"))
        out.push_back(make_resource(item, default_namespace, "items[" + std::to_string(i) + "]."));
    }
    return out;
  }
  if (kind == nullptr) return out;
  out.push_back(make_resource(root, default_namespace, ""));
  return out;
}

}  // namespace meshc
