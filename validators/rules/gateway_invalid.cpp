// MC2024 gateway-invalid: what Istio's webhook rejects in a Gateway beyond its
// schema: the name, server hosts, port names, protocols and targetPort, the
// pairing of protocol and `tls`, and TLS modes against certificate settings.
// Port number ranges are invalid-port's (MC2011); missing required fields are
// the schema's (MC1002).
#include <array>
#include <cctype>
#include <functional>
#include <map>

#include "compiler/match/host.h"
#include "validators/rule.h"
#include "validators/values/authz_values.h"
#include "validators/values/ip_address.h"

namespace meshc {
namespace {

using authz::child;
using authz::entry;

constexpr std::array<std::string_view, 12> k_protocols{"HTTP",  "HTTPS", "HTTP2", "GRPC",  "GRPC-WEB", "TCP",
                                                       "TLS",   "UDP",   "MONGO", "REDIS", "MYSQL",    "HTTP_PROXY"};

std::string upper(std::string_view s) {
  std::string u(s);
  for (char& c : u) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return u;
}

bool known_protocol(const std::string& p) {
  for (const auto known : k_protocols)
    if (p == known) return true;
  return false;
}

bool is_http(const std::string& p) {
  return p == "HTTP" || p == "HTTP2" || p == "HTTP_PROXY" || p == "GRPC" || p == "GRPC-WEB";
}

// What is wrong with a server host (`[ns/]dnsName`), or empty.
std::string host_problem(std::string_view h) {
  std::string_view dns = h;
  if (const size_t slash = h.find('/'); slash != std::string_view::npos) {
    const std::string_view ns = h.substr(0, slash);
    dns = h.substr(slash + 1);
    if (ns.empty() || dns.empty()) return "has an empty namespace or dnsName; use ns/dnsName, e.g. shop/api.example.com";
    if (ns != "*" && ns != "." && !is_dns_label(ns))
      return "has namespace '" + std::string(ns) + "', which is not '*', '.' or a DNS label";
  }
  if (dns != "*" && dns.find('.') == std::string_view::npos)
    return "is a short name; a Gateway host must be '*' or contain a dot, e.g. " + std::string(dns) + ".example.com";
  if (whole_label_wildcard_error(dns) && !is_ip_address(dns))
    return "is not a host name or wildcard ('*' only as the whole first label, e.g. *.example.com)";
  return {};
}

bool has_text(const Node& map, std::string_view key) {
  const Node* n = child(map, key);
  return n != nullptr && n->is_scalar() && n->scalar_type != ScalarType::Null && !n->text.empty();
}

bool has_items(const Node& map, std::string_view key) {
  const Node* n = child(map, key);
  return n != nullptr && n->is_sequence() && !n->items.empty();
}

class GatewayInvalidRule final : public Rule {
 public:
  GatewayInvalidRule()
      : Rule({"MC2024", "gateway-invalid", Severity::Error,
              "Gateway rules Istio enforces: duplicate server port names, HTTPS/TLS without `tls`, certificate "
              "settings that contradict the TLS mode"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      if (r.category != KindCategory::Checked || !r.version_known || !r.kind_known || r.kind != "Gateway" ||
          r.root == nullptr || r.spec == nullptr || !r.spec->is_mapping())
        continue;
      check(ctx, r, out);
    }
  }

 private:
  using Report = std::function<void(const Node&, const std::string&, const std::string&)>;

