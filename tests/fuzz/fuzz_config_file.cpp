// Fuzz target: the configuration readers on arbitrary bytes: `.meshc.yaml`
// (read_config_file) and Istio's MeshConfig or its `istio` ConfigMap
// (read_mesh_config). Both take a path, so the input is written to a temp
// file with a per-process name and removed after each run.
//
// Documented exceptions: ConfigError (exit code 2 in the CLI). Anything else
// escaping is a bug and is left to crash the fuzzer.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli/config_file.h"
#include "tests/fuzz/fuzz_support.h"
#include "validators/lint_settings.h"

namespace {

using namespace meshc;

void require(bool ok, const char* what) { fuzz::require(ok, "fuzz_config_file", what); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const fuzz::TempFile file("meshc-fuzz-config-", ".yaml", data, size);

  try {
    const ConfigFile cfg = read_config_file(file.path());
    require(cfg.path == file.path(), "config path not recorded");
    for (const ConfigSetEntry& set : cfg.sets) {
      require(!set.name.empty(), "a set without a name was accepted");
      require(!set.paths.empty(), "a set without paths was accepted");
    }
  } catch (const ConfigError& e) {
    require(e.what()[0] != '\0', "ConfigError without a message");
  }

  try {
    MeshSettings mesh;
    read_mesh_config(file.path(), mesh);
  } catch (const ConfigError& e) {
    require(e.what()[0] != '\0', "ConfigError without a message");
  }
  return 0;
}
