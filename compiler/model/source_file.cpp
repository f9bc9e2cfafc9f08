#include "compiler/model/source_file.h"

#include <algorithm>

namespace meshc {

SourceFile::SourceFile(std::string display_name, std::string text)
    : name_(std::move(display_name)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

Position SourceFile::position_at(size_t byte_offset) const {
  byte_offset = std::min(byte_offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte_offset);
  const size_t line_index = static_cast<size_t>(it - line_starts_.begin()) - 1;
  uint32_t column = 1;
  for (size_t i = line_starts_[line_index]; i < byte_offset; ++i) {
    // UTF-8 continuation bytes do not start a code point.
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  return {static_cast<uint32_t>(line_index + 1), column};
}

Position SourceFile::position_at(size_t byte_offset, Cursor& c) const {
  byte_offset = std::min(byte_offset, text_.size());
  const size_t lines = line_starts_.size();
  const bool next_lines_close = c.line_index + 4 < lines && line_starts_[c.line_index + 4] > byte_offset;
  if (byte_offset < c.offset || (!next_lines_close && c.line_index + 4 < lines)) {
    const Position p = position_at(byte_offset);
    c = {p.line - 1u, byte_offset, p.column};
    return p;
  }
  while (c.line_index + 1 < lines && line_starts_[c.line_index + 1] <= byte_offset) {
    ++c.line_index;
    c.offset = line_starts_[c.line_index];
    c.column = 1;
  }
  for (size_t i = c.offset; i < byte_offset; ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++c.column;
  c.offset = byte_offset;
  return {static_cast<uint32_t>(c.line_index + 1), c.column};
}

size_t SourceFile::line_offset(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return text_.size();
  return line_starts_[line - 1];
}

std::string_view SourceFile::line_text(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  const size_t begin = line_starts_[line - 1];
  size_t end = line < line_starts_.size() ? line_starts_[line] - 1 : text_.size();
  if (end > begin && text_[end - 1] == '\r') --end;
  return std::string_view(text_).substr(begin, end - begin);
}

}  // namespace meshc
