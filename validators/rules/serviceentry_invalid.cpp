// MC2022 serviceentry-invalid: what Istio's webhook rejects in a ServiceEntry
// beyond its schema: hosts, addresses, ports and the endpoints each resolution
// allows. Port number ranges are invalid-port's (MC2011); endpoints together
// with workloadSelector are the schema's one-of (MC1002).
#include <array>
#include <cctype>
#include <map>

#include "validators/rule.h"
#include "validators/values/ip_address.h"

namespace meshc {
namespace {

constexpr std::array<std::string_view, 12> k_protocols{"HTTP",  "HTTPS", "HTTP2", "GRPC",  "GRPC-WEB", "TCP",
                                                       "TLS",   "UDP",   "MONGO", "REDIS", "MYSQL",    "HTTP_PROXY"};

bool known_protocol(std::string_view p) {
  std::string upper(p);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (const auto known : k_protocols)
    if (upper == known) return true;
  return false;
}

bool alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Istio's IsDNS1123Label: at most 63 letters, digits or '-', a letter or digit
// at both ends (upper case allowed).
bool dns_label(std::string_view s) {
  if (s.empty() || s.size() > 63 || !alnum(s.front()) || !alnum(s.back())) return false;
  for (char c : s)
    if (!alnum(c) && c != '-') return false;
  return true;
}

// `unix://` then an absolute path not ending in '/', or an abstract `@name`.
bool unix_address(std::string_view s) {
  constexpr std::string_view prefix = "unix://";
  if (!s.starts_with(prefix)) return false;
  const std::string_view path = s.substr(prefix.size());
  if (path.starts_with('@')) return true;
  return path.size() > 1 && path.front() == '/' && path.back() != '/';
}

size_t list_size(const Node* n) { return n != nullptr && n->is_sequence() ? n->items.size() : 0; }

class ServiceEntryInvalidRule final : public Rule {
 public:
  ServiceEntryInvalidRule()
      : Rule({"MC2022", "serviceentry-invalid", Severity::Error,
              "ServiceEntry rules Istio enforces: STATIC endpoints must be IPs, NONE without endpoints, CIDR "
              "addresses only for NONE/STATIC, DNS hosts must be FQDNs, duplicate port names or numbers"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      if (r.category != KindCategory::Checked || !r.version_known || !r.kind_known || r.kind != "ServiceEntry" ||
          r.spec == nullptr || !r.spec->is_mapping())
        continue;
      check(ctx, r, *r.spec, out);
    }
  }

