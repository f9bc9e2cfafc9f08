// MC2001 weight-invalid: what Istio rejects in route weights: a negative
// weight, or two or more destinations whose weights are all 0 (an omitted
// weight is 0), in http, tcp and tls routes.
#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include "validators/rule.h"
#include "validators/values/route_weights.h"

namespace meshc {
namespace {

class WeightInvalidRule final : public Rule {
 public:
  WeightInvalidRule()
      : Rule({"MC2001", "weight-invalid", Severity::Error,
              "a negative weight, or two or more destinations whose weights are all 0"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    std::vector<Destination> dests;
    for (const auto& r : ctx.resources) {
      if (!r.is_checked("VirtualService")) continue;
      for_each_route(*r.root, [&](std::string_view kind, size_t index, const Node& rule, const Node& route) {
        if (!read_destinations(route, dests)) return;
        bool negative = false;
        for (size_t j = 0; j < dests.size(); ++j) {
          if (dests[j].value >= 0) continue;
          negative = true;
          const std::string path = route_path(kind, index) + "[" + std::to_string(j) + "].weight";
          out.report(ctx.file, r, dests[j].weight->position,
                     r.label() + ": " + path + " " + std::string(dests[j].weight->text) +
                         " is negative, which Istio rejects; use 0 to send this destination no traffic, or a "
                         "positive share",
                     path);
        }
        if (negative || dests.size() < 2) return;
        size_t given = 0;
        for (const auto& d : dests) {
          if (d.value != 0) return;
          given += d.weight != nullptr;
        }
        const std::string path = route_path(kind, index);
        const std::string n = std::to_string(dests.size());
        const std::string what =
            given == 0 ? "none of its " + n + " destinations has a weight, and an omitted weight counts as 0"
            : given == dests.size() ? "all " + n + " destinations have weight 0"
                                    : "all " + n + " destinations have weight 0 (an omitted weight counts as 0)";
        const Node* key = rule.key_node("route");
        out.report(ctx.file, r, key != nullptr ? key->position : route.position,
                   r.label() + ": " + path + ": " + what +
                       ", so no destination would get traffic and Istio rejects the route; give at least one "
                       "destination a positive weight, with weights that sum to 100",
                   path);
      });
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_WeightInvalidRule() { return std::make_unique<WeightInvalidRule>(); }

}  // namespace meshc
