// MC3008 conflicting-gateways: two Gateways for the same gateway workloads
// (equal selectors) serve the same host on the same port and bind address, in
// a way the workload cannot honour. istiod merges all Gateways that select a
// workload into one listener per port: two TLS servers for one SNI host, or
// plaintext servers that are not both HTTP, cannot share it (istiod drops the
// later server, or Envoy rejects the listener). Two plaintext HTTP servers are
// merged into one route table and work, so they are not reported, although
// istioctl's IST0145 reports them too.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

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
    // Only servers of Gateways with equal selectors, on one port and bind
    // address, for one served name can conflict: compare within those buckets.
    using Key = std::tuple<Labels, uint32_t, std::string, std::string>;
    struct Entry {
      const Gateway* gateway;
      const GatewayServer* server;
      size_t host;
    };
    std::map<Key, std::vector<Entry>> buckets;
    for (const Gateway* gw : applied_objects(ctx.mesh.gateways))
      for (const auto& server : gw->servers) {
        if (server.port == 0 || server.host_sites.size() != server.hosts.size()) continue;
        for (size_t h = 0; h < server.hosts.size(); ++h)
          buckets[{gw->selector, server.port, server.bind, served_name(server.hosts[h])}].push_back({gw, &server, h});
      }
    std::set<std::pair<const GatewayServer*, const GatewayServer*>> reported;
    for (const auto& [key, entries] : buckets)
      for (size_t i = 0; i < entries.size(); ++i)
        for (size_t j = i + 1; j < entries.size(); ++j) {
          const Entry& a = entries[i];
          const Entry& b = entries[j];
          if (a.gateway == b.gateway || !clash(*a.server, *b.server)) continue;
          if (!reported.emplace(a.server, b.server).second) continue;  // one finding per pair of servers
          report(out, *a.gateway, *a.server, a.host, *b.gateway, *b.server, b.host);
          report(out, *b.gateway, *b.server, b.host, *a.gateway, *a.server, a.host);
        }
  }

 private:
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
