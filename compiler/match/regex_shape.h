#pragma once
// What little can be proven about a regex without running it: whether it is
// a plain string, a plain string followed by `.*`, or `.*` itself. Everything
// else is opaque, and the analyses that use this make no claim about it.
#include <string>
#include <string_view>

namespace meshc {

struct RegexShape {
  enum class Kind {
    Opaque,
    Literal,        // `^/api/v1$`: exactly `literal`
    LiteralPrefix,  // `/api/.*`: `literal` then anything (`.*` alone: empty literal)
  };
  Kind kind = Kind::Opaque;
  std::string literal;  // unescaped
};

// The shape of `pattern` under whole-value matching. `.*` is taken to accept
// every value: HTTP paths, header and query values carry no line breaks and
// are valid UTF-8 in practice (RE2's `.` stops at both).
RegexShape regex_shape(std::string_view pattern);

}  // namespace meshc
