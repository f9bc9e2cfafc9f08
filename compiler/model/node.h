#pragma once
// The YAML tree meshc works on: compact nodes that keep their source position,
// allocated in one arena per document, so a 50,000-resource stream stays small.
#include <cstdint>
#include <memory_resource>
#include <span>
#include <string_view>

#include "compiler/model/source_file.h"

namespace meshc {

enum class NodeKind : uint8_t { Null, Scalar, Sequence, Mapping };

// How Kubernetes types a scalar: YAML 1.1 resolution for plain scalars
// (`on`, `yes` are booleans), always a string when quoted or block-styled.
enum class ScalarType : uint8_t { String, Bool, Int, Float, Null };

struct Node;

struct MapEntry {
  const Node* key;
  const Node* value;
};

struct Node {
  NodeKind kind = NodeKind::Null;
  ScalarType scalar_type = ScalarType::Null;
  Position position;
  std::string_view text;             // Scalar: its value
  std::span<const Node* const> items;  // Sequence
  std::span<const MapEntry> entries;   // Mapping, in source order

  bool is_null() const { return kind == NodeKind::Null; }
  bool is_scalar() const { return kind == NodeKind::Scalar; }
  bool is_sequence() const { return kind == NodeKind::Sequence; }
  bool is_mapping() const { return kind == NodeKind::Mapping; }
  bool is_string() const { return is_scalar() && scalar_type == ScalarType::String; }
  // The value of `key` in a mapping, or nullptr.
  const Node* get(std::string_view key) const;
  // The key node of `key` in a mapping, or nullptr.
  const Node* key_node(std::string_view key) const;
  // A scalar's text, or empty for anything else.
  std::string_view str() const { return is_scalar() ? text : std::string_view(); }
};

// "string", "boolean", "integer", "number", "null", "array", "object".
std::string_view json_type_name(const Node& node);

// Owns the nodes and strings of one YAML document.
class NodeArena {
 public:
  NodeArena() = default;
  NodeArena(const NodeArena&) = delete;
  NodeArena& operator=(const NodeArena&) = delete;

  Node* new_node() { return new (resource_.allocate(sizeof(Node), alignof(Node))) Node(); }
  std::string_view copy(std::string_view s);
  template <class T>
  std::span<const T> copy(std::span<const T> items) {
    if (items.empty()) return {};
    auto* out = static_cast<T*>(resource_.allocate(items.size_bytes(), alignof(T)));
    std::uninitialized_copy(items.begin(), items.end(), out);
    return {out, items.size()};
  }

 private:
  std::pmr::monotonic_buffer_resource resource_{4096};
};

}  // namespace meshc
