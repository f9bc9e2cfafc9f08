// Istio's own sample configs lint as ../shared/corpus/README.md says, and
// Istio's invalid documents get an error-level finding. Skips with a message
// when the shared corpus is absent.
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

const fs::path k_istio = fs::path(MESHC_CORPUS_DIR) / "istio";
const fs::path k_negative = fs::path(MESHC_CORPUS_DIR) / "istio-negative";

#define SKIP_WITHOUT_CORPUS()                                                            \
  if (!fs::is_directory(k_istio))                                                        \
  GTEST_SKIP() << "shared corpus not found at " << MESHC_CORPUS_DIR << ": skipping"

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

std::vector<fs::path> yaml_files(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.path().extension() == ".yaml") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// Files that are fragments of a larger setup, and the reference findings they
// rightly get when linted alone: a Gateway or a subset that lives in another
// file (../shared/corpus/README.md).
const std::map<std::string, std::set<std::string>> k_fragment_references{
    // Its Gateway and the DestinationRule with the subsets are in
    // tcp-echo__tcp-echo-all-v1.yaml.
    {"istio/other-samples/tcp-echo__tcp-echo-20-v2.yaml", {"MC3001", "MC3002"}},
    // The subsets of c-weighted.extsvc.com are in rule-weighted-route.yaml.
    {"istio/tests-testdata-config/rule-content-route.yaml", {"MC3001"}},
    // my-gateway is in gateway-all.yaml.
    {"istio/tests-testdata-config/rule-default-route.yaml", {"MC3002"}},
    // The subsets of host c are in none of these files.
    {"istio/tests-testdata-config/rule-fault-injection.yaml", {"MC3001"}},
    // istio-ingressgateway is in ingressgateway.yaml; the subsets of c as above.
    {"istio/tests-testdata-config/rule-ingressgateway.yaml", {"MC3001", "MC3002"}},
    // istio-egressgateway is in egressgateway.yaml.
    {"istio/tests-testdata-config/rule-route-via-egressgateway.yaml", {"MC3002"}},
    // my-gateway is in gateway-all.yaml; the subsets of service3 are in none
    // of these files.
    {"istio/tests-testdata-config/virtual-service-all.yaml", {"MC3001", "MC3002"}},
};

std::string errors_of(const LintResult& r) {
  std::string out;
  for (const auto& d : r.findings) {
    if (d.severity != Severity::Error || d.suppressed) continue;
    const auto fragment = k_fragment_references.find(d.location.file);
    if (fragment != k_fragment_references.end() && fragment->second.contains(d.code)) continue;
    out += d.location.file + ":" + std::to_string(d.location.line) + ": " + d.message + " [" + d.code + "]\n";
  }
  return out;
}

LintResult lint_paths(const std::vector<fs::path>& paths) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& p : paths) files.emplace_back(fs::relative(p, MESHC_CORPUS_DIR).generic_string(), slurp(p));
  return lint_texts(files);
}

TEST(IstioCorpus, BookinfoVirtualServicesLintWithTheirRulesAndGateway) {
  SKIP_WITHOUT_CORPUS();
  const auto dir = k_istio / "bookinfo-networking";
  for (const auto& vs : yaml_files(dir)) {
    if (!vs.filename().string().starts_with("virtual-service-")) continue;
    const auto r = lint_paths({vs, dir / "destination-rule-all.yaml", dir / "bookinfo-gateway.yaml"});
    EXPECT_EQ(errors_of(r), "") << vs;
  }
}

// Not a VirtualService file: it brings its own `details` DestinationRule, which
// destination-rule-all.yaml defines differently (a real duplicate-resource when
// both are in one set), so it is linted with the Gateway only.
TEST(IstioCorpus, BookinfoOtherFilesLintAlone) {
  SKIP_WITHOUT_CORPUS();
  const auto dir = k_istio / "bookinfo-networking";
  for (const auto& f : yaml_files(dir)) {
    if (f.filename().string().starts_with("virtual-service-")) continue;
    const auto r = f.filename() == "bookinfo-gateway.yaml" ? lint_paths({f}) : lint_paths({f, dir / "bookinfo-gateway.yaml"});
    EXPECT_EQ(errors_of(r), "") << f;
  }
}

