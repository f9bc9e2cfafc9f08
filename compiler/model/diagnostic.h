#pragma once
// A finding as every stage reports it: lint rules, schema checks and, later,
// the compiler's own passes.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meshc {

enum class Severity : uint8_t { Info = 0, Warning = 1, Error = 2 };

std::string_view severity_name(Severity s);
// Parses "error", "warning", "info"; false when the word is none of them.
bool parse_severity(std::string_view word, Severity& out);

struct Location {
  std::string file;  // the path as the user gave it, with forward slashes
  uint32_t line = 0;
  uint32_t column = 0;
};

struct ResourceRef {
  std::string kind;
  std::string ns;
  std::string name;
  bool operator==(const ResourceRef&) const = default;
};

struct RelatedLocation {
  Location location;
  std::string message;
};

struct Diagnostic {
  std::string code;  // stable code, e.g. MC1002
  std::string rule;  // slug, e.g. schema
  Severity severity = Severity::Error;
  std::string message;
  Location location;
  std::optional<ResourceRef> resource;
  std::vector<RelatedLocation> related;
  // The field the finding is about, e.g. spec.http[0].route[1].weight: what
  // baselines match on, since line numbers move.
  std::string field_path;
  // The Helm template the resource was rendered from (`# Source:` marker).
  std::string template_source;
  bool suppressed = false;
};

// Orders findings by file, line, column, then code, for stable output.
bool diagnostic_less(const Diagnostic& a, const Diagnostic& b);

}  // namespace meshc
