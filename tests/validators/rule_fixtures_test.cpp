// Every fixture in testdata/rules/<CODE>/ is linted alone; its findings must
// match its `# expect: CODE` comments exactly, line by line. The catalog test
// holds every rule to a doc page and fixtures, and each page to the real
// message of its first fixture.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "tests/support/lint_in_process.h"

namespace meshc::test {
namespace {

namespace fs = std::filesystem;

const fs::path k_rules_dir = fs::path(MESHC_SOURCE_DIR) / "testdata" / "rules";
const fs::path k_docs_dir = fs::path(MESHC_SOURCE_DIR) / "docs" / "rules";

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

// (line, code) pairs from `# expect: A, B` comments.
std::multiset<std::pair<uint32_t, std::string>> expectations(const std::string& text) {
  std::multiset<std::pair<uint32_t, std::string>> out;
  std::istringstream in(text);
  std::string line;
  for (uint32_t n = 1; std::getline(in, line); ++n) {
    const auto pos = line.find("# expect:");
    if (pos == std::string::npos) continue;
    std::istringstream codes(line.substr(pos + 9));
    std::string code;
    while (std::getline(codes, code, ',')) {
      code.erase(0, code.find_first_not_of(" \t\r"));
      code.erase(code.find_last_not_of(" \t\r") + 1);
      if (!code.empty()) out.emplace(n, code);
    }
  }
  return out;
}

std::vector<fs::path> fixtures_of(const std::string& code) {
  std::vector<fs::path> out;
  if (!fs::is_directory(k_rules_dir / code)) return out;
  for (const auto& e : fs::directory_iterator(k_rules_dir / code))
    if (e.path().extension() == ".yaml") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string shown(const fs::path& p) { return fs::relative(p, MESHC_SOURCE_DIR).generic_string(); }

TEST(RuleFixtures, FindingsMatchExpectComments) {
  size_t checked = 0;
  for (const Rule* rule : all_rules()) {
    for (const auto& path : fixtures_of(std::string(rule->info().code))) {
      const std::string text = slurp(path);
      const auto result = lint_texts({{shown(path), text}});
      std::multiset<std::pair<uint32_t, std::string>> actual;
      std::map<std::pair<uint32_t, std::string>, std::string> messages;
      for (const auto& d : result.findings) {
        if (d.suppressed) continue;
        actual.emplace(d.location.line, d.code);
        messages[{d.location.line, d.code}] = d.message;
      }
      const auto expected = expectations(text);
      for (const auto& e : expected)
        if (actual.count(e) < expected.count(e))
          ADD_FAILURE() << shown(path) << ":" << e.first << ": expected " << e.second << ", not reported";
      for (const auto& a : actual)
        if (expected.count(a) < actual.count(a))
          ADD_FAILURE() << shown(path) << ":" << a.first << ": unexpected " << a.second << ": " << messages[a];
      ++checked;
    }
  }
  EXPECT_GT(checked, 0u) << "no fixtures found under " << k_rules_dir;
}

TEST(RuleCatalog, EveryRuleHasADocPageAndFixtures) {
  const std::string catalog = slurp(k_docs_dir / "README.md");
  for (const Rule* rule : all_rules()) {
    const std::string code(rule->info().code);
    EXPECT_TRUE(fs::exists(k_docs_dir / (code + ".md"))) << code << " has no docs/rules/" << code << ".md";
    EXPECT_NE(catalog.find(code), std::string::npos) << code << " is missing from docs/rules/README.md";
    const auto fixtures = fixtures_of(code);
    EXPECT_GE(fixtures.size(), 2u) << code << " needs a positive and a negative fixture";
    bool expected_somewhere = false;
    for (const auto& f : fixtures)
      for (const auto& e : expectations(slurp(f))) expected_somewhere = expected_somewhere || e.second == code;
    EXPECT_TRUE(expected_somewhere) << "no fixture of " << code << " expects " << code;
  }
}

TEST(RuleCatalog, EachPageShowsTheRealMessageOfItsFirstFixture) {
  for (const Rule* rule : all_rules()) {
    const std::string code(rule->info().code);
    const auto fixtures = fixtures_of(code);
    if (fixtures.empty()) continue;  // reported by the test above
    const auto result = lint_texts({{shown(fixtures[0]), slurp(fixtures[0])}});
    const Diagnostic* first = nullptr;
    for (const auto& d : result.findings)
      if (d.code == code && !first) first = &d;
    ASSERT_NE(first, nullptr) << shown(fixtures[0]) << " is the first fixture of " << code << " but gives no " << code;
    const std::string page = slurp(k_docs_dir / (code + ".md"));
    EXPECT_NE(page.find(first->message), std::string::npos)
        << "docs/rules/" << code << ".md does not show the message of " << shown(fixtures[0]) << ":\n  "
        << first->message;
  }
}

}  // namespace
}  // namespace meshc::test
