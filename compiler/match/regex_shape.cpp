#include "compiler/match/regex_shape.h"

#include <optional>
#include <vector>

#include "compiler/match/regex.h"

namespace meshc {
namespace {

// One unit of a pattern: a character that stands for itself, or a
// metacharacter.
struct Token {
  char c;
  bool literal;
  bool operator==(const Token&) const = default;
};

bool is_meta(char c) {
  switch (c) {
    case '.': case '[': case ']': case '(': case ')': case '*': case '+': case '?':
    case '{': case '}': case '|': case '^': case '$': case '\\':
      return true;
    default:
      return false;
  }
}

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Nullopt when an escape stands for a class or a control character (`\d`,
// `\n`, `\x41`): those are not a single known character.
std::optional<std::vector<Token>> tokenize(std::string_view pattern) {
  std::vector<Token> tokens;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c != '\\') {
      tokens.push_back({c, !is_meta(c)});
      continue;
    }
    if (i + 1 == pattern.size()) return std::nullopt;
    const char next = pattern[++i];
    if (is_ascii_alnum(next) || static_cast<unsigned char>(next) >= 0x80) return std::nullopt;
    tokens.push_back({next, true});
  }
  return tokens;
}

bool ends_with_tokens(const std::vector<Token>& tokens, std::string_view meta) {
  if (tokens.size() < meta.size()) return false;
  const size_t start = tokens.size() - meta.size();
  for (size_t i = 0; i < meta.size(); ++i)
    if (tokens[start + i] != Token{meta[i], !is_meta(meta[i])}) return false;
  return true;
}

}  // namespace

RegexShape regex_shape(std::string_view pattern) {
  if (regex_error(pattern)) return {};
  auto tokens = tokenize(pattern);
  if (!tokens) return {};
  // Whole-value matching makes the anchors at either end redundant.
  if (!tokens->empty() && tokens->front() == Token{'^', false}) tokens->erase(tokens->begin());
  if (!tokens->empty() && tokens->back() == Token{'$', false}) tokens->pop_back();
  RegexShape shape{RegexShape::Kind::Literal, {}};
  for (std::string_view any : {".*", "(.*)", "(?:.*)", "(?s).*", "(?s:.*)"}) {
    if (!ends_with_tokens(*tokens, any)) continue;
    tokens->resize(tokens->size() - any.size());
    shape.kind = RegexShape::Kind::LiteralPrefix;
    break;
  }
  for (const Token& t : *tokens) {
    if (!t.literal) return {};
    shape.literal.push_back(t.c);
  }
  return shape;
}

}  // namespace meshc
