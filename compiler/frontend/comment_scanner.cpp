#include "compiler/frontend/comment_scanner.h"

namespace meshc {
namespace {

size_t indentation(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return n;
}

bool blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

// A quote opens a quoted scalar only where a scalar can start.
bool scalar_can_start_after(std::string_view line, size_t pos) {
  size_t p = pos;
  while (p > 0 && (line[p - 1] == ' ' || line[p - 1] == '\t')) --p;
  if (p == 0) return true;
  const char c = line[p - 1];
  const bool blank_before = p < pos;
  return c == '[' || c == '{' || c == ',' || ((c == ':' || c == '-' || c == '?') && blank_before);
}

// `key: |`, `- >-`, `key: |2 # note`: the line opens a block scalar.
bool opens_block_scalar(std::string_view code) {
  while (!code.empty() && (code.back() == ' ' || code.back() == '\t' || code.back() == '\r')) code.remove_suffix(1);
  size_t p = code.size();
  while (p > 0 && (code[p - 1] == '-' || code[p - 1] == '+' || (code[p - 1] >= '1' && code[p - 1] <= '9'))) --p;
  if (p == 0 || (code[p - 1] != '|' && code[p - 1] != '>')) return false;
  --p;
  if (p == 0) return true;
  const char before = code[p - 1];
  return before == ' ' || before == '\t';
}

// Content of a block scalar is indented more than its parent node: the key
// in `  - key: |` (column 4), the dash in `  - |` (column 2).
long block_parent_indent(std::string_view line) {
  size_t n = indentation(line);
  size_t last_dash = n;
  while (n < line.size() && line[n] == '-' && (n + 1 == line.size() || line[n + 1] == ' ')) {
    last_dash = n;
    ++n;
    while (n < line.size() && line[n] == ' ') ++n;
  }
  if (n < line.size() && (line[n] == '|' || line[n] == '>')) return static_cast<long>(last_dash);
  return static_cast<long>(n);
}

}  // namespace

std::vector<Comment> find_comments(std::string_view text) {
  std::vector<Comment> out;
  char quote = 0;               // the open quote of a multi-line quoted scalar
  long block_indent = -1;       // lines indented more than this are block scalar content
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    const std::string_view line = text.substr(pos, eol - pos);
    if (block_indent >= 0) {
      if (blank(line) || static_cast<long>(indentation(line)) > block_indent) {
        pos = eol + 1;
        continue;
      }
      block_indent = -1;
    }
    size_t code_end = line.size();  // where this line's comment starts, if any
    for (size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (quote == '"') {
        if (c == '\\') ++i;
        else if (c == '"') quote = 0;
      } else if (quote == '\'') {
        if (c == '\'' && i + 1 < line.size() && line[i + 1] == '\'') ++i;
        else if (c == '\'') quote = 0;
      } else if ((c == '"' || c == '\'') && scalar_can_start_after(line, i)) {
        quote = c;
      } else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
        code_end = i;
        std::string_view body = line.substr(i + 1);
        if (!body.empty() && body.back() == '\r') body.remove_suffix(1);
        out.push_back({pos + i, body, blank(line.substr(0, i))});
        break;
      }
    }
    if (quote == 0 && opens_block_scalar(line.substr(0, code_end))) block_indent = block_parent_indent(line);
    pos = eol + 1;
  }
  return out;
}

}  // namespace meshc
