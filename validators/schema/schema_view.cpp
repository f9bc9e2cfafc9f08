#include "validators/schema/schema_view.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "validators/schemas/embedded_schemas.h"

namespace meshc {
namespace {

const std::map<std::string, nlohmann::json, std::less<>>& parsed_schemas() {
  static const auto schemas = [] {
    std::map<std::string, nlohmann::json, std::less<>> out;
    for (auto kind : schema_kinds()) out.emplace(std::string(kind), nlohmann::json::parse(embedded_schema(kind)));
    return out;
  }();
  return schemas;
}

}  // namespace

SchemaView::SchemaView(const nlohmann::json* root, const nlohmann::json* node) : root_(root), node_(node) {}

SchemaView SchemaView::of_kind(std::string_view kind) {
  const auto& schemas = parsed_schemas();
  auto it = schemas.find(kind);
  if (it == schemas.end()) return {nullptr, nullptr};
  return {&it->second, &it->second};
}

SchemaView SchemaView::resolved() const {
  const nlohmann::json* n = node_;
  for (int hops = 0; n && n->is_object() && n->contains("$ref") && hops < 16; ++hops) {
    const std::string ref = (*n)["$ref"].get<std::string>();
    constexpr std::string_view prefix = "#/definitions/";
    if (!ref.starts_with(prefix)) return {root_, nullptr};
    const auto& defs = (*root_)["definitions"];
    auto it = defs.find(ref.substr(prefix.size()));
    n = it == defs.end() ? nullptr : &*it;
  }
  return {root_, n};
}

SchemaView SchemaView::property(std::string_view key) const {
  const SchemaView self = resolved();
  if (!self.valid() || !self.node_->is_object()) return {root_, nullptr};
  if (auto props = self.node_->find("properties"); props != self.node_->end()) {
    if (auto it = props->find(key); it != props->end()) return SchemaView(root_, &*it).resolved();
  }
  if (auto extra = self.node_->find("additionalProperties"); extra != self.node_->end()) {
    if (extra->is_object()) return SchemaView(root_, &*extra).resolved();
    if (extra->is_boolean() && extra->get<bool>()) {
      static const nlohmann::json any = nlohmann::json::object();
      return {root_, &any};
    }
  }
  return {root_, nullptr};
}

bool SchemaView::declares(std::string_view key) const {
  const SchemaView self = resolved();
  if (!self.valid() || !self.node_->is_object()) return false;
  auto props = self.node_->find("properties");
  return props != self.node_->end() && props->contains(key);
}

SchemaView SchemaView::items() const {
  const SchemaView self = resolved();
  if (!self.valid() || !self.node_->is_object()) return {root_, nullptr};
  auto it = self.node_->find("items");
  if (it == self.node_->end()) return {root_, nullptr};
  return SchemaView(root_, &*it).resolved();
}

std::vector<std::string> SchemaView::property_names() const {
  std::vector<std::string> out;
  const SchemaView self = resolved();
  if (!self.valid() || !self.node_->is_object()) return out;
  if (auto props = self.node_->find("properties"); props != self.node_->end())
    for (const auto& [k, v] : props->items()) out.push_back(k);
  return out;
}

std::vector<std::string> SchemaView::types() const {
  std::vector<std::string> out;
  const SchemaView self = resolved();
  if (!self.valid() || !self.node_->is_object()) return out;
  auto it = self.node_->find("type");
  if (it == self.node_->end()) return out;
  if (it->is_string()) out.push_back(it->get<std::string>());
  else if (it->is_array())
    for (const auto& t : *it) out.push_back(t.get<std::string>());
  return out;
}

std::vector<std::string> SchemaView::enum_values() const {
  std::vector<std::string> out;
  const SchemaView self = resolved();
  if (!self.valid() || !self.node_->is_object()) return out;
  auto it = self.node_->find("enum");
  if (it == self.node_->end()) return out;
  for (const auto& v : *it) out.push_back(v.is_string() ? v.get<std::string>() : v.dump());
  return out;
}

std::vector<std::pair<std::string, std::string>> SchemaView::exclusive_pairs() const {
  std::vector<std::pair<std::string, std::string>> out;
  const SchemaView self = resolved();
  if (!self.valid() || !self.node_->is_object()) return out;
  auto all = self.node_->find("allOf");
  if (all == self.node_->end()) return out;
  for (const auto& part : *all) {
    auto nt = part.find("not");
    if (nt == part.end()) continue;
    auto req = nt->find("required");
    if (req == nt->end() || req->size() != 2) continue;
    out.emplace_back((*req)[0].get<std::string>(), (*req)[1].get<std::string>());
  }
  return out;
}

std::vector<std::vector<std::string>> SchemaView::required_groups() const {
  std::vector<std::vector<std::string>> out;
  const SchemaView self = resolved();
  if (!self.valid() || !self.node_->is_object()) return out;
  auto any = self.node_->find("anyOf");
  if (any == self.node_->end()) return out;
  std::vector<std::string> group;
  for (const auto& part : *any)
    if (auto req = part.find("required"); req != part.end())
      for (const auto& r : *req) group.push_back(r.get<std::string>());
  if (!group.empty()) out.push_back(std::move(group));
  return out;
}

std::string canonical_field_name(const SchemaView& object, std::string_view key) {
  if (key.find('_') == std::string_view::npos || object.declares(key)) return {};
  std::string camel;
  bool upper = false;
  for (char c : key) {
    if (c == '_') {
      upper = true;
      continue;
    }
    camel += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return object.declares(camel) ? camel : std::string();
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  const auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
  std::string best;
  size_t best_distance = std::max<size_t>(2, word.size() / 3) + 1;
  for (const auto& c : candidates) {
    // Levenshtein distance, case-insensitive.
    std::vector<size_t> prev(c.size() + 1), cur(c.size() + 1);
    for (size_t j = 0; j <= c.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= word.size(); ++i) {
      cur[0] = i;
      for (size_t j = 1; j <= c.size(); ++j) {
        const size_t cost = lower(word[i - 1]) == lower(c[j - 1]) ? 0 : 1;
        cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      }
      std::swap(prev, cur);
    }
    if (prev[c.size()] < best_distance) {
      best_distance = prev[c.size()];
      best = c;
    }
  }
  return best;
}

}  // namespace meshc
