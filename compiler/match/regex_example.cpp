#include "compiler/match/regex_example.h"

#include <array>
#include <cctype>

#include "compiler/match/regex_match.h"
#include "compiler/match/regex_shape.h"

namespace meshc {
namespace {

// Writes one string a pattern describes by taking the first alternative, the
// first member of a class and the fewest repetitions (or one, for `*` and `?`,
// in the second reading). It understands the common subset of RE2 only; the
// caller checks the result with RE2, so a misreading costs a witness, never
// a wrong one.
class ExampleWriter {
 public:
  ExampleWriter(std::string_view pattern, bool repeat_optional)
      : p_(pattern), repeat_optional_(repeat_optional) {}

  std::optional<std::string> write() {
    auto out = alternation();
    if (!out || i_ != p_.size()) return std::nullopt;
    return out;
  }

 private:
  bool at_end() const { return i_ >= p_.size(); }
  char peek() const { return at_end() ? '\0' : p_[i_]; }

  std::optional<std::string> alternation() {
    std::optional<std::string> first;
    while (true) {
      auto branch = sequence();
      if (!first) first = branch;
      if (peek() != '|') break;
      ++i_;
    }
    return first;
  }

  std::optional<std::string> sequence() {
    std::string out;
    bool ok = true;
    while (!at_end() && peek() != '|' && peek() != ')') {
      auto piece = atom();
      if (!piece) ok = false;
      const auto count = repetitions();
      if (!count) return std::nullopt;
      if (piece)
        for (int n = 0; n < *count; ++n) out += *piece;
    }
    if (!ok) return std::nullopt;
    return out;
  }

  // How many times to write the atom just read; nullopt for a malformed count.
  std::optional<int> repetitions() {
    int count = 1;
    const char c = peek();
    if (c == '*' || c == '?') {
      ++i_;
      count = repeat_optional_ ? 1 : 0;
    } else if (c == '+') {
      ++i_;
    } else if (c == '{') {
      const size_t close = p_.find('}', i_);
      if (close == std::string_view::npos) return std::nullopt;
      count = 0;
      size_t j = i_ + 1;
      if (j == close || !std::isdigit(static_cast<unsigned char>(p_[j]))) return std::nullopt;
      for (; j < close && std::isdigit(static_cast<unsigned char>(p_[j])); ++j)
        count = std::min(count * 10 + (p_[j] - '0'), 1000);
      i_ = close + 1;
    } else {
      return count;
    }
    if (peek() == '?') ++i_;  // lazy: the same set of values
    return count;
  }

  std::optional<std::string> atom() {
    const char c = p_[i_++];
    switch (c) {
      case '(': return group();
      case '[': return char_class();
      case '\\': return escape();
      case '.': return "x";
      case '^': case '$': return "";
      default: return std::string(1, c);
    }
  }

  std::optional<std::string> group() {
    if (peek() == '?') {
      ++i_;
      if (peek() == 'P' || peek() == '<') {  // a named group
        const size_t close = p_.find('>', i_);
        if (close == std::string_view::npos) return std::nullopt;
        i_ = close + 1;
      } else {
        while (!at_end() && peek() != ':' && peek() != ')') ++i_;  // flags
        if (peek() == ')') {  // `(?i)` sets flags for what follows
          ++i_;
          return "";
        }
        ++i_;
      }
    }
    auto inner = alternation();
    if (peek() != ')') return std::nullopt;
    ++i_;
    return inner;
  }

  std::optional<std::string> escape() {
    if (at_end()) return std::nullopt;
    const char c = p_[i_++];
    switch (c) {
      case 'd': return "1";
      case 'w': case 'D': case 'S': return "x";
      case 'W': return "-";
      case 's': return " ";
      case 'b': case 'B': case 'A': case 'z': return "";
      default:
        if (std::isalnum(static_cast<unsigned char>(c))) return std::nullopt;
        return std::string(1, c);
    }
  }

  // The first member of `[...]`, or for `[^...]` one of a few common
  // characters the class does not list (ranges are not read: RE2 decides).
  std::optional<std::string> char_class() {
    const bool negated = peek() == '^';
    if (negated) ++i_;
    const size_t start = i_;
    if (peek() == ']') ++i_;
    while (!at_end() && peek() != ']') i_ += peek() == '\\' ? 2 : 1;
    if (at_end()) return std::nullopt;
    const std::string_view members = p_.substr(start, i_ - start);
    ++i_;
    if (negated) {
      for (char candidate : std::string_view("xa1-_.")) {
        if (members.find(candidate) == std::string_view::npos) return std::string(1, candidate);
      }
      return std::nullopt;
    }
    if (members.empty()) return std::nullopt;
    if (members[0] != '\\') return std::string(1, members[0]);
    if (members.size() < 2) return std::nullopt;
    const char escaped = members[1];
    if (escaped == 'd') return "1";
    if (escaped == 'w') return "x";
    if (escaped == 's') return " ";
    if (std::isalnum(static_cast<unsigned char>(escaped))) return std::nullopt;
    return std::string(1, escaped);
  }

  std::string_view p_;
  bool repeat_optional_;
  size_t i_ = 0;
};

}  // namespace

std::optional<std::string> regex_example(std::string_view pattern) {
  std::array<std::optional<std::string>, 3> candidates;
  if (const RegexShape shape = regex_shape(pattern); shape.kind != RegexShape::Kind::Opaque)
    candidates[0] = shape.literal;
  candidates[1] = ExampleWriter(pattern, false).write();
  candidates[2] = ExampleWriter(pattern, true).write();
  for (const auto& candidate : candidates)
    if (candidate && regex_full_match(pattern, *candidate)) return candidate;
  return std::nullopt;
}

}  // namespace meshc
