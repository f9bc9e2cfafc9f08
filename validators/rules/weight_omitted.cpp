// MC2003 weight-omitted: a route destination without weight beside weighted
// ones. Istio reads an omitted weight as 0, and a 0-weight destination of a
// route with several destinations receives no traffic.
#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include "validators/rule.h"
#include "validators/values/route_weights.h"

namespace meshc {
namespace {

// "host reviews, subset v2" for a message.
std::string describe(const Node& item) {
  const Node* dest = item.get("destination");
  if (dest == nullptr || !dest->is_mapping()) return "";
  std::string out;
  if (const Node* host = dest->get("host"); host != nullptr && host->is_scalar()) out = "host " + std::string(host->text);
  if (const Node* subset = dest->get("subset"); subset != nullptr && subset->is_scalar())
    out += (out.empty() ? "" : ", ") + std::string("subset ") + std::string(subset->text);
  return out;
}

class WeightOmittedRule final : public Rule {
 public:
  WeightOmittedRule()
      : Rule({"MC2003", "weight-omitted", Severity::Warning,
              "a destination without weight beside weighted ones: it receives no traffic"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    std::vector<Destination> dests;
    for (const auto& r : ctx.resources) {
      if (!r.is_checked("VirtualService")) continue;
      for_each_route(*r.root, [&](std::string_view kind, size_t index, const Node&, const Node& route) {
        if (route.items.size() < 2 || !read_destinations(route, dests)) return;
        bool weighted = false, omitted = false, positive = false;
        for (const auto& d : dests) {
          if (d.value < 0) return;  // weight-invalid's
          weighted |= d.weight != nullptr;
          omitted |= d.weight == nullptr;
          positive |= d.value > 0;
        }
        if (!weighted || !omitted || !positive) return;  // all 0: weight-invalid's
        for (size_t j = 0; j < dests.size(); ++j) {
          if (dests[j].weight != nullptr) continue;
          const Node* key = dests[j].item->key_node("destination");
          const std::string path = route_path(kind, index) + "[" + std::to_string(j) + "]";
          const std::string what = describe(*dests[j].item);
          out.report(ctx.file, r, key != nullptr ? key->position : dests[j].item->position,
                     r.label() + ": " + path + (what.empty() ? "" : " (" + what + ")") +
                         " has no weight while other destinations of the route have one, so it counts as 0 and "
                         "receives no traffic; give it a weight, or write 'weight: 0' if it should get none",
                     path);
        }
      });
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_WeightOmittedRule() { return std::make_unique<WeightOmittedRule>(); }

}  // namespace meshc
