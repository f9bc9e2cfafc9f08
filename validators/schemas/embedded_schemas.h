#pragma once
// The JSON Schemas of the nine checked kinds, compiled into the binary from
// validators/schemas/<kind in lower case>.schema.json.
#include <string_view>
#include <vector>

namespace meshc {

// The schema text for a kind name such as "VirtualService"; empty if none.
std::string_view embedded_schema(std::string_view kind);
// Every kind that has an embedded schema, e.g. "VirtualService".
const std::vector<std::string_view>& schema_kinds();

// The embedded files by lower-case stem ("virtualservice"); generated.
std::string_view embedded_schema_file(std::string_view stem);
const std::vector<std::string_view>& embedded_schema_file_keys();

}  // namespace meshc
