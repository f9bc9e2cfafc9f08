// MC2023 serviceentry-addresses-required: a TCP (or unset protocol) port on a
// ServiceEntry without addresses, as istioctl analyze's IST0134 reports it.
#include "validators/rule.h"

namespace meshc {
namespace {

bool empty_list(const Node* n) { return n == nullptr || n->is_null() || (n->is_sequence() && n->items.empty()); }

bool tcp_or_unset(const Node* protocol) {
  if (protocol == nullptr || protocol->is_null()) return true;
  if (!protocol->is_string()) return false;
  const std::string_view p = protocol->text;
  return p.empty() || (p.size() == 3 && (p[0] == 't' || p[0] == 'T') && (p[1] == 'c' || p[1] == 'C') &&
                       (p[2] == 'p' || p[2] == 'P'));
}

class ServiceEntryAddressesRequiredRule final : public Rule {
 public:
  ServiceEntryAddressesRequiredRule()
      : Rule({"MC2023", "serviceentry-addresses-required", Severity::Warning,
              "a TCP (or unset protocol) port on a ServiceEntry without addresses (Istio's IST0134)"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      if (r.category != KindCategory::Checked || !r.version_known || !r.kind_known || r.kind != "ServiceEntry" ||
          r.spec == nullptr || !r.spec->is_mapping())
        continue;
      if (!empty_list(r.spec->get("addresses"))) continue;
      // Addresses Istio allocated and wrote to the status count as addresses.
      if (const Node* status = r.root->get("status"); status && status->is_mapping() && !empty_list(status->get("addresses")))
        continue;
      const Node* ports = r.spec->get("ports");
      if (ports == nullptr || !ports->is_sequence()) continue;
      for (size_t i = 0; i < ports->items.size(); ++i) {
        const Node& p = *ports->items[i];
        if (!p.is_mapping() || !tcp_or_unset(p.get("protocol"))) continue;
        const Node* number = p.get("number");
        const std::string num = number && number->is_scalar() ? std::string(number->text) : "?";
        const Node* proto = p.get("protocol");
        const std::string what = proto && proto->is_string() && !proto->text.empty() ? "is TCP" : "has no protocol";
        const std::string path = "spec.ports[" + std::to_string(i) + "]";
        out.report(ctx.file, r, p.position,
                   r.label() + ": " + path + " (port " + num + ") " + what +
                       " and the ServiceEntry has no spec.addresses: unless Istio allocates an address (IP "
                       "auto-allocation, never for resolution NONE), sidecars match this port's traffic by port "
                       "alone and may send other destinations' traffic here; add spec.addresses, or the HTTP or TLS protocol if that is what the port serves",
                   path);
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_ServiceEntryAddressesRequiredRule() {
  return std::make_unique<ServiceEntryAddressesRequiredRule>();
}

}  // namespace meshc
