// MC2019 subset-no-labels: a DestinationRule subset without labels selects
// every endpoint of the host, so routing to it is no different from routing
// to the host.
#include "validators/rule.h"
#include "validators/values/field_paths.h"

namespace meshc {
namespace {

class SubsetNoLabelsRule final : public Rule {
 public:
  SubsetNoLabelsRule()
      : Rule({"MC2019", "subset-no-labels", Severity::Warning, "a subset without labels"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      if (!r.is_checked("DestinationRule")) continue;
      for_each_field(*r.root, "spec.subsets[]", [&](const FieldMatch& m) {
        if (!m.value.is_mapping()) return;
        const Node* name = m.value.get("name");
        const std::string who = name && name->is_string() ? " '" + std::string(name->text) + "'" : "";
        const Node* labels_key = m.value.key_node("labels");
        const Node* labels = m.value.get("labels");
        if (labels != nullptr && !labels->is_null() && !(labels->is_mapping() && labels->entries.empty()))
          return;  // labels given (a non-mapping is the schema rule's)
        const Position at = labels_key ? labels_key->position : (name ? name->position : m.value.position);
        const std::string what = labels_key ? " has empty labels" : " has no labels";
        out.report(ctx.file, r, at,
                   r.label() + ": " + m.path + who + what +
                       ": it selects every endpoint of the host, so routing to it is no different from routing "
                       "to the host; add the labels that pick its pods, e.g. version: v1",
                   labels_key ? m.path + ".labels" : m.path);
      });
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_SubsetNoLabelsRule() { return std::make_unique<SubsetNoLabelsRule>(); }

}  // namespace meshc
