// MC2002 weight-sum: a route whose weights do not sum to 100. Istio accepts
// that since 1.15 and splits by weight/(sum of weights); the message gives the
// effective split.
#include <charconv>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "validators/rule.h"
#include "validators/values/route_weights.h"

namespace meshc {
namespace {

// "77.8%": a share of 100 with one decimal.
std::string percent(int64_t weight, int64_t sum) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", static_cast<double>(weight) * 100.0 / static_cast<double>(sum));
  return buf;
}

class WeightSumRule final : public Rule {
 public:
  WeightSumRule()
      : Rule({"MC2002", "weight-sum", Severity::Warning,
              "a route's weights do not sum to 100 (Istio treats them as relative since 1.15)"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    std::vector<Destination> dests;
    for (const auto& r : ctx.resources) {
      if (!r.is_checked("VirtualService")) continue;
      for_each_route(*r.root, [&](std::string_view kind, size_t index, const Node&, const Node& route) {
        if (route.items.size() < 2 || !read_destinations(route, dests)) return;
        int64_t sum = 0;
        for (const auto& d : dests) {
          // An omitted weight is weight-omitted's, a negative one weight-invalid's.
          if (d.weight == nullptr || d.value < 0) return;
          sum += d.value;
        }
        if (sum == 100 || sum == 0) return;  // 0: weight-invalid's
        std::string given, split;
        for (const auto& d : dests) {
          given += (given.empty() ? "" : "/") + std::string(d.weight->text);
          split += (split.empty() ? "" : "/") + percent(d.value, sum);
        }
        const std::string path = route_path(kind, index);
        out.report(ctx.file, r, dests.front().weight->position,
                   r.label() + ": " + path + " weights sum to " + std::to_string(sum) +
                       ", not 100; Istio treats them as relative, so traffic splits " + given + " -> " + split +
                       "; make them sum to 100, or disable weight-sum in .meshc.yaml if you mean relative weights",
                   path);
      });
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_WeightSumRule() { return std::make_unique<WeightSumRule>(); }

}  // namespace meshc
