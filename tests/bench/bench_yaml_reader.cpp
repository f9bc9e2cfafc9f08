// Micro-benchmarks of the lint pipeline's pieces, in bytes per second:
//   text checks (find_invalid_text, split_documents), the YAML reader
//   (read_yaml_documents, per document chunk as lint() calls it), the whole
//   lint() on one thread, and, as the floor, yaml-cpp's event parser alone
//   with a handler that does nothing.
//
// The corpus is 1,000 resources built in memory from a few realistic
// templates, or, when MESHC_BENCH_CORPUS names a file (e.g. one written by
// tests/bench/gen_corpus.py), that file:
//   MESHC_BENCH_CORPUS=corpus.yaml build-bench/tests/bench/bench_yaml_reader
#include <benchmark/benchmark.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/frontend/text_checks.h"
#include "compiler/frontend/yaml_reader.h"
#include "compiler/model/source_file.h"
#include "validators/linter.h"

namespace {

// Five templates of the kinds that dominate gen_corpus.py's mix, used in
// turn; `@` is replaced by a unique suffix.
constexpr const char* k_templates[] = {
    R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews-@
  namespace: shop-prod
spec:
  hosts:
  - reviews-@
  http:
  - name: canary-users
    match:
    - headers:
        end-user:
          exact: jason
    route:
    - destination:
        host: reviews-@
        subset: v2
  - name: default
    route:
    - destination:
        host: reviews-@
        subset: v1
      weight: 80
    - destination:
        host: reviews-@
        subset: v2
      weight: 20
    timeout: 10s
    retries:
      attempts: 3
      perTryTimeout: 2s
      retryOn: 5xx,reset,connect-failure
)",
    R"(apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews-@
  namespace: shop-prod
  labels:
    app: reviews-@
spec:
  host: reviews-@
  trafficPolicy:
    loadBalancer:
      simple: LEAST_REQUEST
    connectionPool:
      tcp:
        maxConnections: 100
        connectTimeout: 1s
      http:
        http1MaxPendingRequests: 64
        http2MaxRequests: 1000
    outlierDetection:
      consecutive5xxErrors: 5
      interval: 10s
      baseEjectionTime: 30s
      maxEjectionPercent: 50
    tls:
      mode: ISTIO_MUTUAL
  subsets:
  - name: v1
    labels:
      version: v1
  - name: v2
    labels:
      version: v2
)",
    R"(apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: reviews-@
  namespace: shop-prod
spec:
  selector:
    matchLabels:
      app: reviews-@
  action: ALLOW
  rules:
  - from:
    - source:
        principals: [cluster.local/ns/shop-prod/sa/productpage]
    to:
    - operation:
        methods: [GET, POST]
        paths: ["/api/reviews/*", /healthz]
)",
    R"(apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: partner-@
  namespace: shop-prod
spec:
  hosts:
  - api.partner-@.com
  location: MESH_EXTERNAL
  resolution: DNS
  ports:
  - number: 443
    name: tls
    protocol: TLS
)",
    R"(apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: reviews-@
  namespace: shop-prod
spec:
  selector:
    matchLabels:
      app: reviews-@
  mtls:
    mode: STRICT
)",
};

std::string built_in_corpus(int resources) {
  std::string out;
  constexpr int templates = static_cast<int>(std::size(k_templates));
  for (int i = 0; i < resources; ++i) {
    if (i != 0) out += "---\n";
    const std::string id = std::to_string(i / templates);
    for (const char* p = k_templates[i % templates]; *p != '\0'; ++p) {
      if (*p == '@') out += id;
      else out += *p;
    }
  }
  return out;
}

std::shared_ptr<const meshc::SourceFile> corpus() {
  static const std::shared_ptr<const meshc::SourceFile> file = [] {
    if (const char* path = std::getenv("MESHC_BENCH_CORPUS"); path != nullptr && *path != '\0') {
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        std::fprintf(stderr, "bench_yaml_reader: cannot read MESHC_BENCH_CORPUS=%s\n", path);
        std::exit(3);
      }
      std::ostringstream text;
      text << in.rdbuf();
      return std::make_shared<const meshc::SourceFile>(path, text.str());
    }
    return std::make_shared<const meshc::SourceFile>("corpus.yaml", built_in_corpus(1000));
  }();
  return file;
}

void set_counters(benchmark::State& state, size_t bytes, size_t documents) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * documents));
}

