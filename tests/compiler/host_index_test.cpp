// Virtual host selection by request host, and the authority's host and port.
#include "compiler/table/host_index.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "compiler/match/ascii.h"

namespace meshc {
namespace {

TEST(HostIndex, ExactBeforeLongestSuffixBeforeStar) {
  HostIndex index;
  index.add("*", 0);
  index.add("*.example.com", 1);
  index.add("*.shop.example.com", 2);
  index.add("api.shop.example.com", 3);
  EXPECT_EQ(index.find("api.shop.example.com"), 3u);
  EXPECT_EQ(index.find("web.shop.example.com"), 2u);
  EXPECT_EQ(index.find("web.example.com"), 1u);
  EXPECT_EQ(index.find("example.org"), 0u);
}

TEST(HostIndex, NamesAreCaseInsensitive) {
  HostIndex index;
  index.add("Reviews.Shop.svc.cluster.local", 7);
  index.add("*.EXAMPLE.com", 8);
  EXPECT_EQ(index.find("reviews.shop.SVC.cluster.local"), 7u);
  EXPECT_EQ(index.find("A.example.COM"), 8u);
}

TEST(HostIndex, AWildcardStandsForAtLeastOneCharacter) {
  HostIndex index;
  index.add("*.example.com", 1);
  index.add("*foo.com", 2);
  EXPECT_EQ(index.find(".example.com"), std::nullopt);
  EXPECT_EQ(index.find("example.com"), std::nullopt);
  EXPECT_EQ(index.find("foo.com"), std::nullopt);
  EXPECT_EQ(index.find("barfoo.com"), 2u);
}

TEST(HostIndex, TheFirstHostForADomainKeepsIt) {
  HostIndex index;
  index.add("a.example.com", 1);
  index.add("a.example.com", 2);
  index.add("*.example.com", 3);
  index.add("*.example.com", 4);
  EXPECT_EQ(index.find("a.example.com"), 1u);
  EXPECT_EQ(index.find("b.example.com"), 3u);
  EXPECT_EQ(HostIndex().find("anything"), std::nullopt);
}

// The plain reading of the rule, one domain after the other.
std::optional<uint32_t> linear_find(const std::vector<std::pair<std::string, uint32_t>>& domains,
                                    const std::string& host) {
  const std::string h = ascii_lower(host);
  for (const auto& [d, id] : domains)
    if (ascii_lower(d) == h) return id;
  std::optional<uint32_t> best;
  size_t best_length = 0;
  for (const auto& [d, id] : domains) {
    const std::string l = ascii_lower(d);
    if (l == "*" || !l.starts_with('*')) continue;
    const std::string suffix = l.substr(1);
    if (h.size() > suffix.size() && h.ends_with(suffix) && (!best || suffix.size() > best_length)) {
      best = id;
      best_length = suffix.size();
    }
  }
  if (best) return best;
  for (const auto& [d, id] : domains)
    if (d == "*") return id;
  return std::nullopt;
}

TEST(HostIndex, AgreesWithTheLinearReadingOnRandomDomains) {
  const std::vector<std::string> labels{"a", "b", "shop", "api", "Api", "x-y", "example", "com", "svc"};
  std::mt19937 rng(42);
  const auto name = [&](int parts) {
    std::string out;
    for (int i = 0; i < parts; ++i) out += (i ? "." : "") + labels[rng() % labels.size()];
    return out;
  };
  int hits = 0;
  for (int round = 0; round < 2000; ++round) {
    std::vector<std::pair<std::string, uint32_t>> domains;
    HostIndex index;
    const int n = 1 + static_cast<int>(rng() % 8);
    for (int i = 0; i < n; ++i) {
      std::string d;
      switch (rng() % 4) {
        case 0: d = "*"; break;
        case 1: d = "*." + name(1 + static_cast<int>(rng() % 2)); break;
        case 2: d = "*" + name(1 + static_cast<int>(rng() % 2)); break;
        default: d = name(1 + static_cast<int>(rng() % 3)); break;
      }
      domains.emplace_back(d, static_cast<uint32_t>(i));
      index.add(d, static_cast<uint32_t>(i));
    }
    for (int q = 0; q < 20; ++q) {
      const std::string host = name(1 + static_cast<int>(rng() % 3));
      const auto expected = linear_find(domains, host);
      ASSERT_EQ(index.find(host), expected) << host;
      if (expected) ++hits;
    }
  }
  EXPECT_GT(hits, 10000) << "the random hosts should mostly find a domain";
}

TEST(Authority, HostAndPort) {
  EXPECT_EQ(authority_host("shop.example.com:8080"), "shop.example.com");
  EXPECT_EQ(authority_port("shop.example.com:8080"), 8080u);
  EXPECT_EQ(authority_host("shop.example.com"), "shop.example.com");
  EXPECT_EQ(authority_port("shop.example.com"), std::nullopt);
  EXPECT_EQ(authority_host("[::1]:80"), "[::1]");
  EXPECT_EQ(authority_port("[::1]:80"), 80u);
  EXPECT_EQ(authority_host("[::1]"), "[::1]");
  EXPECT_EQ(authority_port("[::1]"), std::nullopt);
  EXPECT_EQ(authority_host("::1"), "::1");  // a bare IPv6 address has no port
  EXPECT_EQ(authority_port("::1"), std::nullopt);
  EXPECT_EQ(authority_port("a:0"), std::nullopt);
  EXPECT_EQ(authority_port("a:65536"), std::nullopt);
  EXPECT_EQ(authority_port("a:8x"), std::nullopt);
  EXPECT_EQ(authority_port("a:"), std::nullopt);
  EXPECT_EQ(authority_host("a:"), "a");
}

}  // namespace
}  // namespace meshc
