#pragma once
// Helpers shared by the report writers: the GCC-style rendering of one finding
// (text output, JUnit failure bodies, GitHub annotation notes) and small
// formatting utilities.
#include <cstddef>
#include <string>
#include <string_view>

#include "compiler/model/diagnostic.h"

namespace meshc::report_detail {

// "file:line:col", "file:line" (column 0) or "file" (line 0).
std::string format_position(const Location& loc);

// Appends the finding's GCC-style lines, each ending in '\n':
//   file:line:col: error: message [MC1002]
//   file:line:col: note: related message
//   file:line:col: note: rendered from templates/vs.yaml
// With `color`, ANSI escapes as GCC/clang use them. With `mark_suppressed`, a
// suppressed finding gets " (suppressed)" after its code.
void append_finding_lines(std::string& out, const Diagnostic& d, bool color, bool mark_suppressed);

// "1 error", "2 errors", "0 infos".
std::string count_noun(size_t n, std::string_view singular);

// True for the display names the loader gives standard input.
bool is_stdin_path(std::string_view path);

}  // namespace meshc::report_detail