void BM_FindInvalidText(benchmark::State& state) {
  const auto file = corpus();
  for (auto _ : state) benchmark::DoNotOptimize(meshc::find_invalid_text(file->text()));
  set_counters(state, file->text().size(), meshc::split_documents(file->text()).size());
}
BENCHMARK(BM_FindInvalidText);

void BM_SplitDocuments(benchmark::State& state) {
  const auto file = corpus();
  size_t documents = 0;
  for (auto _ : state) {
    auto chunks = meshc::split_documents(file->text());
    documents = chunks.size();
    benchmark::DoNotOptimize(chunks.data());
  }
  set_counters(state, file->text().size(), documents);
}
BENCHMARK(BM_SplitDocuments);

// As lint() calls it: one call per document chunk.
void BM_ReadYamlDocuments(benchmark::State& state) {
  const auto file = corpus();
  const auto chunks = meshc::split_documents(file->text());
  for (auto _ : state) {
    for (const auto& chunk : chunks) {
      auto docs = meshc::read_yaml_documents(*file, chunk.begin, chunk.end);
      benchmark::DoNotOptimize(docs.data());
    }
  }
  set_counters(state, file->text().size(), chunks.size());
}
BENCHMARK(BM_ReadYamlDocuments)->Unit(benchmark::kMillisecond);

// The whole stream in one call: yaml-cpp's own document loop.
void BM_ReadYamlDocumentsStream(benchmark::State& state) {
  const auto file = corpus();
  size_t documents = 0;
  for (auto _ : state) {
    auto docs = meshc::read_yaml_documents(*file, 0, file->text().size());
    documents = docs.size();
    benchmark::DoNotOptimize(docs.data());
  }
  set_counters(state, file->text().size(), documents);
}
BENCHMARK(BM_ReadYamlDocumentsStream)->Unit(benchmark::kMillisecond);

// The parse-only floor on the same text: yaml-cpp's event parser, no tree.
class NullHandler final : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string& value) override {
    benchmark::DoNotOptimize(value.data());
  }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

void BM_YamlCppEvents(benchmark::State& state) {
  const auto file = corpus();
  size_t documents = 0;
  for (auto _ : state) {
    std::istringstream in{std::string(file->text())};
    YAML::Parser parser(in);
    NullHandler handler;
    documents = 0;
    while (parser.HandleNextDocument(handler)) ++documents;
  }
  set_counters(state, file->text().size(), documents);
}
BENCHMARK(BM_YamlCppEvents)->Unit(benchmark::kMillisecond);

// lint() on one thread with the given rules (all of them when `codes` is
// null); the differences between the variants show what each part costs.
void run_lint(benchmark::State& state, const std::vector<std::string>* codes) {
  const auto file = corpus();
  meshc::LintRequest request;
  request.files.push_back(file);
  request.rules = meshc::default_rule_severities();
  if (codes != nullptr)
    std::erase_if(request.rules, [&](const auto& rule) { return std::ranges::find(*codes, rule.first) == codes->end(); });
  request.threads = 1;
  size_t resources = 0;
  size_t findings = 0;
  for (auto _ : state) {
    const meshc::LintResult result = meshc::lint(request);
    resources = result.resources.size();
    findings = result.findings.size();
    benchmark::DoNotOptimize(result.findings.data());
  }
  state.counters["findings"] = static_cast<double>(findings);
  set_counters(state, file->text().size(), resources);
}

void BM_Lint(benchmark::State& state) { run_lint(state, nullptr); }
BENCHMARK(BM_Lint)->Unit(benchmark::kMillisecond);

void BM_LintWith(benchmark::State& state, std::vector<std::string> codes) { run_lint(state, &codes); }
// Reading, resource classification and the pipeline, no rule.
BENCHMARK_CAPTURE(BM_LintWith, no_rules, std::vector<std::string>{})->Unit(benchmark::kMillisecond);
// MC1002 schema alone.
BENCHMARK_CAPTURE(BM_LintWith, schema_only, std::vector<std::string>{"MC1002"})->Unit(benchmark::kMillisecond);
// The two rules that walk every field against the schema: MC1005 deprecated-field, MC1008 non-canonical-field.
BENCHMARK_CAPTURE(BM_LintWith, field_walk_rules, std::vector<std::string>{"MC1005", "MC1008"})
    ->Unit(benchmark::kMillisecond);

}  // namespace
