#include "validators/suppressions.h"

#include <algorithm>
#include <unordered_map>

#include "compiler/frontend/comment_scanner.h"
#include "validators/rule.h"

namespace meshc {
namespace {

std::vector<std::string> split_rules(std::string_view list) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= list.size()) {
    size_t comma = list.find(',', pos);
    if (comma == std::string_view::npos) comma = list.size();
    std::string_view item = list.substr(pos, comma - pos);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (!item.empty()) out.emplace_back(item);
    pos = comma + 1;
  }
  return out;
}

// The index of the entry of `s` that names the finding's rule, or -1.
int entry_for(const Suppression& s, const Diagnostic& d) {
  for (size_t i = 0; i < s.rules.size(); ++i)
    if (s.rules[i] == d.code || s.rules[i] == d.rule) return static_cast<int>(i);
  return -1;
}

}  // namespace

std::vector<Suppression> scan_comment_suppressions(const SourceFile& file) {
  std::vector<Suppression> out;
  constexpr std::string_view marker = "meshc:ignore";
  if (file.text().find(marker) == std::string_view::npos) return out;
  for (const Comment& c : find_comments(file.text())) {
    std::string_view rest = c.text;
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
    if (!rest.starts_with(marker)) continue;
    rest.remove_prefix(marker.size());
    Suppression s;
    s.file = file.name();
    s.position = file.position_at(c.offset);
    s.line = s.position.line;
    s.own_line = c.own_line;
    if (rest.starts_with("-file")) {
      s.scope = Suppression::Scope::File;
      rest.remove_prefix(5);
    }
    if (rest.empty() || (rest.front() != ' ' && rest.front() != '\t')) continue;
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
    // The rule list ends at the first blank; the reason follows.
    s.rules = split_rules(rest.substr(0, rest.find_first_of(" \t")));
    s.rule_used.assign(s.rules.size(), false);
    if (!s.rules.empty()) out.push_back(std::move(s));
  }
  return out;
}

namespace {

struct ForeignCode {
  std::string_view code;  // IST0134, KIA1104
  std::string_view rule;  // MC2023
};

// The equivalents listed in docs/rules/README.md.
constexpr ForeignCode k_foreign_codes[] = {
    {"IST0002", "MC1005"}, {"IST0101", "MC3001"}, {"IST0101", "MC3002"}, {"IST0101", "MC3004"},
    {"IST0106", "MC1002"}, {"IST0109", "MC3006"}, {"IST0112", "MC3005"}, {"IST0122", "MC2008"},
    {"IST0130", "MC2006"}, {"IST0131", "MC2007"}, {"IST0132", "MC3003"}, {"IST0134", "MC2023"},
    {"IST0145", "MC3008"}, {"IST0177", "MC3009"}, {"KIA0002", "MC3105"}, {"KIA0003", "MC3105"},
    {"KIA0105", "MC3102"}, {"KIA0201", "MC3007"}, {"KIA0203", "MC3010"}, {"KIA0207", "MC3104"},
    {"KIA0208", "MC3104"}, {"KIA0209", "MC2019"}, {"KIA0301", "MC3008"}, {"KIA1101", "MC3004"},
    {"KIA1102", "MC3002"}, {"KIA1104", "MC2004"}, {"KIA1105", "MC2005"}, {"KIA1106", "MC3006"},
    {"KIA1107", "MC3001"},
};

}  // namespace

std::vector<std::string_view> rules_for_foreign_code(std::string_view code) {
  std::vector<std::string_view> out;
  for (const auto& f : k_foreign_codes)
    if (f.code == code) out.push_back(f.rule);
  return out;
}

std::vector<Suppression> annotation_suppressions(const SourceFile& file, const Resource& resource) {
  std::vector<Suppression> out;
  if (resource.metadata == nullptr || !resource.metadata->is_mapping()) return out;
  const Node* annotations = resource.metadata->get("annotations");
  if (annotations == nullptr || !annotations->is_mapping()) return out;
  const auto make = [&](std::string_view key, std::vector<std::string> rules, bool foreign) {
    Suppression s;
    s.scope = Suppression::Scope::Resource;
    s.file = file.name();
    s.position = annotations->key_node(key)->position;
    s.rules = std::move(rules);
    s.rule_used.assign(s.rules.size(), false);
    s.resource = resource.ref();
    s.foreign = foreign;
    if (!s.rules.empty()) out.push_back(std::move(s));
  };
  if (const Node* value = annotations->get(k_ignore_annotation)) make(k_ignore_annotation, split_rules(value->str()), false);
  for (const auto key : {k_istio_suppress_annotation, k_kiali_ignore_annotation}) {
    const Node* value = annotations->get(key);
    if (value == nullptr) continue;
    std::vector<std::string> rules;
    for (const auto& code : split_rules(value->str()))
      for (const auto rule : rules_for_foreign_code(code)) rules.emplace_back(rule);
    make(key, std::move(rules), true);
  }
  return out;
}

void apply_suppressions(std::vector<Diagnostic>& findings, std::vector<Suppression>& suppressions) {
  std::unordered_map<std::string_view, std::vector<Suppression*>> by_file;
  for (auto& s : suppressions) by_file[s.file].push_back(&s);
  for (auto& d : findings) {
    auto it = by_file.find(d.location.file);
    if (it == by_file.end()) continue;
    for (Suppression* s : it->second) {
      bool covers = false;
      switch (s->scope) {
        case Suppression::Scope::File: covers = true; break;
        case Suppression::Scope::Line:
          covers = d.location.line == s->line || (s->own_line && d.location.line == s->line + 1);
          break;
        case Suppression::Scope::Resource: covers = d.resource && *d.resource == *s->resource; break;
      }
      const int entry = covers ? entry_for(*s, d) : -1;
      if (entry >= 0) {
        d.suppressed = true;
        s->rule_used[static_cast<size_t>(entry)] = true;
      }
    }
  }
}

}  // namespace meshc
