#pragma once
// Which virtual host serves a request's host, as Envoy picks it among the
// domains Istio gives each host: an exact name first, then the wildcard with
// the longest suffix (`*.shop.example.com` before `*.example.com`), then `*`.
// Lookup costs one hash probe per distinct wildcard length, not one
// comparison per domain.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace meshc {

class HostIndex {
 public:
  // Adds `domain` (a name, `*suffix` such as `*.example.com`, or `*`) for the
  // virtual host `id`. Case does not matter; the first `id` given for a domain keeps it.
  void add(std::string_view domain, uint32_t id);

  // The virtual host for `host` (no port; any case), or nullopt.
  std::optional<uint32_t> find(std::string_view host) const;

 private:
  std::unordered_map<std::string, uint32_t> exact_;
  // Wildcards by the length of their suffix, longest first, each a map from suffix to id.
  std::vector<std::pair<size_t, std::unordered_map<std::string, uint32_t>>> suffixes_;
  std::optional<uint32_t> any_;
};

// The host and the port of a request's authority (`Host` header or
// `:authority`): `shop.example.com:8080` -> `shop.example.com` and 8080,
// `[::1]:80` -> `[::1]` and 80. No port, or one that is not 1..65535, gives nullopt.
std::string_view authority_host(std::string_view authority);
std::optional<uint32_t> authority_port(std::string_view authority);

}  // namespace meshc
