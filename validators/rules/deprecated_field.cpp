// MC1005 deprecated-field: fields Istio still accepts but ignores or plans to
// remove.
#include <array>

#include "validators/rule.h"
#include "validators/schema/field_walk.h"
#include "validators/schema/removed_fields.h"

namespace meshc {
namespace {

struct Deprecation {
  std::string_view kind;
  std::string_view parent;  // the mapping holding the field; "" for any
  std::string_view field;
  std::string_view value;   // deprecated only with this value; "" for any
  std::string_view advice;
};

constexpr std::array<Deprecation, 5> k_deprecations{{
    {"DestinationRule", "outlierDetection", "consecutiveErrors", "",
     "has no effect in current Istio; use consecutive5xxErrors or consecutiveGatewayErrors"},
    {"DestinationRule", "loadBalancer", "simple", "LEAST_CONN",
     "is a deprecated alias; use LEAST_REQUEST"},
    {"DestinationRule", "consistentHash", "minimumRingSize", "",
     "is deprecated; use ringHash.minimumRingSize"},
    {"VirtualService", "delay", "percent", "", "is deprecated; use percentage.value"},
    {"VirtualService", "http", "mirrorPercent", "", "is deprecated; use mirrorPercentage.value"},
}};

class DeprecatedFieldRule final : public Rule {
 public:
  DeprecatedFieldRule()
      : Rule({"MC1005", "deprecated-field", Severity::Warning,
              "a field Istio deprecated: it has no effect or will be removed"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      // Only these two kinds have deprecated or removed fields.
      if (r.category != KindCategory::Checked || !r.version_known || r.spec == nullptr ||
          (r.kind != "DestinationRule" && r.kind != "VirtualService"))
        continue;
      walk_fields(*r.root, SchemaView::of_kind(r.kind), [&](const FieldVisit& f) {
        if (const RemovedField* removed = find_removed_field(r.kind, f.parent, f.name)) {
          out.report(ctx.file, r, f.entry.key->position, r.label() + ": " + f.path() + " " + std::string(removed->advice),
                     f.path());
          return;
        }
        for (const auto& d : k_deprecations) {
          if (d.kind != r.kind || d.field != f.name || (!d.parent.empty() && d.parent != f.parent)) continue;
          if (!d.value.empty() && f.entry.value->str() != d.value) continue;
          const std::string subject = d.value.empty() ? f.path() : f.path() + ": " + std::string(d.value);
          out.report(ctx.file, r, f.entry.key->position, r.label() + ": " + subject + " " + std::string(d.advice),
                     f.path());
        }
      });
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_DeprecatedFieldRule() { return std::make_unique<DeprecatedFieldRule>(); }

}  // namespace meshc
