// MC2020 dr-tls-no-ca: a DestinationRule that originates TLS (SIMPLE or
// MUTUAL) without saying which CA signs the server: no caCertificates, no
// credentialName and no insecureSkipVerify: true.
#include <array>

#include "validators/rule.h"
#include "validators/values/field_paths.h"

namespace meshc {
namespace {

constexpr std::array<std::string_view, 4> k_tls_paths{
    "spec.trafficPolicy.tls",
    "spec.trafficPolicy.portLevelSettings[].tls",
    "spec.subsets[].trafficPolicy.tls",
    "spec.subsets[].trafficPolicy.portLevelSettings[].tls",
};

bool non_empty_string(const Node* n) { return n != nullptr && n->is_string() && !n->text.empty(); }

// A YAML 1.1 boolean true (`true`, `yes`, `on` in any case).
bool is_true(const Node* n) {
  if (n == nullptr || !n->is_scalar() || n->scalar_type != ScalarType::Bool || n->text.empty()) return false;
  const char c = n->text[0];
  return c == 't' || c == 'T' || c == 'y' || c == 'Y' || ((c == 'o' || c == 'O') && n->text.size() == 2);
}

class DrTlsNoCaRule final : public Rule {
 public:
  DrTlsNoCaRule()
      : Rule({"MC2020", "dr-tls-no-ca", Severity::Warning,
              "TLS origination (SIMPLE or MUTUAL) without caCertificates: the server is checked only against the "
              "system trust store (Istio 1.20 and later) or not at all (earlier)"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      if (!r.is_checked("DestinationRule")) continue;
      for (const std::string_view pattern : k_tls_paths) {
        for_each_field(*r.root, pattern, [&](const FieldMatch& m) {
          if (!m.value.is_mapping()) return;
          const Node* mode = m.value.get("mode");
          if (mode == nullptr || !mode->is_string() || (mode->text != "SIMPLE" && mode->text != "MUTUAL")) return;
          if (non_empty_string(m.value.get("caCertificates")) || non_empty_string(m.value.get("ca_certificates")) ||
              non_empty_string(m.value.get("credentialName")) || non_empty_string(m.value.get("credential_name")))
            return;
          for (const char* skip : {"insecureSkipVerify", "insecure_skip_verify"}) {
            const Node* n = m.value.get(skip);
            if (is_true(n)) return;
          }
          out.report(ctx.file, r, mode->position,
                     r.label() + ": " + m.path + ".mode " + std::string(mode->text) +
                         " sets neither caCertificates nor credentialName: the server certificate is checked only "
                         "against the proxy's system trust store (Istio 1.20+) or not at all (earlier); set "
                         "caCertificates or credentialName to name the CA, or insecureSkipVerify: true to skip "
                         "verification on purpose",
                     m.path + ".mode");
        });
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_DrTlsNoCaRule() { return std::make_unique<DrTlsNoCaRule>(); }

}  // namespace meshc
