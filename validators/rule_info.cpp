#include "validators/rule_info.h"

#include <string>

namespace meshc {

std::string rule_help_uri(std::string_view code) {
  std::string uri = "https://github.com/meshc/meshc/blob/main/docs/rules/";
  uri += code;
  uri += ".md";
  return uri;
}

}  // namespace meshc
