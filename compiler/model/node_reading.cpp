#include "compiler/model/node_reading.h"

#include <charconv>

namespace meshc {

std::string string_at(const Node* parent, std::string_view key) {
  if (parent == nullptr || !parent->is_mapping()) return {};
  const Node* n = parent->get(key);
  return n ? std::string(n->str()) : std::string();
}

std::optional<uint32_t> uint_of(const Node* node, bool allow_string) {
  if (node == nullptr || !node->is_scalar()) return std::nullopt;
  if (node->scalar_type != ScalarType::Int && !(allow_string && node->scalar_type == ScalarType::String))
    return std::nullopt;
  const std::string_view t = node->text;
  uint32_t v = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || end != t.data() + t.size() || t.empty()) return std::nullopt;
  return v;
}

std::map<std::string, std::string> string_map(const Node* node) {
  std::map<std::string, std::string> out;
  if (node == nullptr || !node->is_mapping()) return out;
  for (const auto& e : node->entries)
    if (e.value->is_scalar()) out.emplace(std::string(e.key->str()), std::string(e.value->str()));
  return out;
}

std::vector<std::string> string_list(const Node* node) {
  std::vector<std::string> out;
  if (node == nullptr || !node->is_sequence()) return out;
  for (const Node* item : node->items)
    if (item->is_scalar()) out.emplace_back(item->str());
  return out;
}

const Node* mapping_at(const Node* parent, std::string_view key) {
  if (parent == nullptr || !parent->is_mapping()) return nullptr;
  const Node* n = parent->get(key);
  return n && n->is_mapping() ? n : nullptr;
}

}  // namespace meshc
