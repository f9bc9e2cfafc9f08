// The per-request draws serve, route and replay share: SHA-256 of the request
// id, the exact weighted pick, and the stability of picks when weights move.
#include "compiler/table/request_draw.h"

#include <gtest/gtest.h>

#include <array>
#include <string>

namespace meshc {
namespace {

TEST(RequestDraw, IsTheFirstEightBytesOfSha256BigEndian) {
  // SHA-256("abc") = ba7816bf8f01cfea 414140de5dae2223 b00361a396177a9c b410ff61f20015ad
  EXPECT_EQ(Draw::of("abc").bits(), 0xba7816bf8f01cfeaULL);
  // SHA-256("") = e3b0c44298fc1c14 ...
  EXPECT_EQ(Draw::of("").bits(), 0xe3b0c44298fc1c14ULL);
  EXPECT_NEAR(Draw::of("abc").u(), 0xba7816bf8f01cfeaULL / 18446744073709551616.0, 1e-15);
}

TEST(RequestDraw, EachPurposeHasItsOwnKey) {
  EXPECT_EQ(route_draw("req-1").bits(), Draw::of("req-1").bits());
  EXPECT_EQ(delay_draw("req-1").bits(), Draw::of("req-1:delay").bits());
  EXPECT_EQ(abort_draw("req-1").bits(), Draw::of("req-1:abort").bits());
  EXPECT_EQ(mirror_draw("req-1", 0).bits(), Draw::of("req-1:mirror:0").bits());
  EXPECT_EQ(mirror_draw("req-1", 2).bits(), Draw::of("req-1:mirror:2").bits());
  EXPECT_NE(delay_draw("req-1").bits(), abort_draw("req-1").bits());
}

TEST(RequestDraw, BelowComparesExactly) {
  const Draw half(1ULL << 63);  // u = 0.5 exactly
  EXPECT_FALSE(half.below(1, 2));
  EXPECT_TRUE(half.below(500001, 1000000));
  EXPECT_TRUE(Draw((1ULL << 63) - 1).below(1, 2));
  EXPECT_TRUE(Draw(0).below(1, 100));
  EXPECT_FALSE(Draw(0).below(0, 100));  // a 0% fault never applies
  EXPECT_TRUE(Draw(~0ULL).below(100, 100));  // a 100% fault always applies
}

TEST(WeightedPick, FirstDestinationWhoseCumulativeShareExceedsTheDraw) {
  const std::array<uint32_t, 2> even{1, 1};
  EXPECT_EQ(weighted_pick(even, Draw(0)), 0u);
  EXPECT_EQ(weighted_pick(even, Draw((1ULL << 63) - 1)), 0u);
  EXPECT_EQ(weighted_pick(even, Draw(1ULL << 63)), 1u);
  EXPECT_EQ(weighted_pick(even, Draw(~0ULL)), 1u);
  // Relative weights: 70/20 is 7/9 and 2/9.
  const std::array<uint32_t, 2> relative{70, 20};
  EXPECT_EQ(weighted_pick(relative, Draw(static_cast<uint64_t>(0.77 * 18446744073709551616.0))), 0u);
  EXPECT_EQ(weighted_pick(relative, Draw(static_cast<uint64_t>(0.78 * 18446744073709551616.0))), 1u);
}

TEST(WeightedPick, ZeroWeightsAreNeverPicked) {
  const std::array<uint32_t, 3> weights{0, 100, 0};
  for (uint64_t bits : {0ULL, 1ULL << 62, 1ULL << 63, ~0ULL}) EXPECT_EQ(weighted_pick(weights, Draw(bits)), 1u);
  const std::array<uint32_t, 2> none{0, 0};
  EXPECT_EQ(weighted_pick(none, Draw(0)), std::nullopt);
  EXPECT_EQ(weighted_pick(std::span<const uint32_t>(), Draw(0)), std::nullopt);
}

TEST(WeightedPick, SplitsTrafficByWeight) {
  const std::array<uint32_t, 3> weights{70, 20, 10};
  std::array<int, 3> picks{};
  const int n = 100000;
  for (int i = 0; i < n; ++i) ++picks[*weighted_pick(weights, route_draw("id-" + std::to_string(i)))];
  EXPECT_NEAR(picks[0] / double(n), 0.70, 0.01);
  EXPECT_NEAR(picks[1] / double(n), 0.20, 0.01);
  EXPECT_NEAR(picks[2] / double(n), 0.10, 0.01);
}

TEST(WeightedPick, MovingWeightsMovesOnlyTheShareThatChanged) {
  const std::array<uint32_t, 2> before{90, 10};
  const std::array<uint32_t, 2> after{80, 20};
  int moved = 0;
  const int n = 100000;
  for (int i = 0; i < n; ++i) {
    const Draw d = route_draw("id-" + std::to_string(i));
    if (weighted_pick(before, d) != weighted_pick(after, d)) ++moved;
  }
  EXPECT_NEAR(moved / double(n), 0.10, 0.01);
}

}  // namespace
}  // namespace meshc
