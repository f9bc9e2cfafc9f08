#include "compiler/model/diagnostic.h"

#include <tuple>

namespace meshc {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

bool parse_severity(std::string_view word, Severity& out) {
  if (word == "error") out = Severity::Error;
  else if (word == "warning") out = Severity::Warning;
  else if (word == "info") out = Severity::Info;
  else return false;
  return true;
}

bool diagnostic_less(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.location.file, a.location.line, a.location.column, a.code, a.message) <
         std::tie(b.location.file, b.location.line, b.location.column, b.code, b.message);
}

}  // namespace meshc
