#include "cli/lint_plan.h"

#include <algorithm>
#include <filesystem>

namespace meshc {
namespace {

namespace fs = std::filesystem;

std::string absolute_normal(const std::string& path) {
  std::error_code ec;
  auto p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return p.lexically_normal().string();
}

bool is_within(const std::string& file_abs, const std::string& dir_abs) {
  if (file_abs == dir_abs) return true;
  std::string prefix = dir_abs;
  if (prefix.empty() || prefix.back() != '/') prefix += '/';
  return file_abs.starts_with(prefix);
}

// A path relative to the config directory, as the user would type it here.
std::string shown_from_config(const ConfigFile& cfg, const std::string& path) {
  if (fs::path(path).is_absolute()) return path;
  std::error_code ec;
  const auto rel = fs::relative(fs::path(cfg.directory) / path, fs::current_path(), ec);
  return ec ? path : rel.lexically_normal().generic_string();
}

// Real files only: stdin has no place in the file system.
std::string absolute_of(const SourceFile& f) { return f.name().starts_with("<") ? "" : absolute_normal(f.name()); }

}  // namespace

LintPlan::LintPlan(const ConfigFile& cfg, const std::vector<std::string>& paths,
                   const std::vector<std::string>& changed, bool changed_given)
    : changed_given_(changed_given) {
  for (const auto& s : cfg.sets) {
    std::vector<std::string> dirs;
    for (const auto& p : s.paths) dirs.push_back(absolute_normal((fs::path(cfg.directory) / p).string()));
    sets_.emplace_back(s.name, std::move(dirs));
  }
  // Deleted files and other file types come with a pre-commit hook's list.
  for (const auto& c : changed) {
    const fs::path p(c);
    std::error_code ec;
    if ((p.extension() == ".yaml" || p.extension() == ".yml") && fs::is_regular_file(p, ec))
      changed_.insert(absolute_normal(c));
  }
  if (!paths.empty()) {
    paths_ = paths;
    return;
  }
  if (cfg.sets.empty()) {
    paths_.push_back(".");
    return;
  }
  for (size_t i = 0; i < cfg.sets.size(); ++i) {
    const auto& dirs = sets_[i].second;
    // With --changed, only the sets that hold a changed file are read.
    const bool wanted = !changed_given || std::any_of(changed_.begin(), changed_.end(), [&](const std::string& c) {
      return std::any_of(dirs.begin(), dirs.end(), [&](const std::string& d) { return is_within(c, d); });
    });
    if (!wanted) continue;
    for (const auto& p : cfg.sets[i].paths) paths_.push_back(shown_from_config(cfg, p));
  }
  // A changed file in no set is still checked, on its own.
  for (const auto& c : changed)
    if (changed_.contains(absolute_normal(c)) && !in_a_set(absolute_normal(c))) paths_.push_back(c);
}

bool LintPlan::in_a_set(const std::string& absolute) const {
  return std::any_of(sets_.begin(), sets_.end(), [&](const auto& set) {
    return std::any_of(set.second.begin(), set.second.end(), [&](const std::string& d) { return is_within(absolute, d); });
  });
}

std::vector<ConfigSetSpec> LintPlan::sets_of(const std::vector<std::shared_ptr<const SourceFile>>& files) const {
  std::vector<ConfigSetSpec> out;
  if (sets_.empty()) return out;
  std::vector<std::string> absolute;
  for (const auto& f : files) absolute.push_back(absolute_of(*f));
  for (const auto& [name, dirs] : sets_) {
    ConfigSetSpec spec{name, {}};
    for (size_t i = 0; i < files.size(); ++i)
      if (std::any_of(dirs.begin(), dirs.end(), [&](const std::string& d) { return is_within(absolute[i], d); }))
        spec.files.push_back(i);
    out.push_back(std::move(spec));
  }
  ConfigSetSpec unassigned{"(no set)", {}};
  for (size_t i = 0; i < files.size(); ++i)
    if (!in_a_set(absolute[i])) unassigned.files.push_back(i);
  if (!unassigned.files.empty()) out.push_back(std::move(unassigned));
  return out;
}

void LintPlan::keep_changed_findings(const std::vector<std::shared_ptr<const SourceFile>>& files,
                                     std::vector<Diagnostic>& findings) const {
  if (!changed_given_) return;
  std::set<std::string> shown;
  for (const auto& f : files)
    if (changed_.contains(absolute_of(*f))) shown.insert(f->name());
  std::erase_if(findings, [&](const Diagnostic& d) {
    if (shown.contains(d.location.file)) return false;
    return std::none_of(d.related.begin(), d.related.end(),
                        [&](const RelatedLocation& r) { return shown.contains(r.location.file); });
  });
}

}  // namespace meshc
