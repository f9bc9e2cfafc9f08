// MC3105 peerauth-ambiguous: two PeerAuthentications at one level for the
// same workloads: two without selector in one namespace, or two whose
// selectors pick the same workload. Istio applies only the oldest and
// ignores the other without a word.
#include <algorithm>

#include "compiler/model/mesh_lookup.h"
#include "compiler/model/policy_scope.h"
#include "validators/rule.h"

namespace meshc {
namespace {

bool has_selector(const PeerAuthentication& pa) { return pa.scope.selector && !pa.scope.selector->empty(); }

const KubeWorkload* shared_workload(const MeshConfig& mesh, const PeerAuthentication& a, const PeerAuthentication& b) {
  for (const auto* w : mesh.workloads)
    if (w->meta.ns() == a.meta.ns() && selector_matches(*a.scope.selector, w->labels) &&
        selector_matches(*b.scope.selector, w->labels))
      return w;
  return nullptr;
}

class PeerauthAmbiguousRule final : public Rule {
 public:
  PeerauthAmbiguousRule()
      : Rule({"MC3105", "peerauth-ambiguous", Severity::Warning,
              "two PeerAuthentications for the same workloads at one level: only the oldest applies"}) {}

  void check_set(const SetContext& ctx, FindingSink& out) const override {
    for (const auto* pa : ctx.mesh.peer_authentications) {
      if (has_selector(*pa))
        check_selector(ctx.mesh, *pa, out);
      else
        check_level(ctx.mesh, *pa, out);
    }
  }

 private:
  // Every PeerAuthentication older than `pa` in its namespace, oldest first.
  template <class Visit>
  static void for_each_older(const MeshConfig& mesh, const PeerAuthentication& pa, Visit&& visit) {
    std::vector<const PeerAuthentication*> older;
    for (const auto* other : mesh.peer_authentications)
      if (other != &pa && other->meta.ns() == pa.meta.ns() && merge_before(other->meta, pa.meta))
        older.push_back(other);
    std::sort(older.begin(), older.end(), [](const auto* a, const auto* b) { return merge_before(a->meta, b->meta); });
    for (const auto* other : older)
      if (visit(*other)) return;
  }

  static void check_level(const MeshConfig& mesh, const PeerAuthentication& pa, FindingSink& out) {
    const bool mesh_level = pa.meta.ns() == mesh.root_namespace;
    for_each_older(mesh, pa, [&](const PeerAuthentication& first) {
      if (has_selector(first)) return false;
      const std::string level = mesh_level ? "mesh-wide PeerAuthentication (no selector, in the root namespace)"
                                           : "PeerAuthentication without selector in namespace " + pa.meta.ns();
      auto& d = report_at(out, pa.meta, pa.mode_site,
                          pa.meta.label() + " is a second " + level + ": Istio applies only the oldest, " +
                              first.meta.label() + ", and ignores this one; merge their settings into one policy and "
                              "delete the other");
      d.related.push_back({first.meta.location_of(first.mode_site), "the one Istio applies"});
      return true;
    });
  }

  static void check_selector(const MeshConfig& mesh, const PeerAuthentication& pa, FindingSink& out) {
    // Istio ignores selector policies in the root namespace altogether.
    if (pa.meta.ns() == mesh.root_namespace) return;
    for_each_older(mesh, pa, [&](const PeerAuthentication& first) {
      if (!has_selector(first)) return false;
      std::string overlap, where = "those workloads";
      if (*first.scope.selector == *pa.scope.selector) {
        overlap = "has the same selector (" + describe(*pa.scope.selector) + ") as " + first.meta.label();
      } else if (const KubeWorkload* w = shared_workload(mesh, pa, first)) {
        overlap = "and " + first.meta.label() + " both select " + w->meta.label();
        where = "it";
      } else {
        return false;
      }
      auto& d = report_at(out, pa.meta, pa.scope.selector_site,
                          pa.meta.label() + " " + overlap + ": Istio applies only the oldest, " + first.meta.label() +
                              ", to " + where + " and ignores this one there; merge the two policies, or make "
                              "their selectors disjoint");
      d.related.push_back({first.meta.location_of(first.scope.selector_site), "the one Istio applies"});
      return true;
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_PeerauthAmbiguousRule() { return std::make_unique<PeerauthAmbiguousRule>(); }

}  // namespace meshc
