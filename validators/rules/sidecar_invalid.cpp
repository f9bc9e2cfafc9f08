// MC2025 sidecar-invalid: what Istio's webhook rejects in a Sidecar's
// listeners beyond its schema: port-less egress listeners, duplicate ports,
// egress hosts not in `ns/dnsName` form, targetPort and ingress
// defaultEndpoint. Port number ranges are invalid-port's (MC2011); missing
// required fields are the schema's (MC1002); selectors are invalid-label's.
#include <cctype>
#include <functional>
#include <map>

#include "compiler/match/host.h"
#include "validators/rule.h"
#include "validators/values/authz_values.h"

namespace meshc {
namespace {

using authz::child;
using authz::entry;

// What is wrong with an egress host (`ns/dnsName`), or empty.
std::string host_problem(std::string_view h) {
  const size_t slash = h.find('/');
  if (slash == std::string_view::npos)
    return "is not of the form namespace/dnsName; use e.g. ./" + std::string(h.empty() ? "*" : h) + " or */" +
           std::string(h.empty() ? "*" : h);
  const std::string_view ns = h.substr(0, slash);
  const std::string_view dns = h.substr(slash + 1);
  if (ns.empty() || dns.empty()) return "has an empty namespace or dnsName; use e.g. ./* or istio-system/*";
  if (ns != "*" && ns != "." && ns != "~" && !is_dns_label(ns))
    return "has namespace '" + std::string(ns) + "', which is not '*', '.', '~' or a DNS label";
  if (dns != "*" && dns.find('.') == std::string_view::npos)
    return "names the short host '" + std::string(dns) + "'; the dnsName must be '*' or a name with a dot, e.g. " +
           std::string(ns) + "/" + std::string(dns) + "." +
           (ns == "*" || ns == "." || ns == "~" ? std::string("shop") : std::string(ns)) + ".svc.cluster.local";
  if (whole_label_wildcard_error(dns))
    return "has dnsName '" + std::string(dns) +
           "', which is not a host name or wildcard ('*' only as the whole first label, e.g. *.example.com)";
  return {};
}

// Istio: `unix://` then a non-empty path.
bool unix_address(std::string_view s) { return s.size() > 7; }

// Istio: defaultEndpoint is 127.0.0.1|0.0.0.0|[::1]|[::]|'':<port> or unix://.
bool default_endpoint_ok(std::string_view s) {
  if (s.starts_with("unix://")) return unix_address(s);
  std::string_view host;
  std::string_view port;
  if (s.starts_with('[')) {
    const size_t close = s.find(']');
    if (close == std::string_view::npos || close + 1 >= s.size() || s[close + 1] != ':') return false;
    host = s.substr(1, close - 1);
    port = s.substr(close + 2);
  } else {
    const size_t colon = s.rfind(':');
    if (colon == std::string_view::npos) return false;
    host = s.substr(0, colon);
    port = s.substr(colon + 1);
    if (host.find(':') != std::string_view::npos) return false;
  }
  if (!host.empty() && host != "127.0.0.1" && host != "0.0.0.0" && host != "::1" && host != "::") return false;
  if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string_view::npos) return false;
  const int n = std::stoi(std::string(port));
  return n >= 1 && n <= 65535;
}

// A positive integer targetPort, the value Istio rejects.
const Node* target_port(const Node& port) {
  const Node* t = child(port, "targetPort");
  if (t == nullptr || !t->is_scalar() || t->scalar_type != ScalarType::Int || t->text == "0" ||
      t->text.starts_with('-'))
    return nullptr;
  return t;
}

class SidecarInvalidRule final : public Rule {
 public:
  SidecarInvalidRule()
      : Rule({"MC2025", "sidecar-invalid", Severity::Error,
              "Sidecar rules Istio enforces: more than one port-less egress listener or not last, duplicate ports, "
              "hosts not in `ns/dnsName` form"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      if (r.category != KindCategory::Checked || !r.version_known || !r.kind_known || r.kind != "Sidecar" ||
          r.spec == nullptr || !r.spec->is_mapping())
        continue;
      check(ctx, r, out);
    }
  }

