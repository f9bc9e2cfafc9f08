#pragma once
// A lint rule: one class per rule, one file per rule, listed in all_rules.def.
// A rule looks at one document at a time (the YAML tree is there), or at a
// whole config set at once (only what documents left in the set is there).
#include <span>
#include <string>
#include <vector>

#include "compiler/frontend/yaml_reader.h"
#include "compiler/model/mesh_config.h"
#include "compiler/model/diagnostic.h"
#include "compiler/model/resource.h"
#include "compiler/model/source_file.h"
#include "validators/lint_settings.h"
#include "validators/rule_info.h"

namespace meshc {

struct DocumentContext {
  const SourceFile& file;
  const YamlDocument& document;
  std::span<const Resource> resources;
  const LintSettings& settings;
};

// What the document pass keeps of each resource for set-wide rules.
struct ResourceEntry {
  ResourceRef ref;
  KindCategory category;
  Location location;
  std::string template_source;
  TypedResource typed;  // what cross-resource rules read
};

struct SetContext {
  std::span<const ResourceEntry* const> resources;
  const MeshConfig& mesh;  // the typed resources of the set
  const LintSettings& settings;
};

// Collects a rule's findings with the rule's code, slug and severity.
class FindingSink {
 public:
  FindingSink(const RuleInfo& rule, Severity severity, std::vector<Diagnostic>& out)
      : rule_(rule), severity_(severity), out_(out) {}

  Diagnostic& report(const SourceFile& file, Position at, std::string message);
  // A finding on a resource's field; `field_path` is relative to the resource.
  Diagnostic& report(const SourceFile& file, const Resource& resource, Position at, std::string message,
                     std::string_view field_path = {});
  Diagnostic& report(const Location& at, std::string message);

 private:
  const RuleInfo& rule_;
  Severity severity_;
  std::vector<Diagnostic>& out_;
};

// A finding on a part of a typed resource: location, resource, field path
// and Helm template filled in.
Diagnostic& report_at(FindingSink& out, const ObjectMeta& meta, const Site& site, std::string message);

class Rule {
 public:
  explicit Rule(RuleInfo info) : info_(info) {}
  virtual ~Rule() = default;
  Rule(const Rule&) = delete;
  Rule& operator=(const Rule&) = delete;

  const RuleInfo& info() const { return info_; }
  virtual void check_document(const DocumentContext&, FindingSink&) const {}
  virtual void check_set(const SetContext&, FindingSink&) const {}

 private:
  RuleInfo info_;
};

// Every rule, in code order.
std::span<const Rule* const> all_rules();
// The rule with this code or slug, or nullptr.
const Rule* find_rule(std::string_view code_or_slug);
// The RuleInfo of every rule, in code order.
std::span<const RuleInfo> all_rule_infos();

// A file path as findings show it: forward slashes.
std::string display_path(std::string_view path);

}  // namespace meshc
