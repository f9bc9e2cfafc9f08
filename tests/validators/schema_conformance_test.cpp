// Holds the embedded JSON Schemas (validators/schemas/*.schema.json) against
// Istio's CustomResourceDefinitions: every CRD field exists in our schema with
// the same type, nullability and enum; we invent no field; required fields and
// one-of (mutual exclusion) constraints match. Also checks that valijson
// accepts every schema and that real Istio configs validate without errors.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>
#include <vector>

#include "compiler/frontend/scalar_type.h"
#include "validators/schemas/embedded_schemas.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::vector<std::string>& checked_kinds() {
  static const std::vector<std::string> kinds{
      "VirtualService",     "DestinationRule",     "Gateway",
      "ServiceEntry",       "WorkloadEntry",       "Sidecar",
      "AuthorizationPolicy", "PeerAuthentication", "RequestAuthentication"};
  return kinds;
}

fs::path corpus_dir() { return fs::path(MESHC_CORPUS_DIR); }
fs::path crd_file() { return corpus_dir() / "istio" / "crd-all.gen.yaml"; }

// ---------------------------------------------------------------------------
// Field shapes, collected from the CRD and from our schema alike.

struct Shape {
  std::string type;  // "string", "integer", ..., "int-or-string", "any"
  bool nullable = false;
  std::set<std::string> enums;
  std::set<std::string> required;
};

using Pair = std::pair<std::string, std::string>;

struct Tree {
  std::map<std::string, Shape> fields;          // "spec.http[].match[].uri.exact" -> shape
  std::map<std::string, std::set<Pair>> exclusive;  // object path -> mutually exclusive pairs
  std::set<std::string> aliases;                // CRD snake_case aliases of a camelCase field
  std::vector<std::string> problems;            // constructs the walk did not understand
};

Pair make_pair_sorted(std::string a, std::string b) {
  if (b < a) std::swap(a, b);
  return {std::move(a), std::move(b)};
}

void add_group_pairs(std::set<Pair>& out, const std::vector<std::string>& group) {
  for (size_t i = 0; i < group.size(); ++i)
    for (size_t j = i + 1; j < group.size(); ++j)
      if (group[i] != group[j]) out.insert(make_pair_sorted(group[i], group[j]));
}

// jwks_uri -> jwksUri
std::string camel_case(std::string_view snake) {
  std::string out;
  bool upper = false;
  for (char c : snake) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

// --- the CRD side (yaml-cpp) -------------------------------------------------

// The field names of a CRD `oneOf` that says "at most one of": each branch is
// `required: [x]` or `not: {anyOf: [{required: [x]}, ...]}`.
std::vector<std::string> crd_one_of_group(const YAML::Node& one_of) {
  std::vector<std::string> names;
  for (const auto& branch : one_of) {
    if (branch["required"])
      for (const auto& r : branch["required"]) names.push_back(r.as<std::string>());
    if (branch["not"] && branch["not"]["anyOf"])
      for (const auto& alt : branch["not"]["anyOf"])
        for (const auto& r : alt["required"]) names.push_back(r.as<std::string>());
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::vector<std::string> cel_has_fields(const std::string& text, bool negated_only) {
  static const std::regex has_re(R"((!?)has\(self\.([A-Za-z0-9_]+)\))");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), has_re); it != std::sregex_iterator(); ++it)
    if (!negated_only || (*it)[1].length() == 1) out.push_back((*it)[2].str());
  return out;
}

std::string strip(std::string text, const std::regex& tokens) {
  text = std::regex_replace(text, tokens, "");
  text.erase(std::remove_if(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c) != 0; }),
             text.end());
  return text;
}

