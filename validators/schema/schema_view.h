#pragma once
// Read-only navigation of the embedded JSON Schemas, following $ref: which
// properties an object has, the type and enum a field allows. The messages of
// the schema check and the snake_case mapping are built from this.
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace meshc {

class SchemaView {
 public:
  // The schema of a kind ("VirtualService"); invalid if it has none.
  static SchemaView of_kind(std::string_view kind);

  bool valid() const { return node_ != nullptr; }
  // The schema of a property, or of a map value (additionalProperties).
  SchemaView property(std::string_view key) const;
  // True when `key` is a declared property (not a map value).
  bool declares(std::string_view key) const;
  // The schema of an array's items.
  SchemaView items() const;
  std::vector<std::string> property_names() const;
  // The JSON types allowed ("string", "integer", ...); empty means any.
  std::vector<std::string> types() const;
  std::vector<std::string> enum_values() const;
  // Pairs of fields that may not be set together (allOf: not: required).
  std::vector<std::pair<std::string, std::string>> exclusive_pairs() const;
  // Groups of which at least one field is required (anyOf: required).
  std::vector<std::vector<std::string>> required_groups() const;

  const nlohmann::json* json() const { return node_; }

 private:
  SchemaView(const nlohmann::json* root, const nlohmann::json* node);
  SchemaView resolved() const;

  const nlohmann::json* root_ = nullptr;
  const nlohmann::json* node_ = nullptr;
};

// The camelCase property a proto snake_case key names (`jwks_uri` ->
// `jwksUri`) when `object` declares it and not the key itself; else "".
std::string canonical_field_name(const SchemaView& object, std::string_view key);

// The closest candidate to `word` by edit distance, if close enough to be a
// plausible typo; else "".
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace meshc
