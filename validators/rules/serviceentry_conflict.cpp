// MC3009 serviceentry-conflict: ServiceEntries that a common namespace sees
// give one host and port different protocols. istiod keeps one protocol per
// host and port, so the other ServiceEntry's traffic is handled as the wrong
// protocol (IST0177 ConflictingServiceEntryProtocol).
#include <map>
#include <set>

#include "compiler/model/mesh_lookup.h"
#include "validators/rule.h"
#include "validators/rules/applied_objects.h"
#include "validators/rules/export_scope.h"

namespace meshc {
namespace {

class ServiceEntryConflictRule final : public Rule {
 public:
  ServiceEntryConflictRule()
      : Rule({"MC3009", "serviceentry-conflict", Severity::Warning,
              "ServiceEntries give one host and port different protocols"}) {}

  void check_set(const SetContext& ctx, FindingSink& out) const override {
    // Pairs are found through the hosts they share; a pair sharing several
    // hosts is compared once.
    std::map<std::string, std::vector<const ServiceEntry*>> by_host;
    for (const ServiceEntry* se : applied_objects(ctx.mesh.service_entries))
      for (const auto& h : se->hosts) {
        auto& entries = by_host[resolve_host(h, se->meta.ns(), ctx.mesh.domain_suffix)];
        if (entries.empty() || entries.back() != se) entries.push_back(se);
      }
    std::set<std::pair<const ServiceEntry*, const ServiceEntry*>> compared;
    for (const auto& [host, entries] : by_host) {
      if (host.empty()) continue;
      for (size_t i = 0; i < entries.size(); ++i)
        for (size_t j = i + 1; j < entries.size(); ++j)
          if (compared.emplace(entries[i], entries[j]).second) compare(*entries[i], *entries[j], host, out);
    }
  }

 private:
  static void compare(const ServiceEntry& a, const ServiceEntry& b, const std::string& host, FindingSink& out) {
    if (!scopes_meet(ExportScope::of(a.meta), ExportScope::of(b.meta))) return;
    for (const auto& pa : a.ports) {
      for (const auto& pb : b.ports) {
        if (pa.number == 0 || pa.number != pb.number || pa.protocol.empty() || pb.protocol.empty() ||
            pa.protocol == pb.protocol)
          continue;
        report(out, a, pa, b, pb, host);
        report(out, b, pb, a, pa, host);
      }
    }
  }

  static void report(FindingSink& out, const ServiceEntry& self, const ServicePort& port, const ServiceEntry& other,
                     const ServicePort& other_port, const std::string& host) {
    auto& d = report_at(out, self.meta, port.site,
                        self.meta.label() + ": port " + std::to_string(port.number) + " of host " + host + " (" +
                            port.site.path + ") is " + port.protocol + " here but " + other_port.protocol + " in " +
                            other.meta.label() +
                            "; Istio uses only one protocol per host and port, so one ServiceEntry's traffic is "
                            "handled with the other's protocol: use the same protocol in both, or put the host in one "
                            "ServiceEntry");
    d.related.push_back({other.meta.location_of(other_port.site), "the other protocol is given here"});
  }
};

}  // namespace

std::unique_ptr<Rule> make_ServiceEntryConflictRule() { return std::make_unique<ServiceEntryConflictRule>(); }

}  // namespace meshc
