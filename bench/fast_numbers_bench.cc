// Google Benchmark of the fast number path (src/numbers/fast_phone.h)
// against libphonenumber, on the same numbers, in the same run, on 1 and 2
// threads: PhoneUtil::Analyze (the fast path, falling back to
// libphonenumber for what it does not handle) against
// PhoneUtil::AnalyzeWithLibphonenumber (the same PhoneFacts from Parse,
// Format, GetRegionCodeForNumber, IsPossibleNumberWithReason,
// IsValidNumber, GetNumberType).
//
//   ninja -C build bench/fast_numbers_bench && build/bench/fast_numbers_bench
//
// Two lists (fixed seed, 20,000 numbers each):
//   e164  every region's example number of every type, the last 1-4 digits
//         replaced, 10% a digit shorter or longer, in E.164 form;
//   mix   what a send path carries: 70% E.164 (a fifth of them written
//         with spaces or dashes), 15% US national formats ("(201)
//         555-0123", "201-555-0123", "2015550123") with region US, 8% other
//         national formats with their region, 7% junk (extensions, letters,
//         empty, a bare name, "tel:" URIs, full-width digits).
// Each thread walks the whole list from its own offset. At the end it
// prints numbers/s, ns/number (wall and CPU) and the speed-up per list and
// thread count; first, the share of each list that took the slow path and
// what building PhoneUtil and the fast path cost. SMSLINT_NO_FAST_NUMBERS=1
// sends BM_Fast through libphonenumber too, as it does for the CLI.
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "numbers/fast_phone.h"
#include "numbers/phone_util.h"

namespace {

using ::i18n::phonenumbers::PhoneNumber;
using ::i18n::phonenumbers::PhoneNumberUtil;
using ::smslint::internal::PhoneUtil;

constexpr size_t kNumbers = 20000;

// The library reads no environment; the bench honours the CLI's variable.
bool FastWanted() {
  const char* v = std::getenv("SMSLINT_NO_FAST_NUMBERS");
  return v == nullptr || v[0] == '\0' || (v[0] == '0' && v[1] == '\0');
}

struct Input {
  std::string number;
  std::string region;
};

struct Lists {
  std::vector<Input> e164;
  std::vector<Input> mix;
};

const Lists& GetLists() {
  static const Lists* const lists = [] {
    const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
    std::set<std::string> regions;
    util.GetSupportedRegions(&regions);
    std::vector<std::pair<PhoneNumber, std::string>> seeds;
    for (const std::string& region : regions) {
      std::set<PhoneNumberUtil::PhoneNumberType> types;
      util.GetSupportedTypesForRegion(region, &types);
      for (const auto type : types) {
        PhoneNumber n;
        if (util.GetExampleNumberForType(region, type, &n)) {
          seeds.push_back({n, region});
        }
      }
    }
    std::mt19937 rng(20261126);
    auto digit = [&] { return static_cast<char>('0' + rng() % 10); };
    auto perturbed = [&](const PhoneNumber& seed) {
      PhoneNumber n = seed;
      std::string e164;
      util.Format(n, PhoneNumberUtil::E164, &e164);
      const size_t k = 1 + rng() % 4;
      for (size_t i = e164.size() - k; i < e164.size(); ++i) e164[i] = digit();
      const unsigned r = rng() % 20;
      if (r == 0) e164.pop_back();
      if (r == 1) e164.push_back(digit());
      return e164;
    };
    auto* out = new Lists();
    while (out->e164.size() < kNumbers) {
      out->e164.push_back({perturbed(seeds[rng() % seeds.size()].first), ""});
    }
    static const char* const kJunk[] = {
        "+1 415 555 0132 ext. 12", "(201) 555-0123 x7", "1-800-FLOWERS",
        "", "Acme", "tel:+1-201-555-0123", "\xEF\xBC\x8B\xEF\xBC\x94\xEF\xBC"
        "\x94 20 7946 0958", "+44 (0)20 7946 0958#", "555-0123", "n/a"};
    while (out->mix.size() < kNumbers) {
      const unsigned r = rng() % 100;
      const auto& [seed, region] = seeds[rng() % seeds.size()];
      if (r < 70) {
        std::string e164 = perturbed(seed);
        if (rng() % 5 == 0) {
          PhoneNumber p;
          if (util.Parse(e164, "ZZ", &p) == PhoneNumberUtil::NO_PARSING_ERROR) {
            util.Format(p, PhoneNumberUtil::INTERNATIONAL, &e164);
          }
        }
        out->mix.push_back({e164, ""});
      } else if (r < 85) {
        std::string d = "2" + std::string(1, digit()) + digit() + "555" +
                        digit() + digit() + digit() + digit();
        d[1] = static_cast<char>('0' + 2 + rng() % 8);
        switch (rng() % 3) {
          case 0: d = "(" + d.substr(0, 3) + ") " + d.substr(3, 3) + "-" +
                      d.substr(6);
                  break;
          case 1: d = d.substr(0, 3) + "-" + d.substr(3, 3) + "-" +
                      d.substr(6);
                  break;
          default: break;
        }
        out->mix.push_back({d, "US"});
      } else if (r < 93) {
        std::string national;
        PhoneNumber p;
        if (util.Parse(perturbed(seed), "ZZ", &p) ==
            PhoneNumberUtil::NO_PARSING_ERROR) {
          util.Format(p, PhoneNumberUtil::NATIONAL, &national);
        }
        out->mix.push_back({national, region});
      } else {
        out->mix.push_back({kJunk[rng() % (sizeof(kJunk) / sizeof(*kJunk))],
                            rng() % 2 ? "US" : ""});
      }
    }
    return out;
  }();
  return *lists;
}

const std::vector<Input>& List(int which) {
  return which == 0 ? GetLists().e164 : GetLists().mix;
}

void BM_Fast(benchmark::State& state) {
  const auto& list = List(static_cast<int>(state.range(0)));
  const PhoneUtil& phones = PhoneUtil::Get();
  size_t i = static_cast<size_t>(state.thread_index()) * list.size() / 2;
  const bool fast = FastWanted();
  for (auto _ : state) {
    const Input& in = list[i++ % list.size()];
    benchmark::DoNotOptimize(phones.Analyze(in.number, in.region, fast));
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_Libphonenumber(benchmark::State& state) {
  const auto& list = List(static_cast<int>(state.range(0)));
  const PhoneUtil& phones = PhoneUtil::Get();
  size_t i = static_cast<size_t>(state.thread_index()) * list.size() / 2;
  for (auto _ : state) {
    const Input& in = list[i++ % list.size()];
    benchmark::DoNotOptimize(
        phones.AnalyzeWithLibphonenumber(in.number, in.region));
  }
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_Fast)->ArgName("list")->Arg(0)->Arg(1)->Threads(1)->Threads(2)
    ->UseRealTime()->MinTime(1);
BENCHMARK(BM_Libphonenumber)->ArgName("list")->Arg(0)->Arg(1)->Threads(1)
    ->Threads(2)->UseRealTime()->MinTime(1);

// Keeps items_per_second per run name, to print the comparison.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      const auto it = run.counters.find("items_per_second");
      if (it != run.counters.end()) rates_[run.benchmark_name()] = it->second;
      // CPU time per number, summed over the threads: unlike wall time it
      // does not depend on what else the machine runs, and it stays flat
      // from 1 to 2 threads when nothing is shared.
      cpu_ns_[run.benchmark_name()] = run.GetAdjustedCPUTime();
    }
    ConsoleReporter::ReportRuns(runs);
  }
  void PrintRatios() const {
    std::printf("\nwall: numbers/s of all threads together; ns/n: wall time "
                "per number on one thread; cpu: CPU ns per number\n");
    std::printf("%-5s %7s %12s %12s %10s %10s %8s %9s %9s %8s\n", "list",
                "threads", "fast n/s", "libph n/s", "fast ns/n", "libph ns/n",
                "speed-up", "fast cpu", "libph cpu", "cpu x");
    for (const char* list : {"0", "1"}) {
      for (const char* threads : {"1", "2"}) {
        const std::string suffix = std::string("/list:") + list +
                                   "/min_time:1.000/real_time/threads:" +
                                   threads;
        const auto fast = rates_.find("BM_Fast" + suffix);
        const auto lib = rates_.find("BM_Libphonenumber" + suffix);
        if (fast == rates_.end() || lib == rates_.end()) continue;
        // ns per number on one thread: threads / aggregate rate.
        const double t = std::stod(threads);
        const double fast_cpu = cpu_ns_.at("BM_Fast" + suffix);
        const double lib_cpu = cpu_ns_.at("BM_Libphonenumber" + suffix);
        std::printf(
            "%-5s %7s %12.0f %12.0f %10.1f %10.1f %7.1fx %9.1f %9.1f %7.1fx\n",
            list[0] == '0' ? "e164" : "mix", threads, fast->second,
            lib->second, 1e9 * t / fast->second, 1e9 * t / lib->second,
            fast->second / lib->second, fast_cpu, lib_cpu,
            lib_cpu / fast_cpu);
      }
    }
  }

