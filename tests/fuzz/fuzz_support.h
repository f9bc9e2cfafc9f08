#pragma once
// What the fuzz targets share: invariant checks that abort loudly, and the
// temporary file for readers that take a path.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace meshc::fuzz {

inline void require(bool ok, const char* target, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "%s: invariant broken: %s\n", target, what);
  std::abort();
}

// The input written to a per-process file, removed however the run ends.
class TempFile {
 public:
  TempFile(const std::string& stem, const std::string& suffix, const uint8_t* data, size_t size)
      : path_((std::filesystem::temp_directory_path() / (stem + std::to_string(::getpid()) + suffix)).string()) {
    std::ofstream out(path_, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    require(static_cast<bool>(out), "fuzz", "cannot write the temp file");
  }
  ~TempFile() {
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace meshc::fuzz
