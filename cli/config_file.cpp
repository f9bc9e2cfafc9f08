#include "cli/config_file.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/frontend/scalar_type.h"
#include "compiler/frontend/text_checks.h"
#include "compiler/frontend/yaml_reader.h"
#include "validators/rule.h"

namespace meshc {
namespace {

namespace fs = std::filesystem;

struct Parsed {
  std::unique_ptr<SourceFile> file;
  std::vector<std::unique_ptr<YamlDocument>> docs;
};

[[noreturn]] void fail(const SourceFile& f, Position p, const std::string& message) {
  throw ConfigError(f.name() + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + ": " + message);
}

Parsed parse(const std::string& path, std::string text) {
  Parsed out;
  out.file = std::make_unique<SourceFile>(display_path(path), std::move(text));
  if (auto bad = find_invalid_text(out.file->text())) fail(*out.file, out.file->position_at(bad->offset), bad->message);
  out.docs = read_yaml_documents(*out.file, 0, out.file->text().size());
  for (const auto& d : out.docs)
    for (const auto& p : d->problems) fail(*out.file, p.position, "invalid YAML: " + p.message);
  return out;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(path + ": cannot read the configuration file");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string scalar(const SourceFile& f, const Node& n, std::string_view what) {
  if (!n.is_scalar()) fail(f, n.position, std::string(what) + " must be a string");
  return std::string(n.text);
}

std::vector<std::string> string_list(const SourceFile& f, const Node& n, std::string_view what) {
  std::vector<std::string> out;
  if (n.is_scalar()) {
    out.push_back(std::string(n.text));
    return out;
  }
  if (!n.is_sequence()) fail(f, n.position, std::string(what) + " must be a list of strings");
  for (const Node* item : n.items) out.push_back(scalar(f, *item, what));
  return out;
}

bool boolean(const SourceFile& f, const Node& n, std::string_view what) {
  if (n.scalar_type != ScalarType::Bool) fail(f, n.position, std::string(what) + " must be true or false");
  return yaml_bool_value(n.text);
}

void check_rule_name(const SourceFile& f, const Node& n, const std::string& name) {
  if (find_rule(name) == nullptr)
    fail(f, n.position, "unknown rule '" + name + "'; see `meshc lint --list-rules`");
}

MeshSettings read_mesh(const SourceFile& f, const Node& n, MeshSettings mesh, bool strict) {
  if (!n.is_mapping()) fail(f, n.position, "mesh must be a mapping");
  for (const auto& e : n.entries) {
    const auto key = e.key->text;
    if (key == "rootNamespace") mesh.root_namespace = scalar(f, *e.value, key);
    else if (key == "trustDomain") mesh.trust_domain = scalar(f, *e.value, key);
    else if (key == "enableAutoMtls") mesh.enable_auto_mtls = boolean(f, *e.value, key);
    else if (strict)
      fail(f, e.key->position,
           "unknown key '" + std::string(key) + "' in mesh; expected rootNamespace, trustDomain or enableAutoMtls");
  }
  return mesh;
}

}  // namespace

std::string find_config_file(const std::string& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  while (!ec) {
    const fs::path candidate = dir / k_config_file_name;
    std::error_code missing;
    if (fs::is_regular_file(candidate, missing)) return candidate.lexically_normal().string();
    if (!dir.has_parent_path() || dir.parent_path() == dir) break;
    dir = dir.parent_path();
  }
  return {};
}

ConfigFile read_config_file(const std::string& path) {
  Parsed p = parse(path, read_text(path));
  const SourceFile& f = *p.file;
  ConfigFile cfg;
  cfg.path = path;
  cfg.directory = fs::absolute(path).lexically_normal().parent_path().string();
  if (p.docs.empty() || p.docs[0]->root == nullptr) return cfg;
  const Node& root = *p.docs[0]->root;
  if (!root.is_mapping()) fail(f, root.position, "the configuration must be a mapping");
  for (const auto& e : root.entries) {
    const auto key = e.key->text;
    const Node& v = *e.value;
    if (key == "disable" || key == "enable") {
      auto names = string_list(f, v, key);
      for (size_t i = 0; i < names.size(); ++i) check_rule_name(f, v.is_sequence() ? *v.items[i] : v, names[i]);
      (key == "disable" ? cfg.disable : cfg.enable) = std::move(names);
    } else if (key == "severity") {
      if (!v.is_mapping()) fail(f, v.position, "severity must map rules to error, warning or info");
      for (const auto& s : v.entries) {
        const std::string rule(s.key->text);
        check_rule_name(f, *s.key, rule);
        Severity level;
        if (!parse_severity(s.value->str(), level))
          fail(f, s.value->position, "severity of " + rule + " must be error, warning or info");
        cfg.severity[rule] = level;
      }
    } else if (key == "namespace") {
      cfg.ns = scalar(f, v, key);
    } else if (key == "ignorePaths") {
      cfg.ignore_paths = string_list(f, v, key);
    } else if (key == "sets") {
      if (!v.is_sequence()) fail(f, v.position, "sets must be a list of {name, paths}");
      for (const Node* item : v.items) {
        if (!item->is_mapping()) fail(f, item->position, "each set must be a mapping with name and paths");
        ConfigSetEntry set;
        for (const auto& s : item->entries) {
          if (s.key->text == "name") set.name = scalar(f, *s.value, "name");
          else if (s.key->text == "paths") set.paths = string_list(f, *s.value, "paths");
          else fail(f, s.key->position, "unknown key '" + std::string(s.key->text) + "' in a set; expected name or paths");
        }
        if (set.name.empty()) fail(f, item->position, "a set needs a name");
        if (set.paths.empty()) fail(f, item->position, "set '" + set.name + "' needs paths");
        cfg.sets.push_back(std::move(set));
      }
    } else if (key == "mesh") {
      cfg.mesh = read_mesh(f, v, MeshSettings{}, true);
    } else {
      fail(f, e.key->position,
           "unknown key '" + std::string(key) +
               "'; expected disable, enable, severity, namespace, ignorePaths, sets or mesh");
    }
  }
  return cfg;
}

void read_mesh_config(const std::string& path, MeshSettings& mesh) {
  Parsed p = parse(path, read_text(path));
  if (p.docs.empty() || p.docs[0]->root == nullptr) return;
  const Node* root = p.docs[0]->root;
  if (!root->is_mapping()) fail(*p.file, root->position, "MeshConfig must be a mapping");
  // `kubectl get configmap istio -o yaml` holds MeshConfig as text in data.mesh.
  if (const Node* data = root->get("data"); data && data->is_mapping() && root->get("kind")) {
    const Node* text = data->get("mesh");
    if (text == nullptr) fail(*p.file, data->position, "the ConfigMap has no data.mesh");
    Parsed inner = parse(path + " (data.mesh)", std::string(text->text));
    if (inner.docs.empty() || inner.docs[0]->root == nullptr) return;
    mesh = read_mesh(*inner.file, *inner.docs[0]->root, mesh, false);
    return;
  }
  mesh = read_mesh(*p.file, *root, mesh, false);
}

}  // namespace meshc
