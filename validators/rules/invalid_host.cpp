// MC2009 invalid-host: VirtualService hosts and destination hosts that Istio's
// webhook rejects. ServiceEntry hosts are serviceentry-invalid's (MC2022).
#include <vector>

#include "compiler/match/host.h"
#include "validators/rule.h"
#include "validators/values/ip_address.h"

namespace meshc {
namespace {

class InvalidHostRule final : public Rule {
 public:
  InvalidHostRule()
      : Rule({"MC2009", "invalid-host", Severity::Error,
              "a host that is not a valid name or wildcard, '*' alone on a mesh-bound VirtualService, or hosts "
              "overlapping within one VirtualService"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      if (!r.is_checked("VirtualService")) continue;
      const Node* spec = r.root->get("spec");
      if (spec == nullptr || !spec->is_mapping()) continue;
      auto report = [&](const Node& at, const std::string& path, const std::string& message) {
        out.report(ctx.file, r, at.position, r.label() + ": " + path + " " + message, path);
      };
      // Bound to the mesh when gateways is empty or lists `mesh`.
      bool mesh_bound = true;
      if (const Node* gateways = spec->get("gateways"); gateways != nullptr && gateways->is_sequence() &&
                                                        !gateways->items.empty()) {
        mesh_bound = false;
        for (const Node* item : gateways->items)
          if (item->is_scalar() && item->text == "mesh") mesh_bound = true;
      }
      const Node* tls = spec->get("tls");
      const bool has_tls = tls != nullptr && tls->is_sequence();

      if (const Node* hosts = spec->get("hosts"); hosts != nullptr && hosts->is_sequence()) {
        std::vector<size_t> valid;  // indexes of the valid hosts so far
        for (size_t i = 0; i < hosts->items.size(); ++i) {
          const Node& node = *hosts->items[i];
          if (!node.is_string()) continue;
          const std::string_view host = node.text;
          auto path = [](size_t n) { return "spec.hosts[" + std::to_string(n) + "]"; };
          // The SNI form `outbound_.<port>_._.<host>` of gateway-bound TLS routes.
          if (has_tls && !mesh_bound && host.starts_with("outbound_")) continue;
          if (const auto error = host_error(host); error && !is_ip_address(host)) {
            report(node, path(i),
                   "'" + std::string(host) + "' is not a valid host (" + *error +
                       "); use a DNS name, a wildcard such as '*.example.com', or an IP address");
            continue;
          }
          if (host == "*" && mesh_bound) {
            report(node, path(i),
                   "'*' is not allowed on a VirtualService bound to the mesh (no gateways, or 'mesh' among them); "
                   "name the hosts, or bind it to gateways only");
            continue;
          }
          bool overlaps = false;
          for (const size_t j : valid) {
            const std::string_view earlier = hosts->items[j]->text;
            if (!hosts_overlap(earlier, host)) continue;
            report(node, path(i),
                   "'" + std::string(host) + "' overlaps " + path(j) + " '" + std::string(earlier) +
                       "'; keep only one of them");
            overlaps = true;
            break;
          }
          if (!overlaps) valid.push_back(i);
        }
      }

      // A destination host at `node`; `path` builds its field path.
      auto destination_host = [&](const Node* node, const auto& path) {
        if (node == nullptr || !node->is_string()) return;
        const std::string_view host = node->text;
        if (host == "*") {
          report(*node, path(),
                 "'*' is not a destination host; name the service, e.g. 'reviews.bookinfo.svc.cluster.local'");
          return;
        }
        if (const auto error = host_error(host))
          report(*node, path(),
                 "'" + std::string(host) + "' is not a valid destination host (" + *error +
                     "); use the service's name, e.g. 'reviews' or 'reviews.bookinfo.svc.cluster.local'");
      };
      auto get = [](const Node* map, std::string_view key) -> const Node* {
        return map != nullptr && map->is_mapping() ? map->get(key) : nullptr;
      };
      // The destinations of the route list `list` at `base`.route[].
      auto routes = [&](const Node* list, const auto& base) {
        if (list == nullptr || !list->is_sequence()) return;
        for (size_t d = 0; d < list->items.size(); ++d)
          destination_host(get(get(list->items[d], "destination"), "host"),
                           [&] { return base() + ".route[" + std::to_string(d) + "].destination.host"; });
      };
      for (const char* section : {"http", "tcp", "tls"}) {
        const Node* list = spec->get(section);
        if (list == nullptr || !list->is_sequence()) continue;
        const bool is_http = std::string_view(section) == "http";
        for (size_t i = 0; i < list->items.size(); ++i) {
          const Node* item = list->items[i];
          if (!item->is_mapping()) continue;
          auto base = [&] { return "spec." + std::string(section) + "[" + std::to_string(i) + "]"; };
          routes(item->get("route"), base);
          if (!is_http) continue;
          destination_host(get(item->get("mirror"), "host"), [&] { return base() + ".mirror.host"; });
          const Node* mirrors = item->get("mirrors");
          if (mirrors == nullptr || !mirrors->is_sequence()) continue;
          for (size_t m = 0; m < mirrors->items.size(); ++m)
            destination_host(get(get(mirrors->items[m], "destination"), "host"),
                             [&] { return base() + ".mirrors[" + std::to_string(m) + "].destination.host"; });
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_InvalidHostRule() { return std::make_unique<InvalidHostRule>(); }

}  // namespace meshc
