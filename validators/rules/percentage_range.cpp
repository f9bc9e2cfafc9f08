// MC2012 percentage-range: a fault, mirror, outlier-detection or warmup
// percentage outside the range Istio accepts.
#include <array>
#include <charconv>
#include <cmath>
#include <optional>

#include "validators/rule.h"
#include "validators/values/field_paths.h"

namespace meshc {
namespace {

enum class Range : uint8_t {
  Percent,       // 0..100
  FaultPercent,  // 0, or 0.0001..100 (Envoy's finest fraction is one in a million)
};

struct PercentField {
  std::string_view kind;
  std::string_view pattern;  // DestinationRule: below every trafficPolicy
  Range range;
};

constexpr std::array<PercentField, 9> k_fields{{
    {"VirtualService", "spec.http[].fault.delay.percentage.value", Range::FaultPercent},
    {"VirtualService", "spec.http[].fault.abort.percentage.value", Range::FaultPercent},
    {"VirtualService", "spec.http[].fault.delay.percent", Range::Percent},
    {"VirtualService", "spec.http[].mirrorPercentage.value", Range::Percent},
    {"VirtualService", "spec.http[].mirrors[].percentage.value", Range::Percent},
    {"VirtualService", "spec.http[].mirrorPercent", Range::Percent},
    {"DestinationRule", "outlierDetection.maxEjectionPercent", Range::Percent},
    {"DestinationRule", "outlierDetection.minHealthPercent", Range::Percent},
    {"DestinationRule", "loadBalancer.warmup.minimumPercent", Range::Percent},
}};

constexpr std::array<std::string_view, 4> k_traffic_policies{
    "spec.trafficPolicy", "spec.trafficPolicy.portLevelSettings[]", "spec.subsets[].trafficPolicy",
    "spec.subsets[].trafficPolicy.portLevelSettings[]"};

// A decimal number scalar's value; other values are the schema rule's.
std::optional<double> number_of(const Node& value) {
  if (!value.is_scalar() || (value.scalar_type != ScalarType::Int && value.scalar_type != ScalarType::Float))
    return std::nullopt;
  std::string_view text = value.text;
  if (!text.empty() && text[0] == '+') text.remove_prefix(1);
  double d = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
  if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(d)) return std::nullopt;
  return d;
}

class PercentageRangeRule final : public Rule {
 public:
  PercentageRangeRule()
      : Rule({"MC2012", "percentage-range", Severity::Error,
              "a fault, mirror or outlier percentage outside its range"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      if (r.category != KindCategory::Checked || !r.version_known || !r.kind_known || r.root == nullptr) continue;
      // `base` is the path of `node`, which `pattern` is relative to.
      auto check = [&](const Node& node, const std::string& base, std::string_view pattern, Range range) {
        for_each_field(node, pattern, [&](const FieldMatch& field) {
          const FieldMatch m{field.value, field.key, base.empty() ? field.path : base + "." + field.path};
          const auto v = number_of(m.value);
          if (!v) return;
          std::string why;
          if (range == Range::FaultPercent) {
            if (*v == 0 || (*v >= 0.0001 && *v <= 100)) return;
            why = *v > 0 && *v < 0.0001
                      ? "is below 0.0001, the smallest fault percentage Envoy can apply; use 0.0001 or more, or 0 for none"
                      : "is outside 0..100; use a percentage from 0.0001 to 100, or 0 for none";
          } else {
            if (*v >= 0 && *v <= 100) return;
            why = "is outside 0..100; use a percentage from 0 to 100";
          }
          out.report(ctx.file, r, m.value.position, r.label() + ": " + m.path + " " + std::string(m.value.text) + " " + why,
                     m.path);
        });
      };
      if (r.kind == "DestinationRule") {
        // Each traffic policy is found once, then its fields below it.
        for (const auto prefix : k_traffic_policies)
          for_each_field(*r.root, prefix, [&](const FieldMatch& policy) {
            for (const auto& f : k_fields)
              if (f.kind == r.kind) check(policy.value, policy.path, f.pattern, f.range);
          });
        continue;
      }
      for (const auto& f : k_fields)
        if (f.kind == r.kind) check(*r.root, "", f.pattern, f.range);
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_PercentageRangeRule() { return std::make_unique<PercentageRangeRule>(); }

}  // namespace meshc
