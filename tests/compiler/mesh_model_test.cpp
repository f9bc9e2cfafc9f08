// The typed model read from YAML, and the model-layer lookups lint and compile
// share: host resolution, merge order, DestinationRule lookup and merge.
#include <gtest/gtest.h>


#include "compiler/model/mesh_lookup.h"
#include "tests/support/typed_config.h"

namespace meshc {
namespace {

using Config = test::TypedConfig;

TEST(HostResolution, ShortNamesResolveInTheObjectsNamespace) {
  EXPECT_EQ(resolve_host("reviews", "shop", "cluster.local"), "reviews.shop.svc.cluster.local");
  EXPECT_EQ(resolve_host("Reviews.shop.svc.cluster.local", "other", "cluster.local"), "reviews.shop.svc.cluster.local");
  EXPECT_EQ(resolve_host("reviews.shop", "other", "cluster.local"), "reviews.shop");
  EXPECT_EQ(resolve_host("*", "shop", "cluster.local"), "*");
  EXPECT_EQ(resolve_host("*.example.com", "shop", "cluster.local"), "*.example.com");
  EXPECT_EQ(service_namespace("reviews.shop.svc.cluster.local", "cluster.local"), "shop");
  EXPECT_EQ(service_namespace("api.example.com", "cluster.local"), "");
}

TEST(GatewayResolution, NamesResolveInTheVirtualServicesNamespace) {
  EXPECT_EQ(resolve_gateway("mesh", "shop"), "mesh");
  EXPECT_EQ(resolve_gateway("web", "shop"), "shop/web");
  EXPECT_EQ(resolve_gateway("edge/web", "shop"), "edge/web");
  EXPECT_EQ(resolve_gateway("web.edge.svc.cluster.local", "shop"), "edge/web");
}

TEST(MergeOrder, CreationTimestampThenNameThenNamespace) {
  ObjectMeta a, b;
  a.ref = {"DestinationRule", "shop", "b"};
  b.ref = {"DestinationRule", "shop", "a"};
  EXPECT_TRUE(merge_before(b, a));  // no timestamps: by name
  a.creation_timestamp = "2024-01-01T00:00:00Z";
  b.creation_timestamp = "2024-02-01T00:00:00Z";
  EXPECT_TRUE(merge_before(a, b));  // older first, whatever the names
  b.creation_timestamp.clear();
  EXPECT_TRUE(merge_before(b, a));  // a missing timestamp sorts first
}

TEST(ExportTo, EmptyStarDotTildeAndNamespaces) {
  ObjectMeta m;
  m.ref = {"ServiceEntry", "shop", "x"};
  EXPECT_TRUE(exported_to(m, "other"));
  m.export_to = {"."};
  EXPECT_TRUE(exported_to(m, "shop"));
  EXPECT_FALSE(exported_to(m, "other"));
  m.export_to = {"~"};
  EXPECT_FALSE(exported_to(m, "shop"));
  m.export_to = {"other"};
  EXPECT_TRUE(exported_to(m, "other"));
  m.export_to = {"*"};
  EXPECT_TRUE(exported_to(m, "any"));
  m.export_to = {"~", "other"};  // istiod: any "~" without "*" exports nowhere
  EXPECT_FALSE(exported_to(m, "other"));
  m.export_to = {"~", "*"};
  EXPECT_TRUE(exported_to(m, "other"));
}

TEST(Selectors, EverySelectorLabelMustMatch) {
  EXPECT_TRUE(selector_matches({}, {{"app", "x"}}));
  EXPECT_TRUE(selector_matches({{"app", "x"}}, {{"app", "x"}, {"v", "1"}}));
  EXPECT_FALSE(selector_matches({{"app", "x"}, {"v", "2"}}, {{"app", "x"}, {"v", "1"}}));
}

constexpr const char* k_rules = R"(apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: b-reviews, namespace: shop}
spec:
  host: reviews
  trafficPolicy: {loadBalancer: {simple: RANDOM}}
  subsets:
  - {name: v1, labels: {version: v1-from-b}}
  - {name: v3, labels: {version: v3}}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: a-reviews, namespace: shop}
spec:
  host: reviews.shop.svc.cluster.local
  trafficPolicy:
    tls: {mode: ISTIO_MUTUAL}
  subsets:
  - {name: v1, labels: {version: v1}}
  - {name: v2, labels: {version: v2}}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: wide, namespace: istio-system}
spec:
  host: "*.svc.cluster.local"
  subsets:
  - {name: mesh-wide, labels: {a: b}}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: caller-own, namespace: front}
spec:
  host: reviews.shop.svc.cluster.local
  exportTo: ["."]
)";

TEST(DestinationRuleLookup, SameHostRulesMergeInOrderFirstSubsetAndPolicyWin) {
  Config c(k_rules);
  auto merged = destination_rule_for(c.mesh(), "reviews.shop.svc.cluster.local", "shop");
  ASSERT_TRUE(merged);
  ASSERT_EQ(merged->rules.size(), 2u);
  EXPECT_EQ(merged->rules[0]->meta.name(), "a-reviews");
  EXPECT_EQ(merged->traffic_policy_owner()->meta.name(), "a-reviews");
  ASSERT_NE(merged->find_subset("v1"), nullptr);
  EXPECT_EQ(merged->find_subset("v1")->labels.at("version"), "v1");
  EXPECT_EQ(merged->subset_owner("v3")->meta.name(), "b-reviews");
  EXPECT_EQ(merged->find_subset("v9"), nullptr);
}

