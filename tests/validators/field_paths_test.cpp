#include "validators/values/field_paths.h"

#include <gtest/gtest.h>

#include "compiler/frontend/yaml_reader.h"

namespace meshc {
namespace {

std::vector<std::string> paths_of(const std::string& yaml, std::string_view pattern) {
  SourceFile file("t.yaml", yaml);
  auto docs = read_yaml_documents(file, 0, file.text().size());
  std::vector<std::string> out;
  for_each_field(*docs[0]->root, pattern, [&](const FieldMatch& m) { out.push_back(m.path + "=" + std::string(m.value.str())); });
  return out;
}

TEST(FieldPaths, ListsAndMapsExpand) {
  const std::string yaml =
      "spec:\n  http:\n  - timeout: 1s\n  - retries: {perTryTimeout: 2s}\n  - timeout: 3s\n"
      "  portLevelMtls:\n    '8080': {mode: STRICT}\n    '9090': {mode: DISABLE}\n";
  EXPECT_EQ(paths_of(yaml, "spec.http[].timeout"), (std::vector<std::string>{"spec.http[0].timeout=1s", "spec.http[2].timeout=3s"}));
  EXPECT_EQ(paths_of(yaml, "spec.http[].retries.perTryTimeout"),
            (std::vector<std::string>{"spec.http[1].retries.perTryTimeout=2s"}));
  EXPECT_EQ(paths_of(yaml, "spec.portLevelMtls.*.mode"),
            (std::vector<std::string>{"spec.portLevelMtls.8080.mode=STRICT", "spec.portLevelMtls.9090.mode=DISABLE"}));
}

TEST(FieldPaths, ProtoNamesMatchTheirCamelCaseStep) {
  EXPECT_EQ(paths_of("spec:\n  jwt_rules:\n  - jwks_uri: https://a\n", "spec.jwtRules[].jwksUri"),
            (std::vector<std::string>{"spec.jwtRules[0].jwksUri=https://a"}));
}

}  // namespace
}  // namespace meshc
