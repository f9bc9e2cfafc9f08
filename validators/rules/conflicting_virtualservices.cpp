// MC3006 conflicting-virtualservices: two VirtualServices bound to the mesh
// gateway claim one host for a namespace that sees both. Sidecars do not merge
// them (only gateways do): istiod builds one virtual host per host name and
// drops the later duplicate, so one VirtualService's routes never apply.
#include <algorithm>
#include <map>

#include "compiler/model/export_scope.h"
#include "compiler/model/mesh_lookup.h"
#include "validators/rule.h"
#include "validators/rules/applied_objects.h"

namespace meshc {
namespace {

bool has_mesh(const std::vector<std::string>& gateways) {
  return std::find(gateways.begin(), gateways.end(), "mesh") != gateways.end();
}

// Whether the VirtualService gives HTTP routes to every sidecar on every port:
// only then is a collision with another one proven. Rules limited by port or
// source, and delegating rules (whose delegate may be missing), prove nothing.
bool routes_every_sidecar(const VirtualService& vs) {
  for (const auto& rule : vs.http) {
    if (rule.has_delegate) continue;
    if (rule.matches.empty() && has_mesh(rule.gateways)) return true;
    for (const auto& m : rule.matches)
      if (has_mesh(m.gateways) && !m.port && m.source_labels.empty() && !m.source_namespace) return true;
  }
  return false;
}

struct Claim {
  const VirtualService* vs;
  size_t host_index;
};

// Sidecars in namespace `ns` try, in order: VirtualServices exported to their
// own namespace, then those exported to it by name, then those exported
// everywhere; within one tier Istio's merge order. The first one wins.
int tier(const ExportScope& scope, const VirtualService& vs, std::string_view ns) {
  if (scope.everywhere) return 2;
  return ns == vs.meta.ns() ? 0 : 1;
}

// The VirtualService sidecars keep in every namespace that sees both, or
// nullptr when that depends on the namespace.
const VirtualService* kept_by_sidecars(const VirtualService& a, const VirtualService& b) {
  const ExportScope sa = ExportScope::of(a.meta), sb = ExportScope::of(b.meta);
  const VirtualService& first = merge_before(a.meta, b.meta) ? a : b;
  if (sa.everywhere && sb.everywhere) return &first;
  if (sa.everywhere) return &b;
  if (sb.everywhere) return &a;
  const VirtualService* kept = nullptr;
  for (const auto& ns : sa.namespaces) {
    if (!sb.contains(ns)) continue;
    const int ta = tier(sa, a, ns), tb = tier(sb, b, ns);
    const VirtualService* winner = ta < tb ? &a : tb < ta ? &b : &first;
    if (kept != nullptr && kept != winner) return nullptr;
    kept = winner;
  }
  return kept;
}

class ConflictingVirtualServicesRule final : public Rule {
 public:
  ConflictingVirtualServicesRule()
      : Rule({"MC3006", "conflicting-virtualservices", Severity::Error,
              "two VirtualServices bound to the mesh gateway claim the same host"}) {}

  void check_set(const SetContext& ctx, FindingSink& out) const override {
    std::map<std::string, std::vector<Claim>> by_host;
    for (const VirtualService* vs : applied_objects(ctx.mesh.virtual_services)) {
      if (vs->is_delegate() || !vs->bound_to_mesh() || !routes_every_sidecar(*vs)) continue;
      for (size_t i = 0; i < vs->hosts.size(); ++i)
        by_host[resolve_host(vs->hosts[i], vs->meta.ns(), ctx.mesh.domain_suffix)].push_back({vs, i});
    }
    for (const auto& [host, claims] : by_host) {
      if (host.empty()) continue;
      for (size_t i = 0; i < claims.size(); ++i) {
        for (size_t j = i + 1; j < claims.size(); ++j) {
          const VirtualService& a = *claims[i].vs;
          const VirtualService& b = *claims[j].vs;
          if (&a == &b || !scopes_meet(ExportScope::of(a.meta), ExportScope::of(b.meta))) continue;
          const VirtualService* kept = kept_by_sidecars(a, b);
          report(out, a, claims[i].host_index, b, claims[j].host_index, host, kept);
          report(out, b, claims[j].host_index, a, claims[i].host_index, host, kept);
        }
      }
    }
  }

 private:
  static void report(FindingSink& out, const VirtualService& self, size_t self_host, const VirtualService& other,
                     size_t other_host, const std::string& host, const VirtualService* kept) {
    std::string outcome =
        "sidecars that see both use only one of them, depending on their namespace, and ignore the other's routes for "
        "it";
    if (kept != nullptr)
      outcome = "sidecars that see both use only " + kept->meta.label() + " for it" + why_kept(self, other) +
                " and ignore the routes of " + (kept == &self ? other : self).meta.label();
    auto& d = report_at(out, self.meta, self.host_sites[self_host],
                        self.meta.label() + " and " + other.meta.label() + " both bind host " + host +
                            " to the mesh gateway; " + outcome +
                            ": merge them into one VirtualService, or separate them with exportTo");
    d.related.push_back(
        {other.meta.location_of(other.host_sites[other_host]), "the other VirtualService claims it here"});
  }

  static std::string why_kept(const VirtualService& a, const VirtualService& b) {
    const bool a_everywhere = ExportScope::of(a.meta).everywhere, b_everywhere = ExportScope::of(b.meta).everywhere;
    if (a_everywhere && b_everywhere) return " (the first in merge order)";
    if (a_everywhere != b_everywhere) return " (exported to the namespace by name, which sidecars prefer)";
    return "";
  }
};

}  // namespace

std::unique_ptr<Rule> make_ConflictingVirtualServicesRule() {
  return std::make_unique<ConflictingVirtualServicesRule>();
}

}  // namespace meshc