TEST(IstioCorpus, EnvoyFilterIsToleratedAsAnUncheckedKind) {
  SKIP_WITHOUT_CORPUS();
  const auto r = lint_paths(yaml_files(k_istio / "bookinfo-policy"));
  EXPECT_EQ(errors_of(r), "");
  ASSERT_FALSE(r.findings.empty());
  EXPECT_EQ(r.findings[0].code, "MC1006");
}

TEST(IstioCorpus, KubernetesContextFilesGiveNoErrors) {
  SKIP_WITHOUT_CORPUS();
  for (const auto& f : yaml_files(k_istio / "bookinfo-k8s-context")) EXPECT_EQ(errors_of(lint_paths({f})), "") << f;
}

TEST(IstioCorpus, OtherSamplesLintAloneWithoutErrors) {
  SKIP_WITHOUT_CORPUS();
  for (const auto& f : yaml_files(k_istio / "other-samples")) EXPECT_EQ(errors_of(lint_paths({f})), "") << f;
}

TEST(IstioCorpus, IstioTestConfigsLintAloneWithoutErrors) {
  SKIP_WITHOUT_CORPUS();
  for (const auto& f : yaml_files(k_istio / "tests-testdata-config")) EXPECT_EQ(errors_of(lint_paths({f})), "") << f;
}

TEST(IstioCorpus, AuthorizationPoliciesAreSchemaValid) {
  SKIP_WITHOUT_CORPUS();
  for (const auto& f : yaml_files(k_istio / "authz-builder-inputs")) {
    for (const auto& d : lint_paths({f}).findings) EXPECT_NE(d.code, "MC1002") << f << ": " << d.message;
  }
}

// Every warning on Istio's own samples, file by file, and why it is real. A new
// warning here is either a new real finding (add it, with the reason) or a
// false positive (fix the rule).
TEST(IstioCorpus, WarningsAreTheKnownRealOnes) {
  SKIP_WITHOUT_CORPUS();
  const std::map<std::string, std::set<std::string>> expected{
      // TLS origination with no caCertificates: the server is checked only
      // against the system trust store (the corpus README lists all three).
      {"istio/bookinfo-networking/egress-rule-google-apis.yaml", {"MC2020"}},
      {"istio/other-samples/multicluster__expose-istiod-https.yaml", {"MC2020"}},
      // LEAST_CONN is a deprecated alias of LEAST_REQUEST, and TLS origination
      // without caCertificates as above.
      {"istio/tests-testdata-config/destination-rule-ssl.yaml", {"MC1005", "MC2020"}},
      {"istio/tests-testdata-config/destination-rule-fqdn.yaml", {"MC1005"}},
      // consistentHash.minimumRingSize is deprecated in favour of ringHash;
      // the file's ServiceEntry has one endpoint, without labels, so the
      // subsets v1 and v2 select nothing.
      {"istio/tests-testdata-config/destination-rule-all.yaml", {"MC1005", "MC3010"}},
      // Two http rules without match: Istio never builds the second (its
      // IST0130 says the same).
      {"istio/bookinfo-networking/fault-injection-details-v1.yaml", {"MC2006"}},
      // Istio's authorization tests use requestPrincipals and request.auth.*
      // conditions without the RequestAuthentication that would give requests
      // a JWT identity (each file is one test's input); one file is the
      // allow-nothing policy that nothing else opens.
      {"istio/authz-builder-inputs/http/allow-full-rule-in.yaml", {"MC3103"}},
      {"istio/authz-builder-inputs/http/allow-nil-rule-in.yaml", {"MC2105"}},
      {"istio/authz-builder-inputs/http/multiple-policies-in.yaml", {"MC3103"}},
      {"istio/authz-builder-inputs/http/single-policy-in.yaml", {"MC3103"}},
      {"istio/authz-builder-inputs/tcp/allow-both-http-tcp-in.yaml", {"MC3103"}},
      {"istio/authz-builder-inputs/tcp/allow-only-http-in.yaml", {"MC3103"}},
      {"istio/authz-builder-inputs/tcp/audit-both-http-tcp-in.yaml", {"MC3103"}},
      {"istio/authz-builder-inputs/tcp/deny-both-http-tcp-in.yaml", {"MC3103"}},
      // websocketUpgrade was removed from the API; the API server drops it.
      {"istio/tests-testdata-config/rule-websocket-route.yaml", {"MC1005"}},
      // TCP ports on ServiceEntries without addresses (IST0134; the corpus
      // README lists them).
      {"istio/tests-testdata-config/none.yaml", {"MC2023"}},
      {"istio/tests-testdata-config/se-example.yaml", {"MC2023"}},
      // The egress route sends to httpbin.com, while the file's ServiceEntry
      // declares httpbin.org: no cluster exists for httpbin.com.
      {"istio/tests-testdata-config/se-example-gw.yaml", {"MC2023", "MC3004"}},
  };
  std::map<std::string, std::set<std::string>> actual;
  for (const char* dir : {"bookinfo-networking", "bookinfo-k8s-context", "bookinfo-policy", "other-samples",
                          "tests-testdata-config", "authz-builder-inputs"}) {
    for (const auto& f : yaml_files(k_istio / dir)) {
      for (const auto& d : lint_paths({f}).findings) {
        if (d.severity != Severity::Warning || d.suppressed) continue;
        // Istio's authorization tests use placeholder methods (`method`,
        // `rule[0]-to[0]-method`) that no request carries: rightly warned.
        if (std::string(dir) == "authz-builder-inputs" && d.code == "MC2102") continue;
        actual[d.location.file].insert(d.code);
      }
    }
  }
  EXPECT_EQ(actual, expected);
}

