// GitHub Actions workflow commands: one annotation per finding.
// https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions
#include <ostream>
#include <string>
#include <string_view>

#include "cli/report/report.h"
#include "cli/report/report_util.h"

namespace meshc {

namespace {

// Escaping as the runner's toolkit does it: in a command's data (after
// `::`) `%`, CR and LF; in a property value also `:` and `,`.
std::string escape(std::string_view s, bool property) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

std::string escape_data(std::string_view s) { return escape(s, false); }
std::string escape_property(std::string_view s) { return escape(s, true); }

std::string_view command_for(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "notice";
  }
  return "error";
}

}  // namespace

void write_github_report(std::ostream& out, const LintReport& report, const ReportOptions& /*options*/) {
  std::string text;
  for (const Diagnostic& d : report.findings) {
    // A suppressed finding (only shown with --show-suppressed) must not look
    // like a live error in the pull request: it becomes a notice.
    text += "::";
    text += d.suppressed ? "notice" : command_for(d.severity);
    text += " file=" + escape_property(d.location.file);
    if (d.location.line != 0) {
      text += ",line=" + std::to_string(d.location.line);
      if (d.location.column != 0) text += ",col=" + std::to_string(d.location.column);
    }
    std::string title = d.code;
    if (!d.rule.empty()) title += " " + d.rule;
    if (d.suppressed) title += " (suppressed)";
    text += ",title=" + escape_property(title);
    text += "::";

    std::string message = d.message;
    for (const RelatedLocation& r : d.related) {
      message += '\n';
      message += report_detail::format_position(r.location);
      message += ": note: ";
      message += r.message;
    }
    if (!d.template_source.empty()) {
      message += "\nrendered from ";
      message += d.template_source;
    }
    text += escape_data(message);
    text += '\n';
  }
  out << text;
}

}  // namespace meshc
