#include "compiler/frontend/yaml_reader.h"

#include <gtest/gtest.h>

#include "compiler/frontend/comment_scanner.h"
#include "compiler/frontend/scalar_type.h"
#include "compiler/frontend/text_checks.h"

namespace meshc {
namespace {

struct Parsed {
  SourceFile file;
  std::vector<std::unique_ptr<YamlDocument>> docs;
};

Parsed parse(std::string text, ReaderLimits limits = {}) {
  Parsed p{SourceFile("t.yaml", std::move(text)), {}};
  p.docs = read_yaml_documents(p.file, 0, p.file.text().size(), limits);
  return p;
}

TEST(YamlReader, NodesKeepLineAndCodePointColumn) {
  auto p = parse("metadata:\n  name: \"çà\"\n  labels: {app: café, v: x}\n");
  ASSERT_EQ(p.docs.size(), 1u);
  const Node* labels = p.docs[0]->root->get("metadata")->get("labels");
  ASSERT_NE(labels, nullptr);
  EXPECT_EQ(labels->get("app")->position.line, 3u);
  EXPECT_EQ(labels->get("app")->position.column, 17u);
  // "café" is 5 bytes but 4 code points: v's key sits at column 23, not 24.
  EXPECT_EQ(labels->key_node("v")->position.column, 23u);
}

TEST(YamlReader, CrlfLineEndsKeepPositions) {
  auto p = parse("a: 1\r\nb:\r\n  c: x\r\n");
  EXPECT_EQ(p.docs[0]->root->get("b")->get("c")->position.line, 3u);
  EXPECT_EQ(p.docs[0]->root->get("b")->get("c")->position.column, 6u);
}

TEST(YamlReader, PlainScalarsAreTypedAsKubernetesTypesThem) {
  EXPECT_EQ(plain_scalar_type("on"), ScalarType::Bool);
  EXPECT_EQ(plain_scalar_type("yes"), ScalarType::Bool);
  EXPECT_EQ(plain_scalar_type("Off"), ScalarType::Bool);
  EXPECT_EQ(plain_scalar_type("42"), ScalarType::Int);
  EXPECT_EQ(plain_scalar_type("-0x1F"), ScalarType::Int);
  EXPECT_EQ(plain_scalar_type("1.5e3"), ScalarType::Float);
  EXPECT_EQ(plain_scalar_type(".inf"), ScalarType::Float);
  EXPECT_EQ(plain_scalar_type("~"), ScalarType::Null);
  EXPECT_EQ(plain_scalar_type("5s"), ScalarType::String);
  EXPECT_EQ(plain_scalar_type("v1"), ScalarType::String);
  EXPECT_EQ(plain_scalar_type("1.2.3.4"), ScalarType::String);
  auto p = parse("a: \"on\"\nb: 'yes'\nc: !!str 5\nd: |\n  on\n");
  const Node* r = p.docs[0]->root;
  for (const char* key : {"a", "b", "c", "d"}) EXPECT_TRUE(r->get(key)->is_string()) << key;
}

TEST(YamlReader, DuplicateKeyIsReportedWithBothPositions) {
  auto p = parse("spec:\n  host: a\n  host: b\n");
  ASSERT_EQ(p.docs[0]->problems.size(), 1u);
  const auto& problem = p.docs[0]->problems[0];
  EXPECT_EQ(problem.kind, YamlProblem::Kind::DuplicateKey);
  EXPECT_EQ(problem.position.line, 3u);
  EXPECT_EQ(problem.first.line, 2u);
}

TEST(YamlReader, SyntaxErrorIsReportedWhereItIs) {
  auto p = parse("a: 1\nb: [1, 2\nc: 3\n");
  ASSERT_FALSE(p.docs.empty());
  ASSERT_EQ(p.docs.back()->problems.size(), 1u);
  EXPECT_EQ(p.docs.back()->problems[0].kind, YamlProblem::Kind::Syntax);
  EXPECT_GE(p.docs.back()->problems[0].position.line, 2u);
}

TEST(YamlReader, DepthLimitStopsRunawayNesting) {
  ReaderLimits limits;
  limits.max_depth = 10;
  auto p = parse("a: " + std::string(20, '[') + std::string(20, ']'), limits);
  ASSERT_EQ(p.docs.back()->problems.size(), 1u);
  EXPECT_NE(p.docs.back()->problems[0].message.find("depth limit"), std::string::npos);
  auto ok = parse("a: " + std::string(9, '[') + std::string(9, ']'), limits);
  EXPECT_TRUE(ok.docs.back()->problems.empty());
}

TEST(YamlReader, AliasExpansionIsCountedNotCopied) {
  ReaderLimits limits;
  limits.max_alias_nodes = 100;
  auto p = parse("a: &x [1, 2, 3, 4, 5, 6, 7, 8, 9]\nb: [*x, *x, *x, *x, *x, *x, *x, *x, *x, *x, *x]\n", limits);
  ASSERT_EQ(p.docs.back()->problems.size(), 1u);
  EXPECT_NE(p.docs.back()->problems[0].message.find("alias expansion limit"), std::string::npos);
  auto ok = parse("a: &x {k: v}\nb: *x\n", limits);
  EXPECT_TRUE(ok.docs[0]->problems.empty());
  EXPECT_EQ(ok.docs[0]->root->get("b")->get("k")->str(), "v");
}

// Kubernetes' YAML 1.1 parser reads these IPv6 addresses as strings.
TEST(YamlReader, ColonEndedScalarsInFlowSequencesStayScalars) {
  auto p = parse("addresses: [1.2.3.4, 001:db8::, fe80::]\nmaps: [a: 1, b: ]\n");
  const Node* addresses = p.docs[0]->root->get("addresses");
  ASSERT_EQ(addresses->items.size(), 3u);
  EXPECT_EQ(addresses->items[1]->str(), "001:db8::");
  EXPECT_EQ(addresses->items[2]->str(), "fe80::");
  const Node* maps = p.docs[0]->root->get("maps");
  EXPECT_TRUE(maps->items[0]->is_mapping());
  EXPECT_TRUE(maps->items[1]->is_mapping());
}

TEST(YamlReader, AliasesCountTowardsTheDepthLimit) {
  ReaderLimits limits;
  limits.max_depth = 10;
  // Each level nests the previous anchor one level deeper: 4 levels written,
  // 2 + 4 * 3 levels once the aliases are expanded.
  auto p = parse("a: &a [[x]]\nb: &b [[*a]]\nc: &c [[*b]]\nd: &d [[*c]]\ne: [[*d]]\n", limits);
  ASSERT_EQ(p.docs.back()->problems.size(), 1u);
  EXPECT_NE(p.docs.back()->problems[0].message.find("depth limit"), std::string::npos);
}

TEST(YamlReader, ByteOrderMarkDoesNotShiftPositions) {
  auto p = parse("\xEF\xBB\xBF" "a: 1\nb:\n  c: x\n");
  EXPECT_EQ(p.docs[0]->root->get("b")->get("c")->position.line, 3u);
  EXPECT_EQ(p.docs[0]->root->get("b")->get("c")->position.column, 6u);
}

TEST(YamlReader, MergeKeysMergeAsKubernetesDoes) {
  auto p = parse("base: &base {a: 1, b: 2}\nmore: &more {c: 3}\nuse:\n  <<: [*base, *more]\n  b: 20\n");
  const Node* use = p.docs[0]->root->get("use");
  ASSERT_TRUE(use->is_mapping());
  EXPECT_EQ(use->entries.size(), 3u);
  EXPECT_EQ(use->get("a")->str(), "1");
  EXPECT_EQ(use->get("b")->str(), "20");
  EXPECT_EQ(use->get("c")->str(), "3");
  EXPECT_EQ(use->get("<<"), nullptr);
}

TEST(YamlReader, StrayCommaEndsTheStreamInsteadOfLooping) {
  auto p = parse("a: 1\n---\n, b\n");
  ASSERT_FALSE(p.docs.empty());
  ASSERT_EQ(p.docs.back()->problems.size(), 1u);
  EXPECT_NE(p.docs.back()->problems[0].message.find("unexpected ','"), std::string::npos);
}

TEST(YamlReader, EmptyDocumentsHaveNoRoot) {
  auto p = parse("---\n---\nnull\n");
  for (const auto& d : p.docs) EXPECT_EQ(d->root, nullptr);
}

TEST(TextChecks, FindsTheFirstInvalidByte) {
  EXPECT_FALSE(find_invalid_text("a: café\n\tb: ✓\r\n"));
  auto bad = find_invalid_text(std::string("ab\xc3(", 4));
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->offset, 2u);
  bad = find_invalid_text(std::string("ok\0x", 4));
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->offset, 2u);
  EXPECT_NE(bad->message.find("U+0000"), std::string::npos);
  EXPECT_TRUE(find_invalid_text("\xed\xa0\x80"));  // a UTF-16 surrogate
  EXPECT_TRUE(find_invalid_text("\xc0\xaf"));      // an overlong encoding
}

