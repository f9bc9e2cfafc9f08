#include <algorithm>
#include <array>
#include <memory>

#include "validators/rule.h"

namespace meshc {

#define MESHC_RULE(name) std::unique_ptr<Rule> make_##name();
#include "validators/all_rules.def"
#undef MESHC_RULE

namespace {

const std::vector<std::unique_ptr<Rule>>& rule_objects() {
  static const std::vector<std::unique_ptr<Rule>> rules = [] {
    std::vector<std::unique_ptr<Rule>> out;
#define MESHC_RULE(name) out.push_back(make_##name());
#include "validators/all_rules.def"
#undef MESHC_RULE
    return out;
  }();
  return rules;
}

}  // namespace

std::span<const Rule* const> all_rules() {
  static const std::vector<const Rule*> rules = [] {
    std::vector<const Rule*> out;
    for (const auto& r : rule_objects()) out.push_back(r.get());
    std::sort(out.begin(), out.end(), [](const Rule* a, const Rule* b) { return a->info().code < b->info().code; });
    return out;
  }();
  return rules;
}

std::span<const RuleInfo> all_rule_infos() {
  static const std::vector<RuleInfo> infos = [] {
    std::vector<RuleInfo> out;
    for (const Rule* r : all_rules()) out.push_back(r->info());
    return out;
  }();
  return infos;
}

const Rule* find_rule(std::string_view code_or_slug) {
  for (const Rule* r : all_rules())
    if (r->info().code == code_or_slug || r->info().slug == code_or_slug) return r;
  return nullptr;
}

}  // namespace meshc
