#include "compiler/match/http_match.h"

#include <gtest/gtest.h>

#include <random>

namespace meshc {
namespace {

using SM = StringMatch;

RequestAttributes get(std::string path, std::vector<std::pair<std::string, std::string>> headers = {}) {
  RequestAttributes r;
  r.path = std::move(path);
  r.headers = std::move(headers);
  return r;
}

HttpMatchSpec uri(SM m) {
  HttpMatchSpec s;
  s.uri = std::move(m);
  return s;
}

HttpMatchSpec header(std::string key, SM m) {
  HttpMatchSpec s;
  s.headers.push_back({std::move(key), std::move(m)});
  return s;
}

HttpMatchSpec without(std::string key, SM m) {
  HttpMatchSpec s;
  s.without_headers.push_back({std::move(key), std::move(m)});
  return s;
}

HttpMatchSpec query(std::string key, SM m) {
  HttpMatchSpec s;
  s.query_params.push_back({std::move(key), std::move(m)});
  return s;
}

TEST(HttpMatch, EmptyBlockMatchesEveryRequestOnTheMesh) {
  EXPECT_TRUE(matches(HttpMatchSpec{}, get("/anything?x=1")));
  RequestAttributes through_gateway = get("/");
  through_gateway.gateway = "istio-system/gw";
  EXPECT_FALSE(matches(HttpMatchSpec{}, through_gateway));
}

TEST(HttpMatch, UriExactAndRegexSeeThePathWithoutItsQuery) {
  EXPECT_TRUE(matches(uri(SM::exact("/search")), get("/search?q=x")));
  EXPECT_TRUE(matches(uri(SM::regex("/sea.ch")), get("/search?q=x")));
  EXPECT_FALSE(matches(uri(SM::exact("/search?q=x")), get("/search?q=x")));
}

TEST(HttpMatch, UriPrefixIsRawAndSeesTheWholePath) {
  EXPECT_TRUE(matches(uri(SM::prefix("/api")), get("/apis")));
  EXPECT_TRUE(matches(uri(SM::prefix("/api")), get("/api?x")));
  EXPECT_TRUE(matches(uri(SM::prefix("/api?debug")), get("/api?debug=1")));  // as Envoy's prefix match does
  EXPECT_FALSE(matches(uri(SM::prefix("/api/")), get("/api")));
}

TEST(HttpMatch, IgnoreUriCaseAppliesToExactAndPrefixNotRegex) {
  EXPECT_TRUE(matches(uri(SM::exact("/Search", true)), get("/sEARCH")));
  EXPECT_TRUE(matches(uri(SM::prefix("/API", true)), get("/api/v1")));
  EXPECT_FALSE(matches(uri(SM{SM::Kind::Regex, "/API", true}), get("/api")));
}

TEST(HttpMatch, HeaderNamesIgnoreCaseValuesDoNot) {
  const HttpMatchSpec m = header("end-user", SM::exact("jason"));
  EXPECT_TRUE(matches(m, get("/", {{"End-User", "jason"}})));
  EXPECT_FALSE(matches(m, get("/", {{"end-user", "Jason"}})));
  EXPECT_FALSE(matches(m, get("/")));
}

TEST(HttpMatch, RepeatedHeadersAreJoinedWithCommas) {
  EXPECT_TRUE(matches(header("x", SM::exact("a,b")), get("/", {{"x", "a"}, {"X", "b"}})));
  EXPECT_FALSE(matches(header("x", SM::exact("a")), get("/", {{"x", "a"}, {"x", "b"}})));
}

TEST(HttpMatch, HeaderPresence) {
  const HttpMatchSpec m = header("x-debug", SM::presence());
  EXPECT_TRUE(matches(m, get("/", {{"x-debug", ""}})));
  EXPECT_TRUE(matches(m, get("/", {{"x-debug", "1"}})));
  EXPECT_FALSE(matches(m, get("/")));
}

TEST(HttpMatch, WithoutHeadersPresenceMeansAbsent) {
  const HttpMatchSpec m = without("x-canary", SM::presence());
  EXPECT_TRUE(matches(m, get("/")));
  EXPECT_FALSE(matches(m, get("/", {{"x-canary", ""}})));
  EXPECT_FALSE(matches(m, get("/", {{"X-Canary", "no"}})));
}

TEST(HttpMatch, WithoutHeadersSeesAMissingHeaderAsEmpty) {
  const HttpMatchSpec not_v1 = without("version", SM::exact("v1"));
  EXPECT_TRUE(matches(not_v1, get("/")));
  EXPECT_TRUE(matches(not_v1, get("/", {{"version", "v2"}})));
  EXPECT_FALSE(matches(not_v1, get("/", {{"version", "v1"}})));
  const HttpMatchSpec not_empty = without("version", SM::exact(""));
  EXPECT_FALSE(matches(not_empty, get("/")));
  EXPECT_TRUE(matches(not_empty, get("/", {{"version", "v2"}})));
  EXPECT_FALSE(matches(without("version", SM::regex(".*")), get("/")));
}

TEST(HttpMatch, QueryParams) {
  EXPECT_TRUE(matches(query("debug", SM::presence()), get("/?debug")));
  EXPECT_TRUE(matches(query("debug", SM::presence()), get("/?a=1&debug=0")));
  EXPECT_FALSE(matches(query("debug", SM::presence()), get("/?debugx=1")));
  EXPECT_TRUE(matches(query("debug", SM::exact("")), get("/?debug")));
  EXPECT_TRUE(matches(query("debug", SM::exact("")), get("/?debug=")));
  EXPECT_FALSE(matches(query("debug", SM::exact("")), get("/?debug=1")));
  EXPECT_FALSE(matches(query("Debug", SM::presence()), get("/?debug=1")));  // keys are case-sensitive
  EXPECT_TRUE(matches(query("v", SM::regex("[0-9]+")), get("/?v=12")));
  EXPECT_TRUE(matches(query("v", SM::exact("1")), get("/?v=1&v=2")));  // the first value counts
}

TEST(HttpMatch, MethodSchemeAuthorityPort) {
  HttpMatchSpec m;
  m.method = SM::exact("POST");
  m.scheme = SM::exact("https");
  m.authority = SM::prefix("shop.");
  m.port = 8080;
  RequestAttributes r = get("/");
  r.method = "POST";
  r.scheme = "https";
  r.authority = "shop.example.com";
  r.port = 8080;
  EXPECT_TRUE(matches(m, r));
  r.port = 80;
  EXPECT_FALSE(matches(m, r));
  r.port = 8080;
  r.method = "GET";
  EXPECT_FALSE(matches(m, r));
}

TEST(HttpMatch, SourceLabelsNamespaceAndGateways) {
  HttpMatchSpec m;
  m.source_labels = {{"app", "web"}, {"version", "v1"}};
  m.source_namespace = "shop";
  m.gateways = {"istio-system/gw", "mesh"};
  RequestAttributes r = get("/");
  r.source_labels = {{"app", "web"}, {"version", "v1"}, {"extra", "x"}};
  r.source_namespace = "shop";
  EXPECT_TRUE(matches(m, r));
  r.gateway = "istio-system/gw";
  EXPECT_TRUE(matches(m, r));
  r.gateway = "other/gw";
  EXPECT_FALSE(matches(m, r));
  r.gateway = "mesh";
  r.source_labels.erase("version");
  EXPECT_FALSE(matches(m, r));
  r.source_labels["version"] = "v1";
  r.source_namespace = "default";
  EXPECT_FALSE(matches(m, r));
}

TEST(HttpCovers, UriContainment) {
  EXPECT_TRUE(covers(HttpMatchSpec{}, uri(SM::exact("/a"))));
  EXPECT_FALSE(covers(uri(SM::exact("/a")), HttpMatchSpec{}));
  EXPECT_FALSE(covers(uri(SM::prefix("/")), HttpMatchSpec{}));  // `OPTIONS *` has no leading slash
}

TEST(HttpCovers, UriPrefixesAndRegexes) {
  EXPECT_TRUE(covers(uri(SM::prefix("/api")), uri(SM::prefix("/apis"))));
  EXPECT_FALSE(covers(uri(SM::prefix("/apis")), uri(SM::prefix("/api"))));
  EXPECT_TRUE(covers(uri(SM::regex(".*")), HttpMatchSpec{}));  // the path is always there
  EXPECT_TRUE(covers(uri(SM::presence()), HttpMatchSpec{}));
  EXPECT_FALSE(covers(uri(SM::prefix("/api")), uri(SM::regex("^/api/v[0-9]+$"))));  // opaque
  EXPECT_TRUE(covers(uri(SM::regex("v[0-9]+")), uri(SM::regex("v[0-9]+"))));
}

TEST(HttpCovers, UriMatchersThatReachIntoTheQueryAreComparedOnlyWhenEqual) {
  // `\?` in a regex never matches (the regex sees no query) while a prefix
  // with `?` does: no claim either way.
  EXPECT_FALSE(covers(uri(SM::regex("/a\\?.*")), uri(SM::prefix("/a?x"))));
  EXPECT_FALSE(covers(uri(SM::prefix("/a?")), uri(SM::prefix("/a?x"))));
  EXPECT_TRUE(covers(uri(SM::prefix("/a?x")), uri(SM::prefix("/a?x"))));
  EXPECT_TRUE(covers(uri(SM::prefix("/a")), uri(SM::prefix("/ab"))));
}

TEST(HttpCovers, HeadersEveryOuterConditionNeedsACoveringInnerOne) {
  HttpMatchSpec inner = header("end-user", SM::exact("jason"));
  inner.headers.push_back({"x-debug", SM::exact("1")});
  EXPECT_TRUE(covers(header("end-user", SM::presence()), inner));
  EXPECT_TRUE(covers(header("end-user", SM::prefix("ja")), inner));
  EXPECT_FALSE(covers(header("end-user", SM::exact("bob")), inner));
  EXPECT_FALSE(covers(header("x-other", SM::presence()), inner));
  EXPECT_TRUE(covers(HttpMatchSpec{}, inner));
  EXPECT_FALSE(covers(inner, header("end-user", SM::exact("jason"))));
}

TEST(HttpCovers, WithoutHeaders) {
  const HttpMatchSpec not_canary = without("x-canary", SM::presence());
  EXPECT_TRUE(covers(not_canary, not_canary));
  EXPECT_FALSE(covers(not_canary, HttpMatchSpec{}));
  // absent implies "not v1": a missing header is "", which is not v1
  EXPECT_TRUE(covers(without("x-canary", SM::exact("v1")), not_canary));
  // but absent does not imply "not empty": a missing header counts as ""
  EXPECT_FALSE(covers(without("x-canary", SM::exact("")), not_canary));
  // "not any value" (regex .*) implies absent
  EXPECT_TRUE(covers(not_canary, without("x-canary", SM::regex(".*"))));
  EXPECT_TRUE(covers(without("v", SM::exact("v1")), without("v", SM::prefix("v"))));
  EXPECT_FALSE(covers(without("v", SM::prefix("v")), without("v", SM::exact("v1"))));
  // requiring v2 keeps clear of v1, but not of a v-prefix or of absence
  EXPECT_TRUE(covers(without("v", SM::exact("v1")), header("v", SM::exact("v2"))));
  EXPECT_FALSE(covers(without("v", SM::prefix("v")), header("v", SM::exact("v2"))));
  EXPECT_FALSE(covers(not_canary, header("x-canary", SM::exact("v2"))));
}

TEST(HttpCovers, JwtClaimConditionsAreComparedOnlyWhenEqual) {
  const std::string claim = "@request.auth.claims.groups";
  EXPECT_TRUE(covers(header(claim, SM::exact("admin")), header(claim, SM::exact("admin"))));
  EXPECT_FALSE(covers(header(claim, SM::presence()), header(claim, SM::exact("admin"))));
  EXPECT_TRUE(covers(without(claim, SM::exact("x")), without(claim, SM::exact("x"))));
  EXPECT_FALSE(covers(without(claim, SM::exact("x")), without(claim, SM::presence())));
  EXPECT_FALSE(covers(without(claim, SM::exact("x")), header(claim, SM::exact("y"))));
}

TEST(HttpCovers, QueryParams) {
  EXPECT_TRUE(covers(query("debug", SM::presence()), query("debug", SM::exact(""))));
  EXPECT_FALSE(covers(query("debug", SM::exact("")), query("debug", SM::presence())));
  EXPECT_FALSE(covers(query("Debug", SM::presence()), query("debug", SM::presence())));
}

TEST(HttpCovers, MethodSchemeAndAuthority) {
  HttpMatchSpec get, post, any_method;
  get.method = StringMatch::exact("GET");
  post.method = StringMatch::exact("POST");
  EXPECT_TRUE(covers(get, get));
  EXPECT_FALSE(covers(get, post));
  EXPECT_TRUE(covers(any_method, get));
  EXPECT_FALSE(covers(get, any_method));
  HttpMatchSpec get_or_gets = get;
  get_or_gets.method = StringMatch::prefix("GE");
  EXPECT_TRUE(covers(get_or_gets, get));
  EXPECT_FALSE(covers(get, get_or_gets));
  HttpMatchSpec https = get;
  https.scheme = StringMatch::exact("https");
  EXPECT_TRUE(covers(get, https));
  EXPECT_FALSE(covers(https, get));
  HttpMatchSpec host = get;
  host.authority = StringMatch::exact("shop.example.com");
  EXPECT_TRUE(covers(get, host));
  EXPECT_FALSE(covers(host, get));
}

TEST(HttpCovers, PortNamespaceLabelsGateways) {
  HttpMatchSpec outer, inner;
  outer.port = 80;
  EXPECT_FALSE(covers(outer, inner));
  inner.port = 80;
  EXPECT_TRUE(covers(outer, inner));
  outer.source_labels = {{"app", "web"}};
  inner.source_labels = {{"app", "web"}, {"v", "1"}};
  EXPECT_TRUE(covers(outer, inner));
  EXPECT_FALSE(covers(inner, outer));
  outer.source_namespace = "shop";
  EXPECT_FALSE(covers(outer, inner));
  inner.source_namespace = "shop";
  EXPECT_TRUE(covers(outer, inner));
  outer.gateways = {"mesh", "ns/gw"};
  inner.gateways = {"ns/gw"};
  EXPECT_TRUE(covers(outer, inner));
  EXPECT_FALSE(covers(inner, outer));
  inner.gateways = {};  // mesh
  EXPECT_TRUE(covers(outer, inner));
  outer.gateways = {"ns/gw"};
  EXPECT_FALSE(covers(outer, inner));
}

TEST(HttpExample, BuildsAMatchingRequest) {
  HttpMatchSpec m = uri(SM::regex("/users/[^/]+/orders"));
  m.method = SM::exact("POST");
  m.headers.push_back({"end-user", SM::exact("jason")});
  m.query_params.push_back({"debug", SM::exact("")});
  m.query_params.push_back({"v", SM::regex("\\d+")});
  m.port = 8080;
  m.source_namespace = "shop";
  m.gateways = {"istio-system/gw"};
  const auto r = example_request(m);
  ASSERT_TRUE(r);
  EXPECT_TRUE(matches(m, *r));
  EXPECT_EQ(r->path, "/users/x/orders?debug&v=1");
  EXPECT_EQ(describe(*r), "POST /users/x/orders?debug&v=1 with header end-user: jason on port 8080 from namespace shop "
                          "through gateway istio-system/gw");
}

TEST(HttpExample, SatisfiesWithoutHeaders) {
  HttpMatchSpec m = without("version", SM::exact(""));
  m.without_headers.push_back({"x-canary", SM::presence()});
  const auto r = example_request(m);
  ASSERT_TRUE(r);
  EXPECT_TRUE(matches(m, *r));
  EXPECT_EQ(describe(*r), "GET / with header version: x");
}

TEST(HttpExample, NoneForAnUnreadableRegexOrAContradiction) {
  EXPECT_FALSE(example_request(uri(SM::regex("\\p{Greek}+"))));
  HttpMatchSpec contradiction = header("x", SM::exact("a"));
  contradiction.without_headers.push_back({"x", SM::presence()});
  EXPECT_FALSE(example_request(contradiction));
}

TEST(HttpDescribe, DefaultsShowOnlyWhenConstrained) {
  HttpMatchSpec m;
  m.port = 80;
  m.source_namespace = "default";
  m.source_labels = {{"app", "web"}};
  const auto r = example_request(m);
  ASSERT_TRUE(r);
  EXPECT_EQ(describe(*r), "GET / from workload app=web");
  EXPECT_EQ(describe(*r, m), "GET / on port 80 from workload app=web in namespace default");
}

// Property: whenever covers(a, b), every request b matches, a matches too;
// and example_request(b), when there is one, matches b.
TEST(HttpProperty, CoversIsSoundOnAVocabulary) {
  std::mt19937 rng(7);
  auto pick = [&](const auto& list) { return list[rng() % list.size()]; };
  const std::vector<std::string> strings{"", "a", "A", "ab", "/api", "/API", "/api/v1", "/a?x", "v1", "GET", "1"};
  const std::vector<std::string> patterns{".*", "/api/.*", "^/a$", "v[0-9]+", "a.b", ".+", "/a\\?x.*", "GET|POST"};
  auto string_match = [&](bool may_be_any) -> SM {
    switch (rng() % (may_be_any ? 6 : 5)) {
      case 0: return SM::presence();
      case 1: return SM::exact(pick(strings), rng() % 4 == 0);
      case 2: return SM::prefix(pick(strings), rng() % 4 == 0);
      case 3: return SM::regex(pick(patterns));
      case 4: return rng() % 2 ? SM::exact("1") : SM::prefix("a");
      default: return SM::any();
    }
  };
  const std::vector<std::string> keys{"x", "y"};
  auto block = [&]() {
    HttpMatchSpec m;
    if (rng() % 2) m.uri = string_match(true);
    if (rng() % 4 == 0) m.method = SM::exact(pick(std::vector<std::string>{"GET", "POST"}));
    for (int n = rng() % 3; n > 0; --n) m.headers.push_back({pick(keys), string_match(false)});
    for (int n = rng() % 3; n > 0; --n) m.without_headers.push_back({pick(keys), string_match(false)});
    for (int n = rng() % 2; n > 0; --n) m.query_params.push_back({pick(keys), string_match(false)});
    if (rng() % 4 == 0) m.port = rng() % 2 ? 80 : 8080;
    if (rng() % 4 == 0) m.source_namespace = rng() % 2 ? "default" : "shop";
    if (rng() % 4 == 0) m.source_labels["app"] = rng() % 2 ? "web" : "api";
    if (rng() % 4 == 0) m.gateways = rng() % 2 ? std::vector<std::string>{"mesh"} : std::vector<std::string>{"ns/gw"};
    return m;
  };
  const std::vector<std::string> paths{"/", "/a", "/a?x", "/a?x=1", "/api", "/apis", "/API/v1", "/api/v1?y=v1",
                                       "/ab?y", "/axb", "/?x=&y=a"};
  const std::vector<std::string> values{"", "a", "A", "ab", "1", "v1", "v2", "GET", "/api", "/api/v1", "a,b"};
  auto request = [&]() {
    RequestAttributes r;
    r.path = pick(paths);
    r.method = rng() % 3 ? "GET" : "POST";
    for (int n = rng() % 3; n > 0; --n) r.headers.emplace_back(rng() % 2 ? pick(keys) : "X", pick(values));
    r.port = rng() % 2 ? 80 : 8080;
    r.source_namespace = rng() % 2 ? "default" : "shop";
    if (rng() % 2) r.source_labels["app"] = rng() % 2 ? "web" : "api";
    r.gateway = rng() % 3 ? "mesh" : "ns/gw";
    return r;
  };
  std::vector<RequestAttributes> requests;
  for (int i = 0; i < 300; ++i) requests.push_back(request());
  int covered = 0, witnesses = 0;
  for (int round = 0; round < 20000; ++round) {
    const HttpMatchSpec a = block();
    const HttpMatchSpec b = rng() % 3 ? block() : a;
    if (const auto w = example_request(b)) {
      ++witnesses;
      EXPECT_TRUE(matches(b, *w)) << describe(*w);
    }
    if (!covers(a, b)) continue;
    ++covered;
    for (const RequestAttributes& r : requests) {
      if (matches(b, r)) {
        ASSERT_TRUE(matches(a, r)) << "round " << round << ": " << describe(r);
      }
    }
    if (const auto w = example_request(b)) {
      EXPECT_TRUE(matches(a, *w)) << describe(*w);
    }
  }
  EXPECT_GT(covered, 2000);
  EXPECT_GT(witnesses, 2000);
}

}  // namespace
}  // namespace meshc
