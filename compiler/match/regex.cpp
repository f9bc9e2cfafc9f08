#include "compiler/match/regex.h"

#include <re2/re2.h>

namespace meshc {

std::optional<std::string> regex_error(std::string_view pattern) {
  if (pattern.empty()) return std::string("the regex is empty");
  if (pattern.size() > k_max_regex_length)
    return "the regex has " + std::to_string(pattern.size()) + " characters, more than the " +
           std::to_string(k_max_regex_length) + " allowed";
  // Go (1.22 and later) and current RE2 accept `(?<name>...)` for a named
  // group; older RE2 releases know only `(?P<name>...)`.
  std::string text(pattern);
  for (size_t i = text.find("(?<"); i != std::string::npos; i = text.find("(?<", i + 3)) {
    const char c = i + 3 < text.size() ? text[i + 3] : '\0';
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') text.insert(i + 2, 1, 'P');
  }
  RE2::Options options;
  options.set_log_errors(false);
  const RE2 re(text, options);
  if (re.ok()) return std::nullopt;
  return re.error();
}

}  // namespace meshc
