#include "validators/values/ip_address.h"

#include <gtest/gtest.h>

namespace meshc {
namespace {

TEST(IpAddress, Addresses) {
  for (const char* a : {"1.2.3.4", "0.0.0.0", "255.255.255.255", "::", "::1", "2001:db8::1", "001:db8::", "::ffff:1.2.3.4"})
    EXPECT_TRUE(is_ip_address(a)) << a;
  for (const char* a : {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "example.com", "1.2.3.4/32", "fe80::1%eth0",
                        "2001:db8:::1", " 1.2.3.4"})
    EXPECT_FALSE(is_ip_address(a)) << a;
}

TEST(IpAddress, Cidrs) {
  for (const char* c : {"1.2.3.4/16", "10.0.0.0/8", "0.0.0.0/0", "1.1.1.1/32", "2001:db8::/32", "::/0", "::1/128"})
    EXPECT_TRUE(is_cidr(c)) << c;
  for (const char* c : {"1.2.3.4", "1.2.3.4/33", "1.2.3.4/99", "2001:db8::/129", "1.2.3.4/", "/8", "1.2.3.4/-1",
                        "1.2.3.4/08", "1.2.3.4/a", "example.com/8"})
    EXPECT_FALSE(is_cidr(c)) << c;
}

TEST(IpAddress, IpOrCidr) {
  EXPECT_TRUE(is_ip_or_cidr("1.2.3.4"));
  EXPECT_TRUE(is_ip_or_cidr("1.2.3.4/24"));
  EXPECT_TRUE(is_ip_or_cidr("2001:db8::/64"));
  EXPECT_FALSE(is_ip_or_cidr("1.2.3.4/24/1"));
  EXPECT_FALSE(is_ip_or_cidr("example.com"));
  EXPECT_FALSE(is_ip_or_cidr(""));
}

}  // namespace
}  // namespace meshc
