#include "validators/schema/field_walk.h"

namespace meshc {
namespace {

void walk(const Node& node, const SchemaView& schema, const std::string& path, const std::string& parent,
          const std::function<void(const FieldVisit&)>& visit) {
  if (node.is_sequence()) {
    const SchemaView items = schema.items();
    for (size_t i = 0; i < node.items.size(); ++i)
      walk(*node.items[i], items, path + "[" + std::to_string(i) + "]", parent, visit);
    return;
  }
  if (!node.is_mapping()) return;
  for (const auto& e : node.entries) {
    std::string name = canonical_field_name(schema, e.key->text);
    if (name.empty()) name = std::string(e.key->text);
    const std::string child_path = path.empty() ? name : path + "." + name;
    visit(FieldVisit{e, name, child_path, parent, schema});
    walk(*e.value, schema.property(name), child_path, name, visit);
  }
}

}  // namespace

void walk_fields(const Node& root, const SchemaView& schema, const std::function<void(const FieldVisit&)>& visit) {
  walk(root, schema, "", "", visit);
}

}  // namespace meshc
