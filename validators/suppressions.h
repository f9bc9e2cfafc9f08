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
};

constexpr std::string_view k_ignore_annotation = "meshc.io/ignore";

// The comment suppressions in a file's text (real YAML comments only).
std::vector<Suppression> scan_comment_suppressions(const SourceFile& file);
// The annotation suppression of a resource, if it has one.
std::optional<Suppression> annotation_suppression(const SourceFile& file, const Resource& resource);

// Marks each finding a suppression covers as suppressed, and the rule entry
// of the suppression that covered it as used.
void apply_suppressions(std::vector<Diagnostic>& findings, std::vector<Suppression>& suppressions);

}  // namespace meshc
