// JUnit XML output: one <testsuite> per file, one <testcase> per checked
// resource plus one (named "file") for findings tied to no resource. Findings
// at or above --fail-on are <failure>s; lower ones go to <system-out>;
// suppressed findings are left out.
#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/report/report.h"
#include "cli/report/report_util.h"

namespace meshc {

namespace {

bool xml_char_allowed(uint32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

// Escapes text for an XML 1.0 element or attribute: the five special
// characters become entities, characters XML 1.0 forbids are dropped, and
// bytes that are not valid UTF-8 become U+FFFD. In attributes, tab and line
// breaks become character references so parsers keep them.
std::string xml_escape(std::string_view s, bool attribute) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    size_t len = 1;
    uint32_t cp = b0;
    bool valid = true;
    if (b0 >= 0x80) {
      if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
        cp = b0 & 0x1Fu;
      } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        cp = b0 & 0x0Fu;
      } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        cp = b0 & 0x07u;
      } else {
        valid = false;
      }
      if (valid && i + len > s.size()) valid = false;
      for (size_t k = 1; valid && k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0u) != 0x80u) {
          valid = false;
        } else {
          cp = (cp << 6) | (b & 0x3Fu);
        }
      }
      // Overlong forms, surrogates and values past U+10FFFF.
      if (valid && ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
                    (cp >= 0xD800 && cp <= 0xDFFF))) {
        valid = false;
      }
      if (!valid) {
        out += "\xEF\xBF\xBD";  // U+FFFD
        i += 1;
        continue;
      }
    }
    if (xml_char_allowed(cp)) {
      switch (cp) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        case '\t': out += attribute ? "&#9;" : "\t"; break;
        case '\n': out += attribute ? "&#10;" : "\n"; break;
        case '\r': out += "&#13;"; break;
        default: out.append(s.substr(i, len));
      }
    }
    i += len;
  }
  return out;
}

std::string attr(std::string_view s) { return xml_escape(s, true); }
std::string text(std::string_view s) { return xml_escape(s, false); }

struct TestCase {
  std::string classname;
  std::string name;
  std::optional<ResourceRef> resource;  // nullopt: the file's own testcase
  std::vector<const Diagnostic*> failures;
  std::vector<const Diagnostic*> output;
};

struct TestSuite {
  std::string file;
  std::vector<TestCase> cases;  // the resources, in order, then the file's own
  size_t failed_cases() const {
    size_t n = 0;
    for (const TestCase& c : cases) n += c.failures.empty() ? 0 : 1;
    return n;
  }
};

TestCase resource_case(const ResourceRef& r) {
  TestCase c;
  c.classname = r.kind;
  // Cluster-scoped (or namespace-less) resources are named by name alone.
  c.name = r.ns.empty() ? r.name : r.ns + "/" + r.name;
  c.resource = r;
  return c;
}

TestCase file_case() {
  TestCase c;
  c.classname = "file";
  c.name = "file";
  return c;
}

class SuiteBuilder {
 public:
  TestSuite& suite(const std::string& file) {
    auto it = index_.find(file);
    if (it != index_.end()) return suites_[it->second];
    index_.emplace(file, suites_.size());
    TestSuite s;
    s.file = file;
    s.cases.push_back(file_case());
    suites_.push_back(std::move(s));
    return suites_.back();
  }

  static TestCase& testcase(TestSuite& s, const std::optional<ResourceRef>& r) {
    for (TestCase& c : s.cases) {
      if (c.resource == r) return c;
    }
    // A resource not listed for the file: add it before the file's own case.
    auto pos = s.cases.end() - 1;
    return *s.cases.insert(pos, resource_case(*r));
  }

  std::vector<TestSuite>& suites() { return suites_; }

 private:
  std::vector<TestSuite> suites_;
  std::map<std::string, size_t> index_;
};

std::string finding_block(const Diagnostic& d) {
  std::string s;
  report_detail::append_finding_lines(s, d, /*color=*/false, /*mark_suppressed=*/false);
  return s;
}

}  // namespace

void write_junit_report(std::ostream& out, const LintReport& report, const ReportOptions& options) {
  SuiteBuilder builder;
  for (const LintedFile& f : report.files) {
    TestSuite& s = builder.suite(f.path);
    for (const ResourceRef& r : f.resources) SuiteBuilder::testcase(s, r);
  }
  for (const Diagnostic& d : report.findings) {
    if (d.suppressed) continue;
    TestCase& c = SuiteBuilder::testcase(builder.suite(d.location.file), d.resource);
    const bool fails = options.fail_on.has_value() && d.severity >= *options.fail_on;
    (fails ? c.failures : c.output).push_back(&d);
  }

  size_t tests = 0;
  size_t failures = 0;
  for (const TestSuite& s : builder.suites()) {
    tests += s.cases.size();
    failures += s.failed_cases();
  }

  std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  x += "<testsuites name=\"meshc lint\" tests=\"" + std::to_string(tests) + "\" failures=\"" +
       std::to_string(failures) + "\" errors=\"0\" time=\"0\">\n";
  for (const TestSuite& s : builder.suites()) {
    x += "  <testsuite name=\"" + attr(s.file) + "\" tests=\"" + std::to_string(s.cases.size()) +
         "\" failures=\"" + std::to_string(s.failed_cases()) +
         "\" errors=\"0\" skipped=\"0\" time=\"0\">\n";
    for (const TestCase& c : s.cases) {
      x += "    <testcase classname=\"" + attr(c.classname) + "\" name=\"" + attr(c.name) +
           "\" time=\"0\"";
      if (c.failures.empty() && c.output.empty()) {
        x += "/>\n";
        continue;
      }
      x += ">\n";
      for (const Diagnostic* d : c.failures) {
        std::string body = finding_block(*d);
        if (!body.empty() && body.back() == '\n') body.pop_back();
        x += "      <failure type=\"" + attr(d->code) + "\" message=\"" + attr(d->message) + "\">" +
             text(body) + "</failure>\n";
      }
      if (!c.output.empty()) {
        std::string body;
        for (const Diagnostic* d : c.output) body += finding_block(*d);
        x += "      <system-out>" + text(body) + "</system-out>\n";
      }
      x += "    </testcase>\n";
    }
    x += "  </testsuite>\n";
  }
  x += "</testsuites>\n";
  out << x;
}

}  // namespace meshc
