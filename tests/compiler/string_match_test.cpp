#include "compiler/match/string_match.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "compiler/match/regex_example.h"
#include "compiler/match/regex_shape.h"

namespace meshc {
namespace {

using SM = StringMatch;

TEST(StringMatchMatches, AnyAcceptsAMissingValuePresenceDoesNot) {
  EXPECT_TRUE(matches(SM::any(), std::nullopt));
  EXPECT_TRUE(matches(SM::any(), "x"));
  EXPECT_FALSE(matches(SM::presence(), std::nullopt));
  EXPECT_TRUE(matches(SM::presence(), ""));
  EXPECT_TRUE(matches(SM::presence(), "x"));
}

TEST(StringMatchMatches, ExactIsCaseSensitiveUnlessIgnoringCase) {
  EXPECT_TRUE(matches(SM::exact("/a"), "/a"));
  EXPECT_FALSE(matches(SM::exact("/a"), "/A"));
  EXPECT_FALSE(matches(SM::exact("/a"), "/ab"));
  EXPECT_FALSE(matches(SM::exact("/a"), std::nullopt));
  EXPECT_TRUE(matches(SM::exact("/a", true), "/A"));
  EXPECT_TRUE(matches(SM::exact(""), ""));
}

TEST(StringMatchMatches, PrefixIsARawStringPrefix) {
  EXPECT_TRUE(matches(SM::prefix("/api"), "/apis"));
  EXPECT_TRUE(matches(SM::prefix("/api"), "/api"));
  EXPECT_TRUE(matches(SM::prefix("/api"), "/api/v1"));
  EXPECT_FALSE(matches(SM::prefix("/api"), "/ap"));
  EXPECT_FALSE(matches(SM::prefix("/api"), "/API"));
  EXPECT_TRUE(matches(SM::prefix("/api", true), "/APIs"));
  EXPECT_FALSE(matches(SM::prefix("/api"), std::nullopt));
}

TEST(StringMatchMatches, RegexMustMatchTheWholeValue) {
  EXPECT_TRUE(matches(SM::regex("/api/v[0-9]+"), "/api/v12"));
  EXPECT_FALSE(matches(SM::regex("/api/v[0-9]+"), "/api/v12/x"));
  EXPECT_FALSE(matches(SM::regex("v[0-9]"), "xv1"));
  EXPECT_TRUE(matches(SM::regex(".*"), ""));
  EXPECT_FALSE(matches(SM::regex(".*"), std::nullopt));
  EXPECT_TRUE(matches(SM::regex("(?<ver>v[0-9])"), "v1"));  // Go-style group names
}

TEST(StringMatchMatches, RegexIgnoresTheCaseFlagAndInvalidPatternsMatchNothing) {
  EXPECT_FALSE(matches(SM{SM::Kind::Regex, "abc", true}, "ABC"));
  EXPECT_FALSE(matches(SM::regex("(a"), "(a"));
  EXPECT_FALSE(matches(SM::regex("*"), "*"));
}

TEST(RegexShape, ReadsLiteralsPrefixesAndUniversal) {
  using K = RegexShape::Kind;
  EXPECT_EQ(regex_shape("^/api/v1$").kind, K::Literal);
  EXPECT_EQ(regex_shape("^/api/v1$").literal, "/api/v1");
  EXPECT_EQ(regex_shape("/a\\.b").literal, "/a.b");
  EXPECT_EQ(regex_shape("/a\\.b").kind, K::Literal);
  EXPECT_EQ(regex_shape("/api/.*").kind, K::LiteralPrefix);
  EXPECT_EQ(regex_shape("/api/.*").literal, "/api/");
  EXPECT_EQ(regex_shape("^/api(.*)$").literal, "/api");
  EXPECT_EQ(regex_shape(".*").kind, K::LiteralPrefix);
  EXPECT_EQ(regex_shape(".*").literal, "");
  EXPECT_EQ(regex_shape("^.*$").kind, K::LiteralPrefix);
}

TEST(RegexShape, AnythingElseIsOpaque) {
  using K = RegexShape::Kind;
  for (const char* p : {"/api/v[0-9]+", "a|b", "ab*", "\\d", "a.b", "/a\\.*", "(?i)abc", ".+", "*", "(a", "a?",
                        "\\Qa\\E", "^"}) {
    if (std::string_view(p) == "^") {
      EXPECT_EQ(regex_shape(p).kind, K::Literal);  // only the empty value
      continue;
    }
    EXPECT_EQ(regex_shape(p).kind, K::Opaque) << p;
  }
}

TEST(RegexExample, FindsASimpleValueRe2Accepts) {
  EXPECT_EQ(regex_example("^/api/v1$"), "/api/v1");
  EXPECT_EQ(regex_example("/api/.*"), "/api/");
  EXPECT_EQ(regex_example("/api/v[0-9]+/.*"), "/api/v0/");
  EXPECT_EQ(regex_example("/users/[^/]+/orders"), "/users/x/orders");
  EXPECT_EQ(regex_example("/items/\\d+"), "/items/1");
  EXPECT_EQ(regex_example("/(foo|bar)/\\w+"), "/foo/x");
  EXPECT_EQ(regex_example("^(?:GET|POST)$"), "GET");
  EXPECT_EQ(regex_example("/a{3}"), "/aaa");
  EXPECT_EQ(regex_example("/p(?P<id>[0-9]{2,})"), "/p00");
  EXPECT_EQ(regex_example("(?i)abc"), "abc");
  EXPECT_EQ(regex_example(".+"), "x");
}

TEST(RegexExample, GivesNoneRatherThanAWrongValue) {
  EXPECT_EQ(regex_example("(a"), std::nullopt);
  EXPECT_EQ(regex_example("\\p{Greek}+"), std::nullopt);
  EXPECT_EQ(regex_example("[^xa1\\-_.]"), std::nullopt);
}

TEST(StringMatchExample, GivesAValueTheMatcherAccepts) {
  EXPECT_EQ(example_value(SM::any()).value, std::nullopt);
  EXPECT_TRUE(example_value(SM::any()).found);
  for (const SM& m : {SM::presence(), SM::exact("a"), SM::exact("A", true), SM::prefix("/api"), SM::regex("v[0-9]+")}) {
    const Example e = example_value(m);
    ASSERT_TRUE(e.found && e.value) << describe(m);
    EXPECT_TRUE(matches(m, *e.value)) << describe(m);
  }
  EXPECT_FALSE(example_value(SM::regex("\\p{Greek}+")).found);
}

TEST(StringMatchDescribe, NamesTheKindAndValue) {
  EXPECT_EQ(describe(SM::exact("/a")), "exact \"/a\"");
  EXPECT_EQ(describe(SM::prefix("/api", true)), "prefix \"/api\" ignoring case");
  EXPECT_EQ(describe(SM::regex("v[0-9]+")), "regex \"v[0-9]+\"");
  EXPECT_EQ(describe(SM::presence()), "present");
  EXPECT_EQ(describe(SM::any()), "any");
}

TEST(StringMatchCovers, AnyCoversEverythingAndOnlyAnyCoversAny) {
  for (const SM& m : {SM::any(), SM::presence(), SM::exact("a"), SM::prefix("a"), SM::regex("x+")})
    EXPECT_TRUE(covers(SM::any(), m)) << describe(m);
  EXPECT_FALSE(covers(SM::presence(), SM::any()));
  EXPECT_FALSE(covers(SM::regex(".*"), SM::any()));  // a missing value is not `.*`
  EXPECT_FALSE(covers(SM::prefix(""), SM::any()));
}

TEST(StringMatchCovers, PresenceCoversEveryPresentValueMatcher) {
  for (const SM& m : {SM::presence(), SM::exact(""), SM::prefix("a"), SM::regex("x+"), SM::regex("(a")})
    EXPECT_TRUE(covers(SM::presence(), m)) << describe(m);
  EXPECT_FALSE(covers(SM::exact("a"), SM::presence()));
  EXPECT_FALSE(covers(SM::regex(".+"), SM::presence()));
}

TEST(StringMatchCovers, ExactInPrefixAndPrefixInShorterPrefix) {
  EXPECT_TRUE(covers(SM::exact("/a"), SM::exact("/a")));
  EXPECT_FALSE(covers(SM::exact("/a"), SM::exact("/b")));
  EXPECT_TRUE(covers(SM::prefix("/api"), SM::exact("/api/v1")));
  EXPECT_TRUE(covers(SM::prefix("/api"), SM::exact("/api")));
  EXPECT_FALSE(covers(SM::exact("/api"), SM::prefix("/api")));
  EXPECT_TRUE(covers(SM::prefix("/api"), SM::prefix("/apis")));
  EXPECT_FALSE(covers(SM::prefix("/apis"), SM::prefix("/api")));
  EXPECT_TRUE(covers(SM::prefix("/"), SM::prefix("/api")));
  EXPECT_TRUE(covers(SM::prefix(""), SM::presence()));
}

TEST(StringMatchCovers, CaseModes) {
  EXPECT_TRUE(covers(SM::exact("/Api", true), SM::exact("/aPI")));
  EXPECT_TRUE(covers(SM::prefix("/API", true), SM::prefix("/api/v1")));
  EXPECT_TRUE(covers(SM::prefix("/API", true), SM::prefix("/Api/v1", true)));
  EXPECT_FALSE(covers(SM::exact("/api"), SM::exact("/api", true)));
  EXPECT_FALSE(covers(SM::prefix("/api"), SM::prefix("/api/", true)));
  EXPECT_TRUE(covers(SM::exact("/123"), SM::exact("/123", true)));     // nothing changes with case
  EXPECT_TRUE(covers(SM::prefix("/1/"), SM::prefix("/1/abc", true)));  // the checked part has no letters
  EXPECT_FALSE(covers(SM::exact("/api", true), SM::prefix("/api")));
}

TEST(StringMatchCovers, RegexesAreLiteralUniversalIdenticalOrOpaque) {
  EXPECT_TRUE(covers(SM::regex("^/a$"), SM::exact("/a")));
  EXPECT_TRUE(covers(SM::exact("/a"), SM::regex("/a")));
  EXPECT_TRUE(covers(SM::prefix("/api"), SM::regex("/api/v1/.*")));
  EXPECT_TRUE(covers(SM::regex("/api/.*"), SM::prefix("/api/v1")));
  EXPECT_FALSE(covers(SM::regex("/api/.*"), SM::prefix("/api")));
  EXPECT_TRUE(covers(SM::regex(".*"), SM::regex("v[0-9]+")));
  EXPECT_TRUE(covers(SM::regex(".*"), SM::presence()));
  EXPECT_TRUE(covers(SM::regex("v[0-9]+"), SM::regex("v[0-9]+")));
  EXPECT_FALSE(covers(SM::regex("v[0-9]+"), SM::exact("v1")));    // opaque: no claim
  EXPECT_FALSE(covers(SM::regex("v[0-9]+"), SM::regex("v[0-9]")));
  EXPECT_FALSE(covers(SM::prefix("v"), SM::regex("v[0-9]+")));    // true, but not proven here
  EXPECT_FALSE(covers(SM::exact("/a", true), SM::regex("(?i)/a")));
}

TEST(StringMatchDisjoint, ProvesOnlyWhatItCan) {
  EXPECT_TRUE(disjoint(SM::exact("a"), SM::exact("b")));
  EXPECT_FALSE(disjoint(SM::exact("a"), SM::exact("A", true)));
  EXPECT_TRUE(disjoint(SM::exact("a"), SM::prefix("b")));
  EXPECT_FALSE(disjoint(SM::exact("ab"), SM::prefix("a")));
  EXPECT_TRUE(disjoint(SM::prefix("ab"), SM::prefix("ac")));
  EXPECT_FALSE(disjoint(SM::prefix("ab"), SM::prefix("a")));
  EXPECT_FALSE(disjoint(SM::prefix("AB", true), SM::prefix("ab")));
  EXPECT_TRUE(disjoint(SM::exact("v1"), SM::regex("v[2-9]")));
  EXPECT_FALSE(disjoint(SM::exact("v3"), SM::regex("v[2-9]")));
  EXPECT_FALSE(disjoint(SM::regex("a+"), SM::regex("b+")));  // true, but not proven here
  EXPECT_FALSE(disjoint(SM::presence(), SM::exact("a")));
  EXPECT_FALSE(disjoint(SM::regex(".*"), SM::exact("a")));
}

// Property: covers() and disjoint() never claim what a value contradicts.
TEST(StringMatchProperty, CoversAndDisjointAreSoundOnAVocabulary) {
  const std::vector<std::string> values{"", "a", "A", "ab", "aB", "Ab", "abc", "b", "ba", "/api", "/apis", "/API/v1",
                                        "/api/v1", "1", "12", "v1", "V1", ".", "a.b", "axb"};
  const std::vector<std::string> strings{"", "a", "A", "ab", "aB", "b", "/api", "/API", "/api/", "v1", "1", "a.b"};
  const std::vector<std::string> patterns{".*", "a.*", "^a$", "a\\.b", "a.b", "[ab]+", "v[0-9]+", "(a|b)", "^/api/.*",
                                          ".+", "ab?", "[^a]*"};
  std::mt19937 rng(20240611);
  auto pick = [&](const auto& list) { return list[rng() % list.size()]; };
  auto random_match = [&]() -> SM {
    switch (rng() % 6) {
      case 0: return SM::any();
      case 1: return SM::presence();
      case 2: return SM::exact(pick(strings), rng() % 3 == 0);
      case 3: return SM::prefix(pick(strings), rng() % 3 == 0);
      default: return SM::regex(pick(patterns));
    }
  };
  int covered = 0, disjoints = 0;
  for (int round = 0; round < 20000; ++round) {
    const SM a = random_match();
    const SM b = random_match();
    const bool a_covers_b = covers(a, b);
    const bool apart = disjoint(a, b);
    covered += a_covers_b;
    disjoints += apart;
    if (a_covers_b) {
      EXPECT_TRUE(!matches(b, std::nullopt) || matches(a, std::nullopt)) << describe(a) << " / " << describe(b);
    }
    for (const std::string& v : values) {
      if (a_covers_b && matches(b, v)) {
        EXPECT_TRUE(matches(a, v)) << describe(a) << " covers " << describe(b) << " on " << v;
      }
      if (apart) {
        EXPECT_FALSE(matches(a, v) && matches(b, v)) << describe(a) << " apart from " << describe(b) << " on " << v;
      }
    }
  }
  EXPECT_GT(covered, 1000);  // the property is not vacuous
  EXPECT_GT(disjoints, 1000);
}

}  // namespace
}  // namespace meshc
