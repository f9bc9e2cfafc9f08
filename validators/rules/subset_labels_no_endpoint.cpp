// MC3010 subset-labels-no-endpoint: a DestinationRule subset whose labels
// pick none of the endpoints the config set shows for its host. Envoy gets a
// cluster with no members, and every request routed to the subset fails with
// 503 (no healthy upstream). Only hosts whose endpoints are all in view are
// judged (see known_endpoints.h).
#include <algorithm>
#include <map>
#include <set>

#include "compiler/model/mesh_lookup.h"
#include "validators/rule.h"
#include "validators/rules/applied_objects.h"
#include "validators/rules/known_endpoints.h"

namespace meshc {
namespace {

// Labels that Kubernetes, the sidecar injector or istiod put on endpoints
// themselves, so pod templates and the set never show them.
bool added_outside_the_set(std::string_view key) {
  for (std::string_view prefix :
       {"topology.istio.io/", "topology.kubernetes.io/", "failure-domain.beta.kubernetes.io/", "security.istio.io/",
        "service.istio.io/", "statefulset.kubernetes.io/", "apps.kubernetes.io/"})
    if (key.starts_with(prefix)) return true;
  return key == "kubernetes.io/hostname" || key == "pod-template-hash" || key == "controller-revision-hash";
}

// What the endpoints have for the subset's label keys: "version=v1, version=v2",
// or "none with label version".
std::string endpoint_values(const Labels& subset_labels, const std::vector<Labels>& endpoints) {
  std::set<std::string> seen;
  for (const auto& [key, value] : subset_labels)
    for (const auto& labels : endpoints)
      if (auto it = labels.find(key); it != labels.end()) seen.insert(key + "=" + it->second);
  if (seen.empty()) {
    std::string keys;
    for (const auto& [key, value] : subset_labels) keys += (keys.empty() ? "" : ", ") + key;
    return "none with label " + keys;
  }
  std::string out;
  size_t shown = 0;
  for (const auto& s : seen) {
    if (++shown > 6) return out + ", ...";
    out += (out.empty() ? "with " : ", ") + s;
  }
  return out;
}

std::string label_text(const Labels& labels) {
  std::string out;
  for (const auto& [k, v] : labels) out += (out.empty() ? "" : ", ") + k + "=" + v;
  return out;
}

class SubsetLabelsNoEndpointRule final : public Rule {
 public:
  SubsetLabelsNoEndpointRule()
      : Rule({"MC3010", "subset-labels-no-endpoint", Severity::Warning,
              "a subset's labels select none of the endpoints known for its host"}) {}

  void check_set(const SetContext& ctx, FindingSink& out) const override {
    const EndpointIndex index(ctx.mesh);
    std::map<std::string, KnownEndpoints> cache;
    for (const DestinationRule* dr : applied_objects(ctx.mesh.destination_rules)) {
      const std::string host = resolve_host(dr->host, dr->meta.ns(), ctx.mesh.domain_suffix);
      if (host.empty() || host.find('*') != std::string::npos) continue;
      auto it = cache.find(host);
      if (it == cache.end()) it = cache.emplace(host, index.endpoints_of(host)).first;
      const KnownEndpoints& endpoints = it->second;
      if (!endpoints.complete) continue;
      for (const Subset& subset : dr->subsets) check_subset(*dr, subset, host, endpoints, out);
    }
  }

 private:
  static void check_subset(const DestinationRule& dr, const Subset& subset, const std::string& host,
                           const KnownEndpoints& endpoints, FindingSink& out) {
    const Labels& wanted = subset.labels;
    if (wanted.empty()) return;  // selects every endpoint
    if (std::any_of(wanted.begin(), wanted.end(), [](const auto& kv) { return added_outside_the_set(kv.first); }))
      return;
    if (std::any_of(endpoints.labels.begin(), endpoints.labels.end(),
                    [&](const Labels& labels) { return selector_matches(wanted, labels); }))
      return;
    auto& d =
        report_at(out, dr.meta, subset.site,
                  dr.meta.label() + ": subset '" + subset.name + "' selects " + label_text(wanted) +
                      ", but no endpoint known for " + host + " has these labels (" +
                      std::to_string(endpoints.labels.size()) + " known, " + endpoint_values(wanted, endpoints.labels) +
                      "); requests routed to this subset fail with 503: fix the labels, or deploy "
                      "workloads that carry them");
    for (const ObjectMeta* source : endpoints.sources)
      d.related.push_back({source->location, source->label() + " defines the endpoints of this host"});
  }
};

}  // namespace

std::unique_ptr<Rule> make_SubsetLabelsNoEndpointRule() { return std::make_unique<SubsetLabelsNoEndpointRule>(); }

}  // namespace meshc
