// MC2011 invalid-port: a port number outside 1..65535 wherever the networking
// kinds and PeerAuthentication hold one (AuthorizationPolicy ports are
// authz-invalid-rule's).
#include <array>
#include <charconv>

#include "validators/rule.h"
#include "validators/values/field_paths.h"

namespace meshc {
namespace {

struct PortField {
  std::string_view kind;
  std::string_view pattern;
  bool zero_is_unset;  // 0 means "not set" for this field: not checked
};

constexpr std::array<PortField, 19> k_fields{{
    {"VirtualService", "spec.http[].match[].port", true},
    {"VirtualService", "spec.http[].route[].destination.port.number", false},
    {"VirtualService", "spec.http[].mirror.port.number", false},
    {"VirtualService", "spec.http[].mirrors[].destination.port.number", false},
    {"VirtualService", "spec.http[].redirect.port", false},
    {"VirtualService", "spec.tcp[].match[].port", true},
    {"VirtualService", "spec.tcp[].route[].destination.port.number", false},
    {"VirtualService", "spec.tls[].match[].port", true},
    {"VirtualService", "spec.tls[].route[].destination.port.number", false},
    {"DestinationRule", "spec.trafficPolicy.portLevelSettings[].port.number", false},
    {"DestinationRule", "spec.subsets[].trafficPolicy.portLevelSettings[].port.number", false},
    {"DestinationRule", "spec.trafficPolicy.tunnel.targetPort", false},
    {"DestinationRule", "spec.subsets[].trafficPolicy.tunnel.targetPort", false},
    {"ServiceEntry", "spec.ports[].number", false},
    {"ServiceEntry", "spec.ports[].targetPort", true},
    {"ServiceEntry", "spec.endpoints[].ports.*", false},
    {"WorkloadEntry", "spec.ports.*", false},
    {"Sidecar", "spec.ingress[].port.number", false},
    {"Sidecar", "spec.outboundTrafficPolicy.egressProxy.port.number", false},
}};
// Gateway servers and Sidecar egress listeners are checked below: a unix://
// bind changes the rule.

constexpr std::string_view k_unix_prefix = "unix://";

enum class PortValue : uint8_t { Valid, Zero, OutOfRange, NotChecked };

// A decimal integer scalar's standing as a port; other spellings (a string,
// a float, YAML 1.1 hex) are the schema rule's or not checked.
PortValue classify(const Node& value) {
  if (!value.is_scalar() || value.scalar_type != ScalarType::Int) return PortValue::NotChecked;
  std::string_view text = value.text;
  const bool negative = !text.empty() && text[0] == '-';
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
  if (text.empty() || text.find_first_not_of("0123456789") != std::string_view::npos) return PortValue::NotChecked;
  uint64_t n = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec == std::errc::result_out_of_range) return PortValue::OutOfRange;
  if (ec != std::errc() || ptr != text.data() + text.size()) return PortValue::NotChecked;
  if (n == 0) return PortValue::Zero;
  if (negative || n > 65535) return PortValue::OutOfRange;
  return PortValue::Valid;
}

class InvalidPortRule final : public Rule {
 public:
  InvalidPortRule()
      : Rule({"MC2011", "invalid-port", Severity::Error, "a port number outside 1..65535"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      if (r.category != KindCategory::Checked || !r.version_known || !r.kind_known || r.root == nullptr) continue;
      auto report = [&](const FieldMatch& m, std::string_view extra) {
        out.report(ctx.file, r, m.value.position,
                   r.label() + ": " + m.path + " " + std::string(m.value.text) +
                       " is not a port number; use a port in 1..65535" + std::string(extra),
                   m.path);
      };
      auto check = [&](std::string_view pattern, bool zero_is_unset) {
        for_each_field(*r.root, pattern, [&](const FieldMatch& m) {
          const PortValue v = classify(m.value);
          if (v == PortValue::OutOfRange || (v == PortValue::Zero && !zero_is_unset)) report(m, "");
        });
      };
      for (const auto& f : k_fields) {
        if (f.kind == r.kind) check(f.pattern, f.zero_is_unset);
      }
      if (r.kind == "Gateway" || r.kind == "Sidecar") {
        // Port 0 goes with a unix:// bind; what else a unix bind needs is the
        // Gateway's and Sidecar's own rules.
        const bool gateway = r.kind == "Gateway";
        for_each_field(*r.root, gateway ? "spec.servers[]" : "spec.egress[]", [&](const FieldMatch& item) {
          if (!item.value.is_mapping()) return;
          const Node* bind = item.value.get("bind");
          const bool unix_bind = bind != nullptr && bind->str().starts_with(k_unix_prefix);
          if (unix_bind && !gateway) return;
          for_each_field(item.value, "port.number", [&](const FieldMatch& m) {
            const PortValue v = classify(m.value);
            if (v == PortValue::OutOfRange || (v == PortValue::Zero && !unix_bind)) {
              const std::string path = item.path + "." + m.path;
              report(FieldMatch{m.value, m.key, path}, " (0 only with a unix:// bind)");
            }
          });
        });
      }
      if (r.kind == "PeerAuthentication") {
        for_each_field(*r.root, "spec.portLevelMtls.*", [&](const FieldMatch& m) {
          if (m.key == nullptr) return;
          const std::string_view key = m.key->text;
          uint32_t n = 0;
          const auto [ptr, ec] = std::from_chars(key.data(), key.data() + key.size(), n);
          const bool digits = !key.empty() && key.find_first_not_of("0123456789") == std::string_view::npos;
          if (digits && ec == std::errc() && ptr == key.data() + key.size() && n >= 1 && n <= 65535) return;
          const std::string path = m.path.substr(0, m.path.size() - key.size() - 1);
          out.report(ctx.file, r, m.key->position,
                     r.label() + ": " + path + " key '" + std::string(key) +
                         "' is not a port number; key each entry by a port number in 1..65535",
                     m.path);
        });
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_InvalidPortRule() { return std::make_unique<InvalidPortRule>(); }

}  // namespace meshc
