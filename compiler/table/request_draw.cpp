#include "compiler/table/request_draw.h"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

namespace meshc {
namespace {

__extension__ using u128 = unsigned __int128;

}  // namespace

Draw Draw::of(std::string_view key) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  if (EVP_Digest(key.data(), key.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1 || size < 8)
    throw std::runtime_error("SHA-256 is not available from OpenSSL");
  uint64_t bits = 0;
  for (size_t i = 0; i < 8; ++i) bits = (bits << 8) | digest[i];
  return Draw(bits);
}

double Draw::u() const { return static_cast<double>(bits_) / 18446744073709551616.0; }

bool Draw::below(uint64_t numerator, uint64_t denominator) const {
  // bits / 2^64 < numerator / denominator, without rounding.
  return static_cast<u128>(bits_) * denominator < static_cast<u128>(numerator) << 64;
}

Draw route_draw(std::string_view request_id) { return Draw::of(request_id); }
Draw delay_draw(std::string_view request_id) { return Draw::of(std::string(request_id) + ":delay"); }
Draw abort_draw(std::string_view request_id) { return Draw::of(std::string(request_id) + ":abort"); }
Draw mirror_draw(std::string_view request_id, size_t mirror_index) {
  return Draw::of(std::string(request_id) + ":mirror:" + std::to_string(mirror_index));
}

std::optional<size_t> weighted_pick(std::span<const uint32_t> weights, Draw draw) {
  uint64_t total = 0;
  for (uint32_t w : weights) total += w;
  if (total == 0) return std::nullopt;
  uint64_t cumulative = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    cumulative += weights[i];
    // The first destination whose cumulative share exceeds u.
    if (weights[i] > 0 && draw.below(cumulative, total)) return i;
  }
  return std::nullopt;  // not reached: u < 1 = total / total
}

}  // namespace meshc
