#pragma once
// A loaded input file: its display name, its bytes, and the mapping from byte
// offsets to the 1-based line and code-point column every finding reports.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace meshc {

struct Position {
  uint32_t line = 0;    // 1-based; 0 means "no position"
  uint32_t column = 0;  // 1-based, counted in Unicode code points
};

class SourceFile {
 public:
  SourceFile(std::string display_name, std::string text);

  const std::string& name() const { return name_; }
  std::string_view text() const { return text_; }
  Position position_at(size_t byte_offset) const;

  // For many lookups at increasing offsets (a parser's marks): each one
  // continues from the last instead of searching and counting anew.
  struct Cursor {
    size_t line_index = 0;
    size_t offset = 0;
    uint32_t column = 1;
  };
  Position position_at(size_t byte_offset, Cursor& cursor) const;
  // The text of a 1-based line, without its line break.
  std::string_view line_text(uint32_t line) const;
  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }
  // Byte offset of a 1-based line's first character.
  size_t line_offset(uint32_t line) const;

 private:
  std::string name_;
  std::string text_;
  std::vector<size_t> line_starts_;
};

}  // namespace meshc
