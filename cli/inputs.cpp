#include "cli/inputs.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <sstream>

#include "validators/rule.h"

namespace meshc {
namespace {

namespace fs = std::filesystem;

bool is_yaml_name(const fs::path& p) {
  const auto ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

bool is_hidden(const fs::path& p) {
  const auto name = p.filename().string();
  return name.size() > 1 && name[0] == '.' && name != "..";
}

bool ignored(const fs::path& file, const InputOptions& options) {
  if (options.ignore_patterns.empty()) return false;
  std::error_code ec;
  const auto absolute = fs::absolute(file, ec).lexically_normal();
  const std::string relative = absolute.lexically_relative(options.ignore_root).generic_string();
  if (relative.empty() || relative.starts_with("..")) return false;
  for (std::string pattern : options.ignore_patterns) {
    if (pattern.starts_with("./")) pattern.erase(0, 2);
    while (pattern.size() > 1 && pattern.back() == '/') pattern.pop_back();
    // The file itself, or any directory above it.
    for (size_t end = relative.find('/'); ; end = relative.find('/', end + 1)) {
      if (glob_match(pattern, std::string_view(relative).substr(0, end))) return true;
      if (end == std::string::npos) break;
    }
  }
  return false;
}

std::string read_file(const std::string& path, const std::string& shown, uint64_t max_size) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (!ec && size > max_size)
    throw InputError(shown + ": file is " + std::to_string(size) + " bytes, over the --max-file-size limit of " +
                     std::to_string(max_size) + " bytes");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(shown + ": cannot read: " + std::strerror(errno));
  std::string text;
  if (!ec && fs::is_regular_file(path)) {
    text.resize(size);
    in.read(text.data(), static_cast<std::streamsize>(size));
    text.resize(static_cast<size_t>(in.gcount()));
  } else {
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  if (in.bad()) throw InputError(shown + ": cannot read: " + std::strerror(errno));
  return text;
}

std::string read_stdin(const std::string& shown, uint64_t max_size) {
  std::string text;
  char buf[1 << 16];
  while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
    text.append(buf, static_cast<size_t>(std::cin.gcount()));
    if (text.size() > max_size)
      throw InputError(shown + ": input is over the --max-file-size limit of " + std::to_string(max_size) + " bytes");
  }
  return text;
}

std::string join_shown(const std::string& dir, const fs::path& relative) {
  std::string base = display_path(dir);
  if (!base.empty() && base.back() != '/') base += '/';
  return base + display_path(relative.generic_string());
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  if (pattern.empty()) return path.empty();
  if (pattern.starts_with("**")) {
    std::string_view rest = pattern.substr(2);
    if (rest.starts_with("/")) rest.remove_prefix(1);
    // `**/` matches zero or more whole segments.
    for (size_t i = 0;; i = path.find('/', i) + 1) {
      if (glob_match(rest, path.substr(i))) return true;
      if (path.find('/', i) == std::string_view::npos) return rest.empty();
    }
  }
  if (pattern[0] == '*') {
    for (size_t i = 0; i <= path.size(); ++i) {
      if (glob_match(pattern.substr(1), path.substr(i))) return true;
      if (i < path.size() && path[i] == '/') break;
    }
    return false;
  }
  if (path.empty()) return false;
  if (pattern[0] == '?' ? path[0] != '/' : pattern[0] == path[0]) return glob_match(pattern.substr(1), path.substr(1));
  return false;
}

bool parse_byte_size(const std::string& text, uint64_t& out) {
  if (text.empty() || text[0] < '0' || text[0] > '9') return false;
  size_t used = 0;
  unsigned long long value = 0;
  try {
    value = std::stoull(text, &used);
  } catch (const std::exception&) {
    return false;
  }
  std::string unit = text.substr(used);
  uint64_t scale = 1;
  if (unit.empty() || unit == "B") scale = 1;
  else if (unit == "K" || unit == "KiB" || unit == "k") scale = 1ull << 10;
  else if (unit == "M" || unit == "MiB") scale = 1ull << 20;
  else if (unit == "G" || unit == "GiB") scale = 1ull << 30;
  else return false;
  if (value > UINT64_MAX / scale) return false;
  out = value * scale;
  return true;
}

std::vector<std::shared_ptr<const SourceFile>> load_inputs(const std::vector<std::string>& paths,
                                                           const InputOptions& options) {
  std::vector<std::shared_ptr<const SourceFile>> out;
  // A file named twice (`meshc lint . k8s/vs.yaml`) is linted once.
  std::set<std::string> seen;
  const auto first_time = [&](const std::string& real) {
    std::error_code ec;
    const auto canonical = fs::weakly_canonical(real, ec);
    return seen.insert(ec ? real : canonical.string()).second;
  };
  for (const auto& path : paths) {
    if (path == "-") {
      out.push_back(std::make_shared<SourceFile>(options.stdin_name,
                                                 read_stdin(options.stdin_name, options.max_file_size)));
      continue;
    }
    const std::string shown = display_path(path);
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      const int err = ec ? ec.value() : ENOENT;
      throw InputError(shown + ": cannot read: " + std::strerror(err));
    }
    if (!fs::is_directory(status)) {
      if (!first_time(path)) continue;
      out.push_back(std::make_shared<SourceFile>(shown, read_file(path, shown, options.max_file_size)));
      continue;
    }
    std::vector<std::pair<std::string, std::string>> found;  // shown, real path
    fs::recursive_directory_iterator it(path, fs::directory_options::none, ec);
    if (ec) throw InputError(shown + ": cannot read: " + ec.message());
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) throw InputError(shown + ": cannot read: " + ec.message());
      const fs::path& p = it->path();
      if (is_hidden(p)) {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file() || !is_yaml_name(p)) continue;
      // Lexically: a symbolic link is shown by its own name.
      std::string entry_shown = join_shown(path, p.lexically_relative(path));
      if (!ignored(p, options)) found.emplace_back(std::move(entry_shown), p.string());
    }
    if (found.empty()) throw InputError("no YAML files under " + shown);
    std::sort(found.begin(), found.end());
    for (auto& [entry_shown, real] : found)
      if (first_time(real))
        out.push_back(std::make_shared<SourceFile>(entry_shown, read_file(real, entry_shown, options.max_file_size)));
  }
  return out;
}

}  // namespace meshc