// Mutually exclusive pairs from the two CEL shapes Istio's CRDs use for them:
//   (has(self.a) ? 1 : 0) + (has(self.b) ? 1 : 0) <= 1
//   (has(self.a) || has(self.b)) ? (!has(self.c) && !has(self.d)) : true
// Any other rule (value checks, "at least one of") yields nothing.
std::set<Pair> cel_exclusive_pairs(std::string rule) {
  std::replace(rule.begin(), rule.end(), '\n', ' ');
  std::set<Pair> out;
  static const std::regex count_term(R"(\(\s*has\(self\.[A-Za-z0-9_]+\)\s*\?\s*1\s*:\s*0\s*\)|\+)");
  if (strip(rule, count_term) == "<=1") {
    add_group_pairs(out, cel_has_fields(rule, false));
    return out;
  }
  static const std::regex implication(R"(^\s*\((.*)\)\s*\?\s*\((.*)\)\s*:\s*true\s*$)");
  static const std::regex any_has(R"(has\(self\.[A-Za-z0-9_]+\)|\|\|)");
  static const std::regex all_not_has(R"(!has\(self\.[A-Za-z0-9_]+\)|&&)");
  std::smatch m;
  if (std::regex_match(rule, m, implication) && strip(m[1].str(), any_has).empty() &&
      strip(m[2].str(), all_not_has).empty()) {
    for (const auto& a : cel_has_fields(m[1].str(), false))
      for (const auto& b : cel_has_fields(m[2].str(), true)) out.insert(make_pair_sorted(a, b));
  }
  return out;
}

void walk_crd(const YAML::Node& node, const std::string& path, Tree& tree) {
  Shape shape;
  if (node["x-kubernetes-int-or-string"] && node["x-kubernetes-int-or-string"].as<bool>())
    shape.type = "int-or-string";
  else
    shape.type = node["type"] ? node["type"].as<std::string>() : "any";
  shape.nullable = node["nullable"] && node["nullable"].as<bool>();
  if (node["enum"])
    for (const auto& e : node["enum"]) shape.enums.insert(e.as<std::string>());
  if (node["required"])
    for (const auto& r : node["required"]) shape.required.insert(r.as<std::string>());
  tree.fields[path] = shape;

  const YAML::Node props = node["properties"];
  // A snake_case property next to its camelCase twin is the proto name of the
  // same field: the validator renames it before checking, so our schemas hold
  // only the camelCase name.
  auto canonical = [&](const std::string& name) {
    if (name.find('_') == std::string::npos || !props || !props[camel_case(name)]) return name;
    return camel_case(name);
  };

  std::set<Pair> pairs;
  auto add_one_of = [&](const YAML::Node& one_of) {
    std::vector<std::string> group;
    for (const auto& n : crd_one_of_group(one_of)) group.push_back(canonical(n));
    add_group_pairs(pairs, group);
  };
  if (node["oneOf"]) add_one_of(node["oneOf"]);
  if (node["allOf"])
    for (const auto& part : node["allOf"])
      if (part["oneOf"]) add_one_of(part["oneOf"]);
  if (node["x-kubernetes-validations"])
    for (const auto& v : node["x-kubernetes-validations"])
      for (const auto& [a, b] : cel_exclusive_pairs(v["rule"].as<std::string>()))
        if (canonical(a) != canonical(b)) pairs.insert(make_pair_sorted(canonical(a), canonical(b)));
  if (!pairs.empty()) tree.exclusive[path] = pairs;

  if (props)
    for (const auto& p : props) {
      const auto name = p.first.as<std::string>();
      if (canonical(name) != name) {
        tree.aliases.insert(path + "." + name);
        continue;
      }
      walk_crd(p.second, path + "." + name, tree);
    }
  if (node["items"]) walk_crd(node["items"], path + "[]", tree);
  if (node["additionalProperties"] && node["additionalProperties"].IsMap())
    walk_crd(node["additionalProperties"], path + "{}", tree);
}

struct CrdVersion {
  std::string name;
  Tree tree;
};

// The served versions of `kind` in the CRD file, each walked from `spec`.
std::vector<CrdVersion> crd_versions(const std::vector<YAML::Node>& crds, const std::string& kind) {
  std::vector<CrdVersion> out;
  for (const auto& crd : crds) {
    if (!crd.IsMap() || !crd["spec"] || !crd["spec"]["names"] ||
        crd["spec"]["names"]["kind"].as<std::string>("") != kind)
      continue;
    for (const auto& v : crd["spec"]["versions"]) {
      if (!v["served"] || !v["served"].as<bool>()) continue;
      CrdVersion version{v["name"].as<std::string>(), {}};
      walk_crd(v["schema"]["openAPIV3Schema"]["properties"]["spec"], "spec", version.tree);
      out.push_back(std::move(version));
    }
  }
  return out;
}

// --- our side (nlohmann) -----------------------------------------------------

