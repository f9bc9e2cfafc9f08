#pragma once
// One Kubernetes object found in the input: its identity and where its parts
// are in the YAML tree.
#include <string>
#include <string_view>

#include "compiler/model/diagnostic.h"
#include "compiler/model/node.h"

namespace meshc {

enum class KindCategory : uint8_t {
  Checked,       // one of the nine Istio kinds meshc checks
  UnknownIstio,  // another *.istio.io kind (EnvoyFilter, Telemetry, ...)
  Context,       // Kubernetes objects that tell which hosts, ports and workloads exist
  Ignored,       // anything else
};

struct Resource {
  std::string api_version;
  std::string group;    // "" for the core group
  std::string version;  // "v1"
  std::string kind;
  std::string ns;
  std::string name;
  KindCategory category = KindCategory::Ignored;
  bool version_known = true;  // false: a known kind at a version Istio does not serve
  bool kind_known = true;     // false: networking/security.istio.io has no such kind
  const Node* root = nullptr;
  const Node* metadata = nullptr;
  const Node* spec = nullptr;
  std::string field_prefix;  // "items[3]." inside a kind: List, else ""

  ResourceRef ref() const { return {kind, ns, name}; }
  // One of the checked kinds, of a version and kind Istio serves, named `k`:
  // what a rule about that kind may look into.
  bool is_checked(std::string_view k) const {
    return category == KindCategory::Checked && version_known && kind_known && root != nullptr && kind == k;
  }
  // "VirtualService bookinfo/reviews", as messages name a resource.
  std::string label() const { return kind + " " + ns + "/" + name; }
  Position position() const { return root ? root->position : Position{}; }
  // metadata.annotations[key], or empty.
  std::string_view annotation(std::string_view key) const;
};

}  // namespace meshc
