#pragma once
// Finds the Kubernetes objects in a YAML document: one object, or the items of
// a `kind: List` (kubectl get -o yaml), classified by API group and kind.
#include <string_view>
#include <vector>

#include "compiler/model/node.h"
#include "compiler/model/resource.h"

namespace meshc {

// The objects in a document root. Documents that are not mappings, or have no
// apiVersion and kind (Helm values, CI files), yield no resources.
std::vector<Resource> read_resources(const Node* root, std::string_view default_namespace);

// The classification of apiVersion + kind; sets category and version_known.
void classify_kind(Resource& resource);

// The API group of a checked kind ("networking.istio.io"), or "".
std::string_view group_of_kind(std::string_view kind);

// The kinds meshc checks, in documentation order.
const std::vector<std::string_view>& checked_kinds();

}  // namespace meshc
