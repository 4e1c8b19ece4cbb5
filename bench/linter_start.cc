// Times Linter construction in one process: the first (which also pays
// libphonenumber's metadata parse and warm-up, the lexicon compile and the
// grapheme tables) and a second one (what is not shared between Linters),
// then one Lint. Prints one JSON line, seconds of CPU (getrusage, so the
// other builders on a shared machine do not count) and wall time.
//
//   linter_start [--disable AREA]...
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "smslint/linter.h"

namespace {

double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double WallSeconds() {
  return std::chrono::duration<double>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

int main(int argc, char** argv) {
  smslint::Options options;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--disable") == 0) {
      options.disabled_rules.push_back(argv[i + 1]);
    }
  }
  double c0 = CpuSeconds(), w0 = WallSeconds();
  const smslint::Linter first(options);
  const double first_cpu = CpuSeconds() - c0, first_wall = WallSeconds() - w0;
  c0 = CpuSeconds(); w0 = WallSeconds();
  const smslint::Linter second(options);
  const double second_cpu = CpuSeconds() - c0, second_wall = WallSeconds() - w0;
  smslint::Message m;
  m.to = "+14155550132";
  m.body = "Hi Ana, your order 4411 ships today. Reply STOP to opt out.";
  c0 = CpuSeconds();
  const smslint::Report r = second.Lint(m);
  const double lint_cpu = CpuSeconds() - c0;
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  std::printf(
      "{\"ok\":%s,\"first_cpu_s\":%.6f,\"first_wall_s\":%.6f,"
      "\"second_cpu_s\":%.6f,\"second_wall_s\":%.6f,\"first_lint_cpu_s\":%.6f,"
      "\"diagnostics\":%zu,\"max_rss_kb\":%ld}\n",
      first.ok() && second.ok() ? "true" : "false", first_cpu, first_wall,
      second_cpu, second_wall, lint_cpu, r.diagnostics.size(), u.ru_maxrss);
  return first.ok() ? 0 : 1;
}