const json* resolve(const json& root, const json* node, Tree& tree, const std::string& path) {
  for (int hops = 0; node->is_object() && node->contains("$ref"); ++hops) {
    const auto ref = (*node)["$ref"].get<std::string>();
    if (hops > 16 || ref.rfind('#', 0) != 0) {
      tree.problems.push_back(path + ": unresolvable $ref " + ref);
      return nullptr;
    }
    const json::json_pointer ptr(ref.substr(1));
    if (!root.contains(ptr)) {
      tree.problems.push_back(path + ": dangling $ref " + ref);
      return nullptr;
    }
    node = &root.at(ptr);
  }
  return node;
}

void walk_ours(const json& root, const json& raw, const std::string& path, Tree& tree, int depth) {
  if (depth > 64) {
    tree.problems.push_back(path + ": schema nests too deep (recursive $ref?)");
    return;
  }
  const json* node = resolve(root, &raw, tree, path);
  if (node == nullptr) return;
  if (!node->is_object()) {
    tree.problems.push_back(path + ": schema is not an object");
    return;
  }
  Shape shape;
  if (!node->contains("type")) {
    shape.type = "any";
  } else if ((*node)["type"].is_string()) {
    shape.type = (*node)["type"].get<std::string>();
  } else {
    std::set<std::string> types;
    for (const auto& t : (*node)["type"]) types.insert(t.get<std::string>());
    shape.nullable = types.erase("null") > 0;
    if (types == std::set<std::string>{"integer", "string"}) {
      shape.type = "int-or-string";
    } else {
      for (const auto& t : types) shape.type += (shape.type.empty() ? "" : "|") + t;
    }
  }
  if (node->contains("enum"))
    for (const auto& e : (*node)["enum"]) shape.enums.insert(e.is_string() ? e.get<std::string>() : e.dump());
  if (node->contains("required"))
    for (const auto& r : (*node)["required"]) shape.required.insert(r.get<std::string>());
  tree.fields[path] = shape;

  // Constraints only: allOf holds `not: {required: [a, b]}` pairs, nothing else.
  if (node->contains("allOf")) {
    for (const auto& part : (*node)["allOf"]) {
      const bool is_pair = part.is_object() && part.size() == 1 && part.contains("not") && part["not"].is_object() &&
                           part["not"].size() == 1 && part["not"].contains("required") &&
                           part["not"]["required"].size() == 2;
      if (!is_pair) {
        tree.problems.push_back(path + ": allOf entry is not a {not: {required: [a, b]}} pair: " + part.dump());
        continue;
      }
      const auto a = part["not"]["required"][0].get<std::string>();
      const auto b = part["not"]["required"][1].get<std::string>();
      const auto& props = node->value("properties", json::object());
      if (!props.contains(a) || !props.contains(b))
        tree.problems.push_back(path + ": one-of pair names an undeclared property: " + a + ", " + b);
      tree.exclusive[path].insert(make_pair_sorted(a, b));
    }
  }
  for (const char* keyword : {"anyOf", "oneOf"})
    if (node->contains(keyword)) tree.problems.push_back(path + ": uses " + keyword);

  if (node->contains("properties"))
    for (const auto& [name, sub] : (*node)["properties"].items()) walk_ours(root, sub, path + "." + name, tree, depth + 1);
  if (node->contains("items")) walk_ours(root, (*node)["items"], path + "[]", tree, depth + 1);
  if (node->contains("additionalProperties") && (*node)["additionalProperties"].is_object())
    walk_ours(root, (*node)["additionalProperties"], path + "{}", tree, depth + 1);
}

json our_schema(const std::string& kind) { return json::parse(meshc::embedded_schema(kind)); }

Tree our_spec_tree(const std::string& kind) {
  Tree tree;
  const json root = our_schema(kind);
  walk_ours(root, root["properties"]["spec"], "spec", tree, 0);
  return tree;
}

std::string join(const std::set<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out.empty() ? "(none)" : out;
}

std::string describe(const Shape& s) {
  return s.type + (s.nullable ? " (nullable)" : "") + (s.enums.empty() ? "" : " enum {" + join(s.enums) + "}");
}

std::string describe(const std::set<Pair>& pairs) {
  std::set<std::string> items;
  for (const auto& [a, b] : pairs) items.insert(a + "/" + b);
  return join(items);
}

// The CRD file, loaded once for all tests.
const std::vector<YAML::Node>& crds() {
  static const std::vector<YAML::Node> docs = YAML::LoadAllFromFile(crd_file().string());
  return docs;
}

// ---------------------------------------------------------------------------
// YAML -> JSON with Kubernetes' typing of plain scalars (YAML 1.1).

