// Replay driver for the fuzz targets, for any compiler (fmt's
// test/fuzzing/main.cc, harfbuzz's main.cc).
//
//   segments_replay FILE_OR_DIR...
//
// Feeds every named file, and every regular file directly inside every
// named directory (sorted by name, dot files skipped), to
// LLVMFuzzerTestOneInput once. A failed invariant aborts the process, which
// `meson test --suite fuzz-regress` reports as a failure; the last "running"
// line on stderr names the input. Exit status 0 when every input ran, 1 on
// a usage or I/O error.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

namespace fs = std::filesystem;

bool RunFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot open %s\n", path.c_str());
    return false;
  }
  const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                std::istreambuf_iterator<char>());
  if (in.bad()) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    return false;
  }
  // Named before it runs: when an invariant aborts, this is the input.
  std::fprintf(stderr, "running %s (%zu bytes)\n", path.c_str(), bytes.size());
  // A copy of exactly the input's size, so ASan catches reads past it.
  std::vector<uint8_t> copy(bytes.begin(), bytes.end());
  LLVMFuzzerTestOneInput(copy.empty() ? nullptr : copy.data(), copy.size());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE_OR_DIR...\n", argv[0]);
    return 1;
  }
  size_t ran = 0;
  bool ok = true;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const fs::path path(arg);
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<fs::path> files;
      for (const auto& entry : fs::directory_iterator(path, ec)) {
        if (!entry.is_regular_file()) continue;
        if (entry.path().filename().string().starts_with(".")) continue;
        files.push_back(entry.path());
      }
      if (ec) {
        std::fprintf(stderr, "cannot list %s: %s\n", path.c_str(),
                     ec.message().c_str());
        ok = false;
        continue;
      }
      std::sort(files.begin(), files.end());
      for (const fs::path& f : files) {
        if (RunFile(f)) {
          ++ran;
        } else {
          ok = false;
        }
      }
    } else if (RunFile(path)) {
      ++ran;
    } else {
      ok = false;
    }
  }
  std::printf("%s: ran %zu input(s)\n", argv[0], ran);
  return ok ? 0 : 1;
}
