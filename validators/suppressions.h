#pragma once
// Suppressions: `# meshc:ignore RULE[,RULE] reason` on a finding's line or the
// line before, `# meshc:ignore-file RULE[,RULE]`, and the resource annotation
// `meshc.io/ignore: RULE,...`. RULE is a code or a slug.
#include <string>
#include <vector>

#include "compiler/model/diagnostic.h"
#include "compiler/model/resource.h"
#include "compiler/model/source_file.h"

namespace meshc {

struct Suppression {
  enum class Scope { Line, File, Resource };
  Scope scope = Scope::Line;
  std::string file;
  Position position;  // of the comment or annotation
  uint32_t line = 0;  // Scope::Line: the line the comment stands on
  bool own_line = false;  // Scope::Line: alone on its line, so it covers the next one
  std::vector<std::string> rules;       // as written
  std::vector<bool> rule_used;          // per entry of `rules`
  std::optional<ResourceRef> resource;  // Scope::Resource
  // From another tool's annotation: its codes were mapped to meshc's, and an
  // entry that suppresses nothing is that tool's business, not a finding.
  bool foreign = false;
};

constexpr std::string_view k_ignore_annotation = "meshc.io/ignore";
// istioctl analyze's and Kiali's suppression annotations, honoured for the
// rules that have an IST or KIA equivalent (docs/rules/README.md).
constexpr std::string_view k_istio_suppress_annotation = "galley.istio.io/analyze-suppress";
constexpr std::string_view k_kiali_ignore_annotation = "kiali.io/ignore-validations";

// The comment suppressions in a file's text (real YAML comments only).
std::vector<Suppression> scan_comment_suppressions(const SourceFile& file);
// The annotation suppressions of a resource: meshc.io/ignore, and the IST and
// KIA codes of the other tools' annotations mapped to meshc's rules.
std::vector<Suppression> annotation_suppressions(const SourceFile& file, const Resource& resource);

// The meshc rule codes an IST or KIA code stands for (empty for others).
std::vector<std::string_view> rules_for_foreign_code(std::string_view code);

// Marks each finding a suppression covers as suppressed, and the rule entry
// of the suppression that covered it as used.
void apply_suppressions(std::vector<Diagnostic>& findings, std::vector<Suppression>& suppressions);

}  // namespace meshc
