#include "compiler/model/resource.h"

namespace meshc {

std::string_view Resource::annotation(std::string_view key) const {
  if (metadata == nullptr || !metadata->is_mapping()) return {};
  const Node* annotations = metadata->get("annotations");
  if (annotations == nullptr || !annotations->is_mapping()) return {};
  const Node* value = annotations->get(key);
  return value ? value->str() : std::string_view();
}

}  // namespace meshc
