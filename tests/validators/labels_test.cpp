#include "validators/values/labels.h"

#include <gtest/gtest.h>

namespace meshc {
namespace {

TEST(Labels, ValidKeys) {
  for (const char* k : {"app", "version", "app.kubernetes.io/name", "Example.COM/x_y-z.1", "a", "topology.istio.io/network",
                        "v1.2"})
    EXPECT_EQ(label_key_problem(k), "") << k;
  EXPECT_EQ(label_key_problem(std::string(63, 'a')), "");
  EXPECT_EQ(label_key_problem(std::string(253, 'a') + "/" + std::string(63, 'b')), "");
}

TEST(Labels, InvalidKeys) {
  EXPECT_EQ(label_key_problem(""), "is empty");
  EXPECT_NE(label_key_problem("-app"), "");
  EXPECT_NE(label_key_problem("app-"), "");
  EXPECT_NE(label_key_problem("my app"), "");
  EXPECT_NE(label_key_problem("app*"), "");
  EXPECT_NE(label_key_problem("example.com/"), "");
  EXPECT_NE(label_key_problem("/app"), "");
  EXPECT_NE(label_key_problem("a/b/c"), "");
  EXPECT_NE(label_key_problem("exa_mple.com/app"), "");
  EXPECT_NE(label_key_problem("example..com/app"), "");
  EXPECT_NE(label_key_problem(std::string(64, 'a')), "");
  EXPECT_NE(label_key_problem(std::string(254, 'a') + "/b"), "");
}

TEST(Labels, Values) {
  for (const char* v : {"", "v1", "V1.2_b-c", "1"}) EXPECT_EQ(label_value_problem(v), "") << v;
  EXPECT_EQ(label_value_problem(std::string(63, 'x')), "");
  for (const char* v : {"-v1", "v1.", "v 1", "*", "a/b", "é"}) EXPECT_NE(label_value_problem(v), "") << v;
  EXPECT_NE(label_value_problem(std::string(64, 'x')), "");
}

TEST(Labels, SelectorsRejectWildcardsAndEmptyKeys) {
  EXPECT_EQ(selector_label_problem("app", "reviews"), "");
  EXPECT_EQ(selector_label_problem("app", ""), "");
  EXPECT_NE(selector_label_problem("app", "*").find("wildcard is not supported in selector"), std::string::npos);
  EXPECT_NE(selector_label_problem("*", "x").find("wildcard is not supported in selector"), std::string::npos);
  EXPECT_NE(selector_label_problem("app", "rev*").find("wildcard"), std::string::npos);
  EXPECT_NE(selector_label_problem("", "x").find("empty key"), std::string::npos);
  EXPECT_NE(selector_label_problem("bad key", "x"), "");
  EXPECT_NE(selector_label_problem("app", "bad value"), "");
}

}  // namespace
}  // namespace meshc
