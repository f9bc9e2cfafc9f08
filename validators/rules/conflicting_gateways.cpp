// MC3008 conflicting-gateways: two Gateways for the same gateway workloads
// (equal selectors) serve the same host on the same port and bind address, in
// a way the workload cannot honour. istiod merges all Gateways that select a
// workload into one listener per port: two TLS servers for one SNI host, or
// plaintext servers that are not both HTTP, cannot share it (istiod drops the
// later server, or Envoy rejects the listener). Two plaintext HTTP servers are
// merged into one route table and work, so they are not reported, although
// istioctl's IST0145 reports them too.
#include <algorithm>
#include <optional>

#include "validators/rule.h"
#include "validators/rules/applied_objects.h"

namespace meshc {
namespace {

// A server host without its namespace part ("ns/", "./", "*/"), lower case:
// the name clients send, which is what the servers compete for.
std::string served_name(std::string_view host) {
  const size_t slash = host.find('/');
  std::string out(slash == std::string_view::npos ? host : host.substr(slash + 1));
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string selector_text(const Labels& selector) {
  if (selector.empty()) return "an empty selector";
  std::string labels;
  for (const auto& [k, v] : selector) labels += (labels.empty() ? "" : ",") + k + "=" + v;
  return "selector " + labels;
}

// The first host of `a` that `b` serves too, as an index into a.hosts and b.hosts.
std::optional<std::pair<size_t, size_t>> shared_host(const GatewayServer& a, const GatewayServer& b) {
  for (size_t i = 0; i < a.hosts.size(); ++i)
    for (size_t j = 0; j < b.hosts.size(); ++j)
      if (served_name(a.hosts[i]) == served_name(b.hosts[j])) return std::make_pair(i, j);
  return std::nullopt;
}

enum class ServerKind { PlainHttp, PlainOther, Tls, Unknown };

// As istiod's merge sees a server: TLS for HTTPS and TLS (they carry `tls`),
// plaintext otherwise; HTTP for Istio's HTTP family.
ServerKind server_kind(std::string_view protocol) {
  if (protocol == "HTTPS" || protocol == "TLS") return ServerKind::Tls;
  if (protocol == "HTTP" || protocol == "HTTP2" || protocol == "GRPC" || protocol == "GRPC-WEB" ||
      protocol == "HTTP_PROXY")
    return ServerKind::PlainHttp;
  if (protocol == "TCP" || protocol == "MONGO" || protocol == "MYSQL" || protocol == "REDIS")
    return ServerKind::PlainOther;
  return ServerKind::Unknown;
}

// Why the two servers cannot share their port, or nullopt when they can (or
// that is not proven: plaintext next to TLS depends on the merge order).
std::optional<std::string> clash(const GatewayServer& a, const GatewayServer& b) {
  const ServerKind ka = server_kind(a.protocol), kb = server_kind(b.protocol);
  if (ka == ServerKind::Tls && kb == ServerKind::Tls)
    return "the gateway cannot serve two TLS servers for one host on one port";
  const bool plain_a = ka == ServerKind::PlainHttp || ka == ServerKind::PlainOther;
  const bool plain_b = kb == ServerKind::PlainHttp || kb == ServerKind::PlainOther;
  if (plain_a && plain_b && (ka == ServerKind::PlainOther || kb == ServerKind::PlainOther))
    return (a.protocol == b.protocol ? "two plaintext " + a.protocol
                                     : "plaintext " + a.protocol + " and " + b.protocol) +
           " servers cannot share a port, so Istio keeps only one of them";
  return std::nullopt;
}

class ConflictingGatewaysRule final : public Rule {
 public:
  ConflictingGatewaysRule()
      : Rule({"MC3008", "conflicting-gateways", Severity::Error,
              "two Gateways for the same workloads serve one host on one port with servers that cannot share it"}) {}

  void check_set(const SetContext& ctx, FindingSink& out) const override {
    const auto gateways = applied_objects(ctx.mesh.gateways);
    for (size_t i = 0; i < gateways.size(); ++i) {
      for (size_t j = i + 1; j < gateways.size(); ++j) {
        const Gateway& a = *gateways[i];
        const Gateway& b = *gateways[j];
        if (a.selector != b.selector) continue;
        for (const auto& sa : a.servers)
          for (const auto& sb : b.servers) check_servers(a, sa, b, sb, out);
      }
    }
  }

 private:
  static void check_servers(const Gateway& a, const GatewayServer& sa, const Gateway& b, const GatewayServer& sb,
                            FindingSink& out) {
    if (sa.port == 0 || sa.port != sb.port || sa.bind != sb.bind || sa.host_sites.size() != sa.hosts.size() ||
        sb.host_sites.size() != sb.hosts.size())
      return;
    const auto shared = shared_host(sa, sb);
    if (!shared || !clash(sa, sb)) return;
    report(out, a, sa, shared->first, b, sb, shared->second);
    report(out, b, sb, shared->second, a, sa, shared->first);
  }

  static void report(FindingSink& out, const Gateway& self, const GatewayServer& server, size_t host,
                     const Gateway& other, const GatewayServer& other_server, size_t other_host) {
    auto& d = report_at(out, self.meta, server.host_sites[host],
                        self.meta.label() + ": host " + served_name(server.hosts[host]) + " on port " +
                            std::to_string(server.port) + " (" + server.host_sites[host].path + ") is also served by " +
                            other.meta.label() + " for the same gateway workloads (" + selector_text(self.selector) +
                            "); " + *clash(server, other_server) +
                            ": put the host in one Gateway, or give one of them another port or selector");
    d.related.push_back(
        {other.meta.location_of(other_server.host_sites[other_host]), "the other Gateway serves it here"});
  }
};

}  // namespace

std::unique_ptr<Rule> make_ConflictingGatewaysRule() { return std::make_unique<ConflictingGatewaysRule>(); }

}  // namespace meshc
