// MC2102 authz-invalid-method: a method in an AuthorizationPolicy operation
// that is not an upper-case HTTP method token (methods are case-sensitive).
#include "validators/rule.h"
#include "validators/values/authz_values.h"
#include "validators/values/field_paths.h"

namespace meshc {
namespace {

bool tchar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

// "" when fine, else the message tail.
std::string problem(std::string_view value) {
  std::string_view core = value;
  if (core == "*") return {};
  if (core.starts_with("*"))
    core.remove_prefix(1);
  else if (core.ends_with("*"))
    core.remove_suffix(1);
  bool lower = false, token = !core.empty();
  for (char c : core) {
    lower = lower || (c >= 'a' && c <= 'z');
    token = token && tchar(c) && c != '*';
  }
  if (token && lower) {
    std::string upper(value);
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return "never matches: HTTP methods are case-sensitive and upper-case; use '" + upper + "'";
  }
  if (!token)
    return "is not an HTTP method; use upper-case methods such as GET or POST (gRPC calls are always POST: match "
           "gRPC methods with paths)";
  return {};
}

class AuthzInvalidMethodRule final : public Rule {
 public:
  AuthzInvalidMethodRule()
      : Rule({"MC2102", "authz-invalid-method", Severity::Warning,
              "a method that is not an upper-case HTTP method (methods are case-sensitive)"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      if (!authz::is_checked(r, "AuthorizationPolicy")) continue;
      const auto check = [&](const FieldMatch& m) {
        if (!m.value.is_string() || m.value.text.empty()) return;  // schema's, authz-invalid-rule's
        const std::string p = problem(m.value.text);
        if (!p.empty())
          out.report(ctx.file, r, m.value.position, r.label() + ": " + m.path + " '" + std::string(m.value.text) + "' " + p,
                     m.path);
      };
      for_each_field(*r.root, "spec.rules[].to[].operation.methods[]", check);
      for_each_field(*r.root, "spec.rules[].to[].operation.notMethods[]", check);
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_AuthzInvalidMethodRule() { return std::make_unique<AuthzInvalidMethodRule>(); }

}  // namespace meshc
