// MC2103 authz-invalid-path: paths in an AuthorizationPolicy operation that
// Istio's webhook rejects (security.CheckValidPathTemplate): '{' or '}'
// outside the {*} and {**} templates, a template operator after {**}, and a
// segment of a templated path that is not an RFC 3986 pchar literal.
#include <string>

#include "validators/rule.h"
#include "validators/values/authz_values.h"

namespace meshc {
namespace {


// What Istio rejects in `path`, or empty.
std::string path_problem(std::string_view path) {
  const bool templated =
      path.find("{*}") != std::string_view::npos || path.find("{**}") != std::string_view::npos;
  while (path.starts_with('/')) path.remove_prefix(1);
  while (path.ends_with('/')) path.remove_suffix(1);
  bool any_found = false;
  while (true) {
    const size_t slash = path.find('/');
    const std::string_view glob = path.substr(0, slash);
    if ((glob == "{*}" || glob == "{**}") && any_found)
      return "has the template operator " + std::string(glob) +
             " after {**}, which Istio rejects: {**} must be the last operator; end the path with {**} or use {*} "
             "before it";
    if (glob == "{*}") {
    } else if (glob == "{**}") {
      any_found = true;
    } else if (glob.find_first_of("{}") != std::string_view::npos) {
      return "has '{' or '}' outside the templates {*} (one segment) and {**} (any segments), which Istio "
             "rejects; write a whole segment as {*}, e.g. /users/{*}/orders";
    } else if (templated && !authz::pchar_literal(glob)) {
      std::string text = glob.empty() ? std::string("has an empty segment ('//')")
                                      : "has segment '" + std::string(glob) + "'";
      text += ", but in a path with {*} or {**} every other segment must be a plain literal (letters, digits and "
              "-._~%!$&'()+,;:@=), which Istio enforces";
      if (glob.find('*') != std::string_view::npos) text += "; use {*} for a whole segment instead of '*'";
      return text;
    }
    if (slash == std::string_view::npos) return {};
    path = path.substr(slash + 1);
  }
}

class AuthzInvalidPathRule final : public Rule {
 public:
  AuthzInvalidPathRule()
      : Rule({"MC2103", "authz-invalid-path", Severity::Error,
              "a path Istio rejects: `{`/`}` outside `{*}`/`{**}`, a template operator after `{**}`, a non-pchar "
              "literal in a templated path"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      if (!authz::is_checked(r, "AuthorizationPolicy")) continue;
      authz::for_each_operation_path(*r.root, [&](const FieldMatch& m) {
        const Node& p = m.value;
        if (p.text.find_first_of("{}") == std::string_view::npos) return;
        const std::string problem = path_problem(p.text);
        if (problem.empty()) return;
        out.report(ctx.file, r, p.position, r.label() + ": " + m.path + " '" + std::string(p.text) + "' " + problem,
                   m.path);
      });
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_AuthzInvalidPathRule() { return std::make_unique<AuthzInvalidPathRule>(); }

}  // namespace meshc
