#include "compiler/match/http_match.h"

#include <algorithm>

namespace meshc {
namespace {

bool names_equal(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return lower(x) == lower(y);
  });
}

// Istio writes `{}` in withoutHeaders as "the header is absent"; any other
// matcher is applied to the value, a missing header counting as "".
bool is_absence_condition(const StringMatch& m) {
  return m.kind == StringMatch::Kind::Presence || m.kind == StringMatch::Kind::Any;
}

bool uri_matches(const StringMatch& uri, std::string_view path) {
  if (uri.kind == StringMatch::Kind::Prefix) return matches(uri, path);
  return matches(uri, path_without_query(path));
}

const std::vector<std::string>& mesh_only() {
  static const std::vector<std::string> mesh{"mesh"};
  return mesh;
}

const std::vector<std::string>& gateways_of(const HttpMatchSpec& m) {
  return m.gateways.empty() ? mesh_only() : m.gateways;
}

// ---- containment -----------------------------------------------------------

// Istio turns a header condition on `@request.auth.claims...` into a match on
// the JWT claim (any element of a list claim), and withoutHeaders on it into
// an inverted claim match without the missing-as-empty rule: such conditions
// are compared only with an equal one.
bool is_claim(std::string_view key) { return key.starts_with("@request.auth.claims"); }

// A `?` in a uri matcher reaches into the query string, which a prefix sees
// and exact and regex do not; such matchers are compared only with an equal one.
bool uri_covers(const StringMatch& outer, const StringMatch& inner) {
  if (outer == inner || accepts_every_value(outer)) return true;
  if (outer.value.find('?') != std::string::npos || inner.value.find('?') != std::string::npos) return false;
  return covers_present(outer, inner);
}

// Every outer condition is proven by some inner condition on the same key.
bool keyed_covers(const std::vector<KeyedMatch>& outer, const std::vector<KeyedMatch>& inner, bool header_names) {
  return std::all_of(outer.begin(), outer.end(), [&](const KeyedMatch& o) {
    if (o.match.kind == StringMatch::Kind::Any) return true;
    return std::any_of(inner.begin(), inner.end(), [&](const KeyedMatch& i) {
      const bool same_key = header_names ? names_equal(o.key, i.key) : o.key == i.key;
      if (!same_key) return false;
      return header_names && is_claim(o.key) ? o.match == i.match : covers(o.match, i.match);
    });
  });
}

// Whether a request that `inner` (a withoutHeaders condition) lets through
// is always let through by `outer` too: inner excludes at least as much.
bool exclusion_covers(const StringMatch& inner, const StringMatch& outer) {
  if (is_absence_condition(inner)) return is_absence_condition(outer) || !matches(outer, std::string_view());
  if (is_absence_condition(outer)) return accepts_every_value(inner);
  return covers_present(inner, outer);
}

// Every outer withoutHeaders condition is kept by each request `inner`
// matches: inner excludes the same values or more, or requires a value the
// condition never excludes.
bool exclusions_covered(const HttpMatchSpec& outer, const HttpMatchSpec& inner) {
  return std::all_of(outer.without_headers.begin(), outer.without_headers.end(), [&](const KeyedMatch& o) {
    if (is_claim(o.key))
      return std::find(inner.without_headers.begin(), inner.without_headers.end(), o) != inner.without_headers.end();
    const bool excluded_too = std::any_of(inner.without_headers.begin(), inner.without_headers.end(),
                                          [&](const KeyedMatch& i) {
                                            return names_equal(o.key, i.key) && exclusion_covers(i.match, o.match);
                                          });
    const bool value_never_excluded = std::any_of(inner.headers.begin(), inner.headers.end(), [&](const KeyedMatch& i) {
      return names_equal(o.key, i.key) && i.match.kind != StringMatch::Kind::Any &&
             !is_absence_condition(o.match) && disjoint(o.match, i.match);
    });
    return excluded_too || value_never_excluded;
  });
}

bool source_covers(const HttpMatchSpec& outer, const HttpMatchSpec& inner) {
  if (outer.port && outer.port != inner.port) return false;
  if (outer.source_namespace && outer.source_namespace != inner.source_namespace) return false;
  for (const auto& [key, value] : outer.source_labels) {
    auto it = inner.source_labels.find(key);
    if (it == inner.source_labels.end() || it->second != value) return false;
  }
  const auto& outer_gateways = gateways_of(outer);
  for (const std::string& g : gateways_of(inner))
    if (std::find(outer_gateways.begin(), outer_gateways.end(), g) == outer_gateways.end()) return false;
  return true;
}

}  // namespace

std::optional<std::string> header_value(const RequestAttributes& request, std::string_view name) {
  std::optional<std::string> joined;
  for (const auto& [key, value] : request.headers) {
    if (!names_equal(key, name)) continue;
    if (joined)
      *joined += "," + value;
    else
      joined = value;
  }
  return joined;
}

bool excludes(const StringMatch& without, std::optional<std::string_view> value) {
  if (is_absence_condition(without)) return value.has_value();
  return matches(without, value.value_or(std::string_view()));
}

std::string_view path_without_query(std::string_view path) { return path.substr(0, path.find('?')); }

std::optional<std::string_view> query_value(std::string_view path, std::string_view key) {
  const size_t question = path.find('?');
  if (question == std::string_view::npos) return std::nullopt;
  std::string_view query = path.substr(question + 1);
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    const size_t eq = pair.find('=');
    if (pair.empty() || pair.substr(0, eq) != key) continue;
    return eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
  }
  return std::nullopt;
}

bool matches(const HttpMatchSpec& m, const RequestAttributes& request) {
  if (!uri_matches(m.uri, request.path)) return false;
  if (!matches(m.method, request.method) || !matches(m.scheme, request.scheme) ||
      !matches(m.authority, request.authority))
    return false;
  for (const KeyedMatch& h : m.headers) {
    const auto value = header_value(request, h.key);
    if (!matches(h.match, value ? std::optional<std::string_view>(*value) : std::nullopt)) return false;
  }
  for (const KeyedMatch& h : m.without_headers) {
    const auto value = header_value(request, h.key);
    if (excludes(h.match, value ? std::optional<std::string_view>(*value) : std::nullopt)) return false;
  }
  for (const KeyedMatch& q : m.query_params)
    if (!matches(q.match, query_value(request.path, q.key))) return false;
  if (m.port && *m.port != request.port) return false;
  if (m.source_namespace && *m.source_namespace != request.source_namespace) return false;
  for (const auto& [key, value] : m.source_labels) {
    auto it = request.source_labels.find(key);
    if (it == request.source_labels.end() || it->second != value) return false;
  }
  const auto& gateways = gateways_of(m);
  return std::find(gateways.begin(), gateways.end(), request.gateway) != gateways.end();
}

bool covers(const HttpMatchSpec& outer, const HttpMatchSpec& inner) {
  return uri_covers(outer.uri, inner.uri) && covers_present(outer.method, inner.method) &&
         covers_present(outer.scheme, inner.scheme) && covers_present(outer.authority, inner.authority) &&
         keyed_covers(outer.headers, inner.headers, true) && exclusions_covered(outer, inner) &&
         keyed_covers(outer.query_params, inner.query_params, false) && source_covers(outer, inner);
}

}  // namespace meshc