  static void check(const DocumentContext& ctx, const Resource& r, FindingSink& out) {
    const Report report = [&](const Node& at, const std::string& path, const std::string& text) {
      out.report(ctx.file, r, at.position, r.label() + ": " + path + " " + text, path);
    };
    if (const Node* meta = r.root->get("metadata"); meta != nullptr && meta->is_mapping())
      if (const Node* name = meta->get("name"); name != nullptr && name->is_string() && !name->text.empty() &&
                                                !is_dns_label(name->text))
        report(*name, "metadata.name",
               "'" + std::string(name->text) +
                   "' is not a DNS label: Istio rejects Gateway names with dots or other characters than letters, "
                   "digits and '-'; rename it, e.g. to '" + dashed(name->text) + "'");

    const Node* servers = child(*r.spec, "servers");
    if (servers == nullptr || !servers->is_sequence()) return;
    std::map<std::string_view, size_t> names;
    for (size_t i = 0; i < servers->items.size(); ++i) {
      const Node& server = *servers->items[i];
      if (!server.is_mapping()) continue;
      const std::string sp = "spec.servers[" + std::to_string(i) + "]";

      if (const MapEntry* hosts = entry(server, "hosts"); hosts != nullptr && hosts->value->is_sequence()) {
        if (hosts->value->items.empty())
          report(*hosts->key, sp + ".hosts", "is empty; a server needs at least one host, e.g. '*' or api.example.com");
        for (size_t j = 0; j < hosts->value->items.size(); ++j) {
          const Node& h = *hosts->value->items[j];
          if (!h.is_string()) continue;
          if (std::string problem = host_problem(h.text); !problem.empty())
            report(h, sp + ".hosts[" + std::to_string(j) + "]", "'" + std::string(h.text) + "' " + problem);
        }
      }

      // Port: name, protocol, targetPort.
      bool port_ok = false;
      std::string protocol;
      const Node* proto_node = nullptr;
      if (const Node* port = child(server, "port"); port != nullptr && port->is_mapping()) {
        port_ok = true;
        // Istio skips the protocol/tls pairing when the port is invalid.
        if (const Node* number = child(*port, "number");
            number != nullptr && number->is_scalar() && number->scalar_type == ScalarType::Int) {
          const Node* bind = child(server, "bind");
          const bool unix_bind = bind != nullptr && bind->str().starts_with("unix://");
          const std::string_view t = number->text;
          if (t.starts_with('-') || t.size() > 5 || std::stol(std::string(t)) > 65535 || (t == "0" && !unix_bind))
            port_ok = false;
        }
        if (const Node* name = child(*port, "name"); name != nullptr && name->is_string()) {
          if (name->text.empty()) port_ok = false;
          if (auto [it, fresh] = names.emplace(name->text, i); !fresh && !name->text.empty())
            report(*name, sp + ".port.name",
                   "'" + std::string(name->text) + "' is already used by spec.servers[" + std::to_string(it->second) +
                       "]; port names must be unique across the Gateway's servers: rename one");
        } else {
          port_ok = false;
        }
        proto_node = child(*port, "protocol");
        if (proto_node != nullptr && proto_node->is_string()) {
          protocol = upper(proto_node->text);
          if (!known_protocol(protocol)) {
            port_ok = false;
            report(*proto_node, sp + ".port.protocol",
                   "'" + std::string(proto_node->text) +
                       "' is not a protocol Istio knows; use one of HTTP, HTTPS, HTTP2, GRPC, GRPC-Web, TCP, TLS, "
                       "UDP, Mongo, Redis, MySQL, HTTP_PROXY");
          }
        } else {
          port_ok = false;
        }
        if (const Node* target = child(*port, "targetPort");
            target != nullptr && target->is_scalar() && target->scalar_type == ScalarType::Int &&
            target->text != "0" && !target->text.starts_with('-')) {
          port_ok = false;
          report(*target, sp + ".port.targetPort",
                 std::string(target->text) +
                     " is set, but Istio rejects targetPort on Gateways (it has no effect); remove it");
        }
      }

      const MapEntry* tls_entry = entry(server, "tls");
      const Node* tls = tls_entry != nullptr && tls_entry->value->is_mapping() ? tls_entry->value : nullptr;
      if (port_ok && proto_node != nullptr) {
        const bool tls_protocol = protocol == "HTTPS" || protocol == "TLS";
        if (tls_protocol && tls == nullptr) {
          report(*proto_node, sp + ".port.protocol",
                 std::string(proto_node->text) +
                     " needs a tls block; add tls with e.g. mode SIMPLE and credentialName, or use protocol HTTP");
        } else if (!tls_protocol && tls != nullptr) {
          if (is_http(protocol)) {
            const Node* mode = child(*tls, "mode");
            const std::string_view m = mode != nullptr && mode->is_string() ? mode->text : "PASSTHROUGH";
            if ((m != "PASSTHROUGH" && m != "AUTO_PASSTHROUGH") || has_text(*tls, "caCertificates") ||
                has_text(*tls, "privateKey") || has_text(*tls, "serverCertificate"))
              report(*tls_entry->key, sp + ".tls",
                     "is set on plain-text protocol " + std::string(proto_node->text) +
                         ": Istio allows tls there only for httpsRedirect; use protocol HTTPS to terminate TLS, or "
                         "keep just 'httpsRedirect: true'");
          } else {
            report(*tls_entry->key, sp + ".tls",
                   "is set on protocol " + std::string(proto_node->text) +
                       ", but only HTTPS and TLS servers take TLS settings; use protocol TLS or remove tls");
          }
        }
      }
      if (tls != nullptr) check_tls(*tls, *tls_entry->key, sp + ".tls", report);
    }
  }

