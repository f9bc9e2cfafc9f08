// Parse-only baselines for the lint benchmark (tests/bench/run_lint_bench.sh):
// what yaml-cpp alone costs on a file, with no checks at all.
//
//   yamlcpp_baseline loadall FILE   YAML::LoadAll into node trees, then count the nodes
//   yamlcpp_baseline events FILE    YAML::Parser with an event handler that counts events
//
// Prints the documents and nodes (or events) it saw on stdout; exit 0 on
// success, 1 on a YAML error, 2 on usage errors, 3 when FILE cannot be read.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

uint64_t count_nodes(const YAML::Node& node) {
  uint64_t n = 1;
  if (node.IsSequence()) {
    for (const auto& item : node) n += count_nodes(item);
  } else if (node.IsMap()) {
    for (const auto& entry : node) n += count_nodes(entry.first) + count_nodes(entry.second);
  }
  return n;
}

int load_all(std::istream& in) {
  const std::vector<YAML::Node> docs = YAML::LoadAll(in);
  uint64_t nodes = 0;
  for (const auto& d : docs) nodes += count_nodes(d);
  std::printf("loadall: %zu documents, %llu nodes\n", docs.size(), static_cast<unsigned long long>(nodes));
  return 0;
}

// Counts events and touches each scalar's bytes, so nothing is optimised away.
class CountingHandler final : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override { ++events; }
  void OnDocumentEnd() override { ++events; }
  void OnNull(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string& value) override {
    ++events;
    scalar_bytes += value.size();
  }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    ++events;
  }
  void OnSequenceEnd() override { ++events; }
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    ++events;
  }
  void OnMapEnd() override { ++events; }

  uint64_t events = 0;
  uint64_t scalar_bytes = 0;
};

int events(std::istream& in) {
  YAML::Parser parser(in);
  CountingHandler handler;
  uint64_t documents = 0;
  while (parser.HandleNextDocument(handler)) ++documents;
  std::printf("events: %llu documents, %llu events, %llu scalar bytes\n", static_cast<unsigned long long>(documents),
              static_cast<unsigned long long>(handler.events), static_cast<unsigned long long>(handler.scalar_bytes));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 || (std::string_view(argv[1]) != "loadall" && std::string_view(argv[1]) != "events")) {
    std::fprintf(stderr, "usage: yamlcpp_baseline loadall|events FILE\n");
    return 2;
  }
  std::ifstream in(argv[2], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "yamlcpp_baseline: cannot read %s\n", argv[2]);
    return 3;
  }
  try {
    return std::string_view(argv[1]) == "loadall" ? load_all(in) : events(in);
  } catch (const YAML::Exception& e) {
    std::fprintf(stderr, "yamlcpp_baseline: %s: %s\n", argv[2], e.what());
    return 1;
  }
}
