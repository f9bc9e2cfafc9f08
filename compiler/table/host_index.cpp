#include "compiler/table/host_index.h"

#include <algorithm>
#include <charconv>

#include "compiler/match/ascii.h"

namespace meshc {

void HostIndex::add(std::string_view domain, uint32_t id) {
  const std::string d = ascii_lower(domain);
  if (d == "*") {
    if (!any_) any_ = id;
    return;
  }
  if (!d.starts_with('*')) {
    exact_.emplace(d, id);
    return;
  }
  const std::string suffix = d.substr(1);
  auto it = std::find_if(suffixes_.begin(), suffixes_.end(), [&](const auto& s) { return s.first == suffix.size(); });
  if (it == suffixes_.end()) {
    it = suffixes_.emplace(std::upper_bound(suffixes_.begin(), suffixes_.end(), suffix.size(),
                                            [](size_t n, const auto& s) { return n > s.first; }),
                           suffix.size(), std::unordered_map<std::string, uint32_t>{});
  }
  it->second.emplace(suffix, id);
}

std::optional<uint32_t> HostIndex::find(std::string_view host) const {
  const std::string h = ascii_lower(host);
  if (auto it = exact_.find(h); it != exact_.end()) return it->second;
  for (const auto& [length, by_suffix] : suffixes_) {
    // A wildcard stands for at least one character, as in Envoy.
    if (h.size() <= length) continue;
    if (auto it = by_suffix.find(h.substr(h.size() - length)); it != by_suffix.end()) return it->second;
  }
  return any_;
}

namespace {

// The position of the colon before a port, or npos.
size_t port_colon(std::string_view authority) {
  if (authority.starts_with('[')) {
    const size_t close = authority.find(']');
    if (close == std::string_view::npos) return std::string_view::npos;
    return close + 1 < authority.size() && authority[close + 1] == ':' ? close + 1 : std::string_view::npos;
  }
  const size_t colon = authority.rfind(':');
  // More than one colon without brackets is a bare IPv6 address, not a port.
  return colon != std::string_view::npos && authority.find(':') == colon ? colon : std::string_view::npos;
}

}  // namespace

std::string_view authority_host(std::string_view authority) {
  const size_t colon = port_colon(authority);
  return colon == std::string_view::npos ? authority : authority.substr(0, colon);
}

std::optional<uint32_t> authority_port(std::string_view authority) {
  const size_t colon = port_colon(authority);
  if (colon == std::string_view::npos) return std::nullopt;
  const std::string_view digits = authority.substr(colon + 1);
  uint32_t port = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty() || port == 0 || port > 65535)
    return std::nullopt;
  return port;
}

}  // namespace meshc
