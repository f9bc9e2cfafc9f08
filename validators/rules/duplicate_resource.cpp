// MC1004 duplicate-resource: the same kind, namespace and name twice in one
// config set; `kubectl apply` would keep only the last.
#include <map>
#include <tuple>

#include "validators/rule.h"

namespace meshc {
namespace {

class DuplicateResourceRule final : public Rule {
 public:
  DuplicateResourceRule()
      : Rule({"MC1004", "duplicate-resource", Severity::Error,
              "the same kind, namespace and name twice in one config set"}) {}

  void check_set(const SetContext& ctx, FindingSink& out) const override {
    using Key = std::tuple<std::string_view, std::string_view, std::string_view>;
    std::map<Key, const ResourceEntry*> first;
    for (const ResourceEntry* e : ctx.resources) {
      if (e->category != KindCategory::Checked || e->ref.name.empty()) continue;
      auto [it, inserted] = first.emplace(Key{e->ref.kind, e->ref.ns, e->ref.name}, e);
      if (inserted) continue;
      const Location& prev = it->second->location;
      auto& d = out.report(e->location, e->ref.kind + " " + e->ref.ns + "/" + e->ref.name +
                                            " is defined again in this config set; kubectl apply keeps only the "
                                            "last definition");
      d.resource = e->ref;
      d.field_path = "metadata.name";
      d.template_source = e->template_source;
      d.related.push_back({prev, "first defined here"});
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_DuplicateResourceRule() { return std::make_unique<DuplicateResourceRule>(); }

}  // namespace meshc
