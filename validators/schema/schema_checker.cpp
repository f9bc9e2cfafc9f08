// The only translation unit that includes valijson: its headers cost about
// 100 s of compile time under sanitizers.
#include "validators/schema/schema_checker.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "compiler/frontend/scalar_type.h"
#include "validators/schema/field_walk.h"
#include "validators/schema/node_adapter.h"
#include "validators/schema/removed_fields.h"
#include "validators/schema/schema_view.h"
#include "validators/schemas/embedded_schemas.h"

namespace meshc {
namespace {

using valijson::adapters::NlohmannJsonAdapter;

const valijson::Schema* compiled_schema(std::string_view kind) {
  static const auto schemas = [] {
    std::map<std::string, std::unique_ptr<valijson::Schema>, std::less<>> out;
    for (auto k : schema_kinds()) {
      const auto doc = nlohmann::json::parse(embedded_schema(k));
      auto schema = std::make_unique<valijson::Schema>();
      valijson::SchemaParser parser;
      parser.populateSchema(NlohmannJsonAdapter(doc), *schema);
      out.emplace(std::string(k), std::move(schema));
    }
    return out;
  }();
  auto it = schemas.find(kind);
  return it == schemas.end() ? nullptr : it->second.get();
}

nlohmann::json scalar_json(const Node& n) {
  switch (n.scalar_type) {
    case ScalarType::Null: return nullptr;
    case ScalarType::Bool: return yaml_bool_value(n.text);
    case ScalarType::Int: {
      int64_t v = 0;
      auto [p, ec] = std::from_chars(n.text.data(), n.text.data() + n.text.size(), v);
      if (ec == std::errc() && p == n.text.data() + n.text.size()) return v;
      return 0;  // hex, octal, huge: the type is what the schema checks
    }
    case ScalarType::Float: return 0.5;
    case ScalarType::String: break;
  }
  return std::string(n.text);
}

struct SpellingClash {
  const Node* key;
  std::string canonical;
};

// Converts a node tree to JSON, renaming snake_case keys to the camelCase
// names the schema declares, as Istio's parser accepts both. The schema is
// consulted only for keys with an underscore: this runs on every resource.
class JsonConverter {
 public:
  JsonConverter(const SchemaView& schema, std::vector<SpellingClash>& clashes) : schema_(schema), clashes_(clashes) {}

  nlohmann::json convert(const Node& n) {
    switch (n.kind) {
      case NodeKind::Null: return nullptr;
      case NodeKind::Scalar: return scalar_json(n);
      case NodeKind::Sequence: {
        auto out = nlohmann::json::array();
        steps_.emplace_back();
        for (const Node* item : n.items) out.push_back(convert(*item));
        steps_.pop_back();
        return out;
      }
      case NodeKind::Mapping: break;
    }
    auto out = nlohmann::json::object();
    for (const auto& e : n.entries) {
      std::string key(e.key->text);
      if (key.find('_') != std::string::npos)
        if (auto canonical = canonical_field_name(schema_here(), key); !canonical.empty()) key = std::move(canonical);
      auto [slot, inserted] = out.emplace(key, nullptr);
      if (!inserted) {
        // The same key twice is duplicate-key's; two spellings of one field are ours.
        const bool same_spelling = std::any_of(n.entries.data(), &e, [&](const MapEntry& earlier) {
          return earlier.key->text == e.key->text;
        });
        if (!same_spelling) clashes_.push_back({e.key, key});
        continue;
      }
      steps_.push_back(std::move(key));
      *slot = convert(*e.value);
      steps_.pop_back();
    }
    return out;
  }

 private:
  // The schema of the mapping being converted; "" steps are array items.
  SchemaView schema_here() const {
    SchemaView s = schema_;
    for (const auto& step : steps_) s = step.empty() ? s.items() : s.property(step);
    return s;
  }

