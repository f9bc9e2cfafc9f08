#pragma once
// Checks on raw bytes that must happen before the YAML parser sees them.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meshc {

struct TextProblem {
  size_t offset;        // the first bad byte
  std::string message;  // e.g. "invalid UTF-8 byte 0xff"
};

// The first byte that is not valid UTF-8 or not a character YAML allows
// (control characters other than tab, line feed and carriage return).
std::optional<TextProblem> find_invalid_text(std::string_view text);

// Byte ranges of the YAML documents in a stream, split at `---` lines. The
// parser is not resumable after an error; split documents let one broken
// document spare the others and let documents be parsed on several threads.
struct DocumentChunk {
  size_t begin;
  size_t end;
};
std::vector<DocumentChunk> split_documents(std::string_view text);

// The template named by a Helm `# Source: chart/templates/x.yaml` comment at
// the start of a chunk, or empty.
std::string_view helm_source_of(std::string_view chunk);

}  // namespace meshc
