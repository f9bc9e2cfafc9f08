#include "compiler/model/export_scope.h"

#include <algorithm>

namespace meshc {

ExportScope ExportScope::of(const ObjectMeta& object) {
  ExportScope scope;
  const auto& e = object.export_to;
  if (e.empty() || std::find(e.begin(), e.end(), "*") != e.end()) {
    scope.everywhere = true;
    return scope;
  }
  if (std::find(e.begin(), e.end(), "~") != e.end()) return scope;
  for (const auto& ns : e) scope.namespaces.insert(ns == "." ? object.ns() : ns);
  return scope;
}

bool scopes_meet(const ExportScope& a, const ExportScope& b) {
  if (a.empty() || b.empty()) return false;
  if (a.everywhere || b.everywhere) return true;
  return std::any_of(a.namespaces.begin(), a.namespaces.end(),
                     [&](const std::string& ns) { return b.namespaces.contains(ns); });
}

}  // namespace meshc
