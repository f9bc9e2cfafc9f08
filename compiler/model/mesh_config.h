#pragma once
// The typed mesh model: what lint's cross-resource rules and the compiler need
// of each resource, read once from the YAML tree, with the position and field
// path of every part a finding may point at. Building it never fails: a value
// of the wrong type is left out (the schema check reports it).
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "compiler/match/http_match.h"
#include "compiler/model/diagnostic.h"
#include "compiler/model/field_path.h"
#include "compiler/model/resource.h"
#include "compiler/model/source_file.h"

namespace meshc {

using Labels = std::map<std::string, std::string>;

// Where a part of a resource is: its position and its field path relative to
// the resource (without the `items[N].` prefix of a List: see ObjectMeta).
struct Site {
  Position at;
  FieldPath path;
};

// Identity and origin of a resource.
struct ObjectMeta {
  ResourceRef ref;            // kind, namespace, name
  Location location;          // the resource's first line
  std::string template_source;  // Helm `# Source:` of its document
  std::string field_prefix;     // "items[3]." inside a List
  std::string creation_timestamp;  // RFC 3339 as written, or empty
  Labels labels;
  // exportTo as written; empty means exported everywhere ("*").
  std::vector<std::string> export_to;

  const std::string& ns() const { return ref.ns; }
  const std::string& name() const { return ref.name; }
  // "VirtualService shop/reviews"
  std::string label() const { return ref.kind + " " + ref.ns + "/" + ref.name; }
  // A finding location for a part of this resource.
  Location location_of(const Site& site) const {
    return site.at.line ? Location{location.file, site.at.line, site.at.column} : location;
  }
};

// ---- networking.istio.io -------------------------------------------------

struct RouteDestination {
  std::string host;  // as written (short name, FQDN or wildcard)
  std::string subset;
  std::optional<uint32_t> port;
  Site site;         // the `destination` mapping
  Site host_site;
  Site subset_site;  // the subset value, or the destination when none
};

struct HttpRoute {
  std::string name;
  Site site;  // the http[] entry
  // The match blocks (ORed), resolved against the VirtualService's gateways.
  // Empty: the rule matches every request on the VirtualService's gateways.
  std::vector<HttpMatchSpec> matches;
  std::vector<Site> match_sites;  // one per match block
  // When there is no match: the gateways the rule applies to.
  std::vector<std::string> gateways;
  std::vector<RouteDestination> destinations;  // route[].destination
  std::vector<RouteDestination> mirrors;       // mirror and mirrors[].destination
  bool has_delegate = false;
};

struct L4Route {  // tcp[] and tls[]
  Site site;
  std::vector<RouteDestination> destinations;
};

struct VirtualService {
  ObjectMeta meta;
  std::vector<std::string> hosts;  // as written
  std::vector<Site> host_sites;
  // Gateway names normalised to "mesh" or "namespace/name"; {"mesh"} when the
  // VirtualService names none.
  std::vector<std::string> gateways;
  std::vector<Site> gateway_sites;  // one per gateway written (empty when none)
  std::vector<HttpRoute> http;
  std::vector<L4Route> tcp;
  std::vector<L4Route> tls;

