#pragma once
// The settings rules see: where the mesh puts its root namespace and trust
// domain, and the namespace objects without one get.
#include <string>

#include "compiler/frontend/yaml_reader.h"

namespace meshc {

struct MeshSettings {
  std::string root_namespace = "istio-system";
  std::string trust_domain = "cluster.local";
  bool enable_auto_mtls = true;
};

struct LintSettings {
  std::string default_namespace = "default";
  MeshSettings mesh;
  ReaderLimits limits;
};

}  // namespace meshc
