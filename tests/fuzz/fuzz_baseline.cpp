// Fuzz target: the JSON baseline reader (apply_baseline) on arbitrary bytes,
// matched against a fixed set of findings (with and without a resource, one
// already suppressed) so the matching code runs too. The reader takes a path,
// so the input is written to a temp file with a per-process name and removed
// after each run.
//
// Documented exceptions: ConfigError ("not a meshc baseline"). Anything else
// escaping is a bug and is left to crash the fuzzer.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli/baseline.h"
#include "cli/config_file.h"
#include "tests/fuzz/fuzz_support.h"
#include "compiler/model/diagnostic.h"

namespace {

using namespace meshc;

void require(bool ok, const char* what) { fuzz::require(ok, "fuzz_baseline", what); }

Diagnostic finding(std::string code, std::string message, std::string path, bool with_resource) {
  Diagnostic d;
  d.code = std::move(code);
  d.rule = "schema";
  d.message = std::move(message);
  d.location = Location{"deploy/vs.yaml", 12, 5};
  d.field_path = std::move(path);
  if (with_resource) d.resource = ResourceRef{"VirtualService", "default", "reviews"};
  return d;
}

std::vector<Diagnostic> findings() {
  std::vector<Diagnostic> out;
  out.push_back(finding("MC2001", "expected an integer", "spec.http[0].route[0].weight", true));
  out.push_back(finding("MC2001", "expected an integer", "spec.http[0].route[0].weight", true));
  out.push_back(finding("MC2001", "missing field hosts", "", true));
  out.push_back(finding("MC1001", "invalid YAML: end of map not found", "", false));
  out.push_back(finding("MC1004", "duplicate key 'name'", "metadata.name", true));
  out.back().suppressed = true;
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const fuzz::TempFile file("meshc-fuzz-baseline-", ".json", data, size);
  std::vector<Diagnostic> list = findings();
  const size_t before = list.size();
  try {
    apply_baseline(file.path(), list);
  } catch (const ConfigError& e) {
    require(e.what()[0] != '\0', "ConfigError without a message");
  }
  require(list.size() == before, "apply_baseline changed the number of findings");
  require(list.back().suppressed, "apply_baseline un-suppressed a finding");
  return 0;
}
