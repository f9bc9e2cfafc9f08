#include "compiler/match/string_match.h"

#include <algorithm>

#include "compiler/match/regex_example.h"
#include "compiler/match/regex_match.h"
#include "compiler/match/regex_shape.h"

namespace meshc {
namespace {

using Kind = StringMatch::Kind;

// Envoy's ignore_case compares ASCII letters only.
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string folded(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), ascii_lower);
  return out;
}

bool has_cased_letters(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

bool equal_as(std::string_view a, std::string_view b, bool ignore_case) {
  return ignore_case ? folded(a) == folded(b) : a == b;
}

bool starts_with_as(std::string_view s, std::string_view prefix, bool ignore_case) {
  return s.size() >= prefix.size() && equal_as(s.substr(0, prefix.size()), prefix, ignore_case);
}

// A regex that is a plain string (then `.*`) as the exact (prefix) match it
// is equivalent to; anything else unchanged.
StringMatch simplified(const StringMatch& m) {
  if (m.kind != Kind::Regex) return m;
  const RegexShape shape = regex_shape(m.value);
  switch (shape.kind) {
    case RegexShape::Kind::Literal: return StringMatch::exact(shape.literal);
    case RegexShape::Kind::LiteralPrefix: return StringMatch::prefix(shape.literal);
    case RegexShape::Kind::Opaque: break;
  }
  return m;
}

// Whether every value that is `inner` (or starts with it, for a prefix) in
// `inner`'s case mode is `outer` (starts with it) in `outer`'s case mode.
// A case-sensitive outer accepts the case variants of a case-insensitive inner
// only when the part it checks has no letters that change with case.
bool string_covers(const StringMatch& outer, const StringMatch& inner) {
  const std::string_view checked = outer.kind == Kind::Prefix ? outer.value : inner.value;
  if (inner.ignore_case && !outer.ignore_case && has_cased_letters(checked)) return false;
  if (outer.kind == Kind::Exact)
    return inner.kind == Kind::Exact && equal_as(inner.value, outer.value, outer.ignore_case || inner.ignore_case);
  return starts_with_as(inner.value, outer.value, outer.ignore_case || inner.ignore_case);
}

}  // namespace

bool matches(const StringMatch& m, std::optional<std::string_view> value) {
  switch (m.kind) {
    case Kind::Any: return true;
    case Kind::Presence: return value.has_value();
    case Kind::Exact: return value && equal_as(*value, m.value, m.ignore_case);
    case Kind::Prefix: return value && starts_with_as(*value, m.value, m.ignore_case);
    case Kind::Regex: return value && regex_full_match(m.value, *value);
  }
  return false;
}

bool accepts_every_value(const StringMatch& m) {
  const StringMatch s = simplified(m);
  return s.kind == Kind::Any || s.kind == Kind::Presence || (s.kind == Kind::Prefix && s.value.empty());
}

bool covers_present(const StringMatch& outer, const StringMatch& inner) {
  if (outer == inner || accepts_every_value(outer)) return true;
  if (accepts_every_value(inner)) return false;
  const StringMatch o = simplified(outer);
  const StringMatch i = simplified(inner);
  if (o == i) return true;
  if (o.kind == Kind::Regex || i.kind == Kind::Regex) return false;
  return string_covers(o, i);
}

bool covers(const StringMatch& outer, const StringMatch& inner) {
  if (outer.kind == Kind::Any) return true;
  if (inner.kind == Kind::Any) return false;  // inner accepts a missing value, outer does not
  return covers_present(outer, inner);
}

bool disjoint(const StringMatch& a, const StringMatch& b) {
  if (accepts_every_value(a) || accepts_every_value(b)) return false;
  const StringMatch x = simplified(a);
  const StringMatch y = simplified(b);
  // A matcher that accepts one value only: ask the other about that value.
  if (x.kind == Kind::Exact && (!x.ignore_case || !has_cased_letters(x.value))) return !matches(b, x.value);
  if (y.kind == Kind::Exact && (!y.ignore_case || !has_cased_letters(y.value))) return !matches(a, y.value);
  if (x.kind == Kind::Regex || y.kind == Kind::Regex) return false;
  const bool ignore_case = x.ignore_case || y.ignore_case;
  if (x.kind == Kind::Exact && y.kind == Kind::Exact) return !equal_as(x.value, y.value, ignore_case);
  if (x.kind == Kind::Exact) return !starts_with_as(x.value, y.value, ignore_case);
  if (y.kind == Kind::Exact) return !starts_with_as(y.value, x.value, ignore_case);
  return !starts_with_as(x.value, y.value, ignore_case) && !starts_with_as(y.value, x.value, ignore_case);
}

Example example_value(const StringMatch& m) {
  switch (m.kind) {
    case Kind::Any: return {std::nullopt, true};
    case Kind::Presence: return {"x", true};
    case Kind::Exact:
    case Kind::Prefix: return {m.value, true};
    case Kind::Regex:
      if (auto value = regex_example(m.value)) return {std::move(value), true};
      return {std::nullopt, false};
  }
  return {std::nullopt, false};
}

std::string describe(const StringMatch& m) {
  const std::string case_note = m.ignore_case ? " ignoring case" : "";
  switch (m.kind) {
    case Kind::Any: return "any";
    case Kind::Presence: return "present";
    case Kind::Exact: return "exact \"" + m.value + "\"" + case_note;
    case Kind::Prefix: return "prefix \"" + m.value + "\"" + case_note;
    case Kind::Regex: return "regex \"" + m.value + "\"";
  }
  return {};
}

}  // namespace meshc
