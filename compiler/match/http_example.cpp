// Witness requests for a match block and their one-line rendering.
#include <algorithm>

#include "compiler/match/http_match.h"

namespace meshc {
namespace {

// The example for an attribute every request has (method, path): a matcher
// that accepts every value keeps the default.
bool set_example(const StringMatch& m, std::string& attribute) {
  if (accepts_every_value(m)) return true;
  Example e = example_value(m);
  if (!e.found || !e.value) return false;
  attribute = std::move(*e.value);
  return true;
}

bool add_query(const KeyedMatch& q, std::string& path) {
  if (q.match.kind == StringMatch::Kind::Any) return true;
  Example e = example_value(q.match);
  if (!e.found || !e.value) return false;
  path += path.find('?') == std::string::npos ? '?' : '&';
  path += q.key;
  if (!e.value->empty()) path += "=" + *e.value;  // `?key` is how `exact: ""` is usually met
  return true;
}

bool add_header(const KeyedMatch& h, RequestAttributes& r) {
  if (h.match.kind == StringMatch::Kind::Any) return true;
  Example e = example_value(h.match);
  if (!e.found || !e.value) return false;
  r.headers.emplace_back(h.key, std::move(*e.value));
  return true;
}

// A missing header counts as "" for a withoutHeaders matcher other than `{}`,
// so a condition that turns "" away needs the header with some other value.
void satisfy_exclusions(const HttpMatchSpec& m, RequestAttributes& r) {
  const auto allowed = [&](std::string_view key, std::optional<std::string_view> value) {
    return std::none_of(m.without_headers.begin(), m.without_headers.end(),
                        [&](const KeyedMatch& w) { return w.key == key && excludes(w.match, value); });
  };
  for (const KeyedMatch& w : m.without_headers) {
    if (header_value(r, w.key) || allowed(w.key, std::nullopt)) continue;
    for (std::string_view candidate : {"x", "0", "none", "-"}) {
      if (!allowed(w.key, candidate)) continue;
      r.headers.emplace_back(w.key, candidate);
      break;
    }
  }
}

std::string join_labels(const std::map<std::string, std::string>& labels) {
  std::string out;
  for (const auto& [key, value] : labels) out += (out.empty() ? "" : ",") + key + "=" + value;
  return out;
}

std::string describe_request(const RequestAttributes& r, const HttpMatchSpec* constrained) {
  const auto shown = [&](bool is_default, auto member) {
    return !is_default || (constrained && member(*constrained));
  };
  std::string out = r.method + " " + r.path;
  if (shown(r.scheme == "http", [](const HttpMatchSpec& m) { return m.scheme.kind != StringMatch::Kind::Any; }))
    out += " over " + r.scheme;
  if (shown(r.authority.empty(), [](const HttpMatchSpec& m) { return m.authority.kind != StringMatch::Kind::Any; }))
    out += " for authority " + (r.authority.empty() ? std::string("\"\"") : r.authority);
  if (!r.headers.empty()) {
    out += r.headers.size() == 1 ? " with header " : " with headers ";
    for (size_t i = 0; i < r.headers.size(); ++i) {
      const std::string& value = r.headers[i].second;
      out += (i ? ", " : "") + r.headers[i].first + ": " + (value.empty() ? std::string("\"\"") : value);
    }
  }
  if (shown(r.port == 80, [](const HttpMatchSpec& m) { return m.port.has_value(); }))
    out += " on port " + std::to_string(r.port);
  const bool show_namespace =
      shown(r.source_namespace == "default", [](const HttpMatchSpec& m) { return m.source_namespace.has_value(); });
  if (!r.source_labels.empty()) {
    out += " from workload " + join_labels(r.source_labels);
    if (show_namespace) out += " in namespace " + r.source_namespace;
  } else if (show_namespace) {
    out += " from namespace " + r.source_namespace;
  }
  if (r.gateway != "mesh") out += " through gateway " + r.gateway;
  return out;
}

}  // namespace

std::optional<RequestAttributes> example_request(const HttpMatchSpec& m) {
  RequestAttributes r;
  if (!m.gateways.empty()) r.gateway = m.gateways.front();
  if (!set_example(m.method, r.method) || !set_example(m.scheme, r.scheme) ||
      !set_example(m.authority, r.authority) || !set_example(m.uri, r.path))
    return std::nullopt;
  for (const KeyedMatch& q : m.query_params)
    if (!add_query(q, r.path)) return std::nullopt;
  for (const KeyedMatch& h : m.headers)
    if (!add_header(h, r)) return std::nullopt;
  satisfy_exclusions(m, r);
  if (m.port) r.port = *m.port;
  r.source_labels = m.source_labels;
  if (m.source_namespace) r.source_namespace = *m.source_namespace;
  if (!matches(m, r)) return std::nullopt;
  return r;
}

std::string describe(const RequestAttributes& request) { return describe_request(request, nullptr); }

std::string describe(const RequestAttributes& request, const HttpMatchSpec& constrained_by) {
  return describe_request(request, &constrained_by);
}

}  // namespace meshc
