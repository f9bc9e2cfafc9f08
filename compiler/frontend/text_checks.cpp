#include "compiler/frontend/text_checks.h"

#include <cstdint>
#include <cstdio>

namespace meshc {
namespace {

std::string hex_byte(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02x", c);
  return buf;
}

std::string code_point_name(uint32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", cp);
  return buf;
}

bool is_allowed_code_point(uint32_t cp) {
  if (cp == 0x9 || cp == 0xA || cp == 0xD) return true;
  if (cp < 0x20 || cp == 0x7F) return false;
  if (cp >= 0x80 && cp <= 0x9F) return cp == 0x85;
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  return cp != 0xFFFE && cp != 0xFFFF;
}

bool starts_line_marker(std::string_view text, size_t pos, std::string_view marker) {
  if (text.compare(pos, marker.size(), marker) != 0) return false;
  const size_t after = pos + marker.size();
  return after == text.size() || text[after] == ' ' || text[after] == '\t' || text[after] == '\n' ||
         text[after] == '\r';
}

}  // namespace

std::optional<TextProblem> find_invalid_text(std::string_view text) {
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7F) {  // printable ASCII: nearly every byte of a config
      ++i;
      continue;
    }
    if (c < 0x80) {
      if (!is_allowed_code_point(c))
        return TextProblem{i, "control character " + code_point_name(c) + " is not allowed in YAML"};
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
    else return TextProblem{i, "invalid UTF-8 byte " + hex_byte(c)};
    for (size_t k = 1; k < len; ++k) {
      const auto cc = i + k < n ? static_cast<unsigned char>(text[i + k]) : 0;
      if ((cc & 0xC0) != 0x80) return TextProblem{i, "invalid UTF-8 byte " + hex_byte(c)};
      cp = (cp << 6) | (cc & 0x3F);
    }
    const bool overlong = (len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF));
    if (overlong) return TextProblem{i, "invalid UTF-8 byte " + hex_byte(c) + " (an overlong or out-of-range sequence)"};
    if (!is_allowed_code_point(cp))
      return TextProblem{i, "character " + code_point_name(cp) + " is not allowed in YAML"};
    i += len;
  }
  return std::nullopt;
}

std::vector<DocumentChunk> split_documents(std::string_view text) {
  std::vector<DocumentChunk> chunks;
  size_t begin = 0;
  bool has_content = false;  // anything but blank and comment lines since begin
  bool in_directives = false;
  for (size_t pos = 0; pos < text.size();) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    if (starts_line_marker(text, pos, "---")) {
      // A `---` that follows directives (`%YAML`) belongs to them.
      if (has_content && !in_directives) {
        chunks.push_back({begin, pos});
        begin = pos;
      }
      has_content = true;
      in_directives = false;
    } else if (text[pos] == '%') {
      if (has_content && !in_directives) {
        chunks.push_back({begin, pos});
        begin = pos;
      }
      has_content = true;
      in_directives = true;
    } else if (pos < eol && text[pos] != '#' && text.substr(pos, eol - pos).find_first_not_of(" \t\r") !=
                                                    std::string_view::npos) {
      has_content = true;
    }
    pos = eol + 1;
  }
  if (begin < text.size() || chunks.empty()) chunks.push_back({begin, text.size()});
  return chunks;
}

std::string_view helm_source_of(std::string_view chunk) {
  constexpr std::string_view marker = "# Source: ";
  size_t pos = 0;
  while (pos < chunk.size()) {
    size_t eol = chunk.find('\n', pos);
    if (eol == std::string_view::npos) eol = chunk.size();
    std::string_view line = chunk.substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.starts_with(marker)) return line.substr(marker.size());
    const bool skippable = line.empty() || line[0] == '#' || line.starts_with("---");
    if (!skippable) break;
    pos = eol + 1;
  }
  return {};
}

}  // namespace meshc
