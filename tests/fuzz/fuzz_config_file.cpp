// Fuzz target: the configuration readers on arbitrary bytes: `.meshc.yaml`
// (read_config_file) and Istio's MeshConfig or its `istio` ConfigMap
// (read_mesh_config). Both take a path, so the input is written to a temp
// file with a per-process name and removed after each run.
//
// Documented exceptions: ConfigError (exit code 2 in the CLI). Anything else
// escaping is a bug and is left to crash the fuzzer.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli/config_file.h"
#include "validators/lint_settings.h"

namespace {

using namespace meshc;

void require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz_config_file: invariant broken: %s\n", what);
  std::abort();
}

const std::string& temp_path() {
  static const std::string path =
      (std::filesystem::temp_directory_path() / ("meshc-fuzz-config-" + std::to_string(::getpid()) + ".yaml"))
          .string();
  return path;
}

// Removes the temp file however the run ends.
struct TempFile {
  const std::string& path;
  TempFile(const std::string& p, const uint8_t* data, size_t size) : path(p) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    require(static_cast<bool>(out), "cannot write the temp file");
  }
  ~TempFile() {
    std::error_code ec;
    std::filesystem::remove(path, ec);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const TempFile file(temp_path(), data, size);

  try {
    const ConfigFile cfg = read_config_file(file.path);
    require(cfg.path == file.path, "config path not recorded");
    for (const ConfigSetEntry& set : cfg.sets) {
      require(!set.name.empty(), "a set without a name was accepted");
      require(!set.paths.empty(), "a set without paths was accepted");
    }
  } catch (const ConfigError& e) {
    require(e.what()[0] != '\0', "ConfigError without a message");
  }

  try {
    MeshSettings mesh;
    read_mesh_config(file.path, mesh);
  } catch (const ConfigError& e) {
    require(e.what()[0] != '\0', "ConfigError without a message");
  }
  return 0;
}
