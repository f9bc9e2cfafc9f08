// MC2007 duplicate-match: a match block that adds nothing because an earlier
// block, of the same rule or of an earlier rule, matches every request it
// matches, while the rule stays reachable through its other blocks (a rule
// none of whose blocks is reachable is unreachable-route's).
#include "validators/rule.h"
#include "validators/rules/route_shadowing.h"

namespace meshc {
namespace {

std::string taker(const Shadow& s, const BlockRef& shadowed) {
  if (s.by.vs != shadowed.vs)
    return "on gateway " + s.gateway + " for host " + s.host + ", " + block_label(s.by) + " of " +
           s.by.vs->meta.label() + " (merged before it: created earlier) comes first and matches";
  if (s.by.rule == shadowed.rule) return block_path(s.by) + " of the same rule already matches";
  return block_label(s.by) + " comes first and matches";
}

class DuplicateMatchRule final : public Rule {
 public:
  DuplicateMatchRule()
      : Rule({"MC2007", "duplicate-match", Severity::Warning,
              "a match block that adds nothing: an earlier block matches every request it matches"}) {}

  void check_set(const SetContext& ctx, FindingSink& out) const override {
    for (const RuleShadows& r : analyse_route_shadowing(ctx.mesh)) {
      if (r.unreachable()) continue;
      for (const BlockShadows& b : r.blocks) {
        if (!b.shadowed()) continue;
        const Shadow& first = b.shadows.front();
        const VirtualService& vs = *r.vs;
        auto& d = report_at(out, vs.meta, block_site(b.block),
                            vs.meta.label() + ": " + block_label(b.block) + " adds nothing: " + taker(first, b.block) +
                                " every request it matches, e.g. " + describe(first.witness, block_spec(b.block)) +
                                "; remove it");
        d.related.push_back({first.by.vs->meta.location_of(block_site(first.by)), "matches every request first here"});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_DuplicateMatchRule() { return std::make_unique<DuplicateMatchRule>(); }

}  // namespace meshc
