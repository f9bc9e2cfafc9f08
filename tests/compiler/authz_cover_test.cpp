#include "compiler/model/authz_cover.h"

#include <gtest/gtest.h>

namespace meshc {
namespace {

AuthzValues values(std::vector<std::string> v, std::vector<std::string> not_v = {}) {
  AuthzValues out;
  out.values = std::move(v);
  out.not_values = std::move(not_v);
  return out;
}

AuthzRule from(std::string field, AuthzValues v) {
  AuthzRule r;
  r.from.push_back({{{std::move(field), std::move(v)}}, {}});
  return r;
}

AuthzRule to(std::map<std::string, AuthzValues> fields) {
  AuthzRule r;
  r.to.push_back({std::move(fields), {}});
  return r;
}

TEST(AuthzValueCovers, Wildcards) {
  EXPECT_TRUE(authz_value_covers("paths", "*", "/admin"));
  EXPECT_TRUE(authz_value_covers("paths", "/admin*", "/admin/users"));
  EXPECT_TRUE(authz_value_covers("paths", "/admin*", "/admin/x*"));
  EXPECT_FALSE(authz_value_covers("paths", "/admin/x*", "/admin*"));
  EXPECT_TRUE(authz_value_covers("paths", "*.json", "/a/b.json"));
  EXPECT_TRUE(authz_value_covers("principals", "*/sa/admin", "cluster.local/ns/a/sa/admin"));
  EXPECT_FALSE(authz_value_covers("paths", "/a*", "*.json"));
  EXPECT_FALSE(authz_value_covers("paths", "/admin", "*"));
}

TEST(AuthzValueCovers, LiteralFieldsAndTemplatesCoverOnlyThemselves) {
  EXPECT_FALSE(authz_value_covers("ports", "8*", "8080"));
  EXPECT_FALSE(authz_value_covers("requestPrincipals", "iss/*", "iss/a/b"));
  EXPECT_FALSE(authz_value_covers("paths", "/api/{*}", "/api/x"));
  EXPECT_TRUE(authz_value_covers("paths", "/api/{*}", "/api/{*}"));
  EXPECT_TRUE(authz_value_covers("ipBlocks", "10.0.0.0/8", "10.0.0.0/8"));
}

TEST(AuthzValuesDisjoint, Cases) {
  EXPECT_TRUE(authz_values_disjoint("methods", "GET", "POST"));
  EXPECT_TRUE(authz_values_disjoint("paths", "/a*", "/b"));
  EXPECT_FALSE(authz_values_disjoint("paths", "/a*", "*.json"));
  EXPECT_TRUE(authz_values_disjoint("paths", "*.html", "*.json"));
  EXPECT_TRUE(authz_values_disjoint("ports", "80", "8080"));
  EXPECT_FALSE(authz_values_disjoint("namespaces", "a", "b"));
  EXPECT_FALSE(authz_values_disjoint("ipBlocks", "10.0.0.0/8", "10.1.0.0/16"));
}

TEST(AuthzRuleCovers, EmptyRuleCoversEverything) {
  EXPECT_TRUE(authz_rule_covers(AuthzRule{}, to({{"paths", values({"/x"})}})));
  EXPECT_FALSE(authz_rule_covers(to({{"paths", values({"/x"})}}), AuthzRule{}));
}

TEST(AuthzRuleCovers, EveryAllowValueMustBeDenied) {
  const auto deny = to({{"paths", values({"/admin*"})}});
  EXPECT_TRUE(authz_rule_covers(deny, to({{"paths", values({"/admin/a", "/admin/b"})}, {"methods", values({"GET"})}})));
  EXPECT_FALSE(authz_rule_covers(deny, to({{"paths", values({"/admin/a", "/public"})}})));
  EXPECT_FALSE(authz_rule_covers(deny, to({{"methods", values({"GET"})}})));
}

TEST(AuthzRuleCovers, NotValuesNeedProof) {
  const auto deny = from("namespaces", values({}, {"shop"}));
  EXPECT_TRUE(authz_rule_covers(deny, from("namespaces", values({}, {"shop"}))));
  EXPECT_FALSE(authz_rule_covers(deny, from("namespaces", values({"other"}))))
      << "namespace values are never proven disjoint";
  const auto deny_get = to({{"methods", values({}, {"GET"})}});
  EXPECT_TRUE(authz_rule_covers(deny_get, to({{"methods", values({"POST", "PUT"})}})));
  EXPECT_FALSE(authz_rule_covers(deny_get, to({{"methods", values({"POST", "GET"})}})));
}

TEST(AuthzRuleCovers, WhenConditionsNeedTheSameKeyAndASubsetOfValues) {
  AuthzRule deny, allow;
  deny.when.push_back({"request.headers[x-env]", values({"dev", "test"})});
  allow.when.push_back({"request.headers[x-env]", values({"dev"})});
  EXPECT_TRUE(authz_rule_covers(deny, allow));
  allow.when[0].values.values.push_back("prod");
  EXPECT_FALSE(authz_rule_covers(deny, allow));
}

TEST(AuthzRuleCovers, EachAllowEntryNeedsADenyEntry) {
  AuthzRule deny = from("principals", values({"cluster.local/ns/a/sa/x"}));
  deny.from.push_back({{{"principals", values({"cluster.local/ns/b/*"})}}, {}});
  AuthzRule allow = from("principals", values({"cluster.local/ns/a/sa/x"}));
  allow.from.push_back({{{"principals", values({"cluster.local/ns/b/sa/y"})}}, {}});
  EXPECT_TRUE(authz_rule_covers(deny, allow));
  allow.from.push_back({{{"principals", values({"cluster.local/ns/c/sa/z"})}}, {}});
  EXPECT_FALSE(authz_rule_covers(deny, allow));
}

}  // namespace
}  // namespace meshc
