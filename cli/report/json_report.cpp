// JSON output. The key order is a contract other tools rely on; new keys may
// only be added after the existing ones.
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/report/report.h"

namespace meshc {

namespace {

using ordered_json = nlohmann::ordered_json;

ordered_json finding_json(const Diagnostic& d) {
  ordered_json f = ordered_json::object();
  f["code"] = d.code;
  f["rule"] = d.rule;
  f["severity"] = severity_name(d.severity);
  f["message"] = d.message;
  f["file"] = d.location.file;
  f["line"] = d.location.line;
  f["column"] = d.location.column;
  if (d.resource) {
    ordered_json r = ordered_json::object();
    r["kind"] = d.resource->kind;
    r["namespace"] = d.resource->ns;
    r["name"] = d.resource->name;
    f["resource"] = std::move(r);
  } else {
    f["resource"] = nullptr;
  }
  ordered_json related = ordered_json::array();
  for (const RelatedLocation& rl : d.related) {
    ordered_json r = ordered_json::object();
    r["file"] = rl.location.file;
    r["line"] = rl.location.line;
    r["column"] = rl.location.column;
    r["message"] = rl.message;
    related.push_back(std::move(r));
  }
  f["related"] = std::move(related);
  if (!d.template_source.empty()) f["template"] = d.template_source;
  if (d.suppressed) f["suppressed"] = true;
  return f;
}

}  // namespace

void write_json_report(std::ostream& out, const LintReport& report, const ReportOptions& /*options*/) {
  ordered_json doc = ordered_json::object();
  ordered_json findings = ordered_json::array();
  for (const Diagnostic& d : report.findings) findings.push_back(finding_json(d));
  doc["findings"] = std::move(findings);
  const LintSummary& s = report.summary;
  ordered_json summary = ordered_json::object();
  summary["files"] = s.files;
  summary["resources"] = s.resources;
  summary["ignored"] = s.ignored;
  summary["errors"] = s.errors;
  summary["warnings"] = s.warnings;
  summary["infos"] = s.infos;
  summary["suppressed"] = s.suppressed;
  doc["summary"] = std::move(summary);
  // Input files need not be UTF-8; replace invalid bytes rather than throw.
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace meshc
