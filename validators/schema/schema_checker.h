#pragma once
// Structural validation of one object against its kind's embedded JSON Schema
// with valijson, reported at the offending node with a message of our own.
#include <string>
#include <string_view>
#include <vector>

#include "compiler/model/node.h"

namespace meshc {

struct SchemaViolation {
  Position position;
  std::string path;  // e.g. spec.http[0].route
  std::string message;
};

// Checks `object` (a whole resource: apiVersion, kind, metadata, spec) against
// the schema of `kind`. Proto snake_case keys count as their camelCase names.
std::vector<SchemaViolation> check_schema(std::string_view kind, const Node& object);

}  // namespace meshc
