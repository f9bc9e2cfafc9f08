#pragma once
// Durations as Istio reads them: Go `time.ParseDuration` syntax ("1h30m",
// "1.5s", "300ms", "-2s"), through the legacy jsonpb of the webhook.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace meshc {

// The duration in nanoseconds, or nullopt when Go's time.ParseDuration
// rejects the text (bad syntax, a missing or unknown unit, or a value beyond
// the int64 range of nanoseconds).
std::optional<int64_t> parse_go_duration_ns(std::string_view text);

constexpr int64_t k_ns_per_ms = 1'000'000;
constexpr int64_t k_ns_per_s = 1'000'000'000;

// A short spelling of a duration for messages: "1h", "90s", "1500ms", "1.5ms"
// in the largest unit that keeps it exact (h, m, s, ms, us, ns).
std::string format_duration(int64_t ns);

}  // namespace meshc
