// The route shadowing analysis behind unreachable-route and duplicate-match:
// the Istio behaviours it relies on, and that every witness request it gives
// matches both the shadowed block and the block that takes it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/support/typed_config.h"
#include "validators/rules/route_shadowing.h"

namespace meshc {
namespace {

namespace fs = std::filesystem;

using Config = test::TypedConfig;

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

HttpMatchSpec on_gateway(HttpMatchSpec m, const std::string& gateway) {
  m.gateways = {gateway};
  return m;
}

// Checks every witness; returns how many there were.
size_t check_witnesses(const std::vector<RuleShadows>& rules, const std::string& where) {
  size_t checked = 0;
  for (const RuleShadows& r : rules) {
    for (const BlockShadows& b : r.blocks) {
      for (const Shadow& s : b.shadows) {
        const HttpMatchSpec shadowed = on_gateway(block_spec(b.block), s.gateway);
        const HttpMatchSpec taker = on_gateway(block_spec(s.by), s.gateway);
        EXPECT_TRUE(matches(shadowed, s.witness)) << where << ": " << block_label(b.block) << ": " << describe(s.witness);
        EXPECT_TRUE(matches(taker, s.witness)) << where << ": " << block_label(s.by) << ": " << describe(s.witness);
        EXPECT_TRUE(matches(block_spec(b.block), s.witness)) << where << ": gateway " << s.witness.gateway;
        ++checked;
      }
    }
  }
  return checked;
}

TEST(ShadowingWitness, MatchesBothBlocksInEveryFixture) {
  size_t checked = 0;
  for (const char* code : {"MC2006", "MC2007"}) {
    for (const auto& e : fs::directory_iterator(fs::path(MESHC_SOURCE_DIR) / "testdata" / "rules" / code)) {
      if (e.path().extension() != ".yaml") continue;
      const Config config(slurp(e.path()));
      checked += check_witnesses(analyse_route_shadowing(config.mesh()), e.path().filename().string());
    }
  }
  EXPECT_GT(checked, 10u);
}

TEST(ShadowingWitness, MatchesBothBlocksInTheCorpus) {
  const fs::path corpus = fs::path(MESHC_CORPUS_DIR);
  if (!fs::is_directory(corpus)) GTEST_SKIP() << "shared corpus not found at " << corpus;
  for (const auto& e : fs::recursive_directory_iterator(corpus)) {
    if (e.path().extension() != ".yaml") continue;
    const Config config(slurp(e.path()));
    check_witnesses(analyse_route_shadowing(config.mesh()), e.path().string());
  }
}

// The blocks of rule `rule` of the VirtualService named `name`.
const RuleShadows& rule_of(const std::vector<RuleShadows>& all, std::string_view name, size_t rule) {
  for (const RuleShadows& r : all)
    if (r.vs->meta.name() == name && r.rule == rule) return r;
  static const RuleShadows none;
  ADD_FAILURE() << "no rule " << rule << " of " << name;
  return none;
}

const char* k_two_on_gateway = R"(
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: first, namespace: shop, creationTimestamp: "2024-01-01T00:00:00Z"}
spec:
  hosts: [shop.example.com]
  gateways: [gw]
  http:
  - match: [{uri: {prefix: /api}}]
    route: [{destination: {host: api}}]
  - route: [{destination: {host: web}}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: second, namespace: shop, creationTimestamp: "2024-02-01T00:00:00Z"}
spec:
  hosts: [shop.example.com]
  gateways: [gw]
  http:
  - match: [{uri: {prefix: /api/v2}}]
    route: [{destination: {host: api-v2}}]
  - match: [{uri: {prefix: /web}}]
    route: [{destination: {host: web-2}}]
  - route: [{destination: {host: web-3}}]
)";

