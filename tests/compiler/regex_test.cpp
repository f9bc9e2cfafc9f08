#include "compiler/match/regex.h"

#include <gtest/gtest.h>

#include <string>

namespace meshc {
namespace {

TEST(RegexError, AcceptsRe2Syntax) {
  EXPECT_FALSE(regex_error("/api/v[0-9]+/.*"));
  EXPECT_FALSE(regex_error("^(GET|POST)$"));
  EXPECT_FALSE(regex_error(".*"));
  EXPECT_FALSE(regex_error("(?i)foo"));
  EXPECT_FALSE(regex_error("a{2,5}"));
  EXPECT_FALSE(regex_error("\\d+\\.\\w*"));
  EXPECT_FALSE(regex_error("(?P<name>x)"));
  EXPECT_FALSE(regex_error("^/old/(?<rest>.*)$"));  // Go 1.22+ and current RE2
  EXPECT_FALSE(regex_error("(?<a>x)(?<b_2>y)"));
}

TEST(RegexError, RejectsWhatRe2Rejects) {
  EXPECT_TRUE(regex_error("(?=foo)bar"));   // lookahead
  EXPECT_TRUE(regex_error("(?!foo)"));      // negative lookahead
  EXPECT_TRUE(regex_error("(?<=a)b"));      // lookbehind
  EXPECT_TRUE(regex_error("(?<!a)b"));      // negative lookbehind
  EXPECT_TRUE(regex_error("(a)\\1"));       // backreference
  EXPECT_TRUE(regex_error("(a"));           // unbalanced
  EXPECT_TRUE(regex_error("a)"));
  EXPECT_TRUE(regex_error("[a-"));
  EXPECT_TRUE(regex_error("*"));            // nothing to repeat
  EXPECT_TRUE(regex_error("a{1001}"));      // repeat count over 1000
}

TEST(RegexError, GivesRe2sReason) {
  const auto e = regex_error("(a");
  ASSERT_TRUE(e);
  EXPECT_NE(e->find("missing )"), std::string::npos) << *e;
}

TEST(RegexError, RejectsEmptyAndTooLong) {
  EXPECT_EQ(regex_error(""), std::optional<std::string>("the regex is empty"));
  EXPECT_FALSE(regex_error(std::string(1024, 'a')));
  const auto e = regex_error(std::string(1025, 'a'));
  ASSERT_TRUE(e);
  EXPECT_NE(e->find("1025"), std::string::npos) << *e;
}

}  // namespace
}  // namespace meshc
