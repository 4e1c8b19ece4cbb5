// Times the segment engine over JSONL body files (bench/corpus.py), with the
// same method as bench/time_npm.mjs, so compare_npm.sh can put the two side
// by side:
//   1. one warm-up pass over the set, which also calibrates `repeat`, how
//      many times a timed pass runs the set so that it lasts at least
//      --min-seconds (fast engines would otherwise time the clock);
//   2. --passes timed passes; the median seconds per set is reported.
//
//   segments_timer [--passes N] [--min-seconds S] [--count] [--reference]
//                  [--smart] FILE...
//
// --count times CountSegments; --reference, CountSegments through the
// general per-code-point UCS-2 pass (internal::CountSegmentsReference), the
// baseline of the block scan CountSegments runs.
//
// One JSON line per file: set, impl, messages, bytes, repeat, passes,
// median_s, msgs_per_s, mb_per_s (MB = 10^6 bytes of UTF-8).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "body_file.h"
#include "segments/ucs2_count.h"
#include "smslint/segments.h"

namespace {

struct Flags {
  int passes = 5;
  double min_seconds = 0.2;
  bool count_only = false;  // CountSegments instead of AnalyzeSegments
  bool reference = false;   // CountSegmentsReference
  bool smart = false;
  std::vector<std::string> files;
};

// Keeps the results observable so the calls cannot be optimised away.
volatile uint64_t g_sink = 0;

double RunSet(const std::vector<std::string>& bodies, const Flags& flags,
              int repeat) {
  smslint::SegmentOptions options;
  options.smart_encoding = flags.smart;
  uint64_t sum = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int r = 0; r < repeat; ++r) {
    for (const std::string& b : bodies) {
      if (flags.reference) {
        sum += smslint::internal::CountSegmentsReference(b, options);
      } else if (flags.count_only) {
        sum += smslint::CountSegments(b, options);
      } else {
        sum += smslint::AnalyzeSegments(b, options).segment_count;
      }
    }
  }
  const std::chrono::duration<double> elapsed =
      std::chrono::steady_clock::now() - start;
  g_sink = g_sink + sum;
  return elapsed.count();
}

std::string SetName(const std::string& path) {
  std::string name = path.substr(path.find_last_of('/') + 1);
  if (name.ends_with(".jsonl")) name.resize(name.size() - 6);
  return name;
}

int Usage() {
  std::fprintf(stderr,
               "usage: segments_timer [--passes N] [--min-seconds S] "
               "[--count] [--reference] [--smart] FILE.jsonl...\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Flags flags;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--passes" && i + 1 < argc) {
      flags.passes = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--min-seconds" && i + 1 < argc) {
      flags.min_seconds = std::atof(argv[++i]);
    } else if (a == "--count") {
      flags.count_only = true;
    } else if (a == "--reference") {
      flags.reference = true;
    } else if (a == "--smart") {
      flags.smart = true;
    } else if (a.starts_with("--")) {
      return Usage();
    } else {
      flags.files.push_back(a);
    }
  }
  if (flags.files.empty()) return Usage();

  for (const std::string& path : flags.files) {
    std::vector<std::string> bodies;
    try {
      bodies = smslint::bench::ReadBodies(path);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "segments_timer: %s: %s\n", path.c_str(), e.what());
      return 1;
    }
    uint64_t bytes = 0;
    for (const std::string& b : bodies) bytes += b.size();

    const double warm = RunSet(bodies, flags, 1);
    const int repeat = static_cast<int>(std::clamp(
        std::ceil(flags.min_seconds / std::max(warm, 1e-9)), 1.0, 1e6));
    std::vector<double> per_set;
    for (int p = 0; p < flags.passes; ++p) {
      per_set.push_back(RunSet(bodies, flags, repeat) / repeat);
    }
    std::sort(per_set.begin(), per_set.end());
    const double median = per_set[per_set.size() / 2];

    nlohmann::json out = {
        {"set", SetName(path)},
        {"impl", "smslint"},
        {"mode", std::string(flags.reference    ? "count-reference"
                             : flags.count_only ? "count"
                                                : "analyze") +
                     (flags.smart ? "+smart" : "")},
        {"messages", bodies.size()},
        {"bytes", bytes},
        {"repeat", repeat},
        {"passes", flags.passes},
        {"median_s", median},
        {"msgs_per_s", static_cast<double>(bodies.size()) / median},
        {"mb_per_s", static_cast<double>(bytes) / median / 1e6},
    };
    std::printf("%s\n", out.dump().c_str());
    std::fflush(stdout);
  }
  return 0;
}
