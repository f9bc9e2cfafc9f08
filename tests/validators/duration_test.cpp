#include "validators/values/duration.h"

#include <gtest/gtest.h>

#include <limits>

namespace meshc {
namespace {

constexpr int64_t k_ms = 1'000'000;
constexpr int64_t k_s = 1'000'000'000;

TEST(GoDuration, ParsesWhatGoParses) {
  EXPECT_EQ(parse_go_duration_ns("0"), 0);
  EXPECT_EQ(parse_go_duration_ns("-0"), 0);
  EXPECT_EQ(parse_go_duration_ns("0s"), 0);
  EXPECT_EQ(parse_go_duration_ns("5s"), 5 * k_s);
  EXPECT_EQ(parse_go_duration_ns("+5s"), 5 * k_s);
  EXPECT_EQ(parse_go_duration_ns("-2s"), -2 * k_s);
  EXPECT_EQ(parse_go_duration_ns("300ms"), 300 * k_ms);
  EXPECT_EQ(parse_go_duration_ns("1.5s"), 1500 * k_ms);
  EXPECT_EQ(parse_go_duration_ns("1.s"), k_s);
  EXPECT_EQ(parse_go_duration_ns(".5s"), 500 * k_ms);
  EXPECT_EQ(parse_go_duration_ns("1h30m"), 5400 * k_s);
  EXPECT_EQ(parse_go_duration_ns("1h1m1s1ms1us1ns"), 3661 * k_s + k_ms + 1000 + 1);
  EXPECT_EQ(parse_go_duration_ns("3m"), 180 * k_s);
  EXPECT_EQ(parse_go_duration_ns("10us"), 10'000);
  EXPECT_EQ(parse_go_duration_ns("10\xC2\xB5s"), 10'000);  // micro sign
  EXPECT_EQ(parse_go_duration_ns("10\xCE\xBCs"), 10'000);  // Greek mu
  EXPECT_EQ(parse_go_duration_ns("7ns"), 7);
  EXPECT_EQ(parse_go_duration_ns("1.0000000001s"), k_s);  // finer than ns is dropped
  EXPECT_EQ(parse_go_duration_ns("0.100000000000000000000h"), 360 * k_s);
}

TEST(GoDuration, RejectsWhatGoRejects) {
  for (const char* bad : {"", "-", "+", "s", "5", "10 s", "5sec", "1d", "1w", "1.5", ".s", "1..5s", "1h 30m", " 1s",
                          "1s ", "apple", "1S", "1H", "PT5S", "5e3ms", "--1s", "0x10s"}) {
    EXPECT_EQ(parse_go_duration_ns(bad), std::nullopt) << bad;
  }
}

TEST(GoDuration, OverflowIsAnError) {
  EXPECT_EQ(parse_go_duration_ns("9223372036854775807ns"), std::numeric_limits<int64_t>::max());
  EXPECT_EQ(parse_go_duration_ns("-9223372036854775808ns"), std::numeric_limits<int64_t>::min());
  EXPECT_EQ(parse_go_duration_ns("9223372036854775808ns"), std::nullopt);
  EXPECT_EQ(parse_go_duration_ns("99999999999999999999ns"), std::nullopt);
  EXPECT_EQ(parse_go_duration_ns("2562048h"), std::nullopt);
  EXPECT_EQ(parse_go_duration_ns("2562047h"), int64_t{2562047} * 3600 * k_s);
  EXPECT_EQ(parse_go_duration_ns("2562047h48m"), std::nullopt);
}

TEST(GoDuration, FormatsInTheLargestExactUnit) {
  EXPECT_EQ(format_duration(0), "0s");
  EXPECT_EQ(format_duration(3600 * k_s), "1h");
  EXPECT_EQ(format_duration(90 * k_s), "90s");
  EXPECT_EQ(format_duration(120 * k_s), "2m");
  EXPECT_EQ(format_duration(1500 * k_ms), "1500ms");
  EXPECT_EQ(format_duration(1500), "1500ns");
  EXPECT_EQ(format_duration(2000), "2us");
  EXPECT_EQ(format_duration(-2 * k_s), "-2s");
}

}  // namespace
}  // namespace meshc
