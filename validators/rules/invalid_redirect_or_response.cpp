// MC2016 invalid-redirect-or-response: what Istio rejects in an HTTP route's
// redirect, directResponse or rewrite.
#include <array>
#include <charconv>
#include <optional>

#include "validators/rule.h"
#include "validators/values/field_paths.h"

namespace meshc {
namespace {

constexpr size_t k_max_body = 1024 * 1024;

std::optional<long> int_of(const Node* node) {
  if (node == nullptr || !node->is_scalar() || node->scalar_type != ScalarType::Int) return std::nullopt;
  std::string_view t = node->text;
  const bool negative = !t.empty() && t[0] == '-';
  if (!t.empty() && (t[0] == '-' || t[0] == '+')) t.remove_prefix(1);
  if (t.empty() || t.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  long n = 0;
  const auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), n);
  if (ec == std::errc::result_out_of_range) return negative ? -1000000L : 1000000L;
  if (ec != std::errc()) return std::nullopt;
  return negative ? -n : n;
}

bool has(const Node& map, std::string_view field) {
  bool found = false;
  for_each_field(map, field, [&](const FieldMatch&) { found = true; });
  return found;
}

class InvalidRedirectOrResponseRule final : public Rule {
 public:
  InvalidRedirectOrResponseRule()
      : Rule({"MC2016", "invalid-redirect-or-response", Severity::Error,
              "a redirect code outside 300..399, uri with prefixRewrite, a direct response status outside 200..599 "
              "or a body over 1 MiB, or a rewrite with neither uri nor authority"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      if (!r.is_checked("VirtualService")) continue;
      auto report = [&](const Node& at, const std::string& path, const std::string& message) {
        out.report(ctx.file, r, at.position, r.label() + ": " + path + " " + message, path);
      };
      for_each_field(*r.root, "spec.http[].redirect", [&](const FieldMatch& m) {
        if (!m.value.is_mapping()) return;
        const Node& redirect = m.value;
        if (const Node* code = redirect.get("redirectCode"); code != nullptr) {
          if (const auto n = int_of(code); n && *n != 0 && (*n < 300 || *n > 399))
            report(*code, m.path + ".redirectCode",
                   std::string(code->text) + " is not a redirect status; use a 3xx code such as 301, 302, 307 or 308");
        }
        for_each_field(redirect, "prefixRewrite", [&](const FieldMatch& p) {
          if (has(redirect, "uri"))
            report(*p.key, m.path + ".prefixRewrite",
                   "cannot be combined with uri; keep uri to redirect to one path, or prefixRewrite to keep the rest of "
                   "the path");
        });
        for_each_field(redirect, "scheme", [&](const FieldMatch& s) {
          if (s.value.is_string() && s.value.text != "http" && s.value.text != "https")
            report(s.value, s.path.empty() ? m.path : m.path + "." + s.path,
                   "'" + std::string(s.value.text) + "' is not a redirect scheme; use 'http' or 'https'");
        });
        bool any = false;
        for (const std::string_view f : {"uri", "authority", "scheme", "port", "derivePort", "prefixRewrite"})
          any = any || has(redirect, f);
        if (!any && m.key != nullptr)
          report(*m.key, m.path,
                 "changes nothing; set at least one of uri, authority, scheme, port, derivePort or prefixRewrite");
      });
      for_each_field(*r.root, "spec.http[].directResponse", [&](const FieldMatch& m) {
        if (!m.value.is_mapping()) return;
        if (const Node* status = m.value.get("status"); status != nullptr) {
          if (const auto n = int_of(status); n && (*n < 200 || *n > 599))
            report(*status, m.path + ".status",
                   std::string(status->text) + " is not a response status Istio accepts; use a code from 200 to 599");
        }
        for_each_field(m.value, "body.string", [&](const FieldMatch& b) {
          if (b.value.is_string() && b.value.text.size() > k_max_body)
            report(b.value, m.path + ".body.string",
                   "is " + std::to_string(b.value.text.size()) +
                       " bytes, over Istio's 1 MiB limit; serve large content from a service instead");
        });
        for_each_field(m.value, "body.bytes", [&](const FieldMatch& b) {
          if (!b.value.is_string()) return;
          size_t chars = 0;
          size_t padding = 0;
          for (const char c : b.value.text) {
            if (c == '=') ++padding;
            else if (c != '\n' && c != '\r' && c != ' ') ++chars;
          }
          const size_t decoded = (chars + padding) / 4 * 3 - std::min<size_t>(padding, 2) + (chars + padding) % 4 * 3 / 4;
          if (decoded > k_max_body)
            report(b.value, m.path + ".body.bytes",
                   "decodes to " + std::to_string(decoded) +
                       " bytes, over Istio's 1 MiB limit; serve large content from a service instead");
        });
      });
      for_each_field(*r.root, "spec.http[].rewrite", [&](const FieldMatch& m) {
        if (!m.value.is_mapping() || m.key == nullptr) return;
        if (has(m.value, "uri") || has(m.value, "uriRegexRewrite") || has(m.value, "authority")) return;
        report(*m.key, m.path, "changes nothing; set uri, uriRegexRewrite or authority, or remove the rewrite");
      });
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_InvalidRedirectOrResponseRule() { return std::make_unique<InvalidRedirectOrResponseRule>(); }

}  // namespace meshc
