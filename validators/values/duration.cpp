#include "validators/values/duration.h"

#include <array>
#include <limits>
#include <utility>

namespace meshc {
namespace {

constexpr std::array<std::pair<std::string_view, uint64_t>, 8> k_units{{
    {"ns", 1},
    {"us", 1'000},
    {"\xC2\xB5s", 1'000},  // U+00B5 micro sign
    {"\xCE\xBCs", 1'000},  // U+03BC Greek small letter mu
    {"ms", 1'000'000},
    {"s", 1'000'000'000},
    {"m", 60ULL * 1'000'000'000},
    {"h", 3600ULL * 1'000'000'000},
}};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

// A transcription of Go's time.ParseDuration (src/time/format.go).
std::optional<int64_t> parse_go_duration_ns(std::string_view s) {
  constexpr uint64_t k_limit = uint64_t{1} << 63;
  bool neg = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s == "0") return 0;
  if (s.empty()) return std::nullopt;
  uint64_t d = 0;
  while (!s.empty()) {
    if (!(s[0] == '.' || is_digit(s[0]))) return std::nullopt;
    // The integer part.
    const size_t before_int = s.size();
    uint64_t v = 0;
    while (!s.empty() && is_digit(s[0])) {
      if (v > (k_limit - 1) / 10) return std::nullopt;  // overflow
      v = v * 10 + static_cast<uint64_t>(s[0] - '0');
      if (v > k_limit) return std::nullopt;
      s.remove_prefix(1);
    }
    const bool pre = s.size() != before_int;
    // The fraction: digits beyond what fits are dropped, as Go does.
    uint64_t f = 0;
    double scale = 1;
    bool post = false;
    if (!s.empty() && s[0] == '.') {
      s.remove_prefix(1);
      const size_t before_frac = s.size();
      bool overflow = false;
      while (!s.empty() && is_digit(s[0])) {
        if (!overflow) {
          if (f > (std::numeric_limits<int64_t>::max() - 9) / 10) {
            overflow = true;
          } else {
            f = f * 10 + static_cast<uint64_t>(s[0] - '0');
            scale *= 10;
          }
        }
        s.remove_prefix(1);
      }
      post = s.size() != before_frac;
    }
    if (!pre && !post) return std::nullopt;  // no digits, e.g. ".s"
    // The unit.
    size_t n = 0;
    while (n < s.size() && s[n] != '.' && !is_digit(s[n])) ++n;
    if (n == 0) return std::nullopt;  // missing unit
    const std::string_view unit_text = s.substr(0, n);
    s.remove_prefix(n);
    uint64_t unit = 0;
    for (const auto& [name, ns] : k_units) {
      if (name == unit_text) unit = ns;
    }
    if (unit == 0) return std::nullopt;  // unknown unit
    if (v > k_limit / unit) return std::nullopt;
    v *= unit;
    if (f > 0) {
      v += static_cast<uint64_t>(static_cast<double>(f) * (static_cast<double>(unit) / scale));
      if (v > k_limit) return std::nullopt;
    }
    d += v;
    if (d > k_limit) return std::nullopt;
  }
  if (neg) {
    if (d == k_limit) return std::numeric_limits<int64_t>::min();
    return -static_cast<int64_t>(d);
  }
  if (d > k_limit - 1) return std::nullopt;
  return static_cast<int64_t>(d);
}

std::string format_duration(int64_t ns) {
  if (ns == 0) return "0s";
  if (ns == std::numeric_limits<int64_t>::min()) return std::to_string(ns) + "ns";
  const bool neg = ns < 0;
  const int64_t a = neg ? -ns : ns;
  const std::string sign = neg ? "-" : "";
  constexpr std::array<std::pair<int64_t, std::string_view>, 5> k_exact{{
      {3600 * k_ns_per_s, "h"}, {60 * k_ns_per_s, "m"}, {k_ns_per_s, "s"}, {k_ns_per_ms, "ms"}, {1000, "us"}}};
  for (const auto& [size, name] : k_exact) {
    if (a % size == 0) return sign + std::to_string(a / size) + std::string(name);
  }
  return sign + std::to_string(a) + "ns";
}

}  // namespace meshc