TEST(DestinationRuleLookup, CallerNamespaceThenServiceNamespaceThenRoot) {
  Config c(k_rules);
  // The caller's own namespace wins, even with an exportTo of ".".
  auto own = destination_rule_for(c.mesh(), "reviews.shop.svc.cluster.local", "front");
  ASSERT_TRUE(own);
  EXPECT_EQ(own->rules[0]->meta.name(), "caller-own");
  // Another caller falls back to the service's namespace.
  auto service = destination_rule_for(c.mesh(), "reviews.shop.svc.cluster.local", "other");
  ASSERT_TRUE(service);
  EXPECT_EQ(service->ns, "shop");
  // A host with no rule of its own gets the root namespace's wildcard rule.
  auto root = destination_rule_for(c.mesh(), "ratings.shop.svc.cluster.local", "shop");
  ASSERT_TRUE(root);
  EXPECT_EQ(root->rules[0]->meta.name(), "wide");
  EXPECT_FALSE(destination_rule_for(c.mesh(), "api.example.com", "shop"));
}

TEST(TypedModel, VirtualServiceMatchesResolveGatewaysAndKeepSites) {
  Config c(R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: r, namespace: shop}
spec:
  hosts: [reviews]
  gateways: [web, mesh]
  http:
  - match:
    - uri: {prefix: /API}
      ignoreUriCase: true
      headers: {End-User: {exact: jason}, x-any: {}, x-star: {regex: "*"}}
      queryParams: {debug: {exact: ""}}
      gateways: [edge/ingress]
    - sourceLabels: {app: front}
      port: 9080
    route:
    - destination: {host: reviews, subset: v1, port: {number: 9080}}
    mirror: {host: reviews, subset: v2}
)");
  ASSERT_EQ(c.mesh().virtual_services.size(), 1u);
  const VirtualService& vs = *c.mesh().virtual_services[0];
  EXPECT_EQ(vs.gateways, (std::vector<std::string>{"shop/web", "mesh"}));
  ASSERT_EQ(vs.http.size(), 1u);
  const HttpRoute& rule = vs.http[0];
  ASSERT_EQ(rule.matches.size(), 2u);
  const HttpMatchSpec& m = rule.matches[0];
  EXPECT_EQ(m.uri, StringMatch::prefix("/API", true));
  ASSERT_EQ(m.headers.size(), 3u);
  EXPECT_EQ(m.headers[0].key, "end-user");
  EXPECT_EQ(m.headers[1].match, StringMatch::presence());
  EXPECT_EQ(m.headers[2].match, StringMatch::presence());
  EXPECT_EQ(m.query_params[0].match, StringMatch::exact(""));
  EXPECT_EQ(m.gateways, (std::vector<std::string>{"edge/ingress"}));
  EXPECT_EQ(rule.matches[1].gateways, vs.gateways);
  EXPECT_EQ(rule.matches[1].port, 9080u);
  EXPECT_EQ(rule.match_sites[1].path, "spec.http[0].match[1]");
  EXPECT_EQ(rule.match_sites[1].at.line, 14u);
  ASSERT_EQ(rule.destinations.size(), 1u);
  EXPECT_EQ(rule.destinations[0].subset_site.path, "spec.http[0].route[0].destination.subset");
  ASSERT_EQ(rule.mirrors.size(), 1u);
  EXPECT_EQ(rule.mirrors[0].subset, "v2");
}

TEST(TypedModel, ValuesOfTheWrongTypeAreLeftOut) {
  Config c(R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: r}
spec:
  hosts: reviews
  http:
  - match: {uri: /x}
    route: [{destination: {host: [a], port: {number: "x"}}}]
)");
  ASSERT_EQ(c.mesh().virtual_services.size(), 1u);
  const VirtualService& vs = *c.mesh().virtual_services[0];
  EXPECT_TRUE(vs.hosts.empty());
  EXPECT_TRUE(vs.http[0].matches.empty());
  EXPECT_EQ(vs.http[0].destinations[0].host, "");
  EXPECT_FALSE(vs.http[0].destinations[0].port);
}

TEST(TypedModel, KubernetesContextAndRegistryLookup) {
  Config c(R"(apiVersion: v1
kind: Service
metadata: {name: reviews, namespace: shop}
spec:
  selector: {app: reviews}
  ports: [{port: 9080, name: http}, {port: 9443, name: https-web, appProtocol: HTTPS}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: reviews-v1, namespace: shop}
spec:
  template:
    metadata: {labels: {app: reviews, version: v1}}
    spec: {serviceAccountName: bookinfo-reviews}
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: ext, namespace: shop}
spec:
  hosts: [api.example.com]
  exportTo: ["."]
  ports: [{number: 443, name: tls, protocol: tls}]
  resolution: DNS
)");
  ASSERT_EQ(c.mesh().services.size(), 1u);
  EXPECT_EQ(c.mesh().services[0]->ports[0].protocol, "HTTP");
  EXPECT_EQ(c.mesh().services[0]->ports[1].protocol, "HTTPS");
  ASSERT_EQ(c.mesh().workloads.size(), 1u);
  EXPECT_EQ(c.mesh().workloads[0]->labels.at("version"), "v1");
  EXPECT_EQ(c.mesh().workloads[0]->service_account, "bookinfo-reviews");
  EXPECT_EQ(c.mesh().service_entries[0]->ports[0].protocol, "TLS");
  auto svc = registry_lookup(c.mesh(), "reviews.shop.svc.cluster.local", "front");
  EXPECT_TRUE(svc.found);
  EXPECT_EQ(svc.ports, (std::vector<uint32_t>{9080, 9443}));
  EXPECT_TRUE(registry_lookup(c.mesh(), "api.example.com", "shop").found);
  EXPECT_FALSE(registry_lookup(c.mesh(), "api.example.com", "front").found);  // exportTo "."
}

}  // namespace
}  // namespace meshc
