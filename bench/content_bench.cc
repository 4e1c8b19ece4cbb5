// Google Benchmark of content-risk scoring: Linter::Lint with only the body,
// segment and content rules on (numbers and media disabled), on typical
// bodies in four classes: one segment with and without a link, and three
// segments with and without links. The baseline in the same run is
// AnalyzeSegments alone on the same bodies (the part of Lint that is not
// content scoring), so "content cost = Lint - AnalyzeSegments".
//
//   ninja -C build bench/content_bench && build/bench/content_bench
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "content_bodies.h"
#include "smslint/linter.h"
#include "smslint/segments.h"

namespace {

const smslint::Linter& ContentLinter() {
  static const smslint::Linter* linter =
      new smslint::Linter(smslint::bench::ContentOnlyOptions());
  return *linter;
}

// Lints the bodies of the benchmark's class as first marketing messages
// to `to` ("" for none).
void LintBodies(benchmark::State& state, const smslint::Linter& linter, const char* to) {
  const auto& bodies = smslint::bench::ContentBodies(static_cast<int>(state.range(0)));
  smslint::Message m;
  m.to = to;
  m.kind = smslint::MessageKind::kMarketing;
  m.first_message = true;
  size_t i = 0;
  for (auto _ : state) {
    m.body = bodies[i++ % bodies.size()];
    benchmark::DoNotOptimize(linter.Lint(m));
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_Lint(benchmark::State& state) { LintBodies(state, ContentLinter(), ""); }

// "Now" is pinned to a weekday afternoon in California, so the recipient's
// quiet hours (which fire at night for marketing) do not make the figures
// depend on the time the benchmark runs.
constexpr int64_t kAfternoonPt = 1796335200;  // 2026-12-03T22:00:00Z, 14:00 PST

// Every rule on (the default Options) against the same Linter with the
// content area disabled: a disabled area must cost nothing, so the ratio
// of the two is what the content engine costs.
const smslint::Linter& AllLinter(bool content) {
  static const smslint::Linter* all = [] {
    smslint::Options o;
    o.now_unix_seconds = kAfternoonPt;
    return new smslint::Linter(o);
  }();
  static const smslint::Linter* no_content = [] {
    smslint::Options o;
    o.disabled_rules = {"content"};
    o.now_unix_seconds = kAfternoonPt;
    return new smslint::Linter(o);
  }();
  return content ? *all : *no_content;
}

void BM_LintAll(benchmark::State& state) { LintBodies(state, AllLinter(true), "+14155550132"); }
void BM_LintContentDisabled(benchmark::State& state) {
  LintBodies(state, AllLinter(false), "+14155550132");
}

void BM_SegmentsOnly(benchmark::State& state) {
  const auto& bodies = smslint::bench::ContentBodies(static_cast<int>(state.range(0)));
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(smslint::AnalyzeSegments(bodies[i++ % bodies.size()]));
  }
  state.SetItemsProcessed(state.iterations());
}

void Classes(benchmark::internal::Benchmark* b) {
  b->ArgName("class");  // 0 one segment, 1 + link, 2 three segments, 3 + links
  for (int k = 0; k < 4; ++k) b->Arg(k);
}

BENCHMARK(BM_SegmentsOnly)->Apply(Classes);
BENCHMARK(BM_Lint)->Apply(Classes);
BENCHMARK(BM_LintAll)->Apply(Classes);
BENCHMARK(BM_LintContentDisabled)->Apply(Classes);

}  // namespace

BENCHMARK_MAIN();
