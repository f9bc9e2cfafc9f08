#pragma once
// `.meshc.yaml`, found in the current directory or above (or --config-file),
// and Istio's MeshConfig for --mesh-config. An unknown key is an error.
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "compiler/model/diagnostic.h"
#include "validators/lint_settings.h"

namespace meshc {

// A configuration file that cannot be used: exit code 2.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ConfigSetEntry {
  std::string name;
  std::vector<std::string> paths;  // relative to the config file's directory
};

struct ConfigFile {
  std::string path;       // empty when no file was found
  std::string directory;  // the file's directory, for relative paths
  std::vector<std::string> disable;
  std::vector<std::string> enable;
  std::map<std::string, Severity> severity;  // rule code or slug -> level
  std::optional<std::string> ns;
  std::vector<std::string> ignore_paths;
  std::vector<ConfigSetEntry> sets;
  std::optional<MeshSettings> mesh;
};

inline constexpr const char* k_config_file_name = ".meshc.yaml";

// The nearest .meshc.yaml from `start` upwards, or "".
std::string find_config_file(const std::string& start);
// Reads a .meshc.yaml; throws ConfigError with file:line:col.
ConfigFile read_config_file(const std::string& path);
// Reads MeshConfig YAML (or an `istio` ConfigMap holding it under data.mesh)
// into `mesh`; throws ConfigError.
void read_mesh_config(const std::string& path, MeshSettings& mesh);

}  // namespace meshc