  bool is_delegate() const { return hosts.empty(); }
  bool bound_to_mesh() const;
};

struct TlsSetting {
  std::string mode;  // DISABLE, SIMPLE, MUTUAL, ISTIO_MUTUAL
  Site site;         // the `mode` value (or the `tls` mapping)
  std::optional<uint32_t> port;  // for a port-level policy
  std::string subset;            // for a subset's policy
};

struct Subset {
  std::string name;
  Labels labels;
  Site site;  // the subsets[] entry
  Site name_site;
  bool has_traffic_policy = false;
};

struct DestinationRule {
  ObjectMeta meta;
  std::string host;  // as written
  Site host_site;
  bool has_traffic_policy = false;  // top level
  Site traffic_policy_site;
  std::vector<Subset> subsets;
  std::optional<Labels> workload_selector;
  std::vector<TlsSetting> tls;  // top-level, port-level and subset TLS settings
};

struct ServicePort {
  uint32_t number = 0;
  std::string name;
  std::string protocol;  // upper case as written; for k8s Services the appProtocol or name prefix
  Site site;
};

struct WorkloadEndpoint {  // a ServiceEntry endpoint
  std::string address;
  Labels labels;
  Site site;
};

struct ServiceEntry {
  ObjectMeta meta;
  std::vector<std::string> hosts;
  std::vector<Site> host_sites;
  std::vector<std::string> addresses;
  std::vector<ServicePort> ports;
  std::vector<WorkloadEndpoint> endpoints;
  std::optional<Labels> workload_selector;
};

struct WorkloadEntry {
  ObjectMeta meta;
  std::string address;
  Labels labels;
  std::string service_account;
};

struct GatewayServer {
  uint32_t port = 0;
  std::string protocol;
  std::vector<std::string> hosts;  // as written: "host", "ns/host", "./host", "*/host"
  std::vector<Site> host_sites;
  Site site;  // the servers[] entry
  Site port_site;
  std::string bind;
};

struct Gateway {
  ObjectMeta meta;
  Labels selector;
  Site selector_site;
  std::vector<GatewayServer> servers;
};

struct Sidecar {
  ObjectMeta meta;
  std::optional<Labels> workload_selector;
};

// ---- security.istio.io -------------------------------------------------------

// The workloads a policy applies to: a selector, or (nullopt) every workload
// of its namespace (mesh-wide in the root namespace). targetRefs make it a
// policy for a gateway or service that meshc does not resolve.
struct PolicyScope {
  std::optional<Labels> selector;
  Site selector_site;
  bool has_target_refs = false;
};

struct PeerAuthentication {
  ObjectMeta meta;
  PolicyScope scope;
  std::string mode;  // STRICT, PERMISSIVE, DISABLE, UNSET; "" when mtls or mode is absent (= UNSET)
  Site mode_site;    // the mode value, or the resource
  std::map<uint32_t, std::string> port_modes;
  std::map<uint32_t, Site> port_sites;
};

// One field of a `from.source`, `to.operation` or `when` entry.
struct AuthzValues {
  std::vector<std::string> values;
  std::vector<std::string> not_values;
  Site site;
};

struct AuthzSource {  // keys: principals, requestPrincipals, namespaces, serviceAccounts, ipBlocks, remoteIpBlocks
  std::map<std::string, AuthzValues> fields;
  Site site;
};

struct AuthzOperation {  // keys: hosts, ports, methods, paths
  std::map<std::string, AuthzValues> fields;
  Site site;
};

struct AuthzCondition {
  std::string key;
  AuthzValues values;
};

struct AuthzRule {
  Site site;
  std::vector<AuthzSource> from;
  std::vector<AuthzOperation> to;
  std::vector<AuthzCondition> when;
};

struct AuthorizationPolicy {
  ObjectMeta meta;
  PolicyScope scope;
  std::string action = "ALLOW";  // ALLOW, DENY, AUDIT, CUSTOM
  Site action_site;
  std::string provider;
  bool dry_run = false;    // `istio.io/dry-run: "true"`: Istio only logs its decisions
  std::vector<AuthzRule> rules;
};

struct RequestAuthentication {
  ObjectMeta meta;
  PolicyScope scope;
};

// ---- Kubernetes context ------------------------------------------------------

struct KubeService {
  ObjectMeta meta;
  std::optional<Labels> selector;  // nullopt: no selector (endpoints managed elsewhere)
  std::vector<ServicePort> ports;
  std::string type;  // ClusterIP, ExternalName, ...
};

// A Pod, or the pod template of a Deployment, StatefulSet, DaemonSet or
// ReplicaSet: labels and service account of workloads that exist.
struct KubeWorkload {
  ObjectMeta meta;
  Labels labels;
  std::string service_account;
};

// One typed resource, on the heap so that a set of many small resources does
// not pay for the largest kind.
using TypedResource =
    std::variant<std::monostate, std::unique_ptr<const VirtualService>, std::unique_ptr<const DestinationRule>,
                 std::unique_ptr<const Gateway>, std::unique_ptr<const ServiceEntry>,
                 std::unique_ptr<const WorkloadEntry>, std::unique_ptr<const Sidecar>,
                 std::unique_ptr<const PeerAuthentication>, std::unique_ptr<const AuthorizationPolicy>,
                 std::unique_ptr<const RequestAuthentication>, std::unique_ptr<const KubeService>,
                 std::unique_ptr<const KubeWorkload>>;

// Reads the typed form of `resource` (monostate for kinds the model does not
// hold, or a known kind at a version Istio does not serve).
TypedResource build_typed_resource(const SourceFile& file, const Resource& resource, std::string_view template_source);

// A config set's typed resources, grouped by kind. Pointers into storage the
// caller keeps alive; order is input order.
struct MeshConfig {
  std::string root_namespace = "istio-system";
  std::string domain_suffix = "cluster.local";
  std::vector<const VirtualService*> virtual_services;
  std::vector<const DestinationRule*> destination_rules;
  std::vector<const Gateway*> gateways;
  std::vector<const ServiceEntry*> service_entries;
  std::vector<const WorkloadEntry*> workload_entries;
  std::vector<const Sidecar*> sidecars;
  std::vector<const PeerAuthentication*> peer_authentications;
  std::vector<const AuthorizationPolicy*> authorization_policies;
  std::vector<const RequestAuthentication*> request_authentications;
  std::vector<const KubeService*> services;
  std::vector<const KubeWorkload*> workloads;

  void add(const TypedResource& r);
  // Builds the lookup indexes below; call once after the last add().
  void build_index();

  // Lookups that would otherwise scan every object per question.
  // The list under `key` (a namespace, a host) of one of the indexes below, empty when none.
  template <class V>
  static const std::vector<V>& listed(const std::unordered_map<std::string, std::vector<V>>& index,
                                      std::string_view key) {
    static const std::vector<V> none;
    auto it = index.find(std::string(key));
    return it == index.end() ? none : it->second;
  }
  struct Index {
    struct HostRule {
      std::string host;  // resolved in the rule's namespace
      const DestinationRule* rule;
    };
    std::unordered_map<std::string, std::vector<HostRule>> destination_rules_by_namespace;
    std::unordered_map<std::string, std::vector<const PeerAuthentication*>> peer_authentications_by_namespace;
    std::unordered_map<std::string, std::vector<const KubeService*>> services_by_host;  // resolved FQDN
    std::unordered_map<std::string, std::vector<const ServiceEntry*>> service_entries_by_host;  // resolved host
    std::vector<const ServiceEntry*> wildcard_service_entries;  // with any wildcard host
    std::unordered_map<std::string, std::vector<const Gateway*>> gateways_by_name;  // "namespace/name"
  };
  Index index;
};

}  // namespace meshc
