// MC3001 subset-not-found: a destination or mirror names a subset that the
// DestinationRules for its host, as a caller in the VirtualService's namespace
// sees them, do not define. Envoy has no cluster for it: requests get 503.
#include <optional>
#include <string>
#include <vector>

#include "compiler/match/host.h"
#include "compiler/model/mesh_lookup.h"
#include "validators/rule.h"
#include "validators/rules/vs_destinations.h"

namespace meshc {
namespace {

bool defines_subset(const DestinationRule& dr, std::string_view subset) {
  for (const Subset& s : dr.subsets)
    if (s.name == subset) return true;
  return false;
}

std::string subset_names(const MergedDestinationRule& merged) {
  std::string out;
  for (const DestinationRule* dr : merged.rules)
    for (const Subset& s : dr->subsets) out += (out.empty() ? "" : ", ") + s.name;
  return out;
}

// Only when the VirtualService is used by sidecars of its own namespace is
// that namespace the caller whose DestinationRule view is proven; a Gateway's
// proxies may live elsewhere and see other rules first.
bool caller_namespace_known(const VirtualService& vs) {
  return !vs.is_delegate() && vs.bound_to_mesh() && exported_to(vs.meta, vs.meta.ns());
}

// Why a rule that defines the subset is not the one callers in `ns` use.
std::string why_unused(const MeshConfig& mesh, const DestinationRule& dr, const std::string& host,
                       const std::string& ns, const std::optional<MergedDestinationRule>& used) {
  if (!exported_to(dr.meta, ns)) return "it is not exported to namespace " + ns;
  if (used) return "callers in namespace " + ns + " use " + used->rules.front()->meta.label() + " for this host";
  std::string searched = ns;
  const std::string_view service_ns = service_namespace(host, mesh.domain_suffix);
  if (!service_ns.empty() && service_ns != ns) searched += ", " + std::string(service_ns);
  if (mesh.root_namespace != ns && mesh.root_namespace != service_ns) searched += ", " + mesh.root_namespace;
  return "Istio looks for the rule of this host only in namespaces " + searched;
}

class SubsetNotFoundRule final : public Rule {
 public:
  SubsetNotFoundRule()
      : Rule({"MC3001", "subset-not-found", Severity::Error,
              "a destination names a subset that no DestinationRule for its host defines"}) {}

  void check_set(const SetContext& ctx, FindingSink& out) const override {
    for (const VirtualService* vs : ctx.mesh.virtual_services)
      for_each_destination(*vs, [&](const RouteDestination& d) {
        if (!d.subset.empty() && !d.host.empty()) check(ctx.mesh, *vs, d, out);
      });
  }

 private:
  static void check(const MeshConfig& mesh, const VirtualService& vs, const RouteDestination& d, FindingSink& out) {
    const std::string& ns = vs.meta.ns();
    const std::string host = resolve_host(d.host, ns, mesh.domain_suffix);
    const auto merged = destination_rule_for(mesh, host, ns);
    if (merged && merged->find_subset(d.subset)) return;

    // Rules for the host that define the subset but are not the ones used.
    std::vector<const DestinationRule*> elsewhere;
    for (const DestinationRule* dr : mesh.destination_rules) {
      if (!defines_subset(*dr, d.subset)) continue;
      if (!hosts_overlap(resolve_host(dr->host, dr->meta.ns(), mesh.domain_suffix), host)) continue;
      // A workload-scoped rule may be the one some callers use.
      if (dr->workload_selector) return;
      elsewhere.push_back(dr);
    }
    if (!elsewhere.empty() && !caller_namespace_known(vs)) return;

    const std::string where = d.site.path.str();
    std::string message = vs.meta.label() + ": " + where + " names subset " + d.subset + " of host " + d.host;
    if (merged) {
      std::string names;
      for (const DestinationRule* dr : merged->rules) names += (names.empty() ? "" : ", ") + dr->meta.label();
      const bool one = merged->rules.size() == 1;
      const std::string defined = subset_names(*merged);
      message += ", which " + (one ? names + " does" : "the DestinationRules for it (" + names + ") do") +
                 " not define (" + (one ? "it defines " : "they define ") + (defined.empty() ? "no subsets" : defined) +
                 "); add the subset there" + (defined.empty() ? "" : " or name a defined one");
    } else {
      message += ", but no DestinationRule for " + host + " is visible in namespace " + ns +
                 "; add one that defines the subset, or remove the subset";
    }
    auto& diag = report_at(out, vs.meta, d.subset_site, message);
    if (merged)
      for (const DestinationRule* dr : merged->rules)
        diag.related.push_back({dr->meta.location_of(dr->host_site), dr->meta.label() + " is the rule for this host"});
    for (const DestinationRule* dr : elsewhere)
      diag.related.push_back(
          {dr->meta.location_of(dr->host_site),
           dr->meta.label() + " defines subset " + d.subset + ", but " + why_unused(mesh, *dr, host, ns, merged)});
  }
};

}  // namespace

std::unique_ptr<Rule> make_SubsetNotFoundRule() { return std::make_unique<SubsetNotFoundRule>(); }

}  // namespace meshc