TEST(Shadowing, AcrossVirtualServicesMergedOnAGateway) {
  const Config config(k_two_on_gateway);
  const auto all = analyse_route_shadowing(config.mesh());
  const RuleShadows& v2 = rule_of(all, "second", 0);
  ASSERT_TRUE(v2.unreachable());
  EXPECT_EQ(v2.blocks[0].shadows[0].by.vs->meta.name(), "first");
  EXPECT_EQ(v2.blocks[0].shadows[0].host, "shop.example.com");
  // The first one's catch-all goes behind the second one's routes...
  EXPECT_FALSE(rule_of(all, "second", 1).unreachable());
  // ...but stays before its catch-all.
  EXPECT_TRUE(rule_of(all, "second", 2).unreachable());
}

TEST(Shadowing, NoMergeOrderWithoutCreationTimestamps) {
  std::string text = k_two_on_gateway;
  for (const char* stamp : {", creationTimestamp: \"2024-01-01T00:00:00Z\"", ", creationTimestamp: \"2024-02-01T00:00:00Z\""})
    text.erase(text.find(stamp), std::string_view(stamp).size());
  const Config config(text);
  const auto all = analyse_route_shadowing(config.mesh());
  EXPECT_FALSE(rule_of(all, "second", 0).unreachable());
  EXPECT_FALSE(rule_of(all, "second", 2).unreachable());
}

TEST(Shadowing, NoMergeOnTheMesh) {
  std::string text = k_two_on_gateway;
  for (size_t at = text.find("gateways: [gw]"); at != std::string::npos; at = text.find("gateways: [gw]"))
    text.replace(at, 14, "gateways: [mesh]");
  const Config config(text);
  EXPECT_FALSE(rule_of(analyse_route_shadowing(config.mesh()), "second", 0).unreachable());
}

TEST(Shadowing, RoutesAfterACatchAllOfTheOtherVirtualServiceDoNotExist) {
  const Config config(R"(
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: first, namespace: shop, creationTimestamp: "2024-01-01T00:00:00Z"}
spec:
  hosts: [shop.example.com]
  gateways: [gw]
  http:
  - match: [{uri: {prefix: /}}]
    route: [{destination: {host: web}}]
  - match: [{uri: {prefix: /api}}]
    route: [{destination: {host: api}}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: second, namespace: shop, creationTimestamp: "2024-02-01T00:00:00Z"}
spec:
  hosts: [shop.example.com]
  gateways: [gw]
  http:
  - match: [{uri: {prefix: /api/v2}}]
    route: [{destination: {host: api-v2}}]
)");
  const auto all = analyse_route_shadowing(config.mesh());
  EXPECT_TRUE(rule_of(all, "first", 1).unreachable());   // after its own catch-all
  EXPECT_FALSE(rule_of(all, "second", 0).unreachable());  // first's /api rule is never built
}

TEST(Shadowing, EveryHostAndGatewayMustBeCovered) {
  const Config config(R"(
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: first, namespace: shop, creationTimestamp: "2024-01-01T00:00:00Z"}
spec:
  hosts: [a.example.com]
  gateways: [gw]
  http:
  - match: [{uri: {prefix: /api}}]
    route: [{destination: {host: api}}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: second, namespace: shop, creationTimestamp: "2024-02-01T00:00:00Z"}
spec:
  hosts: [a.example.com, b.example.com]
  gateways: [gw]
  http:
  - match: [{uri: {prefix: /api/v2}}]
    route: [{destination: {host: api-v2}}]
)");
  EXPECT_FALSE(rule_of(analyse_route_shadowing(config.mesh()), "second", 0).unreachable());
}

TEST(Shadowing, InADelegateOnlyBlocksThatCannotConflictWithTheRootCount) {
  const Config config(R"(
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: routes, namespace: shop}
spec:
  http:
  - match: [{uri: {prefix: /}}]
    route: [{destination: {host: web}}]
  - match: [{uri: {prefix: /static}}, {uri: {prefix: /static}}]
    route: [{destination: {host: static}}]
  - route: [{destination: {host: rest}}]
  - match: [{uri: {prefix: /late}}]
    route: [{destination: {host: late}}]
)");
  const auto all = analyse_route_shadowing(config.mesh());
  const RuleShadows& statics = rule_of(all, "routes", 1);
  EXPECT_FALSE(statics.blocks[0].shadowed());  // the root may drop `prefix: /` and keep this
  EXPECT_TRUE(statics.blocks[1].shadowed());   // an equal block stands or falls with it
  EXPECT_TRUE(rule_of(all, "routes", 3).unreachable());  // after a rule without match
}

