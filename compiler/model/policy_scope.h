#pragma once
// Which security policies apply to which workloads, as Istio composes them:
// PeerAuthentication's mesh > namespace > workload > port inheritance, and
// the workloads an AuthorizationPolicy or RequestAuthentication reaches.
// Compile and serve ask about one workload; lint asks what is proven about
// every workload a policy reaches, since it rarely knows the workloads.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/model/mesh_config.h"

namespace meshc {

enum class MtlsMode : uint8_t { Unset, Disable, Permissive, Strict };

// "STRICT" -> Strict; "" and "UNSET" -> Unset; nullopt for a word Istio does
// not know (the schema check reports it).
std::optional<MtlsMode> parse_mtls_mode(std::string_view word);
std::string_view mtls_mode_name(MtlsMode mode);

// The PeerAuthentication setting a mode comes from: its `mtls.mode` or one
// of its `portLevelMtls` entries.
struct MtlsSource {
  const PeerAuthentication* policy = nullptr;
  Site site;
};

struct MtlsDecision {
  // Never Unset; nullopt when a policy that decides it has a mode meshc
  // cannot read.
  std::optional<MtlsMode> mode = MtlsMode::Permissive;
  // nullopt: no policy sets it, so Istio's default (PERMISSIVE) applies.
  std::optional<MtlsSource> source;
};

// The mode Istio enforces for inbound traffic to `port` of the workload with
// `labels` in namespace `ns` (nullopt port: the workload's mode without its
// port-level exceptions). The oldest policy (merge_before) wins at each level;
// a PeerAuthentication with a selector in the root namespace is ignored, as
// Istio ignores it.
MtlsDecision effective_mtls(const MeshConfig& mesh, std::string_view ns, const Labels& labels,
                            std::optional<uint32_t> port);

// The workloads a namespaced policy reaches.
struct WorkloadScope {
  std::string ns;
  bool mesh_wide = false;          // workloads of every namespace (a policy in the root namespace)
  std::optional<Labels> selector;  // nullopt: every workload (an empty selector is stored as nullopt)
};

// The workloads of `ns` that `selector` selects (all of them for nullopt or
// an empty selector).
WorkloadScope namespace_workloads(std::string_view ns, const std::optional<Labels>& selector);

// The workloads an AuthorizationPolicy or RequestAuthentication applies to:
// mesh-wide in the root namespace, else its namespace; narrowed by its
// selector. nullopt for a policy with targetRefs (gateways and services
// meshc does not resolve).
std::optional<WorkloadScope> policy_workloads(const MeshConfig& mesh, const ObjectMeta& meta, const PolicyScope& scope);

bool reaches(const WorkloadScope& scope, std::string_view ns, const Labels& labels);

// False only when no workload can be in both: different namespaces, or
// selectors that require one label key with different values.
bool may_overlap(const WorkloadScope& a, const WorkloadScope& b);

// True only when every workload `inner` reaches, `outer` reaches too.
bool contains(const WorkloadScope& outer, const WorkloadScope& inner);

// Whether two selectors require the same label key with different values,
// so no workload has the labels of both.
bool selectors_contradict(const Labels& a, const Labels& b);

// "every workload of namespace shop", "the workloads labelled app=web in
// every namespace", ...
std::string describe(const WorkloadScope& scope);

// "app=web,version=v1"
std::string describe(const Labels& labels);

struct ProvenMtls {
  // Set only when every workload in the scope has this mode (on `port`, or
  // on every port); never Unset.
  std::optional<MtlsMode> mode;
  // The settings that decide it, for notes; empty when it is Istio's default.
  std::vector<MtlsSource> sources;
};

// What the config set proves about the mTLS mode of every workload in
// `scope`, workloads being unknown one by one: any selector
// PeerAuthentication whose selector does not contradict the scope's may
// apply to some of them, so the mode is proven only when every policy that
// may decide agrees. nullopt port: every port, port-level exceptions
// included.
ProvenMtls proven_mtls(const MeshConfig& mesh, const WorkloadScope& scope, std::optional<uint32_t> port);

}  // namespace meshc
