#pragma once
// A config set read from YAML text into the typed model, for tests of the
// model and of analyses over it.
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "compiler/frontend/resource_reader.h"
#include "compiler/frontend/yaml_reader.h"
#include "compiler/model/mesh_config.h"

namespace meshc::test {

// Owns the parsed text and the typed resources of one YAML stream.
class TypedConfig {
 public:
  explicit TypedConfig(std::string text, std::string name = "mesh.yaml") : file_(std::move(name), std::move(text)) {
    docs_ = read_yaml_documents(file_, 0, file_.text().size());
    for (const auto& doc : docs_)
      for (const auto& r : read_resources(doc->root, "default")) typed_.push_back(build_typed_resource(file_, r, ""));
    for (const auto& t : typed_) mesh_.add(t);
    mesh_.build_index();
  }
  const MeshConfig& mesh() const { return mesh_; }

 private:
  SourceFile file_;
  std::vector<std::unique_ptr<YamlDocument>> docs_;
  std::deque<TypedResource> typed_;
  MeshConfig mesh_;
};

}  // namespace meshc::test
