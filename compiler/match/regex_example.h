#pragma once
// A value a regex accepts, for the witness requests lint prints.
#include <optional>
#include <string>
#include <string_view>

namespace meshc {

// A short value that RE2 accepts whole with `pattern` (`/api/v[0-9]+/.*`
// gives `/api/v0/`), or nullopt when the simple readings of the pattern tried
// here give none. Every value returned has been checked with RE2.
std::optional<std::string> regex_example(std::string_view pattern);

}  // namespace meshc
