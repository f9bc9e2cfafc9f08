#include "cli/baseline.h"

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/config_file.h"

namespace meshc {
namespace {

constexpr int k_baseline_version = 1;

// A string member, or "" when absent or of another type: a baseline is
// user-editable input.
std::string text_of(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Resource-bound findings match wherever the resource moves; others by file.
std::string key_of(const std::string& code, const nlohmann::json& resource, const std::string& path,
                   const std::string& file, const std::string& message) {
  if (resource.is_object())
    return code + "|" + text_of(resource, "kind") + "|" + text_of(resource, "namespace") + "|" +
           text_of(resource, "name") + "|" + path + "|" + (path.empty() ? message : "");
  // `./k8s/x.yaml` and `k8s/x.yaml` are one file.
  return code + "|" + (file.starts_with("./") ? file.substr(2) : file) + "|" + message;
}

nlohmann::json resource_json(const Diagnostic& d) {
  if (!d.resource) return nullptr;
  return {{"kind", d.resource->kind}, {"namespace", d.resource->ns}, {"name", d.resource->name}};
}

}  // namespace

void write_baseline(const std::string& path, const std::vector<Diagnostic>& findings) {
  nlohmann::ordered_json out;
  out["meshcBaseline"] = k_baseline_version;
  out["findings"] = nlohmann::ordered_json::array();
  for (const auto& d : findings) {
    if (d.suppressed) continue;
    nlohmann::ordered_json e;
    e["code"] = d.code;
    e["resource"] = resource_json(d);
    e["path"] = d.field_path;
    e["file"] = d.location.file;
    e["message"] = d.message;
    out["findings"].push_back(std::move(e));
  }
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f) throw ConfigError(path + ": cannot write the baseline");
  f << out.dump(2) << '\n';
  if (!f) throw ConfigError(path + ": cannot write the baseline");
}

void apply_baseline(const std::string& path, std::vector<Diagnostic>& findings) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw ConfigError(path + ": cannot read the baseline");
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(f);
  } catch (const std::exception& e) {
    throw ConfigError(path + ": not a meshc baseline: " + e.what());
  }
  const auto version = doc.is_object() ? doc.find("meshcBaseline") : doc.end();
  const bool ours = doc.is_object() && version != doc.end() && version->is_number_integer() &&
                    version->get<int64_t>() == k_baseline_version && doc.contains("findings") &&
                    doc["findings"].is_array();
  if (!ours)
    throw ConfigError(path + ": not a meshc baseline (written by --write-baseline)");
  std::map<std::string, int> accepted;
  for (const auto& e : doc["findings"]) {
    if (!e.is_object()) continue;
    const auto resource = e.find("resource");
    ++accepted[key_of(text_of(e, "code"), resource == e.end() ? nlohmann::json() : *resource, text_of(e, "path"),
                      text_of(e, "file"), text_of(e, "message"))];
  }
  for (auto& d : findings) {
    if (d.suppressed) continue;
    auto it = accepted.find(key_of(d.code, resource_json(d), d.field_path, d.location.file, d.message));
    if (it == accepted.end() || it->second == 0) continue;
    --it->second;
    d.suppressed = true;
  }
}

}  // namespace meshc