  const SchemaView& schema_;
  std::vector<SpellingClash>& clashes_;
  std::vector<std::string> steps_;
};

// One step of a valijson context path: "[spec]" or "[0]".
std::vector<std::string> context_segments(const std::vector<std::string>& context) {
  std::vector<std::string> out;
  for (const auto& c : context) {
    if (c.size() >= 2 && c.front() == '[' && c.back() == ']') out.push_back(c.substr(1, c.size() - 2));
  }
  return out;
}

struct Located {
  const Node* node;
  const Node* key;  // the key node, when the last step was a mapping key
  SchemaView schema;
  std::string path;
  std::string parent;  // the last mapping key on the path ("http" for spec.http[0])
};

const MapEntry* find_entry(const Node& mapping, const SchemaView& schema, std::string_view key) {
  for (const auto& e : mapping.entries) {
    if (e.key->text == key) return &e;
    if (canonical_field_name(schema, e.key->text) == key) return &e;
  }
  return nullptr;
}

Located locate(const Node& root, const SchemaView& root_schema, const std::vector<std::string>& segments) {
  Located at{&root, nullptr, root_schema, "", ""};
  for (const auto& seg : segments) {
    if (at.node->is_sequence()) {
      size_t index = 0;
      std::from_chars(seg.data(), seg.data() + seg.size(), index);
      if (index >= at.node->items.size()) break;
      at.node = at.node->items[index];
      at.key = nullptr;
      at.schema = at.schema.items();
      at.path += "[" + seg + "]";
    } else if (at.node->is_mapping()) {
      const MapEntry* e = find_entry(*at.node, at.schema, seg);
      if (e == nullptr) break;
      at.node = e->value;
      at.key = e->key;
      at.schema = at.schema.property(seg);
      at.parent = seg;
      if (!at.path.empty()) at.path += ".";
      at.path += seg;
    } else {
      break;
    }
  }
  return at;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    out += items[i];
  }
  return out;
}

std::string where(const std::string& path) { return path.empty() ? "the object" : path; }

std::string type_phrase(const std::vector<std::string>& types) {
  std::vector<std::string> words;
  for (const auto& t : types) {
    if (t == "null") continue;
    if (t == "object") words.push_back("a mapping");
    else if (t == "array") words.push_back("a list");
    else if (t == "integer") words.push_back("an integer");
    else if (t == "boolean") words.push_back("a boolean");
    else words.push_back("a " + t);
  }
  return words.empty() ? "null" : join(words, " or ");
}

std::string found_phrase(const Node& n) {
  const auto t = json_type_name(n);
  if (t == "object") return "a mapping";
  if (t == "array") return "a list";
  if (t == "null") return "null";
  if (t == "integer") return "an integer";
  return std::string("a ") + std::string(t);
}

class ViolationBuilder {
 public:
  ViolationBuilder(const Node& root, std::string_view kind)
      : root_(root), kind_(kind), schema_(SchemaView::of_kind(kind)) {}

  void add(const valijson::ValidationResults::Error& error) {
    const std::string& d = error.description;
    const Located at = locate(root_, schema_, context_segments(error.context));
    if (d.starts_with("Object contains a property that could not be validated")) {
      unknown_fields(at);
    } else if (d.starts_with("Missing required property '")) {
      const std::string field = d.substr(27, d.find('\'', 27) - 27);
      emit(at.key ? at.key->position : at.node->position, at.path,
           "missing required field '" + field + "' in " + where(at.path));
    } else if (d.starts_with("Value type not permitted")) {
      wrong_type(at);
    } else if (d.starts_with("Failed to match against any enum values")) {
      bad_enum(at);
    } else if (d.starts_with("Target should not validate against schema specified in 'not'")) {
      exclusive(at);
    } else if (d.starts_with("Failed to validate against any schemas allowed by anyOf")) {
      any_of(at);
    }
    // Everything else is valijson summarising a child's error, reported above.
  }

  std::vector<SchemaViolation> take() { return std::move(out_); }

 private:
  void emit(Position p, const std::string& path, std::string message) {
    if (!seen_.insert(path + "\n" + message).second) return;
    out_.push_back({p, path, std::move(message)});
  }

  void unknown_fields(const Located& at) {
    if (!at.node->is_mapping()) return;
    const auto names = at.schema.property_names();
    for (const auto& e : at.node->entries) {
      const std::string_view key = e.key->text;
      if (at.schema.declares(key) || !canonical_field_name(at.schema, key).empty()) continue;
      if (find_removed_field(kind_, at.parent, key) != nullptr) continue;  // deprecated-field reports it
      std::string message = "unknown field '" + std::string(key) + "' in " + where(at.path);
      if (auto guess = closest_match(key, names); !guess.empty()) message += "; did you mean '" + guess + "'?";
      const std::string path = at.path.empty() ? std::string(key) : at.path + "." + std::string(key);
      emit(e.key->position, path, std::move(message));
    }
  }

