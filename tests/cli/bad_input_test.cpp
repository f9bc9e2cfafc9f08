// The bad-input table of the lint foundation: each case runs the real binary
// and checks the exit code and what the user sees.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "tests/support/run_meshc.h"

namespace meshc::test {
namespace {

TEST(BadInput, MissingFileExits3NamingThePathAndReason) {
  const auto r = run_meshc({"lint", "no/such/file.yaml"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("no/such/file.yaml"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("No such file or directory"), std::string::npos) << r.err;
}

TEST(BadInput, UnreadableFileExits3WithPermissionDenied) {
  TempDir dir;
  std::filesystem::permissions(dir.path(), std::filesystem::perms::all);
  const auto path = dir.write("secret.yaml", "a: 1\n");
  std::filesystem::permissions(path, std::filesystem::perms::none);
  const bool root = geteuid() == 0;
  const auto r = run_meshc({"lint", path}, {}, MESHC_SOURCE_DIR, {}, root);
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_NE(r.err.find("secret.yaml"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Permission denied"), std::string::npos) << r.err;
}

TEST(BadInput, DirectoryWithoutYamlExits3) {
  TempDir dir;
  dir.write("notes.txt", "hello\n");
  const auto r = run_meshc({"lint", dir.path()});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("no YAML files under " + dir.path()), std::string::npos) << r.err;
}

TEST(BadInput, BinaryJunkIsYamlSyntaxAtTheFirstBadByte) {
  TempDir dir;
  const auto path = dir.write("junk.yaml", std::string("kind: x\nname: ab\x01\x02\xff", 18));
  const auto r = run_meshc({"lint", "--format", "json", path});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("\"rule\": \"yaml-syntax\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"line\": 2"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"column\": 9"), std::string::npos) << r.out;
}

TEST(BadInput, InvalidUtf8IsYamlSyntaxAtTheFirstBadByte) {
  TempDir dir;
  const auto path = dir.write("latin1.yaml", "metadata:\n  name: caf\xe9\n");
  const auto r = run_meshc({"lint", path});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("latin1.yaml:2:12: error: invalid YAML: invalid UTF-8 byte 0xe9"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[MC1001]"), std::string::npos) << r.out;
}

TEST(BadInput, EmptyFileExits0WithNothing) {
  TempDir dir;
  const auto path = dir.write("empty.yaml", "");
  const auto r = run_meshc({"lint", path});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
}

TEST(BadInput, ScalarDocumentIsASchemaError) {
  TempDir dir;
  const auto path = dir.write("scalar.yaml", "just a string\n");
  const auto r = run_meshc({"lint", path});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("scalar.yaml:1:1: error: expected a mapping (a Kubernetes object), found a scalar [MC1002]"),
            std::string::npos)
      << r.out;
}

TEST(BadInput, ListDocumentIsASchemaError) {
  TempDir dir;
  const auto path = dir.write("list.yaml", "- a\n- b\n");
  const auto r = run_meshc({"lint", path});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("expected a mapping (a Kubernetes object), found a list [MC1002]"), std::string::npos) << r.out;
}

TEST(BadInput, AliasBombStopsAtTheExpansionLimit) {
  std::string bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  std::string prev = "a";
  for (char c : std::string("bcdefghi")) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 9; ++i) bomb += (i ? ", *" : "*") + prev;
    bomb += "]\n";
    prev = std::string(1, c);
  }
  TempDir dir;
  const auto r = run_meshc({"lint", dir.write("bomb.yaml", bomb)});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("alias expansion limit"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[MC1001]"), std::string::npos) << r.out;
}

TEST(BadInput, TenThousandLevelsOfFlowNestingStopAtTheDepthLimit) {
  TempDir dir;
  const auto r =
      run_meshc({"lint", dir.write("deep.yaml", "a: " + std::string(10000, '[') + std::string(10000, ']') + "\n")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("depth limit"), std::string::npos) << r.out;
}

TEST(BadInput, TenThousandLevelsOfBlockNestingStopAtTheDepthLimit) {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += std::string(static_cast<size_t>(i), ' ') + "k:\n";
  TempDir dir;
  const auto r = run_meshc({"lint", dir.write("deep.yaml", text)});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("depth limit"), std::string::npos) << r.out;
}

TEST(BadInput, FileOverMaxFileSizeExits3) {
  TempDir dir;
  const auto path = dir.write("big.yaml", std::string(2048, '#'));
  const auto r = run_meshc({"lint", "--max-file-size", "1K", path});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("--max-file-size"), std::string::npos) << r.err;
}

std::string resource(int i) {
  const std::string n = std::to_string(i);
  return "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: svc-" + n +
         "\n  namespace: ns-" + std::to_string(i % 50) +
         "\nspec:\n  hosts:\n  - svc-" + n + ".example.com\n  http:\n  - name: primary\n    match:\n"
         "    - uri:\n        prefix: /api/v1/items\n      headers:\n        x-tenant:\n          exact: acme\n"
         "    route:\n    - destination:\n        host: svc-" + n + "\n      weight: 90\n"
         "    - destination:\n        host: svc-" + n + "-canary\n      weight: 10\n"
         "    timeout: 5s\n    retries:\n      attempts: 3\n      perTryTimeout: 2s\n---\n";
}

// Documents are parsed, checked and dropped one at a time; what stays is the
// text and, for set-wide rules, each resource's compact typed form (about 2 KB
// for these VirtualServices), so 200,000 of them fit well under a gigabyte
// where yaml-cpp's node API would need about 6 GB. Sanitizers add their own
// shadow memory and quarantine, hence the looser bound there.
TEST(BadInput, HundredMegabyteFileIsProcessedInBoundedMemory) {
  TempDir dir;
  const auto path = std::filesystem::path(dir.path()) / "huge.yaml";
  {
    std::ofstream f(path, std::ios::binary);
    size_t written = 0;
    for (int i = 0; written < (100u << 20); ++i) {
      const auto r = resource(i);
      f << r;
      written += r.size();
    }
  }
  const auto r = run_meshc({"lint", "--format", "json", path.string()});
  rusage usage{};
  getrusage(RUSAGE_CHILDREN, &usage);
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
  EXPECT_NE(r.out.find("\"resources\": "), std::string::npos);
  const long peak_mb = usage.ru_maxrss / 1024;
#if defined(__SANITIZE_ADDRESS__)
  EXPECT_LT(peak_mb, 2500) << "peak RSS in MB";
#else
  EXPECT_LT(peak_mb, 900) << "peak RSS in MB";
#endif
}

}  // namespace
}  // namespace meshc::test