json number_from(std::string_view text, meshc::ScalarType type) {
  std::string t;
  for (char c : text)
    if (c != '_') t += c;
  if (type == meshc::ScalarType::Float) {
    if (t.find("nan") != std::string::npos || t.find("NaN") != std::string::npos || t.find("NAN") != std::string::npos)
      return std::numeric_limits<double>::quiet_NaN();
    if (t.find("inf") != std::string::npos || t.find("Inf") != std::string::npos || t.find("INF") != std::string::npos)
      return t[0] == '-' ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    return std::strtod(t.c_str(), nullptr);
  }
  bool negative = false;
  std::string_view digits = t;
  if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) {
    negative = digits[0] == '-';
    digits.remove_prefix(1);
  }
  int base = 10;
  if (digits.starts_with("0x")) base = 16, digits.remove_prefix(2);
  else if (digits.starts_with("0o")) base = 8, digits.remove_prefix(2);
  else if (digits.starts_with("0b")) base = 2, digits.remove_prefix(2);
  long long value = 0;
  // An out-of-range integer is still an integer; only its type matters here.
  std::from_chars(digits.data(), digits.data() + digits.size(), value, base);
  return negative ? -value : value;
}

json to_json(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Sequence: {
      json out = json::array();
      for (const auto& item : node) out.push_back(to_json(item));
      return out;
    }
    case YAML::NodeType::Map: {
      json out = json::object();
      for (const auto& entry : node) out[entry.first.Scalar()] = to_json(entry.second);
      return out;
    }
    case YAML::NodeType::Scalar: {
      const std::string& text = node.Scalar();
      switch (meshc::resolve_scalar_type(node.Tag(), text)) {
        case meshc::ScalarType::Null:
          return nullptr;
        case meshc::ScalarType::Bool: {
          static const std::set<std::string_view> truthy{"y", "Y", "yes", "Yes", "YES", "true",
                                                         "True", "TRUE", "on", "On", "ON"};
          return truthy.count(text) > 0;
        }
        case meshc::ScalarType::Int:
          return number_from(text, meshc::ScalarType::Int);
        case meshc::ScalarType::Float:
          return number_from(text, meshc::ScalarType::Float);
        case meshc::ScalarType::String:
          return text;
      }
      return text;
    }
    default:
      return nullptr;
  }
}

// ---------------------------------------------------------------------------
// valijson

class SchemaValidator {
 public:
  // The schema errors of one Kubernetes object, as "<root>.[spec].[http]...: message".
  std::vector<std::string> errors(const json& object) {
    const auto kind = object.value("kind", std::string());
    valijson::Schema& schema = schema_for(kind);
    valijson::Validator validator;
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter target(object);
    validator.validate(schema, target, &results);
    std::vector<std::string> out;
    valijson::ValidationResults::Error error;
    while (results.popError(error)) {
      std::string where;
      for (const auto& c : error.context) where += c;
      out.push_back(where + ": " + error.description);
    }
    return out;
  }

 private:
  valijson::Schema& schema_for(const std::string& kind) {
    auto& slot = schemas_[kind];
    if (!slot) {
      slot = std::make_unique<valijson::Schema>();
      const json doc = our_schema(kind);
      valijson::SchemaParser parser;
      valijson::adapters::NlohmannJsonAdapter adapter(doc);
      parser.populateSchema(adapter, *slot);
    }
    return *slot;
  }

  std::map<std::string, std::unique_ptr<valijson::Schema>> schemas_;
};

bool is_checked_kind(const json& object) {
  if (!object.is_object() || !object.contains("kind") || !object["kind"].is_string()) return false;
  const auto& kinds = checked_kinds();
  return std::find(kinds.begin(), kinds.end(), object["kind"].get<std::string>()) != kinds.end();
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += "\n    " + l;
  return out;
}

std::vector<fs::path> yaml_files(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file() && (entry.path().extension() == ".yaml" || entry.path().extension() == ".yml"))
      out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

// ===========================================================================
// The schema files themselves

