#pragma once
// Visits every mapping entry of a resource with its field path, keys mapped
// to their canonical (camelCase) names. The walk is on the lint hot path: the
// path string and the schema lookups are made only when a visitor asks.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/model/node.h"
#include "validators/schema/schema_view.h"

namespace meshc {

struct PathStep {
  std::string_view key;  // empty for a sequence index
  size_t index = 0;
};

struct FieldVisit {
  const MapEntry& entry;
  std::string_view name;    // canonical name of the key
  std::string_view parent;  // name of the mapping holding it ("outlierDetection"), or ""
  const std::vector<PathStep>& steps;

  // e.g. spec.http[0].mirrorPercent
  std::string path() const;
};

// True when any key in the tree has an underscore: only then can a key be a
// proto (snake_case) name.
bool has_snake_case_key(const Node& node);

// `schema` is the kind's schema, used only to map snake_case keys.
void walk_fields(const Node& root, const SchemaView& schema, const std::function<void(const FieldVisit&)>& visit);

}  // namespace meshc
