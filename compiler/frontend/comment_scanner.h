#pragma once
// Finds the YAML comments in a text. yaml-cpp drops comments, and a plain
// search for `#` would also find it inside quoted strings and block scalars
// (an EnvoyFilter's Lua code, a `# meshc:ignore` quoted in a description).
#include <string_view>
#include <vector>

namespace meshc {

struct Comment {
  size_t offset;          // of the `#`
  std::string_view text;  // after the `#`, to the end of the line
  bool own_line;          // nothing but blanks before it on its line
};

std::vector<Comment> find_comments(std::string_view text);

}  // namespace meshc
