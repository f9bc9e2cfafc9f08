// MC2104 authz-literal-star: a '*' inside an AuthorizationPolicy path. Istio
// turns a path into an exact, prefix or suffix match: only a leading '*'
// (suffix match) or, failing that, a trailing '*' (prefix match) is a
// wildcard; any other '*' is matched literally. Paths with '{' or '}' are
// authz-invalid-path's (MC2103).
#include <string>

#include "validators/rule.h"
#include "validators/values/authz_values.h"

namespace meshc {
namespace {


// Whether `path` has a '*' Istio matches literally.
bool has_literal_star(std::string_view path) {
  if (path == "*") return false;
  size_t from = 0;
  size_t to = path.size();
  if (path.starts_with('*'))
    from = 1;
  else if (path.ends_with('*'))
    to = path.size() - 1;
  return path.substr(from, to - from).find('*') != std::string_view::npos;
}

// The path with {*} for each segment holding a '*' (and {**} for a trailing
// wildcard segment), or empty when no valid template says the same.
std::string template_for(std::string_view path) {
  if (path.starts_with('*') || !path.starts_with('/')) return {};
  std::string result;
  std::string_view rest = path.substr(1);
  while (true) {
    const size_t slash = rest.find('/');
    const std::string_view seg = rest.substr(0, slash);
    const bool last = slash == std::string_view::npos;
    result += '/';
    if (seg.find('*') != std::string_view::npos)
      result += last && seg == "*" ? "{**}" : "{*}";
    else if (authz::pchar_literal(seg))
      result += seg;
    else if (!(last && seg.empty()))
      return {};
    if (last) return result;
    rest = rest.substr(slash + 1);
  }
}

class AuthzLiteralStarRule final : public Rule {
 public:
  AuthzLiteralStarRule()
      : Rule({"MC2104", "authz-literal-star", Severity::Warning,
              "a `*` inside a path: Istio matches it literally, only a leading or trailing `*` is a wildcard "
              "(suggest `{*}`)"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      if (!authz::is_checked(r, "AuthorizationPolicy")) continue;
      authz::for_each_operation_path(*r.root, [&](const FieldMatch& m) {
        const Node& p = m.value;
        if (p.text.find_first_of("{}") != std::string_view::npos || !has_literal_star(p.text))
          return;
        const std::string suggestion = template_for(p.text);
        out.report(ctx.file, r, p.position,
                   r.label() + ": " + m.path + " '" + std::string(p.text) +
                       "' has a '*' that Istio matches literally (only a leading or trailing '*' is a wildcard); " +
                       (suggestion.empty() ? std::string("use {*} for one whole path segment")
                                           : "use '" + suggestion + "' instead ({*} matches one whole segment)"),
                   m.path);
      });
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_AuthzLiteralStarRule() { return std::make_unique<AuthzLiteralStarRule>(); }

}  // namespace meshc
