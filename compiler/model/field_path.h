#pragma once
// A field path such as `spec.http[2].route[0].destination.subset`, kept as a
// constant pattern with its indices and rendered only when a finding needs
// it: the typed model holds one per part of every resource.
#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace meshc {

class FieldPath {
 public:
  FieldPath() = default;
  // `pattern` is a string literal with one `#` per index
  // ("spec.http[#].route[#]"); `suffix`, also static, is appended after a dot.
  explicit FieldPath(const char* pattern, std::initializer_list<uint32_t> indices = {}, const char* suffix = nullptr);

  std::string str() const;
  operator std::string() const { return str(); }  // NOLINT: a path is used where text is expected
  bool empty() const { return pattern_ == nullptr || *pattern_ == '\0'; }

 private:
  const char* pattern_ = nullptr;
  const char* suffix_ = nullptr;
  std::array<uint32_t, 3> index_{};
};

inline bool operator==(const FieldPath& a, std::string_view b) { return a.str() == b; }
inline bool operator==(const FieldPath& a, const FieldPath& b) { return a.str() == b.str(); }
inline std::string operator+(const std::string& a, const FieldPath& b) { return a + b.str(); }
inline std::string operator+(const char* a, const FieldPath& b) { return a + b.str(); }
inline std::string operator+(const FieldPath& a, const std::string& b) { return a.str() + b; }
inline std::string operator+(const FieldPath& a, const char* b) { return a.str() + b; }

}  // namespace meshc
