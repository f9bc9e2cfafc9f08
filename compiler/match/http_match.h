#pragma once
// One `http[].match[]` block of a VirtualService as Istio evaluates it, the
// request attributes it is evaluated on, and the containment question the
// shadowing analysis asks. Lint, compile and the router share this, so
// "unreachable" and the router's first match agree.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/match/string_match.h"

namespace meshc {

// A header or query-parameter condition. Header names are lower case. A
// header condition on `@request.auth.claims...` is a JWT claim condition in
// Istio; RequestAttributes carries claims as headers of that name.
struct KeyedMatch {
  std::string key;
  StringMatch match;
  bool operator==(const KeyedMatch&) const = default;
};

struct HttpMatchSpec {
  std::string name;   // match[].name
  StringMatch uri;    // exact and regex: the path without its query string;
                      // prefix: the whole path (Envoy's prefix match)
  StringMatch scheme;
  StringMatch method;
  StringMatch authority;
  std::vector<KeyedMatch> headers;          // all must match
  std::vector<KeyedMatch> without_headers;  // none may match; Presence = "must be absent",
                                            // other matchers see a missing header as ""
  std::vector<KeyedMatch> query_params;     // Presence = `{}`; exact "" matches `?key`
  std::optional<uint32_t> port;
  std::map<std::string, std::string> source_labels;
  std::optional<std::string> source_namespace;
  // The gateways this block applies to, already resolved: `match.gateways`
  // when set, else the VirtualService's (`mesh` when it names none). Gateway
  // names are "mesh" or "namespace/name".
  std::vector<std::string> gateways;

  bool operator==(const HttpMatchSpec&) const = default;
};

// What a match block is evaluated on. One definition for route, serve and replay.
struct RequestAttributes {
  std::string method = "GET";
  std::string scheme = "http";
  std::string authority;
  std::string path = "/";  // with the query string, as on the request line
  std::vector<std::pair<std::string, std::string>> headers;  // names in any case
  uint32_t port = 80;
  std::string source_namespace = "default";
  std::map<std::string, std::string> source_labels;
  std::string gateway = "mesh";  // "mesh" or "namespace/name"
};

bool matches(const HttpMatchSpec& m, const RequestAttributes& request);

// The request's value of header `name` (any case), several values joined with
// "," as Envoy's header matchers see them; nullopt when it has none.
std::optional<std::string> header_value(const RequestAttributes& request, std::string_view name);

// Whether withoutHeaders condition `without` turns away a request whose
// header has `value` (nullopt: the header is missing).
bool excludes(const StringMatch& without, std::optional<std::string_view> value);

// The path without its query string, which uri exact and regex see (a prefix
// sees the whole path, as Envoy's prefix match does).
std::string_view path_without_query(std::string_view path);

// The value of the first query parameter `key` (case-sensitive, not decoded);
// "" for `?key` and `?key=`; nullopt when the query has no such key.
std::optional<std::string_view> query_value(std::string_view path, std::string_view key);

// True only when it is proven that every request `inner` matches, `outer`
// matches too (never a false "yes"; see covers() of StringMatch).
bool covers(const HttpMatchSpec& outer, const HttpMatchSpec& inner);

// A request `m` matches, or nullopt when none could be built (an opaque
// regex). The request's gateway is the first of m.gateways.
std::optional<RequestAttributes> example_request(const HttpMatchSpec& m);

// A one-line rendering of a request for messages: `GET /search`, plus
// headers, query and source when they matter, e.g.
// `GET /api?debug=1 with header end-user: jason from namespace shop`.
// Attributes at their defaults (scheme http, port 80, namespace default,
// gateway mesh) are left out.
std::string describe(const RequestAttributes& request);

// The same, but also naming every attribute `constrained_by` has a condition
// on, even at its default (`on port 80` for a block with `port: 80`).
std::string describe(const RequestAttributes& request, const HttpMatchSpec& constrained_by);

}  // namespace meshc