TEST(EmbeddedSchemas, ExistForExactlyTheNineCheckedKindsTitledByKind) {
  std::set<std::string> embedded;
  for (auto k : meshc::schema_kinds()) embedded.insert(std::string(k));
  EXPECT_EQ(embedded, std::set<std::string>(checked_kinds().begin(), checked_kinds().end()));

  for (const auto& kind : checked_kinds()) {
    SCOPED_TRACE(kind);
    const auto text = meshc::embedded_schema(kind);
    ASSERT_FALSE(text.empty());
    json schema;
    ASSERT_NO_THROW(schema = json::parse(text));
    EXPECT_EQ(schema.value("title", ""), kind);
    EXPECT_EQ(schema.value("$schema", ""), "http://json-schema.org/draft-07/schema#");
    EXPECT_EQ(schema.value("type", ""), "object");
    EXPECT_EQ(schema["additionalProperties"], false);
    std::set<std::string> top;
    for (const auto& [name, sub] : schema["properties"].items()) top.insert(name);
    EXPECT_EQ(top, (std::set<std::string>{"apiVersion", "kind", "metadata", "spec", "status"}));
    std::set<std::string> required;
    for (const auto& r : schema["required"]) required.insert(r.get<std::string>());
    EXPECT_TRUE(required.count("apiVersion") && required.count("kind") && required.count("metadata"));
    const auto& metadata = schema["properties"]["metadata"];
    // Every ObjectMeta field (kubectl output carries them all), and no other.
    EXPECT_EQ(metadata["additionalProperties"], false);
    for (const char* field : {"name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation",
                              "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels",
                              "annotations", "ownerReferences", "finalizers", "managedFields"})
      EXPECT_TRUE(metadata["properties"].contains(field)) << field;
    EXPECT_EQ(metadata["required"], json::array({"name"}));
  }
}

TEST(EmbeddedSchemas, AreAcceptedByValijsonAsDraft7Schemas) {
  for (const auto& kind : checked_kinds()) {
    SCOPED_TRACE(kind);
    const json doc = our_schema(kind);
    valijson::Schema schema;
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(doc);
    EXPECT_NO_THROW(parser.populateSchema(adapter, schema));
  }
}

// Values, ranges and formats are checked by named lint rules, never by the schema.
void find_non_structural_keywords(const json& node, const std::string& path, std::vector<std::string>& out) {
  static const std::set<std::string> forbidden{
      "pattern",   "patternProperties", "format",       "minimum",       "maximum",  "exclusiveMinimum",
      "exclusiveMaximum", "multipleOf", "minLength",    "maxLength",     "minItems", "maxItems",
      "uniqueItems", "minProperties",   "maxProperties", "oneOf",        "const",    "if",
      "dependencies", "propertyNames",  "contains"};
  if (!node.is_object()) return;
  for (const auto& [key, value] : node.items()) {
    if (forbidden.count(key)) out.push_back(path + "." + key);
    if (key == "properties" || key == "definitions") {
      for (const auto& [name, sub] : value.items()) find_non_structural_keywords(sub, path + "." + name, out);
    } else if (key == "items" || key == "additionalProperties" || key == "not") {
      find_non_structural_keywords(value, path + "." + key, out);
    } else if (key == "allOf" || key == "anyOf") {
      for (const auto& sub : value) find_non_structural_keywords(sub, path + "." + key, out);
    }
  }
}

TEST(EmbeddedSchemas, UseOnlyStructuralKeywords) {
  for (const auto& kind : checked_kinds()) {
    std::vector<std::string> found;
    find_non_structural_keywords(our_schema(kind), kind, found);
    EXPECT_TRUE(found.empty()) << "non-structural keywords:" << join_lines(found);
  }
}

// ===========================================================================
// Conformance with Istio's CRDs, one test instance per kind

class CrdConformance : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (!fs::exists(crd_file())) GTEST_SKIP() << "shared corpus not found at " << crd_file() << ": skipping";
    versions_ = crd_versions(crds(), GetParam());
    ASSERT_FALSE(versions_.empty()) << "no served version of " << GetParam() << " in " << crd_file();
    ours_ = our_spec_tree(GetParam());
    ASSERT_TRUE(ours_.problems.empty()) << "our schema has constructs the conventions exclude:"
                                        << join_lines(ours_.problems);
  }

  std::vector<CrdVersion> versions_;
  Tree ours_;
};

TEST_P(CrdConformance, EveryCrdFieldExistsWithTheSameTypeNullabilityAndEnum) {
  for (const auto& v : versions_) {
    for (const auto& [path, crd] : v.tree.fields) {
      auto it = ours_.fields.find(path);
      if (it == ours_.fields.end()) {
        ADD_FAILURE() << v.name << ": " << path << " (" << describe(crd) << ") is missing from our schema";
        continue;
      }
      EXPECT_EQ(it->second.type, crd.type) << v.name << ": type of " << path;
      EXPECT_EQ(it->second.nullable, crd.nullable) << v.name << ": nullability of " << path;
      EXPECT_EQ(it->second.enums, crd.enums) << v.name << ": enum of " << path;
    }
  }
}

