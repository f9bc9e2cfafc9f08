// GCC-style text output: one line per finding, `note:` lines for related
// locations, and a closing summary line when there was anything to report.
#include <ostream>
#include <string>

#include "cli/report/report.h"
#include "cli/report/report_util.h"

namespace meshc {

void write_text_report(std::ostream& out, const LintReport& report, const ReportOptions& options) {
  using report_detail::count_noun;
  std::string text;
  for (const Diagnostic& d : report.findings) {
    report_detail::append_finding_lines(text, d, options.color, /*mark_suppressed=*/true);
  }
  const LintSummary& s = report.summary;
  const bool anything =
      !report.findings.empty() || s.errors + s.warnings + s.infos + s.suppressed > 0;
  if (anything) {
    // e.g. "2 errors, 1 warning, 0 infos in 3 files (1 suppressed)"
    text += count_noun(s.errors, "error") + ", " + count_noun(s.warnings, "warning") + ", " +
            count_noun(s.infos, "info") + " in " + count_noun(s.files, "file");
    if (s.suppressed > 0) text += " (" + std::to_string(s.suppressed) + " suppressed)";
    text += '\n';
  }
  out << text;
}

}  // namespace meshc
