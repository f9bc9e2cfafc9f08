// Fuzz target: the YAML front end on arbitrary bytes. The raw-text checks,
// the document splitter, the Helm marker, the event-parser tree builder (on
// the whole stream, as the config reader calls it, and per chunk, as lint
// does) and the resource reader on every document root.
//
// Documented exceptions: none; every API here reports problems as data.
// A broken invariant aborts with a message, so the fuzzer records it.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/frontend/resource_reader.h"
#include "compiler/frontend/text_checks.h"
#include "compiler/frontend/yaml_reader.h"
#include "compiler/model/resource.h"
#include "compiler/model/source_file.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using namespace meshc;

void require(bool ok, const char* what) { fuzz::require(ok, "fuzz_yaml_reader", what); }

void check_position(const SourceFile& file, Position p) {
  require(p.line >= 1 && p.line <= file.line_count(), "position line outside the file");
  require(p.column >= 1, "position column is 0");
}

// Visits every node (aliases count as expanded, which the alias limit bounds)
// and reads every field, so a dangling pointer or span shows under ASan. An
// explicit stack: alias expansion can nest trees deeper than the depth limit.
size_t walk(const SourceFile& file, const Node* root) {
  size_t count = 0;
  std::vector<const Node*> todo{root};
  while (!todo.empty()) {
    const Node* n = todo.back();
    todo.pop_back();
    require(n != nullptr, "null node in the tree");
    check_position(file, n->position);
    ++count;
    (void)json_type_name(*n);
    switch (n->kind) {
      case NodeKind::Null:
        break;
      case NodeKind::Scalar:
        for (char c : n->text) count += static_cast<unsigned char>(c) == 0xFFu;  // read every byte
        break;
      case NodeKind::Sequence:
        for (const Node* item : n->items) todo.push_back(item);
        break;
      case NodeKind::Mapping:
        for (const MapEntry& e : n->entries) {
          todo.push_back(e.key);
          todo.push_back(e.value);
        }
        break;
    }
  }
  return count;
}

void check_documents(const SourceFile& file, const std::vector<std::unique_ptr<YamlDocument>>& docs) {
  for (const auto& doc : docs) {
    require(doc != nullptr, "null document");
    for (const YamlProblem& p : doc->problems) {
      check_position(file, p.position);
      require(!p.message.empty(), "problem without a message");
      if (p.kind == YamlProblem::Kind::DuplicateKey) check_position(file, p.first);
    }
    if (doc->root == nullptr) continue;
    walk(file, doc->root);
    for (const Resource& r : read_resources(doc->root, "default")) {
      require(r.root != nullptr, "resource without a root node");
      require(!r.ns.empty(), "resource without a namespace after defaulting");
      check_position(file, r.position());
      (void)r.annotation("meshc.io/ignore");
      const ResourceRef ref = r.ref();
      require(ref.kind == r.kind, "ref() disagrees with kind");
    }
  }
}

void read_and_check(const SourceFile& file, size_t begin, size_t end, const ReaderLimits& limits) {
  check_documents(file, read_yaml_documents(file, begin, end, limits));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const SourceFile file("fuzz.yaml", text);
  const std::string_view view = file.text();

  const auto bad = find_invalid_text(view);
  if (bad) {
    require(bad->offset < view.size(), "invalid-text offset past the end");
    require(!bad->message.empty(), "invalid-text problem without a message");
  }

  const auto chunks = split_documents(view);
  require(!chunks.empty(), "split_documents returned no chunk");
  require(chunks.front().begin == 0, "first chunk does not start the text");
  require(chunks.back().end == view.size(), "last chunk does not end the text");
  for (size_t i = 0; i < chunks.size(); ++i) {
    require(chunks[i].begin <= chunks[i].end, "chunk ends before it begins");
    if (i + 1 < chunks.size()) require(chunks[i].end == chunks[i + 1].begin, "chunks leave a gap");
    const std::string_view chunk = view.substr(chunks[i].begin, chunks[i].end - chunks[i].begin);
    const std::string_view helm = helm_source_of(chunk);
    require(helm.empty() || (helm.data() >= chunk.data() && helm.data() + helm.size() <= chunk.data() + chunk.size()),
            "helm_source_of result outside its chunk");
  }

  // The whole stream, as read_config_file and read_mesh_config see it (they
  // do not run the text checks first), with the default limits and with small
  // ones so the limit paths are reached often.
  const ReaderLimits defaults;
  const ReaderLimits small{8, 64};
  read_and_check(file, 0, view.size(), defaults);
  read_and_check(file, 0, view.size(), small);

  // Per chunk, as the lint pipeline does for text that passed the checks.
  if (!bad)
    for (const DocumentChunk& c : chunks) read_and_check(file, c.begin, c.end, defaults);
  return 0;
}
