#pragma once
// Reads a YAML stream into position-keeping node trees with yaml-cpp's event
// parser (its node API costs about six times the memory), detecting what
// yaml-cpp accepts silently: duplicate keys, alias bombs, runaway nesting.
#include <memory>
#include <string>
#include <vector>

#include "compiler/model/node.h"
#include "compiler/model/source_file.h"

namespace meshc {

// Documented in docs/input.md.
struct ReaderLimits {
  // Nesting of mappings and sequences; Istio resources need about 15.
  uint32_t max_depth = 256;
  // Nodes a document may reach through aliases, counted as if expanded.
  uint64_t max_alias_nodes = 100'000;
};

struct YamlProblem {
  enum class Kind { Syntax, DuplicateKey };
  Kind kind;
  Position position;
  std::string message;
  Position first;  // DuplicateKey: where the key first appeared
};

struct YamlDocument {
  NodeArena arena;
  const Node* root = nullptr;  // nullptr for an empty document
  Position start;
  std::string template_source;  // from a Helm `# Source:` marker
  std::vector<YamlProblem> problems;
};

// Parses text[begin, end) of `file`, a stream of zero or more documents. A
// syntax error ends the stream: it is recorded on the last document.
std::vector<std::unique_ptr<YamlDocument>> read_yaml_documents(const SourceFile& file, size_t begin,
                                                               size_t end, const ReaderLimits& limits = {});

}  // namespace meshc
