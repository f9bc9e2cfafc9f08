#pragma once
// The Gateways a VirtualService names, at spec level and in http match
// blocks, each once, for the rules that check what they refer to.
#include <algorithm>
#include <string>
#include <vector>

#include "compiler/model/mesh_config.h"

namespace meshc {

struct GatewayReference {
  std::string name;  // "namespace/name", as resolve_gateway gives it
  const Site* site;  // spec.gateways[i], or the match block that names it
  bool in_match;     // named by a match block's `gateways`
};

// Every Gateway other than `mesh`, in the order written: spec.gateways, then
// the gateways of http[].match[] blocks that spec.gateways does not already
// name. Match blocks without gateways of their own inherit spec.gateways, so
// they add nothing here.
inline std::vector<GatewayReference> gateway_references(const VirtualService& vs) {
  std::vector<GatewayReference> out;
  const auto add = [&](const std::string& name, const Site* site, bool in_match) {
    if (name == "mesh") return;
    if (std::any_of(out.begin(), out.end(), [&](const GatewayReference& r) { return r.name == name; })) return;
    out.push_back({name, site, in_match});
  };
  for (size_t i = 0; i < vs.gateway_sites.size() && i < vs.gateways.size(); ++i)
    add(vs.gateways[i], &vs.gateway_sites[i], false);
  for (const HttpRoute& route : vs.http)
    for (size_t i = 0; i < route.matches.size() && i < route.match_sites.size(); ++i)
      for (const std::string& name : route.matches[i].gateways) add(name, &route.match_sites[i], true);
  return out;
}

// Where a reference is written, for messages: "spec.gateways[0]" or
// "spec.http[0].match[1].gateways".
inline std::string reference_field(const GatewayReference& ref) {
  return ref.site->path.str() + (ref.in_match ? ".gateways" : "");
}

}  // namespace meshc
