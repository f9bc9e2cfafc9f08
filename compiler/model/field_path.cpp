#include "compiler/model/field_path.h"

namespace meshc {

FieldPath::FieldPath(const char* pattern, std::initializer_list<uint32_t> indices, const char* suffix)
    : pattern_(pattern), suffix_(suffix) {
  size_t i = 0;
  for (uint32_t v : indices)
    if (i < index_.size()) index_[i++] = v;
}

std::string FieldPath::str() const {
  std::string out;
  size_t next = 0;
  for (const char* p = pattern_; p != nullptr && *p != '\0'; ++p) {
    if (*p == '#' && next < index_.size()) out += std::to_string(index_[next++]);
    else out += *p;
  }
  if (suffix_ != nullptr) {
    if (!out.empty()) out += '.';
    out += suffix_;
  }
  return out;
}

}  // namespace meshc
