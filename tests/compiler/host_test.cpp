#include "compiler/match/host.h"

#include <gtest/gtest.h>

#include <string>

namespace meshc {
namespace {

TEST(HostError, AcceptsNamesAndWildcards) {
  for (const char* h : {"reviews", "reviews.bookinfo.svc.cluster.local", "*", "*.foo.com", "*foo.com", "*-foo.com",
                        "Foo.Example.COM", "istio.io.", "a-b.c-d", "123", "1.2.3.4a", "x"})
    EXPECT_FALSE(host_error(h)) << h << ": " << host_error(h).value_or("");
}

TEST(HostError, RejectsInvalidNames) {
  for (const char* h : {"", "foo.*.com", "foo..com", "..", "*.*.com", "-foo.com", "foo-.com", "foo..com",
                        "foo_bar.com", "foo.com/x", "1.2.3.4", "foo.123", ".foo", "foo.*", "a b"})
    EXPECT_TRUE(host_error(h)) << h;
  EXPECT_TRUE(host_error(std::string(64, 'a')));
  EXPECT_FALSE(host_error(std::string(63, 'a')));
  std::string long_name;
  for (int i = 0; i < 64; ++i) long_name += "abc.";
  long_name += "com";  // 259 characters
  EXPECT_TRUE(host_error(long_name));
}

TEST(HostError, ExplainsTheProblem) {
  EXPECT_EQ(host_error("foo.*.com").value_or(""), "label '*' has a '*'; a wildcard may only be the first label");
  EXPECT_EQ(host_error("foo.123").value_or(""), "the top-level label '123' is all-numeric");
  EXPECT_EQ(host_error("").value_or(""), "the host is empty");
}

TEST(FqdnError, RejectsWildcards) {
  EXPECT_FALSE(fqdn_error("foo.example.com"));
  EXPECT_TRUE(fqdn_error("*.example.com"));
  EXPECT_TRUE(fqdn_error("*"));
}

TEST(HostsOverlap, FollowsIstio) {
  EXPECT_TRUE(hosts_overlap("a.foo.com", "a.foo.com"));
  EXPECT_TRUE(hosts_overlap("*.foo.com", "a.foo.com"));
  EXPECT_TRUE(hosts_overlap("a.foo.com", "*.foo.com"));
  EXPECT_TRUE(hosts_overlap("*", "reviews"));
  EXPECT_TRUE(hosts_overlap("*.foo.com", "*.a.foo.com"));
  EXPECT_TRUE(hosts_overlap("*foo.com", "afoo.com"));
  EXPECT_FALSE(hosts_overlap("a.foo.com", "b.foo.com"));
  EXPECT_FALSE(hosts_overlap("*.foo.com", "foo.com"));
  EXPECT_FALSE(hosts_overlap("reviews", "reviews.default.svc.cluster.local"));
  EXPECT_FALSE(hosts_overlap("*.foo.com", "*.bar.com"));
}

}  // namespace
}  // namespace meshc
