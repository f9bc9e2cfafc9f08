#include "validators/linter.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "compiler/frontend/resource_reader.h"
#include "compiler/frontend/text_checks.h"
#include "compiler/frontend/yaml_reader.h"
#include "validators/rules/unused_suppression.h"
#include "validators/suppressions.h"

namespace meshc {
namespace {

struct ActiveRule {
  const Rule* rule;
  Severity severity;
};

struct Task {
  size_t file;
  DocumentChunk chunk;
};

struct TaskResult {
  std::vector<Diagnostic> findings;
  std::vector<ResourceEntry> entries;
  std::vector<Suppression> annotation_suppressions;
  size_t ignored = 0;
};

class DocumentPass {
 public:
  DocumentPass(const LintRequest& request, const std::vector<ActiveRule>& rules)
      : request_(request), rules_(rules) {}

  void run(const Task& task, TaskResult& out) const {
    const SourceFile& file = *request_.files[task.file];
    auto documents = read_yaml_documents(file, task.chunk.begin, task.chunk.end, request_.settings.limits);
    const std::string template_source(
        helm_source_of(file.text().substr(task.chunk.begin, task.chunk.end - task.chunk.begin)));
    for (auto& doc : documents) {
      doc->template_source = template_source;
      check(file, *doc, out);
    }
  }

  // A file the parser must not see: the first bad byte is the finding.
  void run_invalid_text(size_t file_index, const TextProblem& problem, TaskResult& out) const {
    const SourceFile& file = *request_.files[file_index];
    YamlDocument doc;
    doc.problems.push_back({YamlProblem::Kind::Syntax, file.position_at(problem.offset), problem.message, {}});
    check(file, doc, out);
  }

 private:
  void check(const SourceFile& file, const YamlDocument& doc, TaskResult& out) const {
    const auto resources = read_resources(doc.root, request_.settings.default_namespace);
    if (doc.root != nullptr && doc.root->is_mapping() && resources.empty()) ++out.ignored;
    const DocumentContext ctx{file, doc, resources, request_.settings};
    const size_t first_finding = out.findings.size();
    for (const auto& active : rules_) {
      FindingSink sink(active.rule->info(), active.severity, out.findings);
      active.rule->check_document(ctx, sink);
    }
    for (size_t i = first_finding; i < out.findings.size(); ++i)
      out.findings[i].template_source = doc.template_source;
    for (const auto& r : resources) {
      if (r.category == KindCategory::Ignored) {
        ++out.ignored;
        continue;
      }
      const Position at = r.position();
      out.entries.push_back({r.ref(), r.category, Location{file.name(), at.line, at.column}, doc.template_source,
                             build_typed_resource(file, r, doc.template_source)});
      if (request_.inline_suppressions)
        for (auto& s : annotation_suppressions(file, r)) out.annotation_suppressions.push_back(std::move(s));
    }
  }

  const LintRequest& request_;
  const std::vector<ActiveRule>& rules_;
};

unsigned thread_count(unsigned requested, size_t tasks) {
  unsigned n = requested != 0 ? requested : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::min<size_t>(n, std::max<size_t>(tasks, 1)));
}

}  // namespace

std::map<std::string, Severity, std::less<>> default_rule_severities() {
  std::map<std::string, Severity, std::less<>> out;
  for (const Rule* r : all_rules()) out.emplace(r->info().code, r->info().default_severity);
  return out;
}

LintResult lint(const LintRequest& request) {
  std::vector<ActiveRule> rules;
  for (const Rule* r : all_rules()) {
    auto it = request.rules.find(r->info().code);
    if (it != request.rules.end()) rules.push_back({r, it->second});
  }

  // One task per document chunk, so large files spread over the threads too.
  std::vector<Task> tasks;
  std::vector<std::optional<TextProblem>> text_problems(request.files.size());
  for (size_t f = 0; f < request.files.size(); ++f) {
    const auto text = request.files[f]->text();
    text_problems[f] = find_invalid_text(text);
    if (text_problems[f]) {
      tasks.push_back({f, {0, 0}});
      continue;
    }
    for (const auto& chunk : split_documents(text)) tasks.push_back({f, chunk});
  }

  const DocumentPass pass(request, rules);
  std::vector<TaskResult> results(tasks.size());
  std::atomic<size_t> next{0};
  const auto worker = [&] {
    for (size_t i = next++; i < tasks.size(); i = next++) {
      const Task& t = tasks[i];
      if (text_problems[t.file]) pass.run_invalid_text(t.file, *text_problems[t.file], results[i]);
      else pass.run(t, results[i]);
    }
  };
  std::vector<std::jthread> threads;
  const unsigned n = thread_count(request.threads, tasks.size());
  for (unsigned i = 1; i < n; ++i) threads.emplace_back(worker);
  worker();
  threads.clear();

  LintResult result;
  std::vector<Suppression> suppressions;
  std::vector<std::vector<ResourceEntry>> entries_by_file(request.files.size());
  for (size_t i = 0; i < tasks.size(); ++i) {
    auto& r = results[i];
    std::move(r.findings.begin(), r.findings.end(), std::back_inserter(result.findings));
    std::move(r.annotation_suppressions.begin(), r.annotation_suppressions.end(),
              std::back_inserter(suppressions));
    result.ignored += r.ignored;
    for (auto& e : r.entries) {
      result.resources.push_back({tasks[i].file, e.ref, e.category});
      entries_by_file[tasks[i].file].push_back(std::move(e));
    }
  }

  std::vector<ConfigSetSpec> sets = request.sets;
  if (sets.empty()) {
    sets.push_back({"default", {}});
    for (size_t f = 0; f < request.files.size(); ++f) sets.back().files.push_back(f);
  }
  for (const auto& set : sets) {
    std::vector<const ResourceEntry*> members;
    MeshConfig mesh;
    mesh.root_namespace = request.settings.mesh.root_namespace;
    for (size_t f : set.files) {
      for (const auto& e : entries_by_file[f]) {
        members.push_back(&e);
        mesh.add(e.typed);
      }
    }
    mesh.build_index();
    const SetContext ctx{members, mesh, request.settings};
    for (const auto& active : rules) {
      FindingSink sink(active.rule->info(), active.severity, result.findings);
      active.rule->check_set(ctx, sink);
    }
  }
  // A file in two sets gets a set-wide finding twice.
  std::sort(result.findings.begin(), result.findings.end(), diagnostic_less);
  result.findings.erase(std::unique(result.findings.begin(), result.findings.end(),
                                    [](const Diagnostic& a, const Diagnostic& b) {
                                      return !diagnostic_less(a, b) && !diagnostic_less(b, a);
                                    }),
                        result.findings.end());

  if (request.inline_suppressions) {
    for (const auto& file : request.files) {
      auto found = scan_comment_suppressions(*file);
      std::move(found.begin(), found.end(), std::back_inserter(suppressions));
    }
    apply_suppressions(result.findings, suppressions);
    auto it = request.rules.find(unused_suppression_code);
    if (it != request.rules.end()) {
      // Stale suppressions are findings too, and can be suppressed like any.
      std::vector<Diagnostic> unused;
      report_unused_suppressions(suppressions, request.rules, it->second, false, unused);
      apply_suppressions(unused, suppressions);
      report_unused_suppressions(suppressions, request.rules, it->second, true, unused);
      std::move(unused.begin(), unused.end(), std::back_inserter(result.findings));
      std::sort(result.findings.begin(), result.findings.end(), diagnostic_less);
    }
  }
  return result;
}

}  // namespace meshc
