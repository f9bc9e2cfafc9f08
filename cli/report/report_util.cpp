#include "cli/report/report_util.h"

namespace meshc::report_detail {

namespace {

constexpr std::string_view kBold = "\033[1m";
constexpr std::string_view kRed = "\033[1;31m";
constexpr std::string_view kMagenta = "\033[1;35m";
constexpr std::string_view kCyan = "\033[1;36m";
constexpr std::string_view kReset = "\033[0m";

std::string_view severity_color(Severity s) {
  switch (s) {
    case Severity::Error: return kRed;
    case Severity::Warning: return kMagenta;
    case Severity::Info: return kCyan;
  }
  return kRed;
}

// "file:line:col: <word>: message" without the line break.
void append_line_head(std::string& out, const Location& loc, std::string_view word,
                      std::string_view word_color, bool color) {
  if (color) out += kBold;
  out += format_position(loc);
  out += ':';
  if (color) out += kReset;
  out += ' ';
  if (color) out += word_color;
  out += word;
  out += ':';
  if (color) out += kReset;
  out += ' ';
}

}  // namespace

std::string format_position(const Location& loc) {
  std::string s = loc.file;
  if (loc.line != 0) {
    s += ':';
    s += std::to_string(loc.line);
    if (loc.column != 0) {
      s += ':';
      s += std::to_string(loc.column);
    }
  }
  return s;
}

void append_finding_lines(std::string& out, const Diagnostic& d, bool color, bool mark_suppressed) {
  append_line_head(out, d.location, severity_name(d.severity), severity_color(d.severity), color);
  out += d.message;
  out += " [";
  out += d.code;
  out += ']';
  if (mark_suppressed && d.suppressed) out += " (suppressed)";
  out += '\n';
  for (const RelatedLocation& r : d.related) {
    append_line_head(out, r.location, "note", kCyan, color);
    out += r.message;
    out += '\n';
  }
  if (!d.template_source.empty()) {
    append_line_head(out, d.location, "note", kCyan, color);
    out += "rendered from ";
    out += d.template_source;
    out += '\n';
  }
}

std::string count_noun(size_t n, std::string_view singular) {
  std::string s = std::to_string(n);
  s += ' ';
  s += singular;
  if (n != 1) s += 's';
  return s;
}

bool is_stdin_path(std::string_view path) { return path == "<stdin>" || path == "-"; }

}  // namespace meshc::report_detail
