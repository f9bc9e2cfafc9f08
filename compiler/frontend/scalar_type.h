#pragma once
// How Kubernetes (YAML 1.1, as sigs.k8s.io/yaml resolves it) types a scalar.
#include <string>
#include <string_view>

#include "compiler/model/node.h"

namespace meshc {

// `tag` is yaml-cpp's: "?" for a plain scalar, "!" for a quoted or block one,
// otherwise an explicit tag such as "tag:yaml.org,2002:str".
ScalarType resolve_scalar_type(std::string_view tag, std::string_view value);

// The type a plain scalar with this text has.
ScalarType plain_scalar_type(std::string_view value);

// The value of a YAML 1.1 boolean (`yes`, `On`, `y`, `true`, ...).
bool yaml_bool_value(std::string_view value);

}  // namespace meshc