 private:
  std::map<std::string, double> rates_;
  std::map<std::string, double> cpu_ns_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  const auto start = std::chrono::steady_clock::now();
  const PhoneUtil& phones = PhoneUtil::Get();
  phones.WarmUp();  // flat timings: no region's first-use cost
  const double build_ms = std::chrono::duration<double, std::milli>(
                              std::chrono::steady_clock::now() - start)
                              .count();
  // The slow-path share: one pass over each list through Analyze.
  for (int which = 0; which < 2; ++which) {
    const auto& list = List(which);
    const uint64_t before = phones.slow_path_calls();
    for (const Input& in : list) phones.Analyze(in.number, in.region, FastWanted());
    const uint64_t slow = phones.slow_path_calls() - before;
    std::printf("%s: %zu numbers, %llu (%.2f%%) took the slow path\n",
                which == 0 ? "e164" : "mix", list.size(),
                static_cast<unsigned long long>(slow),
                100.0 * static_cast<double>(slow) / list.size());
  }
  const auto fast_start = std::chrono::steady_clock::now();
  const auto fast = smslint::internal::FastPhone::Build();
  const double fast_ms = std::chrono::duration<double, std::milli>(
                             std::chrono::steady_clock::now() - fast_start)
                             .count();
  std::printf("fast path %s; PhoneUtil built in %.1f ms (libphonenumber "
              "metadata, regex warm-up, fast path), of which the fast path "
              "%.1f ms (%zu DFA states, %d metadata entries refused)\n",
              phones.fast_path_available() && FastWanted() ? "on" : "OFF", build_ms, fast_ms,
              fast->dfa_states(), fast->unsupported_metadata());
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  reporter.PrintRatios();
  benchmark::Shutdown();
  return 0;
}
