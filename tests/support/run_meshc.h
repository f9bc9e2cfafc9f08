#pragma once
// Runs the real meshc binary for end-to-end tests, capturing what it prints.
#include <string>
#include <vector>

namespace meshc::test {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs MESHC_BINARY with `args` in `cwd` (default: the source tree), feeding
// `input` on stdin. `env` entries ("NAME=value") are added to a clean
// environment (PATH and HOME only), so CI variables do not leak in.
// `as_nobody` drops root privileges first, so permission checks apply.
RunResult run_meshc(const std::vector<std::string>& args, const std::string& input = {},
                    const std::string& cwd = MESHC_SOURCE_DIR, const std::vector<std::string>& env = {},
                    bool as_nobody = false);

// A fresh temporary directory, removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  // Writes `text` to path()/name (creating directories) and returns the path.
  std::string write(const std::string& name, const std::string& text) const;

 private:
  std::string path_;
};

std::string read_text_file(const std::string& path);

}  // namespace meshc::test
