// The lint output formats: text, JSON, SARIF, GitHub workflow commands, JUnit.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/report/report.h"
#include "validators/rule_info.h"

namespace meshc {
namespace {

using nlohmann::ordered_json;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

const RuleInfo kRules[] = {
    {"MC1002", "schema", Severity::Error, "a field does not match the kind's schema"},
    {"MC2002", "weight-sum", Severity::Warning, "route weights do not add up to 100"},
    {"MC4001", "missing-timeout", Severity::Info, "an HTTP route has no timeout"},
};

Diagnostic make(std::string code, std::string rule, Severity sev, std::string message,
                std::string file, uint32_t line, uint32_t column,
                std::optional<ResourceRef> resource = std::nullopt) {
  Diagnostic d;
  d.code = std::move(code);
  d.rule = std::move(rule);
  d.severity = sev;
  d.message = std::move(message);
  d.location = {std::move(file), line, column};
  d.resource = std::move(resource);
  return d;
}

const ResourceRef kVs{"VirtualService", "shop", "reviews"};
const ResourceRef kDr{"DestinationRule", "shop", "reviews"};

// A run over two files with an error (with a related location and a template
// source), a warning, an info with no resource, and one suppressed error.
LintReport sample_report() {
  LintReport r;
  Diagnostic e = make("MC2002", "weight-sum", Severity::Error,
                      "weights of route 0 of virtualservice shop/reviews add up to 90",
                      "mesh/vs.yaml", 12, 9, kVs);
  e.related.push_back({{"mesh/vs.yaml", 14, 11}, "weight 40 is here"});
  e.template_source = "reviews/templates/vs.yaml";
  e.field_path = "spec.http[0].route";
  r.findings.push_back(e);
  r.findings.push_back(make("MC4001", "missing-timeout", Severity::Warning,
                            "route 0 of virtualservice shop/reviews has no timeout",
                            "mesh/vs.yaml", 20, 5, kVs));
  r.findings.push_back(make("MC1002", "schema", Severity::Info, "document has no kind",
                            "mesh/other.yaml", 0, 0));
  Diagnostic s = make("MC1002", "schema", Severity::Error, "unknown field \"foo\"",
                      "mesh/other.yaml", 3, 1, kDr);
  s.suppressed = true;
  r.findings.push_back(s);
  r.summary = {.files = 2, .resources = 2, .ignored = 1, .errors = 1, .warnings = 1,
               .infos = 1, .suppressed = 1};
  r.files = {{"mesh/vs.yaml", {kVs}}, {"mesh/other.yaml", {kDr}}};
  return r;
}

ReportOptions options() {
  ReportOptions o;
  o.sarif_root = "/srv/mesh-config";
  o.tool_version = "0.1.0";
  o.rules = kRules;
  return o;
}

using Writer = void (*)(std::ostream&, const LintReport&, const ReportOptions&);

std::string run(Writer w, const LintReport& r, const ReportOptions& o) {
  std::ostringstream out;
  w(out, r, o);
  return out.str();
}

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> v;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) v.push_back(l);
  return v;
}

std::vector<std::string> keys(const ordered_json& j) {
  std::vector<std::string> v;
  for (auto it = j.begin(); it != j.end(); ++it) v.push_back(it.key());
  return v;
}

// ---------------------------------------------------------------- text

TEST(TextReport, GccStyleLinesNotesAndSummary) {
  const std::string out = run(write_text_report, sample_report(), options());
  EXPECT_THAT(
      lines(out),
      ElementsAre(
          "mesh/vs.yaml:12:9: error: weights of route 0 of virtualservice shop/reviews add up to 90 [MC2002]",
          "mesh/vs.yaml:14:11: note: weight 40 is here",
          "mesh/vs.yaml:12:9: note: rendered from reviews/templates/vs.yaml",
          "mesh/vs.yaml:20:5: warning: route 0 of virtualservice shop/reviews has no timeout [MC4001]",
          "mesh/other.yaml: info: document has no kind [MC1002]",
          "mesh/other.yaml:3:1: error: unknown field \"foo\" [MC1002] (suppressed)",
          "1 error, 1 warning, 1 info in 2 files (1 suppressed)"));
  EXPECT_EQ(out.find('\033'), std::string::npos);
  EXPECT_EQ(out.back(), '\n');
}