TEST(Shadowing, ADelegatingRuleTakesNothing) {
  const Config config(R"(
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: root, namespace: shop}
spec:
  hosts: [shop]
  http:
  - delegate: {name: routes}
  - match: [{uri: {prefix: /late}}]
    route: [{destination: {host: late}}]
  - route: [{destination: {host: rest}}]
  - delegate: {name: other}
)");
  const auto all = analyse_route_shadowing(config.mesh());
  EXPECT_FALSE(rule_of(all, "root", 1).unreachable());
  EXPECT_TRUE(rule_of(all, "root", 3).unreachable());
}

TEST(Shadowing, SourceConditionsProveNothingAboutOtherBlocks) {
  const Config config(R"(
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs, namespace: shop}
spec:
  hosts: [shop]
  http:
  - match: [{sourceLabels: {app: web}}]
    route: [{destination: {host: web}}]
  - match: [{sourceLabels: {app: web}, uri: {prefix: /x}}]
    route: [{destination: {host: x}}]
  - match: [{uri: {prefix: /y}, sourceNamespace: shop}]
    route: [{destination: {host: y}}]
  - match: [{uri: {prefix: /y/z}, sourceNamespace: shop}]
    route: [{destination: {host: z}}]
)");
  const auto all = analyse_route_shadowing(config.mesh());
  EXPECT_FALSE(rule_of(all, "vs", 1).unreachable());
  EXPECT_FALSE(rule_of(all, "vs", 3).unreachable());
}

TEST(Shadowing, APortedCatchAllDropsNothing) {
  const Config config(R"(
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs, namespace: shop}
spec:
  hosts: [shop]
  http:
  - match: [{port: 8080}]
    route: [{destination: {host: web}}]
  - match: [{headers: {x: {exact: "1"}}}]
    route: [{destination: {host: x}}]
  - match: [{uri: {prefix: /}}]
    route: [{destination: {host: slash}}]
  - match: [{headers: {y: {exact: "1"}}}]
    route: [{destination: {host: y}}]
)");
  const auto all = analyse_route_shadowing(config.mesh());
  EXPECT_FALSE(rule_of(all, "vs", 1).unreachable());
  EXPECT_TRUE(rule_of(all, "vs", 3).unreachable());
}

}  // namespace
}  // namespace meshc

namespace meshc {
namespace {

// Blocks are ORed: a rule is unreachable only when each of its blocks is
// taken, possibly by different earlier blocks; a block another one covers
// alone is only a duplicate while its rule stays reachable.
TEST(Shadowing, SeveralMatchBlocks) {
  const Config config(R"(
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs, namespace: shop}
spec:
  hosts: [shop]
  http:
  - match: [{uri: {prefix: /api}}, {method: {exact: POST}}]
    route: [{destination: {host: a}}]
  - match: [{uri: {exact: /api/v1}}, {method: {exact: POST}, uri: {prefix: /x}}]
    route: [{destination: {host: b}}]
  - match: [{uri: {prefix: /apix}}, {uri: {prefix: /web}}]
    route: [{destination: {host: c}}]
)");
  const auto all = analyse_route_shadowing(config.mesh());
  const RuleShadows& both_taken = rule_of(all, "vs", 1);
  EXPECT_TRUE(both_taken.unreachable());
  ASSERT_EQ(both_taken.blocks.size(), 2u);
  EXPECT_EQ(both_taken.blocks[0].shadows[0].by.block, 0u);
  EXPECT_EQ(both_taken.blocks[1].shadows[0].by.block, 1u);
  const RuleShadows& one_taken = rule_of(all, "vs", 2);
  EXPECT_FALSE(one_taken.unreachable());
  EXPECT_TRUE(one_taken.blocks[0].shadowed());
  EXPECT_FALSE(one_taken.blocks[1].shadowed());
}

}  // namespace
}  // namespace meshc
