#include "validators/schema/field_walk.h"

#include <algorithm>

namespace meshc {
namespace {

class Walker {
 public:
  Walker(const SchemaView& schema, const std::function<void(const FieldVisit&)>& visit)
      : schema_(schema), visit_(visit) {}

  void walk(const Node& node, std::string_view parent) {
    if (node.is_sequence()) {
      for (size_t i = 0; i < node.items.size(); ++i) {
        steps_.push_back({{}, i});
        walk(*node.items[i], parent);
        steps_.pop_back();
      }
      return;
    }
    if (!node.is_mapping()) return;
    for (const auto& e : node.entries) {
      std::string canonical;
      // Only proto names have underscores; the schema is consulted for them alone.
      if (e.key->text.find('_') != std::string_view::npos) canonical = canonical_field_name(schema_at_steps(), e.key->text);
      const std::string_view name = canonical.empty() ? e.key->text : std::string_view(canonical);
      steps_.push_back({name, 0});
      visit_(FieldVisit{e, name, parent, steps_});
      walk(*e.value, name);
      steps_.pop_back();
    }
  }

 private:
  SchemaView schema_at_steps() const {
    SchemaView s = schema_;
    for (const auto& step : steps_) s = step.key.empty() ? s.items() : s.property(step.key);
    return s;
  }

  const SchemaView& schema_;
  const std::function<void(const FieldVisit&)>& visit_;
  std::vector<PathStep> steps_;
};

}  // namespace

std::string FieldVisit::path() const {
  std::string out;
  for (const auto& step : steps) {
    if (step.key.empty()) {
      out += "[" + std::to_string(step.index) + "]";
    } else {
      if (!out.empty()) out += '.';
      out += step.key;
    }
  }
  return out;
}

bool has_snake_case_key(const Node& n) {
  if (n.is_sequence())
    return std::any_of(n.items.begin(), n.items.end(), [](const Node* i) { return has_snake_case_key(*i); });
  if (!n.is_mapping()) return false;
  return std::any_of(n.entries.begin(), n.entries.end(), [](const MapEntry& e) {
    return e.key->text.find('_') != std::string_view::npos || has_snake_case_key(*e.value);
  });
}

void walk_fields(const Node& root, const SchemaView& schema, const std::function<void(const FieldVisit&)>& visit) {
  Walker(schema, visit).walk(root, "");
}

}  // namespace meshc