 private:
  static void check(const DocumentContext& ctx, const Resource& r, const Node& spec, FindingSink& out) {
    const auto report = [&](const Node& at, const std::string& path, const std::string& text) {
      out.report(ctx.file, r, at.position, r.label() + ": " + path + text, path);
    };
    const Node* res_node = spec.get("resolution");
    const std::string_view resolution = res_node && res_node->is_string() ? res_node->text : "NONE";
    const Node* endpoints = spec.get("endpoints");
    const size_t endpoint_count = list_size(endpoints);

    // Hosts.
    const Node* hosts = spec.get("hosts");
    if (hosts != nullptr && hosts->is_sequence() && hosts->items.empty())
      report(*spec.key_node("hosts"), "spec.hosts",
             " is empty; a ServiceEntry needs at least one host, e.g. api.example.com");
    for (size_t i = 0; hosts != nullptr && hosts->is_sequence() && i < hosts->items.size(); ++i) {
      const Node& h = *hosts->items[i];
      if (!h.is_string()) continue;
      const std::string path = "spec.hosts[" + std::to_string(i) + "]";
      if (h.text == "*") {
        report(h, path, " is '*': a ServiceEntry host cannot be the full wildcard; name the external hosts, e.g. "
                        "*.example.com, or use outboundTrafficPolicy ALLOW_ANY for open egress");
      } else if ((resolution == "DNS" || resolution == "DNS_ROUND_ROBIN") && endpoint_count == 0 &&
                 h.text.find('*') != std::string_view::npos) {
        report(h, path, " '" + std::string(h.text) + "' is a wildcard, but resolution " + std::string(resolution) +
                            " without endpoints resolves the hosts themselves, so they must be FQDNs; name the host "
                            "exactly, add endpoints, or use resolution NONE or DYNAMIC_DNS");
      }
    }

    // Addresses.
    const Node* addresses = spec.get("addresses");
    bool cidr_reported = false;
    for (size_t i = 0; addresses != nullptr && addresses->is_sequence() && i < addresses->items.size(); ++i) {
      const Node& a = *addresses->items[i];
      if (!a.is_string()) continue;
      const std::string path = "spec.addresses[" + std::to_string(i) + "]";
      if (!is_ip_or_cidr(a.text)) {
        report(a, path, " '" + std::string(a.text) +
                            "' is not an IP address or CIDR block; use e.g. 10.0.0.5 or 10.0.0.0/24 (host names "
                            "belong in spec.hosts)");
      } else if (a.text.find('/') != std::string_view::npos && resolution != "NONE" && resolution != "STATIC" &&
                 !cidr_reported) {
        cidr_reported = true;
        report(a, path, " '" + std::string(a.text) + "' is a CIDR block, which Istio allows only with resolution "
                            "NONE or STATIC, not " + std::string(resolution) +
                            "; use single IP addresses or change the resolution");
      }
    }

    // Ports.
    const Node* ports = spec.get("ports");
    std::map<std::string_view, size_t> names;
    std::map<std::string_view, size_t> numbers;
    for (size_t i = 0; ports != nullptr && ports->is_sequence() && i < ports->items.size(); ++i) {
      const Node& p = *ports->items[i];
      if (!p.is_mapping()) continue;
      const std::string path = "spec.ports[" + std::to_string(i) + "]";
      if (const Node* name = p.get("name"); name != nullptr && name->is_string()) {
        if (auto [it, fresh] = names.emplace(name->text, i); !fresh) {
          report(*name, path + ".name", " '" + std::string(name->text) + "' is already used by spec.ports[" +
                                            std::to_string(it->second) + "]; port names must be unique: rename one");
        } else if (!dns_label(name->text)) {
          report(*name, path + ".name", " '" + std::string(name->text) +
                                            "' is not a DNS label (at most 63 letters, digits or '-', starting and "
                                            "ending with a letter or digit); use e.g. https or tcp-mysql");
        }
      }
      if (const Node* number = p.get("number"); number != nullptr && number->is_scalar() &&
                                                 number->scalar_type == ScalarType::Int) {
        if (auto [it, fresh] = numbers.emplace(number->text, i); !fresh)
          report(*number, path + ".number", " " + std::string(number->text) + " is already declared by spec.ports[" +
                                                std::to_string(it->second) +
                                                "]; each port number may appear once: merge or remove one");
      }
      if (const Node* proto = p.get("protocol");
          proto != nullptr && proto->is_string() && !proto->text.empty() && !known_protocol(proto->text))
        report(*proto, path + ".protocol",
               " '" + std::string(proto->text) +
                   "' is not a protocol Istio knows; use one of HTTP, HTTPS, HTTP2, GRPC, GRPC-Web, TCP, TLS, UDP, "
                   "Mongo, Redis, MySQL, HTTP_PROXY, or leave it out for protocol sniffing");
    }

    // Endpoints per resolution.
    if (endpoint_count == 0) return;
    if (resolution == "NONE") {
      if (spec.get("workloadSelector") != nullptr) return;  // both set: the schema's one-of
      report(*spec.key_node("endpoints"), "spec.endpoints",
             res_node ? " is set, but resolution NONE takes no endpoints (traffic goes to the address the client "
                        "asked for); remove the endpoints or use resolution STATIC or DNS"
                      : " is set, but the resolution defaults to NONE, which takes no endpoints; add resolution: "
                        "STATIC (IP endpoints) or DNS (host-name endpoints)");
      return;
    }
    for (size_t i = 0; i < endpoint_count; ++i) {
      const Node& ep = *endpoints->items[i];
      const std::string path = "spec.endpoints[" + std::to_string(i) + "]";
      if (resolution == "DNS_ROUND_ROBIN" && i == 1) {
        report(ep, path, " is a second endpoint, but resolution DNS_ROUND_ROBIN allows at most one; use "
                         "resolution DNS for several endpoints");
      }
      if (resolution != "STATIC" || !ep.is_mapping()) continue;
      const Node* address = ep.get("address");
      if (address == nullptr || !address->is_string() || address->text.empty()) continue;
      if (address->text.starts_with("unix://")) {
        if (!unix_address(address->text))
          report(*address, path + ".address",
                 " '" + std::string(address->text) +
                     "' is not a unix socket address; use unix:// followed by an absolute path, e.g. "
                     "unix:///var/run/app.sock");
      } else if (!is_ip_address(address->text)) {
        report(*address, path + ".address",
               " '" + std::string(address->text) +
                   "' is not an IP address, but resolution STATIC takes IP (or unix://) endpoints; use the IP, or "
                   "resolution DNS for host names");
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_ServiceEntryInvalidRule() { return std::make_unique<ServiceEntryInvalidRule>(); }

}  // namespace meshc
