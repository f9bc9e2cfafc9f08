#include "compiler/model/policy_scope.h"

#include <gtest/gtest.h>

#include <deque>

namespace meshc {
namespace {

// PeerAuthentications kept alive for the MeshConfig that points at them.
class Policies {
 public:
  PeerAuthentication& add(std::string ns, std::string name, std::string mode, std::optional<Labels> selector = {},
                          std::string created = "") {
    PeerAuthentication& pa = store_.emplace_back();
    pa.meta.ref = {"PeerAuthentication", std::move(ns), std::move(name)};
    pa.meta.creation_timestamp = std::move(created);
    pa.scope.selector = std::move(selector);
    pa.mode = std::move(mode);
    pa.mode_site.path = FieldPath("spec.mtls.mode");
    mesh_.peer_authentications.push_back(&pa);
    mesh_.build_index();
    return pa;
  }
  const MeshConfig& mesh() const { return mesh_; }

 private:
  std::deque<PeerAuthentication> store_;
  MeshConfig mesh_;
};

void set_port(PeerAuthentication& pa, uint32_t port, std::string mode) {
  pa.port_modes[port] = std::move(mode);
  pa.port_sites[port].path = FieldPath("spec.portLevelMtls.#", {port});
}

const Labels k_web{{"app", "web"}};

TEST(EffectiveMtls, NoPolicyIsPermissive) {
  Policies p;
  const auto d = effective_mtls(p.mesh(), "shop", k_web, 8080);
  EXPECT_EQ(d.mode, MtlsMode::Permissive);
  EXPECT_FALSE(d.source);
}

TEST(EffectiveMtls, NamespaceOverridesMeshAndUnsetInherits) {
  Policies p;
  p.add("istio-system", "default", "STRICT");
  EXPECT_EQ(effective_mtls(p.mesh(), "shop", k_web, {}).mode, MtlsMode::Strict);
  p.add("shop", "default", "UNSET");
  EXPECT_EQ(effective_mtls(p.mesh(), "shop", k_web, {}).mode, MtlsMode::Strict);
  p.add("shop", "newer", "DISABLE", std::nullopt, "2024-01-01T00:00:00Z");
  EXPECT_EQ(effective_mtls(p.mesh(), "shop", k_web, {}).mode, MtlsMode::Strict) << "the oldest namespace policy wins";
  EXPECT_EQ(effective_mtls(p.mesh(), "other", k_web, {}).mode, MtlsMode::Strict);
}

TEST(EffectiveMtls, WorkloadAndPortLevels) {
  Policies p;
  p.add("shop", "default", "STRICT");
  auto& web = p.add("shop", "web", "", k_web);
  set_port(web, 8080, "DISABLE");
  set_port(web, 9090, "UNSET");
  EXPECT_EQ(effective_mtls(p.mesh(), "shop", k_web, 80).mode, MtlsMode::Strict);
  EXPECT_EQ(effective_mtls(p.mesh(), "shop", k_web, 9090).mode, MtlsMode::Strict);
  const auto d = effective_mtls(p.mesh(), "shop", {{"app", "web"}, {"v", "1"}}, 8080);
  EXPECT_EQ(d.mode, MtlsMode::Disable);
  ASSERT_TRUE(d.source);
  EXPECT_EQ(d.source->policy, &web);
  EXPECT_EQ(d.source->site.path, "spec.portLevelMtls.8080");
  EXPECT_EQ(effective_mtls(p.mesh(), "shop", {{"app", "db"}}, 8080).mode, MtlsMode::Strict);
}

TEST(EffectiveMtls, OldestSelectorPolicyWins) {
  Policies p;
  p.add("shop", "b-newer", "DISABLE", k_web, "2024-02-01T00:00:00Z");
  p.add("shop", "a-older", "STRICT", Labels{{"tier", "front"}}, "2024-01-01T00:00:00Z");
  EXPECT_EQ(effective_mtls(p.mesh(), "shop", {{"app", "web"}, {"tier", "front"}}, {}).mode, MtlsMode::Strict);
}

TEST(EffectiveMtls, RootNamespaceSelectorPolicyIsIgnored) {
  Policies p;
  p.add("istio-system", "gw", "DISABLE", k_web);
  EXPECT_EQ(effective_mtls(p.mesh(), "shop", k_web, {}).mode, MtlsMode::Permissive);
  EXPECT_EQ(effective_mtls(p.mesh(), "istio-system", k_web, {}).mode, MtlsMode::Permissive);
}

TEST(EffectiveMtls, UnknownModeIsUnknown) {
  Policies p;
  p.add("shop", "default", "STRCT");
  EXPECT_FALSE(effective_mtls(p.mesh(), "shop", k_web, {}).mode);
}

TEST(ProvenMtls, NamespacePolicyAloneIsProven) {
  Policies p;
  const auto& ns = p.add("shop", "default", "STRICT");
  const auto proven = proven_mtls(p.mesh(), namespace_workloads("shop", std::nullopt), std::nullopt);
  EXPECT_EQ(proven.mode, MtlsMode::Strict);
  ASSERT_EQ(proven.sources.size(), 1u);
  EXPECT_EQ(proven.sources[0].policy, &ns);
}

TEST(ProvenMtls, SelectorPolicyThatMayApplyBreaksTheProof) {
  Policies p;
  p.add("shop", "default", "STRICT");
  p.add("shop", "legacy", "PERMISSIVE", Labels{{"app", "legacy"}});
  EXPECT_FALSE(proven_mtls(p.mesh(), namespace_workloads("shop", std::nullopt), {}).mode);
  EXPECT_FALSE(proven_mtls(p.mesh(), namespace_workloads("shop", Labels{{"tier", "x"}}), {}).mode);
  // app=web contradicts app=legacy: that policy cannot select these workloads.
  EXPECT_EQ(proven_mtls(p.mesh(), namespace_workloads("shop", k_web), {}).mode, MtlsMode::Strict);
}

TEST(ProvenMtls, SelectorPolicyThatAgreesKeepsTheProof) {
  Policies p;
  p.add("shop", "default", "STRICT");
  p.add("shop", "web", "UNSET", k_web);
  EXPECT_EQ(proven_mtls(p.mesh(), namespace_workloads("shop", std::nullopt), {}).mode, MtlsMode::Strict);
}

TEST(ProvenMtls, PortExceptionsCountForEveryPortButNotForAnother) {
  Policies p;
  p.add("shop", "default", "STRICT");
  auto& web = p.add("shop", "web", "", k_web);
  set_port(web, 8080, "PERMISSIVE");
  const auto scope = namespace_workloads("shop", k_web);
  EXPECT_FALSE(proven_mtls(p.mesh(), scope, std::nullopt).mode);
  EXPECT_EQ(proven_mtls(p.mesh(), scope, 9080).mode, MtlsMode::Strict);
  EXPECT_EQ(proven_mtls(p.mesh(), scope, 8080).mode, MtlsMode::Permissive);
}

TEST(ProvenMtls, PolicySelectingTheWholeScopeHidesNewerOnesAndTheNamespaceLevel) {
  Policies p;
  p.add("shop", "default", "PERMISSIVE");
  p.add("shop", "web", "DISABLE", k_web, "2024-01-01T00:00:00Z");
  p.add("shop", "web-v1", "STRICT", Labels{{"app", "web"}, {"v", "1"}}, "2024-02-01T00:00:00Z");
  EXPECT_EQ(proven_mtls(p.mesh(), namespace_workloads("shop", Labels{{"app", "web"}, {"v", "1"}}), {}).mode,
            MtlsMode::Disable);
}

TEST(ProvenMtls, MeshWideScopeNeedsEveryNamespaceToAgree) {
  Policies p;
  p.add("istio-system", "default", "STRICT");
  const WorkloadScope mesh_wide{"istio-system", true, std::nullopt};
  EXPECT_EQ(proven_mtls(p.mesh(), mesh_wide, {}).mode, MtlsMode::Strict);
  p.add("legacy", "default", "PERMISSIVE");
  EXPECT_FALSE(proven_mtls(p.mesh(), mesh_wide, {}).mode);
}

TEST(ProvenMtls, DefaultIsPermissiveWithoutSources) {
  Policies p;
  const auto proven = proven_mtls(p.mesh(), namespace_workloads("shop", std::nullopt), {});
  EXPECT_EQ(proven.mode, MtlsMode::Permissive);
  EXPECT_TRUE(proven.sources.empty());
}

TEST(WorkloadScopes, PolicyWorkloadsFollowTheRootNamespace) {
  MeshConfig mesh;
  ObjectMeta meta;
  meta.ref = {"AuthorizationPolicy", "istio-system", "x"};
  PolicyScope scope;
  scope.selector = Labels{};
  const auto root = policy_workloads(mesh, meta, scope);
  ASSERT_TRUE(root);
  EXPECT_TRUE(root->mesh_wide);
  EXPECT_FALSE(root->selector) << "an empty selector selects everything";
  scope.has_target_refs = true;
  EXPECT_FALSE(policy_workloads(mesh, meta, scope));
}

TEST(WorkloadScopes, OverlapAndContainment) {
  const auto shop_all = namespace_workloads("shop", std::nullopt);
  const auto shop_web = namespace_workloads("shop", k_web);
  const auto shop_web_v1 = namespace_workloads("shop", Labels{{"app", "web"}, {"v", "1"}});
  const auto shop_db = namespace_workloads("shop", Labels{{"app", "db"}});
  const auto other_web = namespace_workloads("other", k_web);
  const WorkloadScope mesh_web{"istio-system", true, k_web};

  EXPECT_TRUE(may_overlap(shop_all, shop_db));
  EXPECT_FALSE(may_overlap(shop_web, shop_db));
  EXPECT_FALSE(may_overlap(shop_web, other_web));
  EXPECT_TRUE(may_overlap(mesh_web, other_web));
  EXPECT_TRUE(may_overlap(shop_web, namespace_workloads("shop", Labels{{"v", "1"}})));

  EXPECT_TRUE(contains(shop_all, shop_web));
  EXPECT_TRUE(contains(shop_web, shop_web_v1));
  EXPECT_FALSE(contains(shop_web_v1, shop_web));
  EXPECT_FALSE(contains(shop_web, shop_all));
  EXPECT_TRUE(contains(mesh_web, other_web));
  EXPECT_FALSE(contains(other_web, mesh_web));

  EXPECT_TRUE(reaches(mesh_web, "any", {{"app", "web"}, {"v", "2"}}));
  EXPECT_FALSE(reaches(shop_web, "other", k_web));
}

TEST(WorkloadScopes, Describe) {
  EXPECT_EQ(describe(namespace_workloads("shop", std::nullopt)), "every workload of namespace shop");
  EXPECT_EQ(describe(namespace_workloads("shop", k_web)), "the workloads labelled app=web in namespace shop");
  EXPECT_EQ(describe(WorkloadScope{"istio-system", true, std::nullopt}), "every workload in the mesh");
}

}  // namespace
}  // namespace meshc
