#pragma once
// Which http match blocks of a VirtualService can never be the first to match
// a request, because an earlier block matches every request they match. Shared
// by unreachable-route (every block of a rule) and duplicate-match (one block).
//
// A block is taken by an earlier one only when that is proven by single-block
// containment (covers() of the match library) in every context the block
// applies in: each gateway it is bound to, and on gateways each host of its
// VirtualService, since Istio merges same-host VirtualServices there.
#include <optional>
#include <string>
#include <vector>

#include "compiler/match/http_match.h"
#include "compiler/model/mesh_config.h"

namespace meshc {

// One match block: a rule without `match` counts as one block that matches
// every request on the rule's gateways.
struct BlockRef {
  const VirtualService* vs = nullptr;
  size_t rule = 0;
  size_t block = 0;
  bool operator==(const BlockRef&) const = default;
};

// An earlier block that matches every request of a later one, in one context.
struct Shadow {
  BlockRef by;
  std::string gateway;
  std::string host;  // the shared host when `by` is in another VirtualService
  // A request both blocks match (checked with matches()).
  RequestAttributes witness;
};

struct BlockShadows {
  BlockRef block;
  // One shadow per context the block applies in; empty when some context
  // leaves the block reachable or no witness could be built.
  std::vector<Shadow> shadows;
  bool shadowed() const { return !shadows.empty(); }
};

struct RuleShadows {
  const VirtualService* vs = nullptr;
  size_t rule = 0;
  std::vector<BlockShadows> blocks;
  bool unreachable() const;
};

// Every http rule of every VirtualService in `mesh`, with what shadows its blocks.
std::vector<RuleShadows> analyse_route_shadowing(const MeshConfig& mesh);

// The block as the analysis sees it, and where it is written.
HttpMatchSpec block_spec(const BlockRef& ref);
const Site& block_site(const BlockRef& ref);

// "spec.http[2] (name \"v2\")"; "spec.http[1].match[0] (rule \"v1\")" for one
// of several blocks, else the rule's label; "spec.http[1].match[0]".
std::string rule_label(const VirtualService& vs, size_t rule);
std::string block_label(const BlockRef& ref);
std::string block_path(const BlockRef& ref);

}  // namespace meshc
