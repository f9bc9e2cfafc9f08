// A main() for builds without libFuzzer: runs LLVMFuzzerTestOneInput once on
// every file named on the command line or found (recursively) under a named
// directory, in name order, so ctest replays the seed corpora.
//   <target>_replay [-timeout=SECONDS] [-rss_limit_mb=MB] PATH...
// Exit status: 0 when every input ran, 1 when a path is missing or no input
// was found. A crash or a sanitizer report ends the process as it would end
// the fuzzer; the input's name is printed before it runs. As with libFuzzer's
// flags of the same names, a watchdog ends the process when one input runs
// longer than -timeout (default 120 s) or the resident memory passes
// -rss_limit_mb (default 2048), so a hang or a runaway allocation fails the
// test instead of taking the machine.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

namespace fs = std::filesystem;

// What the watchdog needs to know; written by main, read by the watchdog.
std::atomic<const char*> g_current_input{nullptr};
std::atomic<int64_t> g_input_started_ms{0};

int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

size_t resident_mb() {
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  if (f == nullptr) return 0;
  unsigned long pages = 0, resident = 0;
  const int n = std::fscanf(f, "%lu %lu", &pages, &resident);
  std::fclose(f);
  if (n != 2) return 0;
  return static_cast<size_t>(resident) * static_cast<size_t>(::sysconf(_SC_PAGESIZE)) / (1024 * 1024);
}

[[noreturn]] void watchdog_fail(const char* what, size_t amount, const char* unit) {
  const char* input = g_current_input.load();
  std::fprintf(stderr, "replay: ERROR: %s (%zu %s) on %s\n", what, amount, unit, input ? input : "(none)");
  std::fflush(stderr);
  std::_Exit(70);
}

void watchdog(unsigned timeout_s, size_t rss_limit_mb) {
  while (true) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (rss_limit_mb != 0) {
      const size_t rss = resident_mb();
      if (rss > rss_limit_mb) watchdog_fail("out of memory: resident memory over -rss_limit_mb", rss, "MB");
    }
    const int64_t started = g_input_started_ms.load();
    if (timeout_s != 0 && started != 0) {
      const int64_t elapsed_s = (now_ms() - started) / 1000;
      if (elapsed_s > static_cast<int64_t>(timeout_s))
        watchdog_fail("timeout: one input ran longer than -timeout", static_cast<size_t>(elapsed_s), "s");
    }
  }
}

// Parses "-name=N"; false when arg is not that flag.
bool numeric_flag(const char* arg, const char* name, size_t& out) {
  const size_t len = std::strlen(name);
  if (std::strncmp(arg, name, len) != 0 || arg[len] != '=') return false;
  char* end = nullptr;
  const unsigned long long v = std::strtoull(arg + len + 1, &end, 10);
  if (end == arg + len + 1 || *end != '\0') {
    std::fprintf(stderr, "replay: %s needs a whole number\n", name);
    std::exit(1);
  }
  out = static_cast<size_t>(v);
  return true;
}

bool read_file(const fs::path& path, std::vector<char>& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

bool collect(const fs::path& path, std::vector<fs::path>& inputs) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    std::vector<fs::path> found;
    for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
      if (it->is_regular_file(ec)) found.push_back(it->path());
    if (ec) {
      std::fprintf(stderr, "replay: %s: %s\n", path.c_str(), ec.message().c_str());
      return false;
    }
    std::sort(found.begin(), found.end());
    inputs.insert(inputs.end(), found.begin(), found.end());
    return true;
  }
  if (fs::is_regular_file(path, ec)) {
    inputs.push_back(path);
    return true;
  }
  std::fprintf(stderr, "replay: %s: no such file or directory\n", path.c_str());
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    std::fprintf(stderr,
                 "usage: %s [-timeout=SECONDS] [-rss_limit_mb=MB] FILE_OR_DIR...\n"
                 "Runs the fuzz target once on each input; 0 turns a limit off.\n",
                 argv[0]);
    return argc < 2 ? 1 : 0;
  }
  size_t timeout_s = 120;
  size_t rss_limit_mb = 2048;
  std::vector<fs::path> inputs;
  bool ok = true;
  for (int i = 1; i < argc; ++i) {
    if (numeric_flag(argv[i], "-timeout", timeout_s) || numeric_flag(argv[i], "-rss_limit_mb", rss_limit_mb))
      continue;
    if (argv[i][0] == '-') {
      std::fprintf(stderr, "replay: unknown flag %s\n", argv[i]);
      return 1;
    }
    ok = collect(argv[i], inputs) && ok;
  }
  if (!ok) return 1;
  if (inputs.empty()) {
    std::fprintf(stderr, "replay: no inputs found\n");
    return 1;
  }
  std::thread(watchdog, static_cast<unsigned>(timeout_s), rss_limit_mb).detach();
  std::vector<char> bytes;
  for (const fs::path& p : inputs) {
    if (!read_file(p, bytes)) {
      std::fprintf(stderr, "replay: %s: cannot read\n", p.c_str());
      return 1;
    }
    std::fprintf(stderr, "replay: %s (%zu bytes)\n", p.c_str(), bytes.size());
    // An exactly sized heap copy, as libFuzzer passes it, so a read past the
    // end is caught by AddressSanitizer.
    auto data = std::make_unique<uint8_t[]>(bytes.size());
    std::memcpy(data.get(), bytes.data(), bytes.size());
    g_current_input.store(p.c_str());
    g_input_started_ms.store(now_ms());
    LLVMFuzzerTestOneInput(data.get(), bytes.size());
    g_input_started_ms.store(0);
  }
  std::printf("replay: %zu inputs ran\n", inputs.size());
  return 0;
}