  void wrong_type(const Located& at) {
    if (!at.schema.enum_values().empty() && at.node->is_scalar()) return bad_enum(at);
    const auto types = at.schema.types();
    std::string message = where(at.path) + " must be " + type_phrase(types) + ", not " + found_phrase(*at.node);
    const bool wants_string = std::find(types.begin(), types.end(), "string") != types.end();
    if (wants_string && at.node->is_scalar() && !at.node->is_string()) {
      const bool number = at.node->scalar_type == ScalarType::Int || at.node->scalar_type == ScalarType::Float;
      if (number && names_a_duration(at.parent))
        message += " (a duration needs a unit, e.g. \"" + std::string(at.node->text) + "s\")";
      else
        message += " (quote it: \"" + std::string(at.node->text) + "\")";
    }
    emit(at.node->position, at.path, std::move(message));
  }

  // Istio's duration fields: timeout, perTryTimeout, interval, baseEjectionTime, ...
  static bool names_a_duration(std::string_view field) {
    for (std::string_view part : {"imeout", "nterval", "Time", "Delay", "delay", "maxAge", "Duration", "duration",
                                  "ttl", "Ttl"})
      if (field.find(part) != std::string_view::npos) return true;
    return false;
  }

  void bad_enum(const Located& at) {
    const auto values = at.schema.enum_values();
    const std::string shown = at.node->is_scalar() ? "'" + std::string(at.node->text) + "'" : found_phrase(*at.node);
    std::string message = where(at.path) + " has invalid value " + shown + "; expected one of " + join(values, ", ");
    if (auto guess = closest_match(at.node->str(), values); !guess.empty())
      message += " (did you mean '" + guess + "'?)";
    emit(at.node->position, at.path, std::move(message));
  }

  void exclusive(const Located& at) {
    if (!at.node->is_mapping()) return;
    for (const auto& [a, b] : at.schema.exclusive_pairs()) {
      const MapEntry* ea = find_entry(*at.node, at.schema, a);
      const MapEntry* eb = find_entry(*at.node, at.schema, b);
      if (ea == nullptr || eb == nullptr) continue;
      emit(eb->key->position, at.path,
           "'" + a + "' and '" + b + "' are mutually exclusive in " + where(at.path) + "; set only one");
    }
  }

  void any_of(const Located& at) {
    for (const auto& group : at.schema.required_groups())
      emit(at.node->position, at.path, where(at.path) + " needs one of " + join(group, ", "));
  }

  const Node& root_;
  std::string_view kind_;
  SchemaView schema_;
  std::vector<SchemaViolation> out_;
  std::set<std::string> seen_;
};

}  // namespace

nlohmann::json schema_detail::node_to_json(const Node& n) {
  switch (n.kind) {
    case NodeKind::Null: return nullptr;
    case NodeKind::Scalar: return scalar_json(n);
    case NodeKind::Sequence: {
      auto out = nlohmann::json::array();
      for (const Node* item : n.items) out.push_back(node_to_json(*item));
      return out;
    }
    case NodeKind::Mapping: break;
  }
  auto out = nlohmann::json::object();
  for (const auto& e : n.entries) out.emplace(std::string(e.key->text), node_to_json(*e.value));
  return out;
}

std::vector<SchemaViolation> check_schema(std::string_view kind, const Node& object) {
  const valijson::Schema* schema = compiled_schema(kind);
  if (schema == nullptr) return {};
  std::vector<SpellingClash> clashes;
  valijson::Validator validator(valijson::Validator::kStrongTypes);
  valijson::ValidationResults results;
  bool valid;
  if (has_snake_case_key(object)) {
    // Proto names must become the schema's camelCase names first.
    const nlohmann::json doc = JsonConverter(SchemaView::of_kind(kind), clashes).convert(object);
    valid = validator.validate(*schema, NlohmannJsonAdapter(doc), &results);
  } else {
    valid = validator.validate(*schema, schema_detail::NodeAdapter(object), &results);
  }
  std::vector<SchemaViolation> out;
  if (!valid) {
    ViolationBuilder builder(object, kind);
    valijson::ValidationResults::Error error;
    while (results.popError(error)) builder.add(error);
    out = builder.take();
  }
  for (const auto& c : clashes)
    out.push_back({c.key->position, c.canonical,
                   "'" + std::string(c.key->text) + "' sets '" + c.canonical + "' a second time; keep one of them"});
  return out;
}

}  // namespace meshc
