// Fuzz target: the whole lint pass on one file made from the input, with every
// rule at its default severity on one thread: text checks, document split,
// YAML reader, resource reader, the schema check, every document and set rule,
// inline suppressions.
//
// Documented exceptions: none; lint() reports problems as findings.
// A broken invariant aborts with a message, so the fuzzer records it.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "compiler/model/diagnostic.h"
#include "compiler/model/source_file.h"
#include "validators/linter.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using namespace meshc;

void require(bool ok, const char* what) { fuzz::require(ok, "fuzz_lint", what); }

const std::map<std::string, Severity, std::less<>>& rules() {
  static const auto r = default_rule_severities();
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto file = std::make_shared<const SourceFile>(
      "fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size));
  LintRequest request;
  request.files.push_back(file);
  request.rules = rules();
  request.threads = 1;

  const LintResult result = lint(request);

  for (const Diagnostic& d : result.findings) {
    require(!d.code.empty(), "finding without a code");
    require(!d.rule.empty(), "finding without a rule slug");
    require(!d.message.empty(), "finding without a message");
    require(d.location.file == file->name(), "finding in another file");
    require(d.location.line <= file->line_count(), "finding line past the end of the file");
    require(d.location.line != 0 || d.location.column == 0, "finding with a column but no line");
    for (const RelatedLocation& rel : d.related)
      require(rel.location.line <= file->line_count(), "related location past the end of the file");
  }
  for (const LintedResource& r : result.resources) require(r.file == 0, "resource from another file");
  return 0;
}
