// `meshc lint` end to end: formats, exit codes, configuration, suppressions,
// baselines, config sets and --changed, all through the real binary.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/support/run_meshc.h"

namespace meshc::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* k_vs_with_weight_string = R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts: [reviews]
  http:
  - route:
    - destination: {host: reviews}
      weight: "100"
)";

constexpr const char* k_dr_least_conn = R"(apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
spec:
  host: reviews
  trafficPolicy:
    loadBalancer: {simple: LEAST_CONN}
)";

constexpr const char* k_clean_vs = R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ratings
spec:
  hosts: [ratings]
  http:
  - route:
    - destination: {host: ratings}
)";

nlohmann::json json_of(const RunResult& r) {
  try {
    return nlohmann::json::parse(r.out);
  } catch (const std::exception& e) {
    ADD_FAILURE() << "not JSON: " << e.what() << "\n" << r.out << r.err;
    return {};
  }
}

TEST(LintCli, TextFindingIsGccStyleWithCode) {
  TempDir dir;
  dir.write("vs.yaml", k_vs_with_weight_string);
  const auto r = run_meshc({"lint", "vs.yaml"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("vs.yaml:10:15: error: VirtualService default/reviews: spec.http[0].route[0].weight must be "
                               "an integer, not a string [MC1002]"));
}

TEST(LintCli, CleanInputExits0AndPrintsNothing) {
  TempDir dir;
  dir.write("vs.yaml", k_clean_vs);
  const auto r = run_meshc({"lint", "vs.yaml"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out, "");
}

TEST(LintCli, JsonOutputFollowsTheContract) {
  TempDir dir;
  dir.write("vs.yaml", k_vs_with_weight_string);
  const auto r = run_meshc({"lint", "--format", "json", "vs.yaml"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 1);
  const auto j = json_of(r);
  ASSERT_EQ(j["findings"].size(), 1u);
  const auto& f = j["findings"][0];
  EXPECT_EQ(f["code"], "MC1002");
  EXPECT_EQ(f["rule"], "schema");
  EXPECT_EQ(f["severity"], "error");
  EXPECT_EQ(f["file"], "vs.yaml");
  EXPECT_EQ(f["line"], 10);
  EXPECT_EQ(f["column"], 15);
  EXPECT_EQ(f["resource"], (nlohmann::json{{"kind", "VirtualService"}, {"namespace", "default"}, {"name", "reviews"}}));
  EXPECT_EQ(j["summary"]["files"], 1);
  EXPECT_EQ(j["summary"]["resources"], 1);
  EXPECT_EQ(j["summary"]["errors"], 1);
  EXPECT_EQ(j["summary"]["suppressed"], 0);
}

TEST(LintCli, ExitCodesAreTheSameInEveryFormat) {
  TempDir dir;
  dir.write("vs.yaml", k_vs_with_weight_string);
  for (const char* format : {"text", "json", "sarif", "github", "junit"}) {
    const auto r = run_meshc({"lint", "--format", format, "vs.yaml"}, {}, dir.path());
    EXPECT_EQ(r.exit_code, 1) << format;
    EXPECT_FALSE(r.out.empty()) << format;
  }
}

TEST(LintCli, FailOnDecidesWhichSeverityFails) {
  TempDir dir;
  dir.write("dr.yaml", k_dr_least_conn);  // one warning: LEAST_CONN
  EXPECT_EQ(run_meshc({"lint", "dr.yaml"}, {}, dir.path()).exit_code, 0);
  EXPECT_EQ(run_meshc({"lint", "--fail-on", "warning", "dr.yaml"}, {}, dir.path()).exit_code, 1);
  EXPECT_EQ(run_meshc({"lint", "--fail-on", "info", "dr.yaml"}, {}, dir.path()).exit_code, 1);
  dir.write("vs.yaml", k_vs_with_weight_string);
  EXPECT_EQ(run_meshc({"lint", "--fail-on", "none", "vs.yaml"}, {}, dir.path()).exit_code, 0);
}

TEST(LintCli, UsageErrorsExit2) {
  EXPECT_EQ(run_meshc({"lint", "--no-such-flag"}).exit_code, 2);
  EXPECT_EQ(run_meshc({"lint", "--format", "xml", "."}).exit_code, 2);
  EXPECT_EQ(run_meshc({"lint", "--fail-on", "fatal", "."}).exit_code, 2);
  const auto r = run_meshc({"lint", "--disable", "no-such-rule", "."});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("unknown rule 'no-such-rule'"));
}

TEST(LintCli, GithubFormatIsChosenUnderGithubActions) {
  TempDir dir;
  dir.write("vs.yaml", k_vs_with_weight_string);
  const auto r = run_meshc({"lint", "vs.yaml"}, {}, dir.path(), {"GITHUB_ACTIONS=true"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("::error file=vs.yaml,line=10,col=15,title=MC1002 schema::"));
}

TEST(LintCli, SarifUrisAreRelativeToSarifRoot) {
  TempDir dir;
  dir.write("configs/vs.yaml", k_vs_with_weight_string);
  const auto r = run_meshc({"lint", "--format", "sarif", "--sarif-root", dir.path(), dir.path() + "/configs"});
  EXPECT_EQ(r.exit_code, 1);
  const auto j = json_of(r);
  EXPECT_EQ(j["version"], "2.1.0");
  const auto& run = j["runs"][0];
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  const auto& loc = run["results"][0]["locations"][0]["physicalLocation"];
  EXPECT_EQ(loc["artifactLocation"]["uri"], "configs/vs.yaml");
  EXPECT_EQ(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  EXPECT_EQ(loc["region"]["startLine"], 10);
  EXPECT_EQ(run["results"][0]["ruleId"], "MC1002");
}

TEST(LintCli, JunitHasOneTestcasePerResource) {
  TempDir dir;
  dir.write("vs.yaml", std::string(k_vs_with_weight_string) + "---\n" + k_clean_vs);
  const auto r = run_meshc({"lint", "--format", "junit", "vs.yaml"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("<testcase classname=\"VirtualService\" name=\"default/reviews\""));
  EXPECT_THAT(r.out, HasSubstr("<testcase classname=\"VirtualService\" name=\"default/ratings\""));
  EXPECT_THAT(r.out, HasSubstr("<failure type=\"MC1002\""));
}

TEST(LintCli, ColourOnlyWhenAsked) {
  TempDir dir;
  dir.write("vs.yaml", k_vs_with_weight_string);
  EXPECT_THAT(run_meshc({"lint", "vs.yaml"}, {}, dir.path()).out, Not(HasSubstr("\x1b[")));
  EXPECT_THAT(run_meshc({"lint", "--color=always", "vs.yaml"}, {}, dir.path()).out, HasSubstr("\x1b["));
  EXPECT_THAT(run_meshc({"lint", "--color=never", "vs.yaml"}, {}, dir.path()).out, Not(HasSubstr("\x1b[")));
}

TEST(LintCli, StdinIsNamedAndCanBeRenamed) {
  auto r = run_meshc({"lint", "-"}, k_vs_with_weight_string);
  EXPECT_THAT(r.out, HasSubstr("<stdin>:10:15: error:"));
  r = run_meshc({"lint", "--stdin-filename", "k8s/vs.yaml", "-"}, k_vs_with_weight_string);
  EXPECT_THAT(r.out, HasSubstr("k8s/vs.yaml:10:15: error:"));
}

TEST(LintCli, DirectoriesAreSearchedRecursivelyForYamlOnly) {
  TempDir dir;
  dir.write("a/b/vs.yml", k_vs_with_weight_string);
  dir.write("a/readme.md", "# not yaml");
  dir.write("a/.hidden/skip.yaml", k_vs_with_weight_string);
  const auto r = run_meshc({"lint", "--format", "json", "a"}, {}, dir.path());
  const auto j = json_of(r);
  EXPECT_EQ(j["summary"]["files"], 1);
  EXPECT_EQ(j["findings"][0]["file"], "a/b/vs.yml");
}

TEST(LintCli, KubectlListItemsAreChecked) {
  const std::string list = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: networking.istio.io/v1\n"
                           "  kind: DestinationRule\n  metadata: {name: r}\n  spec: {host: r, bogus: 1}\n";
  const auto r = run_meshc({"lint", "-"}, list);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("<stdin>:7:19: error: DestinationRule default/r: unknown field 'bogus' in spec"));
}

TEST(LintCli, HelmSourceMarkerNamesTheTemplate) {
  const std::string rendered = std::string("---\n# Source: mychart/templates/vs.yaml\n") + k_vs_with_weight_string;
  auto r = run_meshc({"lint", "--format", "json", "-"}, rendered);
  const auto j = json_of(r);
  EXPECT_EQ(j["findings"][0]["template"], "mychart/templates/vs.yaml");
  r = run_meshc({"lint", "-"}, rendered);
  EXPECT_THAT(r.out, HasSubstr("rendered from mychart/templates/vs.yaml"));
}

TEST(LintCli, NamespaceDefaultsAndCanBeSet) {
  auto j = json_of(run_meshc({"lint", "--format", "json", "-"}, k_vs_with_weight_string));
  EXPECT_EQ(j["findings"][0]["resource"]["namespace"], "default");
  j = json_of(run_meshc({"lint", "--format", "json", "--namespace", "prod", "-"}, k_vs_with_weight_string));
  EXPECT_EQ(j["findings"][0]["resource"]["namespace"], "prod");
}

TEST(LintCli, InlineSuppressionOnTheLineOrTheLineBefore) {
  std::string text = k_vs_with_weight_string;
  text.replace(text.find("weight: \"100\""), 13, "weight: \"100\"  # meshc:ignore schema legacy generator");
  auto r = run_meshc({"lint", "--format", "json", "-"}, text);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(json_of(r)["summary"]["suppressed"], 1);
  r = run_meshc({"lint", "--no-inline-suppressions", "-"}, text);
  EXPECT_EQ(r.exit_code, 1);
  text = k_vs_with_weight_string;
  text.replace(text.find("      weight"), 0, "      # meshc:ignore MC1002 quoted by the generator\n");
  EXPECT_EQ(run_meshc({"lint", "-"}, text).exit_code, 0);
}

TEST(LintCli, ShowSuppressedListsThemMarked) {
  std::string text = std::string("# meshc:ignore-file MC1002\n") + k_vs_with_weight_string;
  const auto j = json_of(run_meshc({"lint", "--format", "json", "--show-suppressed", "-"}, text));
  ASSERT_EQ(j["findings"].size(), 1u);
  EXPECT_EQ(j["findings"][0]["suppressed"], true);
}

TEST(LintCli, AnnotationSuppressesTheResource) {
  std::string text = k_vs_with_weight_string;
  text.replace(text.find("  name: reviews"), 15, "  name: reviews\n  annotations:\n    meshc.io/ignore: schema");
  const auto r = run_meshc({"lint", "-"}, text);
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

TEST(LintCli, IstioAndKialiSuppressionAnnotationsApplyToEquivalentRules) {
  const std::string se = R"(apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: db
  annotations:
    galley.istio.io/analyze-suppress: IST0134,IST0101
spec:
  hosts: [db.example.com]
  ports: [{number: 5432, name: tcp-pg, protocol: TCP}]
  resolution: DNS
)";
  auto r = run_meshc({"lint", "--format", "json", "--fail-on", "warning", "-"}, se);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(json_of(r)["summary"]["suppressed"], 1);
  std::string unsuppressed = se;
  unsuppressed.replace(unsuppressed.find("IST0134,IST0101"), 15, "IST0101");
  r = run_meshc({"lint", "--fail-on", "warning", "-"}, unsuppressed);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("[MC2023]"));
  EXPECT_THAT(r.out, Not(HasSubstr("MC1007")));  // another tool's codes are not meshc's to judge
}

TEST(LintCli, UnusedSuppressionIsReported) {
  std::string text = std::string(k_clean_vs) + "# meshc:ignore MC1002\n";
  text.replace(text.find("  http:"), 7, "  http:  # meshc:ignore MC1002 nothing here");
  const auto r = run_meshc({"lint", "-"}, text);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, HasSubstr("meshc:ignore MC1002 suppresses nothing; remove it [MC1007]"));
}

TEST(LintCli, PartlyUnusedSuppressionNamesTheUnusedRule) {
  std::string text = k_vs_with_weight_string;
  text.replace(text.find("weight: \"100\""), 13, "weight: \"100\"  # meshc:ignore MC1002,MC1005");
  const auto r = run_meshc({"lint", "-"}, text);
  EXPECT_THAT(r.out, HasSubstr("MC1005 in meshc:ignore MC1002,MC1005 suppresses nothing; remove MC1005 [MC1007]"));
}

TEST(LintCli, UnusedSuppressionCanItselfBeSuppressed) {
  const std::string text = std::string(k_clean_vs) + "# meshc:ignore MC1002 kept for the next release\n"
                                                      "# meshc:ignore-file unused-suppression\n";
  const auto r = run_meshc({"lint", "--format", "json", "-"}, text);
  EXPECT_EQ(json_of(r)["summary"]["warnings"], 0) << r.out;
}

TEST(LintCli, SuppressionWordsInsideValuesAreNotSuppressions) {
  std::string text = k_vs_with_weight_string;
  text.replace(text.find("  name: reviews"), 15,
               "  name: reviews\n  annotations:\n    note: |\n      # meshc:ignore-file MC1002\n");
  const auto r = run_meshc({"lint", "-"}, text);
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_THAT(r.out, Not(HasSubstr("MC1007")));
}

TEST(LintCli, MisspelledKindIsASchemaErrorWithASuggestion) {
  const auto r = run_meshc({"lint", "-"}, "apiVersion: networking.istio.io/v1\nkind: Virtualservice\nmetadata: {name: a}\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("unknown kind 'Virtualservice' in networking.istio.io; did you mean 'VirtualService'?"));
}

TEST(LintCli, RouteAndRedirectAreMutuallyExclusive) {
  const auto r = run_meshc({"lint", "-"}, R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: a}
spec:
  hosts: [a]
  http:
  - route: [{destination: {host: a}}]
    redirect: {uri: /b}
)");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("'route' and 'redirect' are mutually exclusive in spec.http[0]"));
}

TEST(LintCli, DisableTakesOneRulePerFlagOrACommaList) {
  TempDir dir;
  dir.write("dr.yaml", k_dr_least_conn);
  const auto r = run_meshc({"lint", "--fail-on", "info", "--disable", "MC1005", "dr.yaml"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(run_meshc({"lint", "--fail-on", "info", "--disable=MC1008,MC1005", "dr.yaml"}, {}, dir.path()).exit_code, 0);
}

TEST(LintCli, IstioKindUnderTheWrongApiVersionIsReported) {
  const auto r = run_meshc({"lint", "-"}, "apiVersion: v1\nkind: VirtualService\nmetadata: {name: a}\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("VirtualService belongs to networking.istio.io, not to 'v1'"));
  // Another API's kind of the same name is not ours to check.
  EXPECT_EQ(run_meshc({"lint", "-"}, "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: a}\n")
                .exit_code,
            0);
}

TEST(LintCli, IgnorePathsAreGlobsRelativeToTheConfigFile) {
  TempDir dir;
  dir.write(".meshc.yaml", "ignorePaths: ['charts/*/templates', '**/generated-*.yaml']\n");
  dir.write("charts/app/templates/vs.yaml", k_vs_with_weight_string);
  dir.write("k8s/deep/generated-vs.yaml", k_vs_with_weight_string);
  dir.write("k8s/vs.yaml", k_clean_vs);
  const auto j = json_of(run_meshc({"lint", "--format", "json", "."}, {}, dir.path()));
  EXPECT_EQ(j["summary"]["files"], 1) << j.dump();
  EXPECT_EQ(j["summary"]["errors"], 0);
}

TEST(LintCli, MaxFileSizeMustBeASize) {
  EXPECT_EQ(run_meshc({"lint", "--max-file-size", "-1", "-"}, k_clean_vs).exit_code, 2);
  EXPECT_EQ(run_meshc({"lint", "--max-file-size", "99999999999999G", "-"}, k_clean_vs).exit_code, 2);
}

TEST(LintCli, ChangedFileHoldingTheFirstOfTwoDuplicatesGetsTheFinding) {
  TempDir dir;
  dir.write("a.yaml", k_clean_vs);
  dir.write("b.yaml", k_clean_vs);
  const auto r = run_meshc({"lint", "--changed", "a.yaml"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("[MC1004]"));
}

TEST(LintCli, RewritingABaselineInPlaceKeepsWhatItAccepted) {
  TempDir dir;
  dir.write("vs.yaml", k_vs_with_weight_string);
  run_meshc({"lint", "--write-baseline", "b.json", "vs.yaml"}, {}, dir.path());
  run_meshc({"lint", "--baseline", "b.json", "--write-baseline", "b.json", "vs.yaml"}, {}, dir.path());
  EXPECT_EQ(run_meshc({"lint", "--baseline", "b.json", "vs.yaml"}, {}, dir.path()).exit_code, 0);
}

TEST(LintCli, BadColourValueIsAUsageErrorEvenWithOutputFile) {
  TempDir dir;
  dir.write("vs.yaml", k_clean_vs);
  EXPECT_EQ(run_meshc({"lint", "--color", "sometimes", "-o", "out.txt", "vs.yaml"}, {}, dir.path()).exit_code, 2);
}

// Resources with proto (snake_case) names take another path to the schema
// check than the rest; both must report the same mistakes.
TEST(LintCli, SchemaErrorsAreFoundWithAndWithoutProtoFieldNames) {
  const std::string base = "apiVersion: security.istio.io/v1\nkind: RequestAuthentication\nmetadata: {name: j}\n"
                           "spec:\n  jwtRules:\n  - issuer: a\n    forwardOriginalToken: \"yes\"\n";
  for (const char* extra : {"", "    jwks_uri: https://a/jwks\n"}) {
    const auto r = run_meshc({"lint", "-"}, base + extra);
    EXPECT_EQ(r.exit_code, 1) << extra;
    EXPECT_THAT(r.out, HasSubstr("spec.jwtRules[0].forwardOriginalToken must be a boolean, not a string")) << extra;
  }
}

TEST(LintCli, ConfigFileDisablesAndChangesSeverity) {
  TempDir dir;
  dir.write("dr.yaml", k_dr_least_conn);
  dir.write(".meshc.yaml", "severity:\n  deprecated-field: error\n");
  EXPECT_EQ(run_meshc({"lint", "dr.yaml"}, {}, dir.path()).exit_code, 1);
  dir.write(".meshc.yaml", "disable: [MC1005]\n");
  const auto r = run_meshc({"lint", "dr.yaml"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(run_meshc({"lint", "--enable", "MC1005", "--fail-on", "warning", "dr.yaml"}, {}, dir.path()).exit_code, 1);
}

TEST(LintCli, ConfigFileIsFoundInParentDirectories) {
  TempDir dir;
  dir.write(".meshc.yaml", "namespace: team-a\n");
  dir.write("sub/dir/vs.yaml", k_vs_with_weight_string);
  const auto j = json_of(run_meshc({"lint", "--format", "json", "vs.yaml"}, {}, dir.path() + "/sub/dir"));
  EXPECT_EQ(j["findings"][0]["resource"]["namespace"], "team-a");
}

TEST(LintCli, UnknownConfigKeyExits2WithPosition) {
  TempDir dir;
  dir.write(".meshc.yaml", "disable: []\nrulez: {}\n");
  dir.write("vs.yaml", k_clean_vs);
  const auto r = run_meshc({"lint", "vs.yaml"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr(".meshc.yaml:2:1: unknown key 'rulez'"));
}

TEST(LintCli, MeshConfigFileIsRead) {
  TempDir dir;
  dir.write("mesh.yaml", "rootNamespace: mesh-root\ntrustDomain: example.org\n");
  dir.write("vs.yaml", k_clean_vs);
  EXPECT_EQ(run_meshc({"lint", "--mesh-config", "mesh.yaml", "vs.yaml"}, {}, dir.path()).exit_code, 0);
  dir.write("bad.yaml", "rootNamespace: [a]\n");
  EXPECT_EQ(run_meshc({"lint", "--mesh-config", "bad.yaml", "vs.yaml"}, {}, dir.path()).exit_code, 2);
}

TEST(LintCli, BaselineAcceptsExistingFindingsEvenWhenLinesMove) {
  TempDir dir;
  dir.write("vs.yaml", k_vs_with_weight_string);
  auto r = run_meshc({"lint", "--write-baseline", "baseline.json", "vs.yaml"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 1);
  dir.write("vs.yaml", std::string("# a new comment moves every line\n\n") + k_vs_with_weight_string);
  r = run_meshc({"lint", "--format", "json", "--baseline", "baseline.json", "vs.yaml"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(json_of(r)["summary"]["suppressed"], 1);
  dir.write("vs.yaml", std::string(k_vs_with_weight_string) + "---\n" + k_dr_least_conn + "    bogus: 1\n");
  r = run_meshc({"lint", "--baseline", "baseline.json", "vs.yaml"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("unknown field 'bogus'"));
  EXPECT_THAT(r.out, Not(HasSubstr("weight must be")));
}

TEST(LintCli, BaselineThatIsNotABaselineExits2) {
  TempDir dir;
  dir.write("vs.yaml", k_clean_vs);
  dir.write("b.json", "{\"x\": 1}");
  EXPECT_EQ(run_meshc({"lint", "--baseline", "b.json", "vs.yaml"}, {}, dir.path()).exit_code, 2);
}

TEST(LintCli, DuplicateResourcesAreComparedPerConfigSet) {
  TempDir dir;
  dir.write("envs/dev/vs.yaml", k_clean_vs);
  dir.write("envs/prod/vs.yaml", k_clean_vs);
  auto r = run_meshc({"lint", "envs"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("[MC1004]"));
  dir.write(".meshc.yaml", "sets:\n- {name: dev, paths: [envs/dev]}\n- {name: prod, paths: [envs/prod]}\n");
  r = run_meshc({"lint"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

TEST(LintCli, ChangedReportsOnlyFindingsInChangedFiles) {
  TempDir dir;
  dir.write(".meshc.yaml", "sets:\n- {name: dev, paths: [envs/dev]}\n- {name: prod, paths: [envs/prod]}\n");
  dir.write("envs/dev/a.yaml", k_vs_with_weight_string);
  dir.write("envs/dev/b.yaml", k_dr_least_conn);
  dir.write("envs/prod/c.yaml", k_vs_with_weight_string);
  auto r = run_meshc({"lint", "--fail-on", "warning", "--changed", "envs/dev/b.yaml"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("envs/dev/b.yaml"));
  EXPECT_THAT(r.out, Not(HasSubstr("a.yaml")));
  EXPECT_THAT(r.out, Not(HasSubstr("c.yaml")));
  r = run_meshc({"lint", "--changed", "README.md"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 0);
}

TEST(LintCli, CrossResourceFindingsFollowTheFileTheyAreIn) {
  TempDir dir;
  dir.write("route.yaml",
            "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: reviews, namespace: shop}\n"
            "spec:\n  hosts: [reviews]\n  http:\n  - route:\n    - destination: {host: reviews, subset: v2}\n");
  dir.write("dr.yaml",
            "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: reviews, namespace: shop}\n"
            "spec:\n  host: reviews\n  subsets:\n  - {name: v1, labels: {version: v1}}\n");
  dir.write("other.yaml", k_vs_with_weight_string);
  // The finding is on the route that names the subset, with a note at the
  // DestinationRule consulted: it counts for a change to either file, not
  // for a change to an unrelated one.
  for (const char* changed : {"route.yaml", "dr.yaml"}) {
    const auto r = run_meshc({"lint", "--changed", changed}, {}, dir.path());
    EXPECT_EQ(r.exit_code, 1) << changed;
    EXPECT_THAT(r.out, HasSubstr("route.yaml:8:44: error:"));
    EXPECT_THAT(r.out, HasSubstr("[MC3001]"));
    EXPECT_THAT(r.out, HasSubstr("dr.yaml:5:9: note:"));
    EXPECT_THAT(r.out, Not(HasSubstr("other.yaml")));
  }
  auto r = run_meshc({"lint", "--changed", "other.yaml"}, {}, dir.path());
  EXPECT_THAT(r.out, Not(HasSubstr("[MC3001]")));
  // Linted alone, the route has no DestinationRule at all.
  r = run_meshc({"lint", "route.yaml"}, {}, dir.path());
  EXPECT_THAT(r.out, HasSubstr("[MC3001]"));
  EXPECT_EQ(run_meshc({"lint", "dr.yaml"}, {}, dir.path()).exit_code, 0);
}

TEST(LintCli, ListRulesAsJson) {
  const auto r = run_meshc({"lint", "--list-rules", "--format", "json"});
  EXPECT_EQ(r.exit_code, 0);
  const auto j = json_of(r);
  ASSERT_TRUE(j.is_array());
  EXPECT_GE(j.size(), 8u);
  EXPECT_EQ(j[0]["code"], "MC1001");
  EXPECT_EQ(j[0]["rule"], "yaml-syntax");
}

TEST(LintCli, ExplainPrintsTheRulePage) {
  auto r = run_meshc({"explain", "schema"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, HasSubstr("# MC1002 schema"));
  r = run_meshc({"explain", "MC9999"});
  EXPECT_EQ(r.exit_code, 2);
}

TEST(LintCli, VersionNamesTheIstioApi) {
  const auto r = run_meshc({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, HasSubstr("meshc "));
  EXPECT_THAT(r.out, HasSubstr("Istio API"));
}

TEST(LintCli, HelpIsUsefulOnItsOwn) {
  const auto r = run_meshc({"lint", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, HasSubstr("--fail-on"));
  EXPECT_THAT(r.out, HasSubstr("Exit codes"));
}

}  // namespace
}  // namespace meshc::test
