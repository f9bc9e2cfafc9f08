#include "validators/suppressions.h"

#include <algorithm>
#include <unordered_map>

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

bool names(const Suppression& s, const Diagnostic& d) {
  return std::any_of(s.rules.begin(), s.rules.end(),
                     [&](const std::string& r) { return r == d.code || r == d.rule; });
}

}  // namespace

std::vector<Suppression> scan_comment_suppressions(const SourceFile& file) {
  std::vector<Suppression> out;
  constexpr std::string_view marker = "meshc:ignore";
  const std::string_view text = file.text();
  for (size_t pos = text.find(marker); pos != std::string_view::npos; pos = text.find(marker, pos + 1)) {
    // The marker must open a comment: `#`, optional blanks, then the marker,
    // with the `#` at a line start or after a blank (not inside a value).
    size_t hash = pos;
    while (hash > 0 && (text[hash - 1] == ' ' || text[hash - 1] == '\t')) --hash;
    if (hash == 0 || text[hash - 1] != '#') continue;
    --hash;
    if (hash > 0 && text[hash - 1] != ' ' && text[hash - 1] != '\t' && text[hash - 1] != '\n') continue;
    size_t line_start = hash;
    while (line_start > 0 && (text[line_start - 1] == ' ' || text[line_start - 1] == '\t')) --line_start;
    const bool own_line = line_start == 0 || text[line_start - 1] == '\n';
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view rest = text.substr(pos + marker.size(), eol - pos - marker.size());
    if (!rest.empty() && rest.back() == '\r') rest.remove_suffix(1);
    Suppression s;
    s.file = file.name();
    s.position = file.position_at(hash);
    s.line = s.position.line;
    s.own_line = own_line;
    if (rest.starts_with("-file")) {
      s.scope = Suppression::Scope::File;
      rest.remove_prefix(5);
    }
    if (rest.empty() || (rest.front() != ' ' && rest.front() != '\t')) continue;
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
    // The rule list ends at the first blank; the reason follows.
    const size_t blank = rest.find_first_of(" \t");
    s.rules = split_rules(rest.substr(0, blank));
    if (!s.rules.empty()) out.push_back(std::move(s));
  }
  return out;
}

std::optional<Suppression> annotation_suppression(const SourceFile& file, const Resource& resource) {
  if (resource.metadata == nullptr || !resource.metadata->is_mapping()) return std::nullopt;
  const Node* annotations = resource.metadata->get("annotations");
  if (annotations == nullptr || !annotations->is_mapping()) return std::nullopt;
  const Node* value = annotations->get(k_ignore_annotation);
  if (value == nullptr) return std::nullopt;
  Suppression s;
  s.scope = Suppression::Scope::Resource;
  s.file = file.name();
  s.position = annotations->key_node(k_ignore_annotation)->position;
  s.rules = split_rules(value->str());
  s.resource = resource.ref();
  return s;
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
      if (covers && names(*s, d)) {
        d.suppressed = true;
        s->used = true;
      }
    }
  }
}

}  // namespace meshc
