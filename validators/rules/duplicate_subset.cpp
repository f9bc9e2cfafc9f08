// MC2018 duplicate-subset: a subset name given twice in one DestinationRule;
// Istio's webhook rejects it ("duplicate subset names").
#include <map>

#include "validators/rule.h"
#include "validators/values/field_paths.h"

namespace meshc {
namespace {

class DuplicateSubsetRule final : public Rule {
 public:
  DuplicateSubsetRule()
      : Rule({"MC2018", "duplicate-subset", Severity::Error, "a subset name twice in one DestinationRule"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      if (!r.is_checked("DestinationRule")) continue;
      std::map<std::string_view, std::pair<std::string, Position>> first;  // name -> (path, position)
      for_each_field(*r.root, "spec.subsets[].name", [&](const FieldMatch& m) {
        if (!m.value.is_string()) return;
        const std::string_view name = m.value.text;
        auto [it, inserted] = first.emplace(name, std::make_pair(m.path.substr(0, m.path.size() - 5), m.value.position));
        if (inserted) return;
        auto& d = out.report(ctx.file, r, m.value.position,
                             r.label() + ": " + m.path + " '" + std::string(name) + "' is already defined by " +
                                 it->second.first + "; Istio rejects duplicate subset names: rename one subset or merge the two",
                             m.path);
        d.related.push_back({{ctx.file.name(), it->second.second.line, it->second.second.column}, "first defined here"});
      });
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_DuplicateSubsetRule() { return std::make_unique<DuplicateSubsetRule>(); }

}  // namespace meshc