 private:
  static void check(const DocumentContext& ctx, const Resource& r, FindingSink& out) {
    const auto report = [&](const Node& at, const std::string& path, const std::string& text) {
      out.report(ctx.file, r, at.position, r.label() + ": " + path + " " + text, path);
    };
    const auto target = [&](const Node& port, const std::string& pp) {
      if (const Node* t = target_port(port))
        report(*t, pp + ".targetPort",
               std::string(t->text) + " is set, but Istio rejects targetPort on Sidecars (it has no effect); remove it");
    };

    if (const Node* ingress = child(*r.spec, "ingress"); ingress != nullptr && ingress->is_sequence()) {
      std::map<std::string_view, size_t> ports;
      for (size_t i = 0; i < ingress->items.size(); ++i) {
        const Node& l = *ingress->items[i];
        if (!l.is_mapping()) continue;
        const std::string lp = "spec.ingress[" + std::to_string(i) + "]";
        const Node* port = child(l, "port");
        if (port == nullptr || !port->is_mapping()) continue;
        target(*port, lp + ".port");
        if (const Node* number = child(*port, "number");
            number != nullptr && number->is_scalar() && number->scalar_type == ScalarType::Int)
          if (auto [it, fresh] = ports.emplace(number->text, i); !fresh)
            report(*number, lp + ".port.number",
                   std::string(number->text) + " is already used by spec.ingress[" + std::to_string(it->second) +
                       "]; ingress ports must be unique: merge or remove one");
        if (const Node* ep = child(l, "defaultEndpoint");
            ep != nullptr && ep->is_string() && !ep->text.empty() && !default_endpoint_ok(ep->text))
          report(*ep, lp + ".defaultEndpoint",
                 "'" + std::string(ep->text) +
                     "' is not an address Istio accepts; use 127.0.0.1:<port>, 0.0.0.0:<port>, [::1]:<port>, "
                     "[::]:<port> or unix:///path (the workload itself, not another host)");
      }
    }

    const Node* egress = child(*r.spec, "egress");
    if (egress == nullptr || !egress->is_sequence()) return;
    std::map<std::string_view, size_t> ports;
    const size_t count = egress->items.size();
    for (size_t i = 0; i < count; ++i) {
      const Node& l = *egress->items[i];
      if (!l.is_mapping()) continue;
      const std::string lp = "spec.egress[" + std::to_string(i) + "]";
      const Node* port = child(l, "port");
      if (port == nullptr || port->is_null()) {
        // Istio accepts a port-less (catch-all) listener only as the last one,
        // so a second one is always reported as not last.
        if (i + 1 != count)
          report(l, lp,
                 "has no port but is not the last egress listener; a Sidecar may have one catch-all listener, at "
                 "the end of spec.egress: move it there (merging the hosts of several)");
      } else if (port->is_mapping()) {
        target(*port, lp + ".port");
        if (const Node* number = child(*port, "number"); number != nullptr && number->is_scalar() &&
                                                          number->scalar_type == ScalarType::Int &&
                                                          number->text != "0")
          if (auto [it, fresh] = ports.emplace(number->text, i); !fresh)
            report(*number, lp + ".port.number",
                   std::string(number->text) + " is already used by spec.egress[" + std::to_string(it->second) +
                       "]; egress ports must be unique: merge the listeners' hosts into one");
      }
      const MapEntry* hosts = entry(l, "hosts");
      if (hosts == nullptr || !hosts->value->is_sequence()) continue;
      if (hosts->value->items.empty())
        report(*hosts->key, lp + ".hosts", "is empty; an egress listener needs at least one host, e.g. ./* or "
                                           "istio-system/*");
      for (size_t j = 0; j < hosts->value->items.size(); ++j) {
        const Node& h = *hosts->value->items[j];
        if (!h.is_string()) continue;
        if (std::string problem = host_problem(h.text); !problem.empty())
          report(h, lp + ".hosts[" + std::to_string(j) + "]", "'" + std::string(h.text) + "' " + problem);
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_SidecarInvalidRule() { return std::make_unique<SidecarInvalidRule>(); }

}  // namespace meshc