TEST_P(CrdConformance, DeclaresNoFieldThatNoServedCrdVersionHas) {
  for (const auto& field : ours_.fields) {
    const std::string& path = field.first;  // a plain reference: the lambda captures it
    const bool known = std::any_of(versions_.begin(), versions_.end(),
                                   [&](const CrdVersion& v) { return v.tree.fields.count(path) > 0; });
    EXPECT_TRUE(known) << path << " (" << describe(field.second) << ") is not in any served CRD version";
  }
}

TEST_P(CrdConformance, LeavesProtoSnakeCaseAliasesToTheValidatorsRenaming) {
  for (const auto& v : versions_)
    for (const auto& alias : v.tree.aliases) {
      EXPECT_EQ(ours_.fields.count(alias), 0u) << alias << " is renamed to camelCase before checking";
      const auto dot = alias.rfind('.');
      const auto camel = alias.substr(0, dot + 1) + camel_case(alias.substr(dot + 1));
      EXPECT_EQ(ours_.fields.count(camel), 1u) << camel << ", the canonical name of " << alias;
    }
}

TEST_P(CrdConformance, RequiresExactlyTheFieldsTheCrdRequires) {
  for (const auto& v : versions_)
    for (const auto& [path, crd] : v.tree.fields) {
      auto it = ours_.fields.find(path);
      if (it == ours_.fields.end()) continue;  // reported by the field test
      EXPECT_EQ(join(it->second.required), join(crd.required)) << v.name << ": required fields of " << path;
    }
}

// Pairs Istio's validation webhook rejects though the CRD does not encode them
// (pkg/config/validation: an HTTP route takes one of route, redirect and
// directResponse; redirect and directResponse exclude fault and rewrite; a
// delegating route has no route or redirect; mirror or mirrors; a rewrite has
// uri or uriRegexRewrite).
const std::map<std::string, std::map<std::string, std::set<Pair>>> k_webhook_pairs{
    {"VirtualService",
     {{"spec.http[]",
       {{"redirect", "route"}, {"directResponse", "route"}, {"directResponse", "redirect"}, {"fault", "redirect"},
        {"redirect", "rewrite"}, {"directResponse", "fault"}, {"directResponse", "rewrite"}, {"mirror", "mirrors"},
        {"delegate", "route"}, {"delegate", "redirect"}}},
      {"spec.http[].rewrite", {{"uri", "uriRegexRewrite"}}}}},
};

// The CRD's oneOf groups and its "only one of" CEL rules, as pairwise
// `not: {required: [a, b]}`, plus the webhook's pairs above: every one of
// them, and nothing more.
TEST_P(CrdConformance, EncodesExactlyTheCrdsMutuallyExclusiveFieldPairs) {
  std::set<std::string> paths;
  for (const auto& v : versions_)
    for (const auto& [path, pairs] : v.tree.exclusive) paths.insert(path);
  for (const auto& [path, pairs] : ours_.exclusive) paths.insert(path);
  for (const auto& path : paths) {
    std::set<Pair> crd;
    for (const auto& v : versions_)
      if (auto it = v.tree.exclusive.find(path); it != v.tree.exclusive.end()) crd.insert(it->second.begin(), it->second.end());
    if (auto kind = k_webhook_pairs.find(GetParam()); kind != k_webhook_pairs.end())
      if (auto it = kind->second.find(path); it != kind->second.end())
        for (const auto& [a, b] : it->second) crd.insert(make_pair_sorted(a, b));
    std::set<Pair> ours;
    if (auto it = ours_.exclusive.find(path); it != ours_.exclusive.end()) ours = it->second;
    EXPECT_EQ(describe(ours), describe(crd)) << "mutually exclusive pairs at " << path;
  }
}

INSTANTIATE_TEST_SUITE_P(NineKinds, CrdConformance, ::testing::ValuesIn(checked_kinds()),
                         [](const ::testing::TestParamInfo<std::string>& kind) { return kind.param; });

