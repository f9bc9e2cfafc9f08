#pragma once
// Lenient reading of YAML nodes into typed values, for building the typed
// model: a value of the wrong type reads as absent (the schema check reports it).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/model/node.h"

namespace meshc {

// The scalar text of `key` in `parent`, or empty.
std::string string_at(const Node* parent, std::string_view key);
// A whole number 0..2^32-1 (an integer scalar, or a string of digits when
// `allow_string`, as port keys and authorization ports are written).
std::optional<uint32_t> uint_of(const Node* node, bool allow_string = false);
// A mapping of scalars, e.g. labels.
std::map<std::string, std::string> string_map(const Node* node);
// A sequence of scalars.
std::vector<std::string> string_list(const Node* node);
// Every item of a sequence with its index; nothing for anything else.
template <class F>
void for_each_item(const Node* seq, F&& f) {
  if (seq == nullptr || !seq->is_sequence()) return;
  for (size_t i = 0; i < seq->items.size(); ++i) f(i, *seq->items[i]);
}
// `parent.key` when it is a mapping, else nullptr.
const Node* mapping_at(const Node* parent, std::string_view key);

}  // namespace meshc
