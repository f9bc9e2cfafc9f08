#pragma once
// ASCII case folding, as Istio compares host and header names (values of
// YAML are UTF-8; only ASCII letters change).
#include <string>
#include <string_view>

namespace meshc {

inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace meshc
