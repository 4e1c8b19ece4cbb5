// Google Benchmark of the segment engine on the body sets of bench/corpus.py.
//
// Reads the corpus at run time (not generated in C++) so that the npm
// comparison (bench/compare_npm.sh) times exactly the same bodies. The corpus
// directory is build/bench, where meson runs corpus.py, unless
// SMSLINT_BENCH_CORPUS is set.
//
//   ninja -C build bench/segments_bench
//   build/bench/segments_bench --benchmark_filter=Analyze
//
// Per kind (ascii, gsm-ext, mixed, emoji) there are three sizes: "short"
// (~120 bytes, about one segment) and "long" (1,000-1,400 bytes), one
// message per iteration, cycling through the set; and "large", one ~1 MB
// buffer made of the long bodies, for the peak MB/s. items/s = messages/s.
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "body_file.h"
#include "segments/ucs2_count.h"
#include "smslint/segments.h"

namespace {

constexpr size_t kLargeBytes = 1 << 20;

std::string CorpusDir() {
  if (const char* env = std::getenv("SMSLINT_BENCH_CORPUS")) return env;
  return SMSLINT_BENCH_CORPUS_DIR;
}

// The bodies of one set, e.g. "mixed-long"; "KIND-large" is one buffer of
// the long bodies joined by "\n" and repeated up to kLargeBytes. Loaded on
// first use and kept (no benchmark here runs on more than one thread).
const std::vector<std::string>& Bodies(const std::string& kind,
                                       const std::string& size) {
  static auto* cache = new std::map<std::string, std::vector<std::string>>();
  const std::string key = kind + "-" + size;
  auto it = cache->find(key);
  if (it != cache->end()) return it->second;
  std::vector<std::string> bodies;
  if (size == "large") {
    const auto longs =
        smslint::bench::ReadBodies(CorpusDir() + "/" + kind + "-long.jsonl");
    std::string buffer;
    while (buffer.size() < kLargeBytes && !longs.empty()) {
      for (const std::string& b : longs) {
        if (!buffer.empty()) buffer.push_back('\n');
        buffer += b;
      }
    }
    bodies.push_back(std::move(buffer));
  } else {
    bodies = smslint::bench::ReadBodies(CorpusDir() + "/" + key + ".jsonl");
  }
  return cache->emplace(key, std::move(bodies)).first->second;
}

template <typename Fn>
void RunOverSet(benchmark::State& state, const std::string& kind,
                const std::string& size, Fn fn) {
  const std::vector<std::string>* bodies = nullptr;
  try {
    bodies = &Bodies(kind, size);
  } catch (const std::exception& e) {
    state.SkipWithError(e.what());
    return;
  }
  if (bodies->empty()) {
    state.SkipWithError("empty body set");
    return;
  }
  size_t i = 0;
  int64_t bytes = 0;
  for (auto _ : state) {
    const std::string& b = (*bodies)[i];
    fn(b);
    bytes += static_cast<int64_t>(b.size());
    if (++i == bodies->size()) i = 0;
  }
  state.SetBytesProcessed(bytes);
  state.SetItemsProcessed(state.iterations());
}

void BM_Analyze(benchmark::State& state, const char* kind, const char* size) {
  RunOverSet(state, kind, size, [](const std::string& b) {
    smslint::SegmentInfo info = smslint::AnalyzeSegments(b);
    benchmark::DoNotOptimize(info.segment_count);
  });
}

void BM_Count(benchmark::State& state, const char* kind, const char* size) {
  RunOverSet(state, kind, size, [](const std::string& b) {
    benchmark::DoNotOptimize(smslint::CountSegments(b));
  });
}

// The baseline of BM_Count: the general per-code-point UCS-2 pass.
void BM_CountReference(benchmark::State& state, const char* kind,
                       const char* size) {
  RunOverSet(state, kind, size, [](const std::string& b) {
    benchmark::DoNotOptimize(smslint::internal::CountSegmentsReference(b));
  });
}

// Smart Encoding first: one extra pass and a copy of the text.
void BM_AnalyzeSmart(benchmark::State& state, const char* kind,
                     const char* size) {
  smslint::SegmentOptions options;
  options.smart_encoding = true;
  RunOverSet(state, kind, size, [&options](const std::string& b) {
    smslint::SegmentInfo info = smslint::AnalyzeSegments(b, options);
    benchmark::DoNotOptimize(info.segment_count);
  });
}

#define SMSLINT_BENCH_KIND(fn, kind, id)                      \
  BENCHMARK_CAPTURE(fn, id##_short, kind, "short");           \
  BENCHMARK_CAPTURE(fn, id##_long, kind, "long");             \
  BENCHMARK_CAPTURE(fn, id##_large, kind, "large")->Unit(benchmark::kMillisecond)

#define SMSLINT_BENCH_ALL_KINDS(fn)               \
  SMSLINT_BENCH_KIND(fn, "ascii", ascii);         \
  SMSLINT_BENCH_KIND(fn, "gsm-ext", gsm_ext);     \
  SMSLINT_BENCH_KIND(fn, "mixed", mixed);         \
  SMSLINT_BENCH_KIND(fn, "emoji", emoji)

SMSLINT_BENCH_ALL_KINDS(BM_Analyze);
SMSLINT_BENCH_ALL_KINDS(BM_Count);
SMSLINT_BENCH_KIND(BM_CountReference, "mixed", mixed);
SMSLINT_BENCH_KIND(BM_CountReference, "emoji", emoji);
BENCHMARK_CAPTURE(BM_AnalyzeSmart, mixed_short, "mixed", "short");
BENCHMARK_CAPTURE(BM_AnalyzeSmart, mixed_long, "mixed", "long");

}  // namespace

BENCHMARK_MAIN();
