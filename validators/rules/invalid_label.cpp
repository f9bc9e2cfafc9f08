// MC2021 invalid-label: a label key or value Istio rejects, in label maps
// (subset labels, sourceLabels, endpoint and WorkloadEntry labels) and in
// workload selectors (which also reject `*` and empty keys).
#include <array>

#include "validators/rule.h"
#include "validators/values/field_paths.h"
#include "validators/values/labels.h"

namespace meshc {
namespace {

struct LabelMap {
  std::string_view kind;
  std::string_view pattern;
  bool selector;
};

constexpr std::array<LabelMap, 12> k_label_maps{{
    {"DestinationRule", "spec.subsets[].labels", false},
    {"DestinationRule", "spec.workloadSelector.matchLabels", true},
    {"VirtualService", "spec.http[].match[].sourceLabels", false},
    {"VirtualService", "spec.tcp[].match[].sourceLabels", false},
    {"VirtualService", "spec.tls[].match[].sourceLabels", false},
    {"WorkloadEntry", "spec.labels", false},
    {"ServiceEntry", "spec.endpoints[].labels", false},
    {"ServiceEntry", "spec.workloadSelector.labels", true},
    {"Sidecar", "spec.workloadSelector.labels", true},
    {"AuthorizationPolicy", "spec.selector.matchLabels", true},
    {"PeerAuthentication", "spec.selector.matchLabels", true},
    {"RequestAuthentication", "spec.selector.matchLabels", true},
}};

constexpr std::string_view k_key_advice = "use a Kubernetes label key such as 'app' or 'app.kubernetes.io/version'";
constexpr std::string_view k_value_advice = "use a value such as 'v1' or 'reviews-v2', or quote \"\" for an empty one";

class InvalidLabelRule final : public Rule {
 public:
  InvalidLabelRule()
      : Rule({"MC2021", "invalid-label", Severity::Error,
              "a label key or value Istio rejects (subset labels, selectors, sourceLabels, endpoint labels); a `*` "
              "in a selector"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      if (r.category != KindCategory::Checked || !r.version_known || !r.kind_known) continue;
      for (const auto& lm : k_label_maps) {
        if (lm.kind != r.kind) continue;
        for_each_field(*r.root, lm.pattern, [&](const FieldMatch& m) {
          if (!m.value.is_mapping()) return;
          for (const auto& e : m.value.entries) check_entry(ctx, r, m.path, e, lm.selector, out);
        });
      }
    }
  }

 private:
  static void check_entry(const DocumentContext& ctx, const Resource& r, const std::string& map_path, const MapEntry& e,
                          bool selector, FindingSink& out) {
    if (!e.key->is_scalar() || !e.value->is_string()) return;  // other types are the schema rule's
    const std::string_view key = e.key->text;
    const std::string_view value = e.value->text;
    const std::string field = map_path + "." + std::string(key);
    const std::string what = std::string(selector ? " selector " : " ");
    const auto report = [&](const Node& at, const std::string& text) {
      out.report(ctx.file, r, at.position, r.label() + ": " + map_path + text, field);
    };
    if (selector) {
      if (key.empty()) {
        report(*e.key, " has an empty key, which Istio rejects in a selector; " + std::string(k_key_advice));
        return;
      }
      const bool star_in_value = value.find('*') != std::string_view::npos;
      if (star_in_value || key.find('*') != std::string_view::npos) {
        report(star_in_value ? *e.value : *e.key,
               " entry '" + std::string(key) + ": " + std::string(value) +
                   "' uses '*': wildcard is not supported in selector; list the exact label value (selectors match "
                   "by equality)");
        return;
      }
    }
    if (std::string p = label_key_problem(key); !p.empty()) {
      report(*e.key, what + "key '" + std::string(key) + "' " + p + "; Istio rejects it: " + std::string(k_key_advice));
      return;
    }
    if (std::string p = label_value_problem(value); !p.empty())
      report(*e.value, what + "value '" + std::string(value) + "' of key '" + std::string(key) + "' " + p +
                           "; Istio rejects it: " + std::string(k_value_advice));
  }
};

}  // namespace

std::unique_ptr<Rule> make_InvalidLabelRule() { return std::make_unique<InvalidLabelRule>(); }

}  // namespace meshc
