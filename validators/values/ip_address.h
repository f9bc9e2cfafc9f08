#pragma once
// IP addresses and CIDR blocks as Istio (Go's net.ParseIP/ParseCIDR) accepts
// them, parsed with inet_pton.
#include <string_view>

namespace meshc {

// An IPv4 address in dotted-decimal form or an IPv6 address, without zone.
bool is_ip_address(std::string_view text);

// `address/bits` with an IP address and a prefix length within its family
// (0..32 for IPv4, 0..128 for IPv6).
bool is_cidr(std::string_view text);

// What Istio's ValidateIPSubnet accepts: a CIDR block when the text has one
// `/`, otherwise an IP address.
bool is_ip_or_cidr(std::string_view text);

}  // namespace meshc
