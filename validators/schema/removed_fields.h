#pragma once
// Fields older Istio releases had and current ones dropped. Configs written
// for those releases still carry them; the API server prunes them silently, so
// they are a deprecated-field warning rather than a schema error.
#include <array>
#include <string_view>

namespace meshc {

struct RemovedField {
  std::string_view kind;
  std::string_view parent;  // the mapping holding the field
  std::string_view field;
  std::string_view advice;
};

inline constexpr std::array<RemovedField, 6> k_removed_fields{{
    {"VirtualService", "http", "websocketUpgrade",
     "was removed from Istio: WebSocket upgrades are always allowed; remove it"},
    {"VirtualService", "http", "appendHeaders", "was removed from Istio; use headers.request.add"},
    {"VirtualService", "http", "appendRequestHeaders", "was removed from Istio; use headers.request.add"},
    {"VirtualService", "http", "removeRequestHeaders", "was removed from Istio; use headers.request.remove"},
    {"VirtualService", "http", "appendResponseHeaders", "was removed from Istio; use headers.response.add"},
    {"VirtualService", "http", "removeResponseHeaders", "was removed from Istio; use headers.response.remove"},
}};

inline const RemovedField* find_removed_field(std::string_view kind, std::string_view parent, std::string_view field) {
  for (const auto& r : k_removed_fields)
    if (r.kind == kind && r.parent == parent && r.field == field) return &r;
  return nullptr;
}

}  // namespace meshc
