#pragma once
// Istio's StringMatch as routes use it (exact, prefix, regex, and the presence
// match `{}` / `regex: "*"`), with the questions lint and the router ask of it:
// does a value match, does one matcher accept everything another accepts, and
// which value would match.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace meshc {

struct StringMatch {
  enum class Kind : uint8_t {
    Any,       // no condition: matches a missing value too
    Presence,  // `{}` or `regex: "*"`: any value, as long as there is one
    Exact,
    Prefix,    // a raw string prefix: `/api` also matches `/apis`
    Regex,     // RE2, matched against the whole value
  };
  Kind kind = Kind::Any;
  std::string value;         // the exact string, prefix or pattern
  bool ignore_case = false;  // exact and prefix only (uri `ignoreUriCase`)

  static StringMatch any() { return {}; }
  static StringMatch presence() { return {Kind::Presence, {}, false}; }
  static StringMatch exact(std::string v, bool ignore_case = false) { return {Kind::Exact, std::move(v), ignore_case}; }
  static StringMatch prefix(std::string v, bool ignore_case = false) { return {Kind::Prefix, std::move(v), ignore_case}; }
  static StringMatch regex(std::string v) { return {Kind::Regex, std::move(v), false}; }

  bool operator==(const StringMatch&) const = default;
};

// Whether `value` (nullopt: the value is missing) satisfies `m`. An invalid
// regex matches nothing.
bool matches(const StringMatch& m, std::optional<std::string_view> value);

// True only when it is proven that every value `inner` accepts, `outer`
// accepts too (a missing value included). Regexes are opaque unless literal
// (`^/api$`), a literal then `.*`, or `.*` itself, so the answer may be a
// false "no", never a false "yes". An outer and an inner that are equal cover
// each other whatever they are.
bool covers(const StringMatch& outer, const StringMatch& inner);

// covers() for a value that is always there (the path, the method): Any and
// Presence mean the same.
bool covers_present(const StringMatch& outer, const StringMatch& inner);

// True only when it is proven that no value satisfies both (`exact "a"` and
// `prefix "b"`); false for Any and Presence, which share every value.
bool disjoint(const StringMatch& a, const StringMatch& b);

// Whether `m` accepts every present value: Presence, an empty prefix, `.*`.
bool accepts_every_value(const StringMatch& m);

// A value `m` accepts (nullopt for Any: leaving the value out satisfies it);
// `found` is false when none could be found (a regex example_value cannot read).
struct Example {
  std::optional<std::string> value;
  bool found = true;
};
Example example_value(const StringMatch& m);

// "exact \"/a\"", "prefix \"/api\"", "regex \"v[0-9]+\"", "present", "any".
std::string describe(const StringMatch& m);

}  // namespace meshc
