#pragma once
// Which files a lint run reads and how they form config sets: the paths on
// the command line, or the sets of .meshc.yaml; with --changed, the sets that
// hold a changed file, and afterwards only the findings that concern one.
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "cli/config_file.h"
#include "compiler/model/diagnostic.h"
#include "compiler/model/source_file.h"
#include "validators/linter.h"

namespace meshc {

class LintPlan {
 public:
  // `changed_given`: --changed was used (perhaps with no file left).
  LintPlan(const ConfigFile& cfg, const std::vector<std::string>& paths, const std::vector<std::string>& changed,
           bool changed_given);

  const std::vector<std::string>& paths() const { return paths_; }
  // --changed named no YAML file that exists: there is nothing to check.
  bool nothing_to_check() const { return changed_given_ && changed_.empty(); }

  // The config sets over the loaded files (empty: all files form one set).
  std::vector<ConfigSetSpec> sets_of(const std::vector<std::shared_ptr<const SourceFile>>& files) const;
  // With --changed, keeps the findings located in a changed file or noted
  // there (a duplicate is reported at the second copy, noted at the first).
  void keep_changed_findings(const std::vector<std::shared_ptr<const SourceFile>>& files,
                             std::vector<Diagnostic>& findings) const;

 private:
  bool in_a_set(const std::string& absolute) const;

  std::vector<std::string> paths_;
  std::vector<std::pair<std::string, std::vector<std::string>>> sets_;  // name, absolute directories
  std::set<std::string> changed_;                                       // absolute paths
  bool changed_given_;
};

}  // namespace meshc