// The CEL parser above must find what the CRD says, and only that.
TEST(CelExclusivePairs, ReadsCountingAndImplicationRulesOnly) {
  EXPECT_EQ(describe(cel_exclusive_pairs("(has(self.a) ? 1 : 0) + (has(self.b) ? 1 : 0) + (has(self.c) ? 1 : 0) <= 1")),
            "a/b, a/c, b/c");
  EXPECT_EQ(describe(cel_exclusive_pairs("(has(self.s) || has(self.ns)) ? (!has(self.p) &&\n!has(self.n)) : true")),
            "n/ns, n/s, ns/p, p/s");
  EXPECT_TRUE(cel_exclusive_pairs("has(self.address) || has(self.network)").empty());
  EXPECT_TRUE(cel_exclusive_pairs("((has(self.resolution) ? self.resolution : \"NONE\") == \"NONE\") ? "
                                  "!has(self.endpoints) : true")
                  .empty());
  EXPECT_TRUE(cel_exclusive_pairs("duration(self) >= duration('1ms')").empty());
}

// ===========================================================================
// Validation of real and hand-made objects

TEST(SchemaValidation, BookinfoNetworkingConfigsHaveNoSchemaErrors) {
  const fs::path dir = corpus_dir() / "istio" / "bookinfo-networking";
  if (!fs::exists(dir)) GTEST_SKIP() << "shared corpus not found at " << dir << ": skipping";
  SchemaValidator validator;
  int checked = 0;
  for (const auto& file : yaml_files(dir)) {
    int index = 0;
    for (const auto& doc : YAML::LoadAllFromFile(file.string())) {
      const json object = to_json(doc);
      ++index;
      if (!is_checked_kind(object)) continue;
      ++checked;
      const auto errors = validator.errors(object);
      EXPECT_TRUE(errors.empty()) << file.filename() << " document " << index << " (" << object["kind"] << " "
                                  << object["metadata"].value("name", "") << "):" << join_lines(errors);
    }
  }
  EXPECT_GE(checked, 21);
}

// The rest of Istio's sample and test configs, and the documents of Istio's
// CRD tests that carry no `_err`: none may get a schema error (a false
// positive), apart from the listed ones.
TEST(SchemaValidation, IstioSampleAndTestConfigsHaveNoSchemaErrors) {
  const fs::path istio = corpus_dir() / "istio";
  if (!fs::exists(istio)) GTEST_SKIP() << "shared corpus not found at " << istio << ": skipping";
  // `websocketUpgrade` was removed from HTTPRoute long ago and is in no CRD
  // version (the API server prunes it); Istio's own test data still carries it.
  // It is an unknown field for us; everything else in those routes must pass.
  const std::string pruned_file = "rule-websocket-route.yaml";
  // yaml-cpp reads the flow scalar `001:db8::` in `addresses: [1.2.3.4, 001:db8::]`
  // as a one-entry map {"001:db8:": null}; Go's YAML (Kubernetes) reads a string.
  // A loader divergence, not a schema question.
  const std::pair<std::string, std::string> yaml_cpp_divergence{"serviceentry-valid.yaml", "full"};

  std::vector<fs::path> files;
  for (const char* sub : {"bookinfo-networking", "other-samples", "tests-testdata-config", "authz-builder-inputs"})
    if (fs::exists(istio / sub))
      for (auto& f : yaml_files(istio / sub)) files.push_back(f);
  if (fs::exists(corpus_dir() / "istio-negative"))
    for (auto& f : yaml_files(corpus_dir() / "istio-negative")) files.push_back(f);

  SchemaValidator validator;
  int checked = 0;
  for (const auto& file : files) {
    int index = 0;
    for (const auto& doc : YAML::LoadAllFromFile(file.string())) {
      ++index;
      if (doc.IsMap() && doc["_err"]) continue;  // meant to be invalid
      json object = to_json(doc);
      if (!is_checked_kind(object)) continue;
      const auto name = object["metadata"].value("name", "");
      if (std::make_pair(file.filename().string(), name) == yaml_cpp_divergence) continue;
      if (file.filename() == pruned_file && object["spec"].contains("http"))
        for (auto& route : object["spec"]["http"]) route.erase("websocketUpgrade");
      ++checked;
      const auto errors = validator.errors(object);
      EXPECT_TRUE(errors.empty()) << file.lexically_relative(corpus_dir()) << " document " << index << " ("
                                  << object["kind"] << " " << name << "):" << join_lines(errors);
    }
  }
  EXPECT_GE(checked, 100);
}

json parse_yaml(const std::string& text) { return to_json(YAML::Load(text)); }