TEST(TextChecks, SplitsDocumentsAtMarkers) {
  const std::string text = "a: 1\n---\nb: 2\n--- # c\nc: 3\n---\n";
  const auto chunks = split_documents(text);
  ASSERT_EQ(chunks.size(), 4u);
  EXPECT_EQ(text.substr(chunks[1].begin, chunks[1].end - chunks[1].begin), "---\nb: 2\n");
  EXPECT_EQ(text.substr(chunks[2].begin, chunks[2].end - chunks[2].begin), "--- # c\nc: 3\n");
  EXPECT_EQ(text.substr(chunks[3].begin), "---\n");
}

TEST(TextChecks, DirectivesStayWithTheirDocument) {
  const std::string text = "a: 1\n%YAML 1.2\n---\nb: 2\n";
  const auto chunks = split_documents(text);
  ASSERT_EQ(chunks.size(), 2u);
  EXPECT_EQ(text.substr(chunks[1].begin), "%YAML 1.2\n---\nb: 2\n");
}

TEST(TextChecks, HelmSourceMarker) {
  EXPECT_EQ(helm_source_of("---\n# Source: chart/templates/vs.yaml\napiVersion: v1\n"), "chart/templates/vs.yaml");
  EXPECT_EQ(helm_source_of("apiVersion: v1\n# Source: late.yaml\n"), "");
}

