#include "compiler/match/regex_match.h"

#include <re2/re2.h>

#include <memory>
#include <string>
#include <unordered_map>

namespace meshc {
namespace {

// Go (1.22 and later) and current RE2 accept `(?<name>...)` for a named group,
// older RE2 releases only `(?P<name>...)`; regex_error() accepts both, so
// matching must too.
std::string with_python_group_names(std::string_view pattern) {
  std::string text(pattern);
  for (size_t i = text.find("(?<"); i != std::string::npos; i = text.find("(?<", i + 3)) {
    const char c = i + 3 < text.size() ? text[i + 3] : '\0';
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') text.insert(i + 2, 1, 'P');
  }
  return text;
}

const RE2& compiled(std::string_view pattern) {
  // Route tables hold a bounded set of patterns; the bound only guards
  // against a caller that feeds arbitrary ones.
  constexpr size_t k_max_cached = 4096;
  thread_local std::unordered_map<std::string, std::unique_ptr<RE2>> cache;
  const std::string key(pattern);
  if (auto it = cache.find(key); it != cache.end()) return *it->second;
  if (cache.size() >= k_max_cached) cache.clear();
  RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_unique<RE2>(with_python_group_names(pattern), options);
  return *cache.emplace(key, std::move(re)).first->second;
}

}  // namespace

bool regex_full_match(std::string_view pattern, std::string_view value) {
  const RE2& re = compiled(pattern);
  return re.ok() && RE2::FullMatch(re2::StringPiece(value.data(), value.size()), re);
}

}  // namespace meshc