TEST(TextReport, PluralsAndNoSuppressedSuffix) {
  LintReport r;
  r.findings.push_back(make("MC1002", "schema", Severity::Error, "a", "f.yaml", 1, 1));
  r.findings.push_back(make("MC1002", "schema", Severity::Error, "b", "f.yaml", 2, 1));
  r.summary = {.files = 1, .resources = 1, .errors = 2};
  EXPECT_EQ(lines(run(write_text_report, r, options())).back(), "2 errors, 0 warnings, 0 infos in 1 file");
}

TEST(TextReport, LineWithoutColumn) {
  LintReport r;
  r.findings.push_back(make("MC1002", "schema", Severity::Warning, "m", "f.yaml", 7, 0));
  r.summary = {.files = 1, .warnings = 1};
  EXPECT_EQ(lines(run(write_text_report, r, options())).front(), "f.yaml:7: warning: m [MC1002]");
}

TEST(TextReport, NothingAtAllForACleanRun) {
  LintReport r;
  r.summary = {.files = 3, .resources = 5};
  EXPECT_EQ(run(write_text_report, r, options()), "");
}

TEST(TextReport, SummaryWhenOnlySuppressed) {
  LintReport r;
  r.summary = {.files = 1, .resources = 1, .suppressed = 2};
  EXPECT_EQ(run(write_text_report, r, options()), "0 errors, 0 warnings, 0 infos in 1 file (2 suppressed)\n");
}

TEST(TextReport, ColourOnlyWhenAsked) {
  LintReport r;
  Diagnostic d = make("MC2002", "weight-sum", Severity::Error, "bad", "f.yaml", 1, 2);
  d.related.push_back({{"g.yaml", 3, 4}, "here"});
  r.findings.push_back(d);
  r.findings.push_back(make("MC4001", "missing-timeout", Severity::Warning, "w", "f.yaml", 5, 1));
  r.findings.push_back(make("MC4001", "missing-timeout", Severity::Info, "i", "f.yaml", 6, 1));
  r.summary = {.files = 1, .errors = 1, .warnings = 1, .infos = 1};
  ReportOptions o = options();
  o.color = true;
  const auto l = lines(run(write_text_report, r, o));
  ASSERT_EQ(l.size(), 5u);
  EXPECT_EQ(l[0], "\033[1mf.yaml:1:2:\033[0m \033[1;31merror:\033[0m bad [MC2002]");
  EXPECT_EQ(l[1], "\033[1mg.yaml:3:4:\033[0m \033[1;36mnote:\033[0m here");
  EXPECT_EQ(l[2], "\033[1mf.yaml:5:1:\033[0m \033[1;35mwarning:\033[0m w [MC4001]");
  EXPECT_EQ(l[3], "\033[1mf.yaml:6:1:\033[0m \033[1;36minfo:\033[0m i [MC4001]");
  EXPECT_EQ(l[4], "1 error, 1 warning, 1 info in 1 file");

  o.color = false;
  EXPECT_EQ(run(write_text_report, r, o).find('\033'), std::string::npos);
}

// ---------------------------------------------------------------- JSON

TEST(JsonReport, ContractKeysInOrder) {
  const std::string out = run(write_json_report, sample_report(), options());
  ASSERT_EQ(out.back(), '\n');
  EXPECT_EQ(out.substr(0, 16), "{\n  \"findings\": ");  // 2-space indent
  const ordered_json j = ordered_json::parse(out);
  EXPECT_THAT(keys(j), ElementsAre("findings", "summary"));
  EXPECT_THAT(keys(j["summary"]),
              ElementsAre("files", "resources", "ignored", "errors", "warnings", "infos", "suppressed"));
  EXPECT_EQ(j["summary"]["files"], 2);
  EXPECT_EQ(j["summary"]["ignored"], 1);
  EXPECT_EQ(j["summary"]["suppressed"], 1);

  const auto& f = j["findings"];
  ASSERT_EQ(f.size(), 4u);
  EXPECT_THAT(keys(f[0]), ElementsAre("code", "rule", "severity", "message", "file", "line", "column",
                                      "resource", "related", "template"));
  EXPECT_THAT(keys(f[1]), ElementsAre("code", "rule", "severity", "message", "file", "line", "column",
                                      "resource", "related"));
  EXPECT_THAT(keys(f[3]), ElementsAre("code", "rule", "severity", "message", "file", "line", "column",
                                      "resource", "related", "suppressed"));
  EXPECT_EQ(f[0]["code"], "MC2002");
  EXPECT_EQ(f[0]["rule"], "weight-sum");
  EXPECT_EQ(f[0]["severity"], "error");
  EXPECT_EQ(f[0]["file"], "mesh/vs.yaml");
  EXPECT_EQ(f[0]["line"], 12);
  EXPECT_EQ(f[0]["column"], 9);
  EXPECT_THAT(keys(f[0]["resource"]), ElementsAre("kind", "namespace", "name"));
  EXPECT_EQ(f[0]["resource"]["kind"], "VirtualService");
  EXPECT_EQ(f[0]["resource"]["namespace"], "shop");
  EXPECT_EQ(f[0]["resource"]["name"], "reviews");
  ASSERT_EQ(f[0]["related"].size(), 1u);
  EXPECT_THAT(keys(f[0]["related"][0]), ElementsAre("file", "line", "column", "message"));
  EXPECT_EQ(f[0]["related"][0]["line"], 14);
  EXPECT_EQ(f[0]["template"], "reviews/templates/vs.yaml");
  EXPECT_TRUE(f[1]["related"].is_array());
  EXPECT_TRUE(f[1]["related"].empty());
  EXPECT_EQ(f[1]["severity"], "warning");
  EXPECT_TRUE(f[2]["resource"].is_null());
  EXPECT_EQ(f[2]["severity"], "info");
  EXPECT_EQ(f[2]["line"], 0);
  EXPECT_EQ(f[3]["suppressed"], true);
  EXPECT_EQ(f[3]["message"], "unknown field \"foo\"");
}

