#pragma once
// Where an object's exportTo makes it visible, as istiod indexes it: used by
// the rules that compare objects only a common namespace can see together.
#include <set>
#include <string>
#include <string_view>

#include "compiler/model/mesh_config.h"

namespace meshc {

struct ExportScope {
  bool everywhere = false;           // exportTo empty (the mesh default "*") or containing "*"
  std::set<std::string> namespaces;  // otherwise: "." as the object's own namespace, and the names given

  // istiod reads "*" before "~": any "*" exports everywhere, any other "~" nowhere.
  static ExportScope of(const ObjectMeta& object);

  bool contains(std::string_view ns) const { return everywhere || namespaces.contains(std::string(ns)); }
  bool empty() const { return !everywhere && namespaces.empty(); }
};

// Whether some namespace sees both.
bool scopes_meet(const ExportScope& a, const ExportScope& b);

}  // namespace meshc