struct NegativeDocument {
  std::string id;     // file#index, 1-based
  std::string name;
  std::string error;  // Istio's expected error, empty for a valid document
  std::string text;   // the document without its _err key
};

std::vector<NegativeDocument> negative_documents() {
  std::vector<NegativeDocument> out;
  for (const auto& f : yaml_files(k_negative)) {
    std::istringstream in(slurp(f));
    std::string line;
    NegativeDocument doc;
    int index = 0;
    const auto flush = [&] {
      if (doc.text.find("kind:") == std::string::npos) return;
      const auto name_pos = doc.text.find("  name: ");
      if (name_pos != std::string::npos)
        doc.name = doc.text.substr(name_pos + 8, doc.text.find('\n', name_pos) - name_pos - 8);
      doc.id = f.filename().string() + "#" + std::to_string(++index);
      out.push_back(doc);
    };
    while (std::getline(in, line)) {
      if (line == "---") {
        flush();
        doc = {};
      } else if (line.starts_with("_err:")) {
        doc.error = line.substr(5);
        doc.text += "\n";  // keeps line numbers
      } else {
        doc.text += line + "\n";
      }
    }
    flush();
  }
  return out;
}

std::set<std::string> known_uncovered() {
  std::set<std::string> out;
  std::istringstream in(slurp(fs::path(MESHC_SOURCE_DIR) / "testdata" / "corpus" / "negative-uncovered.txt"));
  std::string line;
  while (std::getline(in, line))
    if (!line.empty() && line[0] != '#') out.insert(line.substr(0, line.find(' ')));
  return out;
}

TEST(IstioNegativeCorpus, ValidDocumentsGiveNoErrors) {
  if (!fs::is_directory(k_negative)) GTEST_SKIP() << "shared corpus not found at " << MESHC_CORPUS_DIR << ": skipping";
  for (const auto& doc : negative_documents()) {
    if (!doc.error.empty()) continue;
    EXPECT_EQ(errors_of(lint_texts({{doc.id, doc.text}})), "") << doc.id;
  }
}

// Invalid documents whose check belongs to a rule not written yet are listed
// in testdata/corpus/negative-uncovered.txt; the list may only shrink.
TEST(IstioNegativeCorpus, InvalidDocumentsGiveAnErrorUnlessListedAsNotYetCovered) {
  if (!fs::is_directory(k_negative)) GTEST_SKIP() << "shared corpus not found at " << MESHC_CORPUS_DIR << ": skipping";
  const auto uncovered = known_uncovered();
  size_t invalid = 0, covered = 0;
  for (const auto& doc : negative_documents()) {
    if (doc.error.empty()) continue;
    ++invalid;
    const bool has_error = !errors_of(lint_texts({{doc.id, doc.text}})).empty();
    covered += has_error;
    if (!has_error && !uncovered.contains(doc.id))
      ADD_FAILURE() << doc.id << " " << doc.name << " (Istio:" << doc.error << ") gives no error-level finding";
    if (has_error && uncovered.contains(doc.id))
      ADD_FAILURE() << doc.id << " is covered now: remove it from testdata/corpus/negative-uncovered.txt";
  }
  std::cout << "istio-negative: " << covered << " of " << invalid << " invalid documents covered\n";
  EXPECT_GT(invalid, 0u);
}

}  // namespace
}  // namespace meshc::test