TEST(JsonReport, EmptyRun) {
  const std::string out = run(write_json_report, LintReport{}, options());
  const ordered_json j = ordered_json::parse(out);
  EXPECT_TRUE(j["findings"].is_array());
  EXPECT_TRUE(j["findings"].empty());
  EXPECT_EQ(j["summary"]["errors"], 0);
}

TEST(JsonReport, InvalidUtf8DoesNotThrow) {
  LintReport r;
  r.findings.push_back(make("MC1002", "schema", Severity::Error, "bad \xff byte", "f.yaml", 1, 1));
  std::string out;
  ASSERT_NO_THROW(out = run(write_json_report, r, options()));
  EXPECT_TRUE(ordered_json::accept(out));
}

// ---------------------------------------------------------------- SARIF

TEST(SarifReport, Structure) {
  LintReport r = sample_report();
  r.findings[0].location.file = "/srv/mesh-config/mesh/vs.yaml";  // absolute, under the root
  r.findings[0].related[0].location.file = "/srv/mesh-config/mesh/a b#1.yaml";
  const ordered_json j = ordered_json::parse(run(write_sarif_report, r, options()));
  EXPECT_EQ(j["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  EXPECT_EQ(j["version"], "2.1.0");
  ASSERT_EQ(j["runs"].size(), 1u);
  const auto& run0 = j["runs"][0];
  EXPECT_EQ(run0["columnKind"], "unicodeCodePoints");
  EXPECT_EQ(run0["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///srv/mesh-config/");

  const auto& driver = run0["tool"]["driver"];
  EXPECT_EQ(driver["name"], "meshc");
  EXPECT_EQ(driver["version"], "0.1.0");
  EXPECT_EQ(driver["informationUri"], "https://github.com/meshc/meshc");
  const auto& rules = driver["rules"];
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(rules[1]["id"], "MC2002");
  EXPECT_EQ(rules[1]["name"], "weight-sum");
  EXPECT_EQ(rules[1]["shortDescription"]["text"], "route weights do not add up to 100");
  EXPECT_EQ(rules[1]["fullDescription"]["text"], "route weights do not add up to 100");
  EXPECT_EQ(rules[1]["helpUri"], "https://github.com/meshc/meshc/blob/main/docs/rules/MC2002.md");
  EXPECT_THAT(rules[1]["help"]["text"].get<std::string>(),
              HasSubstr("See https://github.com/meshc/meshc/blob/main/docs/rules/MC2002.md"));
  EXPECT_EQ(rules[0]["defaultConfiguration"]["level"], "error");
  EXPECT_EQ(rules[1]["defaultConfiguration"]["level"], "warning");
  EXPECT_EQ(rules[2]["defaultConfiguration"]["level"], "note");

  const auto& results = run0["results"];
  ASSERT_EQ(results.size(), 4u);
  for (const auto& res : results) {
    const auto idx = res["ruleIndex"].get<size_t>();
    ASSERT_LT(idx, rules.size());
    EXPECT_EQ(rules[idx]["id"], res["ruleId"]);
    EXPECT_TRUE(res["partialFingerprints"].contains("meshc/v1"));
  }
  const auto& e = results[0];
  EXPECT_EQ(e["ruleId"], "MC2002");
  EXPECT_EQ(e["ruleIndex"], 1);
  EXPECT_EQ(e["level"], "error");
  EXPECT_EQ(e["message"]["text"], "weights of route 0 of virtualservice shop/reviews add up to 90");
  const auto& loc = e["locations"][0]["physicalLocation"];
  EXPECT_EQ(loc["artifactLocation"]["uri"], "mesh/vs.yaml");
  EXPECT_EQ(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  EXPECT_EQ(loc["region"]["startLine"], 12);
  EXPECT_EQ(loc["region"]["startColumn"], 9);
  ASSERT_EQ(e["relatedLocations"].size(), 1u);
  const auto& rel = e["relatedLocations"][0];
  EXPECT_TRUE(rel["id"].is_number_unsigned());
  EXPECT_EQ(rel["message"]["text"], "weight 40 is here");
  EXPECT_EQ(rel["physicalLocation"]["artifactLocation"]["uri"], "mesh/a%20b%231.yaml");
  EXPECT_EQ(rel["physicalLocation"]["region"]["startLine"], 14);
  EXPECT_FALSE(e.contains("suppressions"));

  EXPECT_EQ(results[1]["level"], "warning");
  EXPECT_EQ(results[1]["ruleIndex"], 2);
  EXPECT_EQ(results[2]["level"], "note");
  EXPECT_EQ(results[2]["ruleIndex"], 0);
  EXPECT_FALSE(results[2]["locations"][0]["physicalLocation"].contains("region"));
  EXPECT_FALSE(results[2].contains("relatedLocations"));
  ASSERT_TRUE(results[3].contains("suppressions"));
  EXPECT_EQ(results[3]["suppressions"], ordered_json::parse(R"([{"kind":"inSource"}])"));
}

TEST(SarifReport, RelativePathsAreResolvedAgainstTheWorkingDirectory) {
  const std::filesystem::path cwd = std::filesystem::current_path();
  LintReport r;
  r.findings.push_back(make("MC1002", "schema", Severity::Error, "m", "sub/./dir/../x.yaml", 1, 1));
  r.findings.push_back(make("MC1002", "schema", Severity::Error, "m", "<stdin>", 2, 1));
  ReportOptions o = options();
  o.sarif_root = cwd.string() + "/";  // a trailing slash is fine
  const ordered_json j = ordered_json::parse(run(write_sarif_report, r, o));
  const auto& results = j["runs"][0]["results"];
  EXPECT_EQ(results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "sub/x.yaml");
  EXPECT_EQ(results[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "stdin");
  const std::string base = j["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"];
  EXPECT_TRUE(base.starts_with("file:///"));
  EXPECT_TRUE(base.ends_with("/"));
  EXPECT_THAT(base, Not(HasSubstr("////")));
}

TEST(SarifReport, FileOutsideTheRootGetsAnAbsoluteUri) {
  LintReport r;
  r.findings.push_back(make("MC1002", "schema", Severity::Error, "m", "/etc/mesh/x y.yaml", 1, 1));
  const ordered_json j = ordered_json::parse(run(write_sarif_report, r, options()));
  const auto& art = j["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
  EXPECT_EQ(art["uri"], "file:///etc/mesh/x%20y.yaml");
  EXPECT_FALSE(art.contains("uriBaseId"));
}

TEST(SarifReport, UnknownCodeGetsARuleEntry) {
  LintReport r;
  r.findings.push_back(make("MC5001", "unreachable-route", Severity::Warning, "m", "/srv/mesh-config/a.yaml", 1, 1));
  const ordered_json j = ordered_json::parse(run(write_sarif_report, r, options()));
  const auto& rules = j["runs"][0]["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 4u);
  EXPECT_EQ(rules[3]["id"], "MC5001");
  EXPECT_EQ(j["runs"][0]["results"][0]["ruleIndex"], 3);
}

TEST(SarifReport, FingerprintIgnoresLineButNotField) {
  LintReport r;
  Diagnostic a = make("MC2002", "weight-sum", Severity::Error, "m", "/srv/mesh-config/a.yaml", 3, 1, kVs);
  a.field_path = "spec.http[0].route";
  Diagnostic b = a;
  b.location.line = 30;
  Diagnostic c = a;
  c.field_path = "spec.http[1].route";
  // Without a field path the message tells findings on one resource apart.
  Diagnostic d = make("MC2002", "weight-sum", Severity::Error, "one", "/srv/mesh-config/a.yaml", 3, 1, kVs);
  Diagnostic e = d;
  e.message = "two";
  r.findings = {a, b, c, d, e};
  const ordered_json j = ordered_json::parse(run(write_sarif_report, r, options()));
  const auto& res = j["runs"][0]["results"];
  EXPECT_EQ(res[0]["partialFingerprints"]["meshc/v1"], res[1]["partialFingerprints"]["meshc/v1"]);
  EXPECT_NE(res[0]["partialFingerprints"]["meshc/v1"], res[2]["partialFingerprints"]["meshc/v1"]);
  EXPECT_NE(res[3]["partialFingerprints"]["meshc/v1"], res[4]["partialFingerprints"]["meshc/v1"]);
}

TEST(SarifReport, EmptyRun) {
  const ordered_json j = ordered_json::parse(run(write_sarif_report, LintReport{}, options()));
  EXPECT_TRUE(j["runs"][0]["results"].is_array());
  EXPECT_TRUE(j["runs"][0]["results"].empty());
  EXPECT_EQ(j["runs"][0]["tool"]["driver"]["rules"].size(), 3u);
}

// ---------------------------------------------------------------- GitHub

TEST(GithubReport, Commands) {
  const auto l = lines(run(write_github_report, sample_report(), options()));
  ASSERT_EQ(l.size(), 4u);
  EXPECT_EQ(l[0],
            "::error file=mesh/vs.yaml,line=12,col=9,title=MC2002 weight-sum::"
            "weights of route 0 of virtualservice shop/reviews add up to 90"
            "%0Amesh/vs.yaml:14:11: note: weight 40 is here"
            "%0Arendered from reviews/templates/vs.yaml");
  EXPECT_EQ(l[1],
            "::warning file=mesh/vs.yaml,line=20,col=5,title=MC4001 missing-timeout::"
            "route 0 of virtualservice shop/reviews has no timeout");
  EXPECT_EQ(l[2], "::notice file=mesh/other.yaml,title=MC1002 schema::document has no kind");
  EXPECT_EQ(l[3], "::notice file=mesh/other.yaml,line=3,col=1,title=MC1002 schema (suppressed)::"
                  "unknown field \"foo\"");
}

TEST(GithubReport, Escaping) {
  LintReport r;
  r.findings.push_back(make("MC1002", "schema", Severity::Error, "100% of a:b, c\r\nnext",
                            "dir,x/a:b%.yaml", 1, 2));
  EXPECT_EQ(run(write_github_report, r, options()),
            "::error file=dir%2Cx/a%3Ab%25.yaml,line=1,col=2,title=MC1002 schema::"
            "100%25 of a:b, c%0D%0Anext\n");
}

TEST(GithubReport, EmptyRun) { EXPECT_EQ(run(write_github_report, LintReport{}, options()), ""); }

// ---------------------------------------------------------------- JUnit

// A small XML 1.0 reader, strict enough to reject what a real parser would:
// unbalanced or mismatched tags, raw '<' or bare '&' in text or attributes,
// unknown entities, unquoted attributes, duplicate attributes, control
// characters, content after the root.
struct XmlNode {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attrs;
  std::vector<std::unique_ptr<XmlNode>> children;
  std::string text;  // character data, entities decoded

  std::string attr(const std::string& key) const {
    for (const auto& [k, v] : attrs) {
      if (k == key) return v;
    }
    throw std::runtime_error("no attribute " + key + " on " + name);
  }
  std::vector<const XmlNode*> all(const std::string& n) const {
    std::vector<const XmlNode*> v;
    for (const auto& c : children) {
      if (c->name == n) v.push_back(c.get());
    }
    return v;
  }
};

class XmlReader {
 public:
  explicit XmlReader(std::string s) : s_(std::move(s)) {}

  std::unique_ptr<XmlNode> document() {
    const std::string decl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    if (s_.compare(0, decl.size(), decl) != 0) fail("missing XML declaration");
    p_ = decl.size();
    skip_space();
    auto root = element();
    skip_space();
    if (p_ != s_.size()) fail("content after the root element");
    return root;
  }

 private:
  [[noreturn]] void fail(const std::string& why) {
    throw std::runtime_error(why + " at offset " + std::to_string(p_));
  }
  void skip_space() {
    while (p_ < s_.size() && (s_[p_] == ' ' || s_[p_] == '\n' || s_[p_] == '\t' || s_[p_] == '\r')) ++p_;
  }
  static bool name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':' || c == '.';
  }
  std::string name() {
    const size_t start = p_;
    while (p_ < s_.size() && name_char(s_[p_])) ++p_;
    if (p_ == start) fail("expected a name");
    return s_.substr(start, p_ - start);
  }
  void check_char(unsigned char c) {
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') fail("control character");
  }
  std::string entity() {
    const size_t end = s_.find(';', p_);
    if (end == std::string::npos) fail("unterminated entity");
    const std::string e = s_.substr(p_ + 1, end - p_ - 1);
    p_ = end + 1;
    if (e == "amp") return "&";
    if (e == "lt") return "<";
    if (e == "gt") return ">";
    if (e == "quot") return "\"";
    if (e == "apos") return "'";
    if (std::regex_match(e, std::regex("#[0-9]+"))) {
      const long v = std::stol(e.substr(1));
      if (v != 9 && v != 10 && v != 13 && v < 32) fail("reference to an illegal character");
      if (v < 128) return std::string(1, static_cast<char>(v));
      return "?";
    }
    fail("unknown entity &" + e + ";");
  }
  std::unique_ptr<XmlNode> element() {
    if (p_ >= s_.size() || s_[p_] != '<') fail("expected '<'");
    ++p_;
    auto node = std::make_unique<XmlNode>();
    node->name = name();
    for (;;) {
      const size_t before = p_;
      skip_space();
      if (p_ >= s_.size()) fail("unterminated start tag");
      if (s_.compare(p_, 2, "/>") == 0) {
        p_ += 2;
        return node;
      }
      if (s_[p_] == '>') {
        ++p_;
        break;
      }
      if (p_ == before) fail("attributes must be separated by whitespace");
      std::string key = name();
      if (p_ >= s_.size() || s_[p_] != '=') fail("expected '='");
      ++p_;
      if (p_ >= s_.size() || s_[p_] != '"') fail("expected '\"'");
      ++p_;
      std::string value;
      while (p_ < s_.size() && s_[p_] != '"') {
        const char c = s_[p_];
        if (c == '<') fail("raw '<' in an attribute");
        if (c == '&') {
          value += entity();
          continue;
        }
        check_char(static_cast<unsigned char>(c));
        value += c;
        ++p_;
      }
      if (p_ >= s_.size()) fail("unterminated attribute");
      ++p_;
      for (const auto& [k, v] : node->attrs) {
        if (k == key) fail("duplicate attribute " + key);
      }
      node->attrs.emplace_back(std::move(key), std::move(value));
    }
    for (;;) {
      if (p_ >= s_.size()) fail("unterminated element " + node->name);
      const char c = s_[p_];
      if (c == '<') {
        if (s_.compare(p_, 2, "</") == 0) {
          p_ += 2;
          if (name() != node->name) fail("mismatched end tag for " + node->name);
          skip_space();
          if (p_ >= s_.size() || s_[p_] != '>') fail("expected '>'");
          ++p_;
          return node;
        }
        node->children.push_back(element());
      } else if (c == '&') {
        node->text += entity();
      } else {
        if (c == '>' && p_ >= 2 && s_.compare(p_ - 2, 2, "]]") == 0) fail("']]>' in text");
        check_char(static_cast<unsigned char>(c));
        node->text += c;
        ++p_;
      }
    }
  }

  std::string s_;
  size_t p_ = 0;
};

std::unique_ptr<XmlNode> parse_xml(const std::string& s) { return XmlReader(s).document(); }

// Runs xmllint over the document when it is installed; skips otherwise.
void xmllint_if_available(const std::string& xml, const std::string& tag) {
  if (!std::filesystem::exists("/usr/bin/xmllint")) return;
  const auto path = std::filesystem::temp_directory_path() /
                    ("meshc_report_test_" + tag + "_" + std::to_string(::getpid()) + ".xml");
  {
    std::ofstream f(path, std::ios::binary);
    f << xml;
  }
  const std::string cmd = "/usr/bin/xmllint --noout '" + path.string() + "'";
  const int rc = std::system(cmd.c_str());
  std::filesystem::remove(path);
  EXPECT_EQ(rc, 0) << "xmllint rejected:\n" << xml;
}

const XmlNode* testcase_named(const XmlNode& suite, const std::string& name) {
  for (const XmlNode* c : suite.all("testcase")) {
    if (c->attr("name") == name) return c;
  }
  return nullptr;
}

TEST(JunitReport, StructureAndCounts) {
  LintReport r = sample_report();
  // A second error on the same resource: one testcase, two failures.
  r.findings.push_back(make("MC2002", "weight-sum", Severity::Error, "second", "mesh/vs.yaml", 30, 1, kVs));
  // A finding in a file the report does not list still gets a suite.
  r.findings.push_back(make("MC1002", "schema", Severity::Error, "cannot parse", "extra.yaml", 1, 1));
  const std::string xml = run(write_junit_report, r, options());
  xmllint_if_available(xml, "structure");
  std::unique_ptr<XmlNode> doc;
  ASSERT_NO_THROW(doc = parse_xml(xml)) << xml;
  EXPECT_EQ(doc->name, "testsuites");
  EXPECT_EQ(doc->attr("name"), "meshc lint");
  EXPECT_EQ(doc->attr("errors"), "0");
  EXPECT_EQ(doc->attr("time"), "0");

  const auto suites = doc->all("testsuite");
  ASSERT_EQ(suites.size(), 3u);
  EXPECT_EQ(suites[0]->attr("name"), "mesh/vs.yaml");
  EXPECT_EQ(suites[1]->attr("name"), "mesh/other.yaml");
  EXPECT_EQ(suites[2]->attr("name"), "extra.yaml");
  for (const XmlNode* s : suites) {
    EXPECT_EQ(s->attr("errors"), "0");
    EXPECT_EQ(s->attr("skipped"), "0");
    EXPECT_EQ(s->attr("time"), "0");
    EXPECT_EQ(s->attr("tests"), std::to_string(s->all("testcase").size()));
    size_t failed = 0;
    for (const XmlNode* c : s->all("testcase")) {
      EXPECT_EQ(c->attr("time"), "0");
      failed += c->all("failure").empty() ? 0 : 1;
    }
    EXPECT_EQ(s->attr("failures"), std::to_string(failed));
  }

  // mesh/vs.yaml: the VirtualService fails twice; its warning goes to system-out.
  const XmlNode* vs = testcase_named(*suites[0], "shop/reviews");
  ASSERT_NE(vs, nullptr);
  EXPECT_EQ(vs->attr("classname"), "VirtualService");
  const auto failures = vs->all("failure");
  ASSERT_EQ(failures.size(), 2u);
  EXPECT_EQ(failures[0]->attr("type"), "MC2002");
  EXPECT_EQ(failures[0]->attr("message"), "weights of route 0 of virtualservice shop/reviews add up to 90");
  EXPECT_EQ(failures[0]->text,
            "mesh/vs.yaml:12:9: error: weights of route 0 of virtualservice shop/reviews add up to 90 [MC2002]\n"
            "mesh/vs.yaml:14:11: note: weight 40 is here\n"
            "mesh/vs.yaml:12:9: note: rendered from reviews/templates/vs.yaml");
  EXPECT_EQ(failures[1]->attr("message"), "second");
  const auto out = vs->all("system-out");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0]->text,
            "mesh/vs.yaml:20:5: warning: route 0 of virtualservice shop/reviews has no timeout [MC4001]\n");
  EXPECT_EQ(suites[0]->attr("failures"), "1");
  EXPECT_EQ(suites[0]->attr("tests"), "2");  // the VirtualService and the file

  // mesh/other.yaml: the suppressed error is gone, the DestinationRule passes,
  // the info without a resource lands in the file testcase's system-out.
  const XmlNode* dr = testcase_named(*suites[1], "shop/reviews");
  ASSERT_NE(dr, nullptr);
  EXPECT_EQ(dr->attr("classname"), "DestinationRule");
  EXPECT_TRUE(dr->children.empty());
  const XmlNode* file = testcase_named(*suites[1], "file");
  ASSERT_NE(file, nullptr);
  EXPECT_TRUE(file->all("failure").empty());
  ASSERT_EQ(file->all("system-out").size(), 1u);
  EXPECT_EQ(file->all("system-out")[0]->text, "mesh/other.yaml: info: document has no kind [MC1002]\n");
  EXPECT_EQ(suites[1]->attr("failures"), "0");
  EXPECT_THAT(xml, Not(HasSubstr("unknown field")));
  EXPECT_THAT(xml, Not(HasSubstr("suppressed")));

  const XmlNode* extra = testcase_named(*suites[2], "file");
  ASSERT_NE(extra, nullptr);
  EXPECT_EQ(extra->all("failure").size(), 1u);

  EXPECT_EQ(doc->attr("tests"), "5");
  EXPECT_EQ(doc->attr("failures"), "2");
}

TEST(JunitReport, FailOnThreshold) {
  LintReport r = sample_report();
  ReportOptions o = options();
  o.fail_on = Severity::Warning;
  auto doc = parse_xml(run(write_junit_report, r, o));
  const XmlNode* vs = testcase_named(*doc->all("testsuite")[0], "shop/reviews");
  ASSERT_NE(vs, nullptr);
  EXPECT_EQ(vs->all("failure").size(), 2u);
  EXPECT_TRUE(vs->all("system-out").empty());

  o.fail_on = std::nullopt;  // --fail-on=none: nothing fails, everything is output
  doc = parse_xml(run(write_junit_report, r, o));
  EXPECT_EQ(doc->attr("failures"), "0");
  vs = testcase_named(*doc->all("testsuite")[0], "shop/reviews");
  ASSERT_NE(vs, nullptr);
  EXPECT_TRUE(vs->all("failure").empty());
  ASSERT_EQ(vs->all("system-out").size(), 1u);
  EXPECT_THAT(vs->all("system-out")[0]->text, HasSubstr("[MC2002]"));
  EXPECT_THAT(vs->all("system-out")[0]->text, HasSubstr("[MC4001]"));
}

TEST(JunitReport, Escaping) {
  LintReport r;
  const ResourceRef odd{"Virtual<Service>", "a&b", "c\"d'e"};
  r.findings.push_back(make("MC1002", "schema", Severity::Error,
                            "value <x> & \"y\" ]]> 'z'\x01\x1b bad\xff", "d&<\"f'.yaml", 1, 1, odd));
  r.files = {{"d&<\"f'.yaml", {odd}}};
  const std::string xml = run(write_junit_report, r, options());
  xmllint_if_available(xml, "escaping");
  std::unique_ptr<XmlNode> doc;
  ASSERT_NO_THROW(doc = parse_xml(xml)) << xml;
  EXPECT_THAT(xml, HasSubstr("&lt;x&gt; &amp; &quot;y&quot;"));
  const XmlNode* suite = doc->all("testsuite")[0];
  EXPECT_EQ(suite->attr("name"), "d&<\"f'.yaml");
  const XmlNode* c = testcase_named(*suite, "a&b/c\"d'e");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->attr("classname"), "Virtual<Service>");
  ASSERT_EQ(c->all("failure").size(), 1u);
  // Control characters are dropped; the invalid byte becomes U+FFFD.
  EXPECT_EQ(c->all("failure")[0]->attr("message"), "value <x> & \"y\" ]]> 'z' bad\xEF\xBF\xBD");
}

TEST(JunitReport, NewlinesInAttributesSurvive) {
  LintReport r;
  r.findings.push_back(make("MC1002", "schema", Severity::Error, "one\ntwo", "f.yaml", 1, 1));
  const std::string xml = run(write_junit_report, r, options());
  EXPECT_THAT(xml, HasSubstr("message=\"one&#10;two\""));
  auto doc = parse_xml(xml);
  EXPECT_EQ(doc->all("testsuite")[0]->all("testcase")[0]->all("failure")[0]->attr("message"), "one\ntwo");
}

TEST(JunitReport, EmptyRun) {
  const std::string xml = run(write_junit_report, LintReport{}, options());
  xmllint_if_available(xml, "empty");
  std::unique_ptr<XmlNode> doc;
  ASSERT_NO_THROW(doc = parse_xml(xml)) << xml;
  EXPECT_EQ(doc->attr("tests"), "0");
  EXPECT_EQ(doc->attr("failures"), "0");
  EXPECT_TRUE(doc->children.empty());
}

TEST(JunitReport, CleanFileHasPassingTestcases) {
  LintReport r;
  r.files = {{"ok.yaml", {kVs, kDr}}};
  const std::string xml = run(write_junit_report, r, options());
  auto doc = parse_xml(xml);
  const auto suites = doc->all("testsuite");
  ASSERT_EQ(suites.size(), 1u);
  EXPECT_EQ(suites[0]->attr("tests"), "3");
  EXPECT_EQ(suites[0]->attr("failures"), "0");
  EXPECT_EQ(doc->attr("tests"), "3");
}

// ---------------------------------------------------------------- rule_info

TEST(RuleInfo, HelpUri) {
  EXPECT_EQ(rule_help_uri("MC2002"), "https://github.com/meshc/meshc/blob/main/docs/rules/MC2002.md");
}

}  // namespace
}  // namespace meshc
