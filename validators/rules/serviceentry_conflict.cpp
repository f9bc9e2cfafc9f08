// MC3009 serviceentry-conflict: ServiceEntries that a common namespace sees
// give one host and port different protocols. istiod keeps one protocol per
// host and port, so the other ServiceEntry's traffic is handled as the wrong
// protocol (IST0177 ConflictingServiceEntryProtocol).
#include <map>
#include <set>
#include <string>
#include <vector>

#include "compiler/model/export_scope.h"
#include "compiler/model/mesh_lookup.h"
#include "validators/rule.h"
#include "validators/rules/applied_objects.h"

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
    Conflicts conflicts;
    std::set<std::pair<const ServiceEntry*, const ServiceEntry*>> compared;
    for (const auto& [host, entries] : by_host) {
      if (host.empty()) continue;
      for (size_t i = 0; i < entries.size(); ++i)
        for (size_t j = i + 1; j < entries.size(); ++j)
          if (compared.emplace(entries[i], entries[j]).second) compare(*entries[i], *entries[j], host, conflicts);
    }
    for (const auto& c : conflicts.in_order) report(out, *c);
  }

 private:
  // The ServiceEntries that disagree with one port of one ServiceEntry: the
  // first is named, the rest counted, so a host declared in many namespaces
  // gives one finding per port rather than one per pair.
  struct Conflict {
    const ServiceEntry* self;
    const ServicePort* port;
    std::string host;
    const ServiceEntry* other;
    const ServicePort* other_port;
    size_t others = 0;
  };
  struct Conflicts {
    std::map<std::pair<const ServiceEntry*, const ServicePort*>, Conflict> by_port;
    std::vector<const Conflict*> in_order;

    void add(const ServiceEntry& self, const ServicePort& port, const ServiceEntry& other, const ServicePort& other_port,
             const std::string& host) {
      auto [it, inserted] = by_port.try_emplace({&self, &port}, Conflict{&self, &port, host, &other, &other_port});
      if (inserted) in_order.push_back(&it->second);
      else ++it->second.others;
    }
  };

  static void compare(const ServiceEntry& a, const ServiceEntry& b, const std::string& host, Conflicts& out) {
    if (!scopes_meet(ExportScope::of(a.meta), ExportScope::of(b.meta))) return;
    for (const auto& pa : a.ports) {
      for (const auto& pb : b.ports) {
        if (pa.number == 0 || pa.number != pb.number || pa.protocol.empty() || pb.protocol.empty() ||
            pa.protocol == pb.protocol)
          continue;
        out.add(a, pa, b, pb, host);
        out.add(b, pb, a, pa, host);
      }
    }
  }

  static void report(FindingSink& out, const Conflict& c) {
    const std::string more =
        c.others == 0 ? "" : " (and " + std::to_string(c.others) + " other ServiceEntr" + (c.others == 1 ? "y" : "ies") + ")";
    auto& d = report_at(out, c.self->meta, c.port->site,
                        c.self->meta.label() + ": port " + std::to_string(c.port->number) + " of host " + c.host +
                            " (" + c.port->site.path + ") is " + c.port->protocol + " here but " +
                            c.other_port->protocol + " in " + c.other->meta.label() + more +
                            "; Istio uses only one protocol per host and port, so one ServiceEntry's traffic is "
                            "handled with the other's protocol: use the same protocol in both, or put the host in one "
                            "ServiceEntry");
    d.related.push_back({c.other->meta.location_of(c.other_port->site), "the other protocol is given here"});
  }
};

}  // namespace

std::unique_ptr<Rule> make_ServiceEntryConflictRule() { return std::make_unique<ServiceEntryConflictRule>(); }

}  // namespace meshc
