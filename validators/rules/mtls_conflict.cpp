// MC3104 mtls-conflict: a DestinationRule's client TLS mode that the server
// side's PeerAuthentication refuses: plaintext or non-Istio TLS to workloads
// that are STRICT, or Istio mTLS to workloads that are DISABLE. Both fail
// every connection. A DestinationRule without `tls` uses auto mTLS, which
// follows the server's mode, and is not compared.
#include <set>

#include "compiler/model/mesh_lookup.h"
#include "compiler/model/policy_scope.h"
#include "validators/rule.h"

namespace meshc {
namespace {

const KubeService* find_service(const MeshConfig& mesh, std::string_view ns, std::string_view name) {
  for (const auto* svc : mesh.services)
    if (svc->meta.ns() == ns && svc->meta.name() == name) return svc;
  return nullptr;
}

// The workloads behind a `name.ns.svc.<suffix>` host (a wildcard name: every
// workload of the namespace), or nullopt for other hosts.
std::optional<WorkloadScope> host_workloads(const MeshConfig& mesh, std::string_view host) {
  const std::string_view ns = service_namespace(host, mesh.domain_suffix);
  if (ns.empty()) return std::nullopt;
  const std::string_view name = host.substr(0, host.find('.'));
  const KubeService* svc = name.find('*') == std::string_view::npos ? find_service(mesh, ns, name) : nullptr;
  return namespace_workloads(ns, svc ? svc->selector : std::nullopt);
}

// Narrows `scope` to a subset's labels; nullopt when they contradict it.
std::optional<WorkloadScope> narrowed(WorkloadScope scope, const Labels& labels) {
  if (labels.empty()) return scope;
  if (scope.selector && selectors_contradict(*scope.selector, labels)) return std::nullopt;
  Labels merged = scope.selector.value_or(Labels{});
  merged.insert(labels.begin(), labels.end());
  scope.selector = std::move(merged);
  return scope;
}

// A top-level (or subset-level) setting that port-level settings beside it
// replace on every port of the service does not apply anywhere.
bool used_on_some_port(const MeshConfig& mesh, const DestinationRule& dr, const TlsSetting& tls,
                       std::string_view host) {
  if (tls.port) return true;
  std::set<uint32_t> overridden;
  for (const auto& other : dr.tls)
    if (other.port && other.subset == tls.subset) overridden.insert(*other.port);
  if (overridden.empty()) return true;
  const std::string_view ns = service_namespace(host, mesh.domain_suffix);
  const KubeService* svc = find_service(mesh, ns, host.substr(0, host.find('.')));
  if (svc == nullptr) return false;
  for (const auto& port : svc->ports)
    if (!overridden.contains(port.number)) return true;
  return false;
}

// What the client side does, for the message; empty when it agrees with `server`.
std::string conflict(std::string_view client, MtlsMode server) {
  if (server == MtlsMode::Strict) {
    if (client == "DISABLE") return "sends plaintext";
    if (client == "SIMPLE") return "originates TLS without an Istio client certificate";
    if (client == "MUTUAL") return "originates TLS with its own certificates instead of Istio's";
  }
  if (server == MtlsMode::Disable && client == "ISTIO_MUTUAL") return "sends Istio mTLS";
  return {};
}

class MtlsConflictRule final : public Rule {
 public:
  MtlsConflictRule()
      : Rule({"MC3104", "mtls-conflict", Severity::Error,
              "a DestinationRule TLS mode that the destination's PeerAuthentication refuses"}) {}

  void check_set(const SetContext& ctx, FindingSink& out) const override {
    for (const auto* dr : ctx.mesh.destination_rules) {
      // Rules with a workloadSelector apply to some clients only; left out.
      if (dr->workload_selector || dr->tls.empty()) continue;
      const std::string host = resolve_host(dr->host, dr->meta.ns(), ctx.mesh.domain_suffix);
      const auto target = host_workloads(ctx.mesh, host);
      const auto merged = destination_rule_for(ctx.mesh, host, dr->meta.ns());
      if (!target || !merged) continue;
      for (const auto& tls : dr->tls) check(ctx.mesh, *dr, *merged, tls, host, *target, out);
    }
  }

 private:
  static void check(const MeshConfig& mesh, const DestinationRule& dr, const MergedDestinationRule& merged,
                    const TlsSetting& tls, const std::string& host, const WorkloadScope& target, FindingSink& out) {
    // Only the settings Istio uses: the first rule's traffic policy, the
    // first definition of a subset.
    const Subset* subset = tls.subset.empty() ? nullptr : merged.find_subset(tls.subset);
    if (tls.subset.empty() ? merged.traffic_policy_owner() != &dr : merged.subset_owner(tls.subset) != &dr) return;
    if (!used_on_some_port(mesh, dr, tls, host)) return;
    const auto scope = subset ? narrowed(target, subset->labels) : std::optional(target);
    if (!scope) return;
    // A Service port may map to another workload port (targetPort), so a
    // port-level setting is held against the modes of every workload port.
    const ProvenMtls server = proven_mtls(mesh, *scope, std::nullopt);
    if (!server.mode || server.sources.empty()) return;
    const std::string client_does = conflict(tls.mode, *server.mode);
    if (client_does.empty()) return;
    const std::string mode_name(mtls_mode_name(*server.mode));
    const std::string field = tls.site.path.str().ends_with(".mode") ? tls.site.path + " " + tls.mode
                                                                     : tls.site.path + " (mode DISABLE by default)";
    const std::string destination = (subset ? "subset " + tls.subset + " of " : std::string()) + host;
    const std::string fix = *server.mode == MtlsMode::Strict
                                ? "use ISTIO_MUTUAL, or remove tls so that auto mTLS applies"
                                : "remove tls so that auto mTLS sends plaintext, or enable mTLS for those workloads";
    auto& d = report_at(out, dr.meta, tls.site,
                        dr.meta.label() + ": " + field + " " + client_does + " to " + destination + ", but " +
                            server.sources.front().policy->meta.label() + " sets mTLS " + mode_name +
                            " for every workload behind it, so every connection fails; " + fix);
    for (const auto& source : server.sources)
      d.related.push_back({source.policy->meta.location_of(source.site), "mTLS " + mode_name + " set here"});
  }
};

}  // namespace

std::unique_ptr<Rule> make_MtlsConflictRule() { return std::make_unique<MtlsConflictRule>(); }

}  // namespace meshc
