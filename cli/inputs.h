#pragma once
// Turns the paths on the command line into loaded files: files, directories
// (recursive, *.yaml and *.yml, hidden entries skipped) and `-` for stdin.
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "compiler/model/source_file.h"

namespace meshc {

// An input that cannot be read: exit code 3.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct InputOptions {
  std::string stdin_name = "<stdin>";
  uint64_t max_file_size = 256ull << 20;
  // .meshc.yaml ignorePaths: globs relative to `ignore_root` (`*` within one
  // path segment, `**` across segments); a pattern that matches a directory
  // ignores everything under it. They apply to directory walks only.
  std::vector<std::string> ignore_patterns;
  std::string ignore_root;
};

// Glob match of a relative path: `*` and `?` stay within a segment, `**`
// spans segments.
bool glob_match(std::string_view pattern, std::string_view path);

// The files under `paths`, in command-line order, each directory's files
// sorted. Throws InputError for a missing, unreadable or oversized input.
std::vector<std::shared_ptr<const SourceFile>> load_inputs(const std::vector<std::string>& paths,
                                                           const InputOptions& options);

// "256MiB", "10M", "1048576" -> bytes; false when not a size.
bool parse_byte_size(const std::string& text, uint64_t& out);

}  // namespace meshc
