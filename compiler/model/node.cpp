#include "compiler/model/node.h"

#include <cstring>

namespace meshc {

const Node* Node::get(std::string_view key) const {
  for (const auto& e : entries)
    if (e.key->is_scalar() && e.key->text == key) return e.value;
  return nullptr;
}

const Node* Node::key_node(std::string_view key) const {
  for (const auto& e : entries)
    if (e.key->is_scalar() && e.key->text == key) return e.key;
  return nullptr;
}

std::string_view json_type_name(const Node& node) {
  switch (node.kind) {
    case NodeKind::Null: return "null";
    case NodeKind::Sequence: return "array";
    case NodeKind::Mapping: return "object";
    case NodeKind::Scalar: break;
  }
  switch (node.scalar_type) {
    case ScalarType::String: return "string";
    case ScalarType::Bool: return "boolean";
    case ScalarType::Int: return "integer";
    case ScalarType::Float: return "number";
    case ScalarType::Null: return "null";
  }
  return "string";
}

std::string_view NodeArena::copy(std::string_view s) {
  if (s.empty()) return {};
  auto* out = static_cast<char*>(resource_.allocate(s.size(), 1));
  std::memcpy(out, s.data(), s.size());
  return {out, s.size()};
}

}  // namespace meshc
