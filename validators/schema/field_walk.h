#pragma once
// Visits every mapping entry of a resource with its field path and the schema
// of the mapping it sits in, keys already mapped to their canonical names.
#include <functional>
#include <string>
#include <string_view>

#include "compiler/model/node.h"
#include "validators/schema/schema_view.h"

namespace meshc {

struct FieldVisit {
  const MapEntry& entry;
  std::string_view name;         // canonical (camelCase) name of the key
  const std::string& path;       // path of the field, e.g. spec.http[0].mirrorPercent
  const std::string& parent;     // name of the mapping holding it ("outlierDetection"), or ""
  const SchemaView& schema;      // schema of the holding mapping
};

void walk_fields(const Node& root, const SchemaView& schema, const std::function<void(const FieldVisit&)>& visit);

}  // namespace meshc
