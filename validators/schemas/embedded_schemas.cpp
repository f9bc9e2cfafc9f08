#include "validators/schemas/embedded_schemas.h"

#include <cctype>
#include <string>

#include "compiler/frontend/resource_reader.h"

namespace meshc {

std::string_view embedded_schema(std::string_view kind) {
  std::string stem;
  for (char c : kind) stem += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return embedded_schema_file(stem);
}

const std::vector<std::string_view>& schema_kinds() {
  static const std::vector<std::string_view> kinds = [] {
    std::vector<std::string_view> out;
    for (auto kind : checked_kinds())
      if (!embedded_schema(kind).empty()) out.push_back(kind);
    return out;
  }();
  return kinds;
}

}  // namespace meshc
