#pragma once
// The random-looking choices a proxy makes for a request (which weighted
// destination, whether a fault or a mirror applies), drawn from the request id
// so that meshc serve, meshc route and meshc replay make the same choice for
// the same request, and a change of weights moves only the share that changed.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace meshc {

// u = the first 8 bytes of SHA-256(key), read big-endian, divided by 2^64:
// uniform in [0, 1). Kept as the 64-bit integer so comparisons are exact.
class Draw {
 public:
  static Draw of(std::string_view key);
  explicit Draw(uint64_t bits) : bits_(bits) {}

  uint64_t bits() const { return bits_; }
  double u() const;  // for display; decisions use the exact comparisons below
  // Whether u < numerator / denominator (a fault or mirror percentage, say).
  bool below(uint64_t numerator, uint64_t denominator) const;

 private:
  uint64_t bits_;
};

// The draws of one request: the keys are the request id, and the id with
// ":delay", ":abort" or ":mirror:<n>" appended (n: the mirror's index in the
// route's mirrors, from 0).
Draw route_draw(std::string_view request_id);
Draw delay_draw(std::string_view request_id);
Draw abort_draw(std::string_view request_id);
Draw mirror_draw(std::string_view request_id, size_t mirror_index);

// The index of the first destination whose cumulative normalised weight
// exceeds u; zero weights are never picked. nullopt when no weight is positive.
std::optional<size_t> weighted_pick(std::span<const uint32_t> weights, Draw draw);

}  // namespace meshc
