#include "validators/values/ip_address.h"

#include <arpa/inet.h>

#include <algorithm>
#include <string>

namespace meshc {
namespace {

// 4 for IPv4, 6 for IPv6, 0 for neither.
int ip_family(std::string_view text) {
  if (text.empty() || text.size() > INET6_ADDRSTRLEN) return 0;
  const std::string s(text);
  unsigned char buf[16];
  if (inet_pton(AF_INET, s.c_str(), buf) == 1) return 4;
  if (inet_pton(AF_INET6, s.c_str(), buf) == 1) return 6;
  return 0;
}

}  // namespace

bool is_ip_address(std::string_view text) { return ip_family(text) != 0; }

bool is_cidr(std::string_view text) {
  const size_t slash = text.find('/');
  if (slash == std::string_view::npos) return false;
  const int family = ip_family(text.substr(0, slash));
  if (family == 0) return false;
  const std::string_view bits = text.substr(slash + 1);
  if (bits.empty() || bits.size() > 3 || (bits.size() > 1 && bits[0] == '0')) return false;
  int n = 0;
  for (char c : bits) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + (c - '0');
  }
  return n <= (family == 4 ? 32 : 128);
}

bool is_ip_or_cidr(std::string_view text) {
  const size_t slashes = static_cast<size_t>(std::count(text.begin(), text.end(), '/'));
  return slashes == 1 ? is_cidr(text) : is_ip_address(text);
}

}  // namespace meshc