TEST(SchemaValidation, UnknownFieldUnderSpecIsAnError) {
  SchemaValidator validator;
  const auto errors = validator.errors(parse_yaml(R"(
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews}
spec:
  hosts: [reviews]
  htpp:
  - route:
    - destination: {host: reviews}
)"));
  ASSERT_FALSE(errors.empty());
  EXPECT_TRUE(std::any_of(errors.begin(), errors.end(),
                          [](const std::string& e) { return e.find("htpp") != std::string::npos; }))
      << join_lines(errors);
}

TEST(SchemaValidation, UnknownFieldDeepInsideSpecIsAnError) {
  SchemaValidator validator;
  EXPECT_FALSE(validator
                   .errors(parse_yaml(R"(
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews}
spec:
  host: reviews
  subsets:
  - name: v1
    trafficPolicy:
      connectionPool:
        tcp: {maxConnection: 10}
)"))
                   .empty());
}

TEST(SchemaValidation, ObjectMetaFieldsFromKubectlAreAcceptedAndMisspelledOnesAreNot) {
  SchemaValidator validator;
  const auto errors = validator.errors(parse_yaml(R"(
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: istio-system
  creationTimestamp: null
  generation: 3
  uid: 0b8c2f0e-1111-2222-3333-444455556666
  resourceVersion: "12345"
  managedFields: [{manager: kubectl}]
spec:
  mtls: {mode: STRICT}
)"));
  EXPECT_TRUE(errors.empty()) << join_lines(errors);
  const auto typo = validator.errors(parse_yaml(R"(
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  lables: {app: x}
spec:
  mtls: {mode: STRICT}
)"));
  EXPECT_FALSE(typo.empty());
}

TEST(SchemaValidation, WrongScalarTypeIsAnError) {
  SchemaValidator validator;
  EXPECT_FALSE(validator
                   .errors(parse_yaml(R"(
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw}
spec:
  servers:
  - port: {number: "80", name: http, protocol: HTTP}
    hosts: ["*"]
)"))
                   .empty());
}

TEST(SchemaValidation, UnknownEnumNameIsAnError) {
  SchemaValidator validator;
  EXPECT_FALSE(validator
                   .errors(parse_yaml(R"(
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: r}
spec:
  host: r
  trafficPolicy:
    tls: {mode: MUTUAL_TLS}
)"))
                   .empty());
}

TEST(SchemaValidation, MissingRequiredFieldIsAnError) {
  SchemaValidator validator;
  EXPECT_FALSE(validator
                   .errors(parse_yaml(R"(
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: se}
spec:
  ports: [{number: 80, name: http}]
)"))
                   .empty());
}

TEST(SchemaValidation, StringMatchWithTwoMatchKindsIsAnErrorButAnEmptyOneIsAPresenceMatch) {
  SchemaValidator validator;
  const std::string head = R"(
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: r}
spec:
  hosts: [r]
  http:
  - route: [{destination: {host: r}}]
    match:
)";
  EXPECT_FALSE(validator.errors(parse_yaml(head + "    - uri: {exact: /a, prefix: /a}\n")).empty());
  EXPECT_FALSE(validator.errors(parse_yaml(head + "    - headers: {x-a: {prefix: a, regex: a.*}}\n")).empty());
  const auto presence = validator.errors(parse_yaml(head + "    - headers: {x-a: {}}\n      withoutHeaders: {x-b: {}}\n"));
  EXPECT_TRUE(presence.empty()) << join_lines(presence);
}

TEST(SchemaValidation, MutuallyExclusiveTargetingFieldsAreAnError) {
  SchemaValidator validator;
  EXPECT_FALSE(validator
                   .errors(parse_yaml(R"(
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: p}
spec:
  selector: {matchLabels: {app: a}}
  targetRefs: [{kind: Service, name: a}]
)"))
                   .empty());
}

TEST(SchemaValidation, NullableFieldsAcceptNullAndOthersDoNot) {
  SchemaValidator validator;
  const std::string head = R"(
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: r}
spec:
  host: r
  trafficPolicy:
    outlierDetection:
)";
  const auto nullable = validator.errors(parse_yaml(head + "      consecutive5xxErrors: null\n"));
  EXPECT_TRUE(nullable.empty()) << join_lines(nullable);
  EXPECT_FALSE(validator.errors(parse_yaml(head + "      maxEjectionPercent: null\n")).empty());
}

}  // namespace
