// MC2004 weight-single-destination: the weight of a route's only destination
// is other than 100; Istio sends that destination all traffic whatever its
// weight, so the weight is ignored (often half of an unfinished split).
#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include "validators/rule.h"
#include "validators/values/route_weights.h"

namespace meshc {
namespace {

class WeightSingleDestinationRule final : public Rule {
 public:
  WeightSingleDestinationRule()
      : Rule({"MC2004", "weight-single-destination", Severity::Warning,
              "a single destination with a weight other than 100: the weight is ignored"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    std::vector<Destination> dests;
    for (const auto& r : ctx.resources) {
      if (!r.is_checked("VirtualService")) continue;
      for_each_route(*r.root, [&](std::string_view kind, size_t index, const Node&, const Node& route) {
        if (route.items.size() != 1 || !read_destinations(route, dests)) return;
        const Destination& d = dests.front();
        // Absent or 100 is fine; a negative weight is weight-invalid's.
        if (d.weight == nullptr || d.value == 100 || d.value < 0) return;
        const std::string path = route_path(kind, index) + "[0].weight";
        out.report(ctx.file, r, d.weight->position,
                   r.label() + ": " + path + " " + std::string(d.weight->text) +
                       " is ignored: the route has a single destination, which receives all traffic; remove the "
                       "weight, or add the destinations that should share the traffic",
                   path);
      });
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_WeightSingleDestinationRule() { return std::make_unique<WeightSingleDestinationRule>(); }

}  // namespace meshc
