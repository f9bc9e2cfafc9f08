// MC2006 unreachable-route: an http rule none of whose match blocks can ever
// be the first to match, because earlier rules match every request each of
// them matches (a rule after a catch-all is the common case).
#include <set>
#include <tuple>

#include "validators/rule.h"
#include "validators/rules/route_shadowing.h"

namespace meshc {
namespace {

// "spec.http[0] (name \"all\")", with where it applies when it belongs to
// another VirtualService.
std::string taker(const Shadow& s, const VirtualService& shadowed) {
  if (s.by.vs == &shadowed) return block_label(s.by);
  return "on gateway " + s.gateway + " for host " + s.host + ", " + block_label(s.by) + " of " +
         s.by.vs->meta.label() + " (merged before it: created earlier)";
}

std::string fix(const Shadow& s, const VirtualService& shadowed) {
  const std::string target = "spec.http[" + std::to_string(s.by.rule) + "]";
  if (s.by.vs == &shadowed) return "move it before " + target + " or remove it";
  return "move it into " + s.by.vs->meta.label() + " before its " + target + ", or remove it";
}

class UnreachableRouteRule final : public Rule {
 public:
  UnreachableRouteRule()
      : Rule({"MC2006", "unreachable-route", Severity::Warning,
              "an http rule that can never match: earlier rules match every request it matches"}) {}

  void check_set(const SetContext& ctx, FindingSink& out) const override {
    for (const RuleShadows& r : analyse_route_shadowing(ctx.mesh)) {
      if (!r.unreachable()) continue;
      const VirtualService& vs = *r.vs;
      const Shadow& first = r.blocks.front().shadows.front();
      auto& d = report_at(out, vs.meta, vs.http[r.rule].site,
                          vs.meta.label() + ": " + rule_label(vs, r.rule) + " can never match: " + taker(first, vs) +
                              " comes first and matches every request it matches, e.g. " +
                              describe(first.witness, block_spec(r.blocks.front().block)) + "; " + fix(first, vs));
      // One note per rule that takes part of the traffic; blocks of the
      // rule itself only pass it on to those.
      std::set<std::tuple<const VirtualService*, size_t, size_t>> noted;
      for (const BlockShadows& b : r.blocks) {
        for (const Shadow& s : b.shadows) {
          if (s.by.vs == &vs && s.by.rule == r.rule) continue;
          if (!noted.emplace(s.by.vs, s.by.rule, s.by.block).second) continue;
          const std::string shadowed = rule_label(vs, r.rule);
          d.related.push_back({s.by.vs->meta.location_of(block_site(s.by)),
                               s.by.vs == &vs ? "comes first and matches every request of " + shadowed
                                              : "comes first on gateway " + s.gateway + " for host " + s.host +
                                                    " and matches every request of " + shadowed + " of " +
                                                    vs.meta.label()});
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_UnreachableRouteRule() { return std::make_unique<UnreachableRouteRule>(); }

}  // namespace meshc
