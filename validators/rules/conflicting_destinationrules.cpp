// MC3007 conflicting-destinationrules: DestinationRules that istiod merges
// (one namespace, one host, the same workloadSelector or none, the same
// exportTo) and that both set a top-level trafficPolicy or a subset of one
// name. The merge keeps the first one's and drops the later one's silently.
#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

#include "compiler/model/mesh_lookup.h"
#include "validators/rule.h"
#include "validators/rules/applied_objects.h"

namespace meshc {
namespace {

// What istiod merges on. exportTo is compared as written (its enhanced merge
// only joins equal sets); rules with a selector are always private.
using MergeKey = std::tuple<std::string, std::string, std::optional<Labels>, std::vector<std::string>>;

MergeKey merge_key(const DestinationRule& dr, std::string_view domain_suffix) {
  std::vector<std::string> export_to;
  if (!dr.workload_selector) {
    export_to = dr.meta.export_to;
    std::sort(export_to.begin(), export_to.end());
    export_to.erase(std::unique(export_to.begin(), export_to.end()), export_to.end());
  }
  return {dr.meta.ns(), resolve_host(dr.host, dr.meta.ns(), domain_suffix), dr.workload_selector, export_to};
}

class ConflictingDestinationRulesRule final : public Rule {
 public:
  ConflictingDestinationRulesRule()
      : Rule({"MC3007", "conflicting-destinationrules", Severity::Warning,
              "DestinationRules merged for one host both set a trafficPolicy or the same subset"}) {}

  void check_set(const SetContext& ctx, FindingSink& out) const override {
    std::map<MergeKey, std::vector<const DestinationRule*>> groups;
    for (const DestinationRule* dr : applied_objects(ctx.mesh.destination_rules))
      if (!dr->host.empty()) groups[merge_key(*dr, ctx.mesh.domain_suffix)].push_back(dr);
    for (auto& [key, rules] : groups) {
      if (rules.size() < 2) continue;
      std::stable_sort(rules.begin(), rules.end(), [](const DestinationRule* a, const DestinationRule* b) {
        return merge_before(a->meta, b->meta);
      });
      check_group(std::get<1>(key), rules, out);
    }
  }

 private:
  static void check_group(const std::string& host, const std::vector<const DestinationRule*>& rules, FindingSink& out) {
    const DestinationRule* policy_owner = nullptr;
    std::map<std::string_view, std::pair<const DestinationRule*, const Subset*>> subset_owners;
    for (const DestinationRule* dr : rules) {
      if (dr->has_traffic_policy && policy_owner == nullptr) {
        policy_owner = dr;
      } else if (dr->has_traffic_policy) {
        auto& d = report_at(out, dr->meta, dr->traffic_policy_site,
                            dr->meta.label() + ": spec.trafficPolicy is ignored, because " +
                                policy_owner->meta.label() + " for the same host " + host +
                                " comes first in Istio's merge order and its trafficPolicy wins; move these settings "
                                "into that DestinationRule or into subsets");
        d.related.push_back(
            {policy_owner->meta.location_of(policy_owner->traffic_policy_site), "the trafficPolicy Istio uses"});
      }
      for (const Subset& subset : dr->subsets) {
        if (subset.name.empty()) continue;
        auto [it, inserted] = subset_owners.emplace(subset.name, std::make_pair(dr, &subset));
        if (inserted || it->second.first == dr) continue;  // twice in one rule is MC2018's
        const auto& [owner, kept] = it->second;
        auto& d = report_at(out, dr->meta, subset.name_site,
                            dr->meta.label() + ": subset '" + subset.name + "' (" + subset.site.path +
                                ") is ignored, because " + owner->meta.label() + " for the same host " + host +
                                " comes first in Istio's merge order and defines it too; rename one of them or "
                                "delete the copy");
        d.related.push_back({owner->meta.location_of(kept->name_site), "the subset Istio uses"});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_ConflictingDestinationRulesRule() {
  return std::make_unique<ConflictingDestinationRulesRule>();
}

}  // namespace meshc
