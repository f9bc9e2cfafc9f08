#include "validators/values/field_paths.h"

#include <array>
#include <charconv>

namespace meshc {
namespace {

bool same_field(std::string_view written, std::string_view camel) {
  if (written == camel) return true;
  // jwks_uri is jwksUri: compare ignoring underscores, upper-casing after them.
  size_t j = 0;
  bool upper = false;
  for (char c : written) {
    if (c == '_') {
      upper = true;
      continue;
    }
    const char expected = upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    if (j >= camel.size() || camel[j] != expected) return false;
    ++j;
    upper = false;
  }
  return j == camel.size();
}

// Patterns are short; their steps live on the stack (this runs for every
// resource and many patterns).
constexpr size_t k_max_steps = 32;
using Steps = std::array<std::string_view, k_max_steps>;

void walk(const Node& node, const Node* key, const Steps& steps, size_t count, size_t at, std::string& path,
          const std::function<void(const FieldMatch&)>& visit) {
  if (at == count) {
    visit(FieldMatch{node, key, path});
    return;
  }
  const std::string_view step = steps[at];
  const size_t mark = path.size();
  if (step == "[]") {
    if (!node.is_sequence()) return;
    for (size_t i = 0; i < node.items.size(); ++i) {
      char index[24];
      index[0] = '[';
      char* end = std::to_chars(index + 1, index + sizeof index - 1, i).ptr;
      *end++ = ']';
      path.append(index, end);
      walk(*node.items[i], nullptr, steps, count, at + 1, path, visit);
      path.resize(mark);
    }
    return;
  }
  if (!node.is_mapping()) return;
  for (const auto& e : node.entries) {
    if (step != "*" && !same_field(e.key->text, step)) continue;
    if (!path.empty()) path += '.';
    path += step == "*" ? e.key->text : step;
    walk(*e.value, e.key, steps, count, at + 1, path, visit);
    path.resize(mark);
    if (step != "*") return;  // one key of that name; duplicates are duplicate-key's
  }
}

}  // namespace

void for_each_field(const Node& root, std::string_view pattern, const std::function<void(const FieldMatch&)>& visit) {
  Steps steps;
  size_t count = 0;
  size_t pos = 0;
  while (pos < pattern.size() && count < k_max_steps) {
    if (pattern.compare(pos, 2, "[]") == 0) {
      steps[count++] = "[]";
      pos += 2;
      if (pos < pattern.size() && pattern[pos] == '.') ++pos;
      continue;
    }
    size_t end = pattern.find_first_of(".[", pos);
    if (end == std::string_view::npos) end = pattern.size();
    steps[count++] = pattern.substr(pos, end - pos);
    pos = end < pattern.size() && pattern[end] == '.' ? end + 1 : end;
  }
  std::string path;
  path.reserve(96);
  walk(root, nullptr, steps, count, 0, path, visit);
}

}  // namespace meshc
