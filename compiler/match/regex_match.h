#pragma once
// Whole-value regex matching as Envoy's safe_regex does it (RE2, FullMatch),
// behind a plain interface so RE2 stays out of public headers.
#include <string_view>

namespace meshc {

// Whether RE2 accepts all of `value` with `pattern`. An invalid pattern
// matches nothing. Compiled patterns are cached per thread.
bool regex_full_match(std::string_view pattern, std::string_view value);

}  // namespace meshc
