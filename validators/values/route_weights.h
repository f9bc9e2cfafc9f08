#pragma once
// The weighted destinations of VirtualService routes (http, tcp and tls), as
// the weight rules (MC2001-MC2004) read them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/model/node.h"

namespace meshc {

// A route's destinations and their weights (http, tcp and tls routes alike).
struct Destination {
  const Node* item;    // the list item
  const Node* weight;  // nullptr when omitted
  int64_t value = 0;   // 0 when omitted, as in Istio's proto
};

// How many times a mapping gives `key`: a key given twice is duplicate-key's
// (MC1003), and which value counts is not for these rules to guess.
size_t key_count(const Node& map, std::string_view key);

// A decimal int32 weight; other spellings and types are the schema rule's.
std::optional<int64_t> weight_value(const Node& node);

// The destinations of a route list, or false when an item or a weight is of a
// shape the schema rule reports: a weight that is not an integer (null too),
// or an unknown field, which may well be a misspelt weight.
bool read_destinations(const Node& route, std::vector<Destination>& out);

// "spec.http[2].route"
std::string route_path(std::string_view kind, size_t index);

// Calls visit(kind, index, rule, route list) for every route of spec.http,
// spec.tcp and spec.tls.
template <class Visit>
void for_each_route(const Node& root, Visit&& visit) {
  const Node* spec = root.get("spec");
  if (spec == nullptr || !spec->is_mapping()) return;
  for (const std::string_view kind : {"http", "tcp", "tls"}) {
    const Node* list = spec->get(kind);
    if (list == nullptr || !list->is_sequence()) continue;
    for (size_t i = 0; i < list->items.size(); ++i) {
      const Node* rule = list->items[i];
      if (!rule->is_mapping()) continue;
      const Node* route = rule->get("route");
      if (key_count(*rule, "route") > 1) continue;
      if (route == nullptr || !route->is_sequence() || route->items.empty()) continue;
      visit(kind, i, *rule, *route);
    }
  }
}

}  // namespace meshc
