// Google Benchmark of the number checks: smslint's Linter::Lint on messages
// that differ only in `to`, against raw libphonenumber (Parse +
// IsValidNumber + GetNumberType) on the same numbers, in the same run, on 1
// and 2 threads. Prints numbers/s (items_per_second) and, at the end, the
// ratio Linter / raw for each thread count, and what the first Linter's
// construction (libphonenumber metadata + regex warm-up) cost.
//
//   ninja -C build bench/numbers_bench
//   build/bench/numbers_bench
//
// The numbers: every region's example number of every type, with the last
// 1-4 digits replaced (fixed seed), 10% shortened or lengthened by a digit,
// in E.164 form; 20,000 of them. Each thread walks the whole list from its
// own offset. The Linter's messages have body "Hi" and from "Acme", with
// the body and segment rules disabled, so the difference to raw is what
// smslint adds: strict E.164 test, possibility reason, region, E.164
// formatting, short-code/alphanumeric handling, diagnostics.
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "smslint/linter.h"
#include "smslint/message.h"
#include "smslint/numbers.h"

namespace {

using ::i18n::phonenumbers::PhoneNumber;
using ::i18n::phonenumbers::PhoneNumberUtil;

constexpr size_t kNumbers = 20000;

const std::vector<std::string>& Numbers() {
  static const auto* numbers = [] {
    const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
    std::set<std::string> regions;
    util.GetSupportedRegions(&regions);
    std::vector<std::string> seeds;
    for (const std::string& region : regions) {
      std::set<PhoneNumberUtil::PhoneNumberType> types;
      util.GetSupportedTypesForRegion(region, &types);
      for (const auto type : types) {
        PhoneNumber n;
        std::string e164;
        if (util.GetExampleNumberForType(region, type, &n)) {
          util.Format(n, PhoneNumberUtil::E164, &e164);
          seeds.push_back(e164);
        }
      }
    }
    std::mt19937 rng(20261126);
    auto* out = new std::vector<std::string>();
    out->reserve(kNumbers);
    while (out->size() < kNumbers) {
      std::string s = seeds[rng() % seeds.size()];
      const size_t k = 1 + rng() % 4;
      for (size_t i = s.size() - k; i < s.size(); ++i) {
        s[i] = static_cast<char>('0' + rng() % 10);
      }
      const unsigned r = rng() % 20;
      if (r == 0) s.pop_back();
      if (r == 1) s.push_back(static_cast<char>('0' + rng() % 10));
      out->push_back(std::move(s));
    }
    return out;
  }();
  return *numbers;
}

double g_first_linter_ms = 0;

const smslint::Linter& NumbersLinter() {
  static const smslint::Linter* const linter = [] {
    smslint::Options o;
    o.disabled_rules = {"body", "segments"};
    o.warm_up_numbers = true;  // flat timings: no region's first-use cost
    const auto start = std::chrono::steady_clock::now();
    auto* l = new smslint::Linter(o);
    g_first_linter_ms = std::chrono::duration<double, std::milli>(
                            std::chrono::steady_clock::now() - start)
                            .count();
    return l;
  }();
  return *linter;
}

void BM_LinterNumbers(benchmark::State& state) {
  const auto& numbers = Numbers();
  const smslint::Linter& linter = NumbersLinter();
  smslint::Message m;
  m.from = "Acme";
  m.body = "Hi";
  size_t i = static_cast<size_t>(state.thread_index()) * numbers.size() / 2;
  for (auto _ : state) {
    m.to = numbers[i++ % numbers.size()];
    benchmark::DoNotOptimize(linter.Lint(m));
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_RawLibphonenumber(benchmark::State& state) {
  const auto& numbers = Numbers();
  NumbersLinter();  // the same warm regex cache as the Linter run
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  size_t i = static_cast<size_t>(state.thread_index()) * numbers.size() / 2;
  for (auto _ : state) {
    PhoneNumber n;
    if (util.Parse(numbers[i++ % numbers.size()], "ZZ", &n) ==
        PhoneNumberUtil::NO_PARSING_ERROR) {
      benchmark::DoNotOptimize(util.IsValidNumber(n));
      benchmark::DoNotOptimize(util.GetNumberType(n));
    }
  }
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_LinterNumbers)->Threads(1)->Threads(2)->UseRealTime()->MinTime(2);
BENCHMARK(BM_RawLibphonenumber)->Threads(1)->Threads(2)->UseRealTime()->MinTime(2);

// Keeps items_per_second per run name, to print the ratios.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      const auto it = run.counters.find("items_per_second");
      if (it != run.counters.end()) rates_[run.benchmark_name()] = it->second;
    }
    ConsoleReporter::ReportRuns(runs);
  }
  void PrintRatios() const {
    for (const char* threads : {"1", "2"}) {
      const std::string suffix =
          std::string("/min_time:2.000/real_time/threads:") + threads;
      const auto lint = rates_.find("BM_LinterNumbers" + suffix);
      const auto raw = rates_.find("BM_RawLibphonenumber" + suffix);
      if (lint == rates_.end() || raw == rates_.end()) continue;
      std::printf(
          "threads=%s: Linter %.0f numbers/s, raw libphonenumber %.0f "
          "numbers/s, Linter/raw = %.2f\n",
          threads, lint->second, raw->second, lint->second / raw->second);
    }
  }

 private:
  std::map<std::string, double> rates_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  Numbers();
  NumbersLinter();
  std::printf("libphonenumber metadata %s; first Linter (metadata parse and "
              "regex warm-up): %.1f ms; %zu numbers\n",
              std::string(smslint::PhoneMetadataVersion()).c_str(),
              g_first_linter_ms, Numbers().size());
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  reporter.PrintRatios();
  benchmark::Shutdown();
  return 0;
}
