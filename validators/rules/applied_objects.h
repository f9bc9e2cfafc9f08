#pragma once
// When a config set defines one kind, namespace and name more than once
// (MC1004), `kubectl apply` keeps only the last definition: rules that compare
// objects with each other look at that one alone, so an object never
// "conflicts" with an earlier copy of itself.
#include <set>
#include <string_view>
#include <tuple>
#include <vector>

#include "compiler/model/mesh_config.h"

namespace meshc {

template <class T>
std::vector<const T*> applied_objects(const std::vector<const T*>& objects) {
  std::vector<const T*> out;
  std::set<std::tuple<std::string_view, std::string_view>> seen;  // (namespace, name); one kind per list
  for (auto it = objects.rbegin(); it != objects.rend(); ++it)
    if (seen.emplace((*it)->meta.ns(), (*it)->meta.name()).second) out.push_back(*it);
  return {out.rbegin(), out.rend()};
}

}  // namespace meshc