  static void check_tls(const Node& tls, const Node& tls_key, const std::string& tp, const Report& report) {
    const Node* mode_node = child(tls, "mode");
    if (mode_node != nullptr && !mode_node->is_string()) return;
    const std::string_view mode = mode_node != nullptr ? mode_node->text : "PASSTHROUGH";
    static constexpr std::array<std::string_view, 6> k_cert_fields{
        "serverCertificate", "privateKey", "caCertificates", "tlsCertificates", "credentialName", "credentialNames"};
    if (mode == "ISTIO_MUTUAL") {
      for (const auto field : k_cert_fields) {
        const MapEntry* e = entry(tls, field);
        if (e == nullptr || !(has_text(tls, field) || has_items(tls, field))) continue;
        report(*e->value, tp + "." + std::string(field),
               (e->value->is_scalar() ? "'" + std::string(e->value->text) + "' " : std::string()) + "is set, but mode ISTIO_MUTUAL uses the mesh's own certificates and Istio rejects it; remove it, or "
               "use mode SIMPLE or MUTUAL for your own certificates");
      }
      return;
    }
    const bool cert_pair = has_text(tls, "serverCertificate") && has_text(tls, "privateKey");
    const bool cred = has_text(tls, "credentialName");
    const bool creds = has_items(tls, "credentialNames");
    const bool certs = has_items(tls, "tlsCertificates");
    if (static_cast<int>(cert_pair) + cred + creds + certs > 1) {
      std::string set;
      const auto add = [&](bool on, std::string_view what) {
        if (!on) return;
        if (!set.empty()) set += ", ";
        set += what;
      };
      add(cred, "credentialName");
      add(creds, "credentialNames");
      add(cert_pair, "serverCertificate/privateKey");
      add(certs, "tlsCertificates");
      report(tls_key, tp, "sets more than one certificate source (" + set + "); Istio allows only one: keep one");
    }
    const bool mutual = mode == "MUTUAL" || mode == "OPTIONAL_MUTUAL";
    if ((mode == "SIMPLE" || mutual) && !cred && !creds) {
      const Node& at = mode_node != nullptr ? *mode_node : tls_key;
      const std::string mp = tp + ".mode";
      if (mutual && !has_text(tls, "caCertificates"))
        report(at, mp,
               std::string(mode) +
                   " needs caCertificates to verify client certificates (or a credentialName whose secret holds the "
                   "CA); add caCertificates or credentialName");
      bool missing = false;
      if (certs) {
        const Node* list = child(tls, "tlsCertificates");
        for (const Node* c : list->items)
          if (c->is_mapping() && (!has_text(*c, "serverCertificate") || !has_text(*c, "privateKey"))) missing = true;
      } else {
        missing = !has_text(tls, "serverCertificate") || !has_text(tls, "privateKey");
      }
      if (missing)
        report(at, mp,
               std::string(mode) +
                   " needs serverCertificate and privateKey (in tls or each tlsCertificates entry) or a "
                   "credentialName; add credentialName: <secret name>");
    }
    if (const Node* crl = child(tls, "caCrl"); crl != nullptr && has_text(tls, "caCrl")) {
      if (cred)
        report(*crl, tp + ".caCrl",
               "is set together with credentialName, which Istio rejects; put the CRL into the credential's secret "
               "(key ca.crl) and remove caCrl");
      else if (mode == "SIMPLE")
        report(*crl, tp + ".caCrl",
               "is set with mode SIMPLE, which checks no client certificates; remove it or use mode MUTUAL");
    }
  }

  static std::string dashed(std::string_view s) {
    std::string d;
    for (char c : s) d += (std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-') ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : '-';
    while (!d.empty() && d.back() == '-') d.pop_back();
    while (!d.empty() && d.front() == '-') d.erase(d.begin());
    return d.empty() ? "gateway" : d;
  }
};

}  // namespace

std::unique_ptr<Rule> make_GatewayInvalidRule() { return std::make_unique<GatewayInvalidRule>(); }

}  // namespace meshc