TEST(YamlReader, UnclosedQuoteIsASyntaxError) {
  auto p = parse("a: \"abc\nb: 1\n");
  ASSERT_EQ(p.docs.back()->problems.size(), 1u);
  EXPECT_EQ(p.docs.back()->problems[0].position.line, 1u);
  EXPECT_NE(p.docs.back()->problems[0].message.find("never closed"), std::string::npos);
  EXPECT_TRUE(parse("a: 'it''s'\nb: \"q\\\"\"\n").docs[0]->problems.empty());
}

std::vector<std::string> comment_texts(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& c : find_comments(text)) out.emplace_back(c.text);
  return out;
}

TEST(CommentScanner, FindsCommentsButNotHashesInValues) {
  EXPECT_EQ(comment_texts("# top\na: \"x # no\"  # yes\nb: 'it''s # no' # 2\nc: a#b\n"),
            (std::vector<std::string>{" top", " yes", " 2"}));
}

TEST(CommentScanner, SkipsBlockScalarContent) {
  const std::string text =
      "- key: |\n"
      "    # inside the scalar\n"
      "  other: x  # after it\n"
      "- |\n"
      "  # inside again\n"
      "# at the end\n";
  EXPECT_EQ(comment_texts(text), (std::vector<std::string>{" after it", " at the end"}));
}

TEST(CommentScanner, QuotesSpanLines) {
  EXPECT_EQ(comment_texts("a: \"one\n  # still quoted\n  end\"  # real\n"), (std::vector<std::string>{" real"}));
}

}  // namespace
}  // namespace meshc
