#include "compiler/model/authz_cover.h"

#include <algorithm>
#include <charconv>
#include <optional>

namespace meshc {
namespace {

// A value as Istio's authz string match reads it: `*` (any value), `x*`,
// `*x`, or exact. Opaque: anything else (path templates, a `*` inside), and
// every value of a field without wildcards; it covers only itself.
struct Glob {
  enum class Kind : uint8_t { Any, Exact, Prefix, Suffix, Opaque };
  Kind kind;
  std::string_view text;  // without the `*`
};

// Fields whose generators turn `*`, `x*`, `*x` into presence, prefix and
// suffix matches, in a context (the `spiffe://` prefix, the `/ns/` regex)
// that keeps containment between values.
bool has_wildcards(std::string_view field) {
  return field == "principals" || field == "namespaces" || field == "methods" || field == "paths";
}

Glob parse(std::string_view field, std::string_view v) {
  using K = Glob::Kind;
  if (!has_wildcards(field) || (field == "paths" && v.find('{') != std::string_view::npos)) return {K::Opaque, v};
  if (v == "*") return {K::Any, {}};
  const size_t stars = static_cast<size_t>(std::count(v.begin(), v.end(), '*'));
  if (stars == 0) return {K::Exact, v};
  if (stars == 1 && v.front() == '*') return {K::Suffix, v.substr(1)};
  if (stars == 1 && v.back() == '*') return {K::Prefix, v.substr(0, v.size() - 1)};
  return {K::Opaque, v};
}

std::optional<unsigned> port_number(std::string_view v) {
  unsigned n = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size()) return std::nullopt;
  return n;
}

bool contains_value(const std::vector<std::string>& list, std::string_view v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

// A request the inner field admits cannot match the outer `not` value `n`.
bool excludes(std::string_view field, const AuthzValues& inner, const std::string& n) {
  for (const auto& ni : inner.not_values)
    if (authz_value_covers(field, ni, n)) return true;
  if (inner.values.empty()) return false;
  return std::all_of(inner.values.begin(), inner.values.end(),
                     [&](const std::string& v) { return authz_values_disjoint(field, v, n); });
}

// Every request matching the source or operation `inner` matches `outer`.
bool entry_implies(const std::map<std::string, AuthzValues>& inner, const std::map<std::string, AuthzValues>& outer) {
  for (const auto& entry : outer) {
    const std::string& field = entry.first;  // a plain reference: lambdas below capture it
    const AuthzValues& want = entry.second;
    if (want.values.empty() && want.not_values.empty()) continue;
    const auto it = inner.find(field);
    if (it == inner.end()) return false;
    const AuthzValues& have = it->second;
    if (!want.values.empty()) {
      if (have.values.empty()) return false;
      for (const auto& v : have.values)
        if (std::none_of(want.values.begin(), want.values.end(),
                         [&](const std::string& o) { return authz_value_covers(field, o, v); }))
          return false;
    }
    for (const auto& n : want.not_values)
      if (!excludes(field, have, n)) return false;
  }
  return true;
}

// Every request matching one of `inner` matches one of `outer`; no entries
// on the outer side means no condition.
template <class Entry>
bool entries_imply(const std::vector<Entry>& inner, const std::vector<Entry>& outer) {
  if (outer.empty()) return true;
  if (inner.empty()) return false;
  return std::all_of(inner.begin(), inner.end(), [&](const Entry& i) {
    return std::any_of(outer.begin(), outer.end(), [&](const Entry& o) { return entry_implies(i.fields, o.fields); });
  });
}

// `when` values follow each key's own matcher (CIDRs, claims, ...), so only
// the same strings count.
bool condition_implied(const std::vector<AuthzCondition>& inner, const AuthzCondition& outer) {
  if (outer.values.values.empty() && outer.values.not_values.empty()) return true;
  return std::any_of(inner.begin(), inner.end(), [&](const AuthzCondition& c) {
    if (c.key != outer.key) return false;
    if (!outer.values.values.empty()) {
      if (c.values.values.empty()) return false;
      for (const auto& v : c.values.values)
        if (!contains_value(outer.values.values, v)) return false;
    }
    for (const auto& n : outer.values.not_values)
      if (!contains_value(c.values.not_values, n)) return false;
    return true;
  });
}

}  // namespace

bool authz_value_covers(std::string_view field, std::string_view outer, std::string_view inner) {
  using K = Glob::Kind;
  if (outer == inner) return true;
  const Glob o = parse(field, outer), i = parse(field, inner);
  if (o.kind == K::Any) return true;
  if (o.kind == K::Opaque || i.kind == K::Opaque || i.kind == K::Any) return false;
  if (o.kind == K::Prefix) return (i.kind == K::Exact || i.kind == K::Prefix) && i.text.starts_with(o.text);
  if (o.kind == K::Suffix) return (i.kind == K::Exact || i.kind == K::Suffix) && i.text.ends_with(o.text);
  return false;  // two different exact values
}

bool authz_values_disjoint(std::string_view field, std::string_view a, std::string_view b) {
  using K = Glob::Kind;
  if (field == "ports") {
    const auto pa = port_number(a), pb = port_number(b);
    return pa && pb && *pa != *pb;
  }
  // A namespace value sits inside a regex that one principal can match twice.
  if (field == "namespaces") return false;
  const Glob x = parse(field, a), y = parse(field, b);
  const auto rank = [](K k) { return k == K::Exact ? 0 : k == K::Prefix ? 1 : k == K::Suffix ? 2 : 3; };
  if (rank(x.kind) > 2 || rank(y.kind) > 2) return false;
  const Glob& p = rank(x.kind) <= rank(y.kind) ? x : y;
  const Glob& q = rank(x.kind) <= rank(y.kind) ? y : x;
  switch (p.kind) {
    case K::Exact:
      if (q.kind == K::Exact) return p.text != q.text;
      return q.kind == K::Prefix ? !p.text.starts_with(q.text) : !p.text.ends_with(q.text);
    case K::Prefix:
      if (q.kind == K::Prefix) return !p.text.starts_with(q.text) && !q.text.starts_with(p.text);
      return false;  // `a*` and `*b` share `ab`
    case K::Suffix:
      return !p.text.ends_with(q.text) && !q.text.ends_with(p.text);
    default:
      return false;
  }
}

bool authz_rule_covers(const AuthzRule& outer, const AuthzRule& inner) {
  if (!entries_imply(inner.from, outer.from) || !entries_imply(inner.to, outer.to)) return false;
  return std::all_of(outer.when.begin(), outer.when.end(),
                     [&](const AuthzCondition& c) { return condition_implied(inner.when, c); });
}

}  // namespace meshc
