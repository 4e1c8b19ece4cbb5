// Suppression-list loading and lookup (src/account/suppression_list.h),
// against baselines measured in the same run on the same file:
//   read      reading the file line by line, nothing else (the floor);
//   strings   std::unordered_set<std::string> of the raw cells (what a
//             quick script would do: no normalisation, so "(415) 555-0145"
//             and "+14155550145" would not even match);
//   smslint   SuppressionSet::LoadFile with the Linter's normaliser
//             (libphonenumber through PhoneUtil, fast path on, region US).
// Each load runs in a child process, so its peak memory (ru_maxrss, minus
// an idle child's) is its own. Then lookups: 1,000,000 keys, half listed,
// SuppressionSet::Find against unordered_set<std::string>::find on the E.164
// text. Prints seconds, MB, ns per lookup and ratios against the baselines.
//
//   ninja -C build bench/suppression_bench && build/bench/suppression_bench [LINES]
//
// The list is generated (fixed seed) into $TMPDIR (default /tmp) and
// removed at the end: a CSV with a header, LINES numbers (10,000,000 by
// default): 80% US E.164, 10% US national format "(NXX) NXX-XXXX", 10%
// E.164 of other countries (GB, DE, FR, MX, IN mobiles).
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

#include "account/account_checks.h"
#include "account/suppression_list.h"
#include "numbers/phone_util.h"

namespace {

using smslint::internal::E164Key;
using smslint::internal::MakeNumberNormalizer;
using smslint::internal::PhoneUtil;
using smslint::internal::SuppressionSet;
using Clock = std::chrono::steady_clock;

std::string NanpNumber(std::mt19937_64& rng) {
  // NXX-NXX-XXXX with N in 2-9, avoiding N11 codes and 555 exchanges' odd
  // parts: valid-looking for libphonenumber's US metadata.
  static const int kAreas[] = {201, 212, 213, 305, 312, 347, 404, 415, 510, 617,
                               646, 702, 713, 718, 773, 808, 818, 917, 971, 972};
  const int area = kAreas[rng() % (sizeof(kAreas) / sizeof(kAreas[0]))];
  const int exchange = 200 + static_cast<int>(rng() % 800);
  const int line = static_cast<int>(rng() % 10000);
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%03d%03d%04d", area, exchange == 211 ? 212 : exchange, line);
  return buf;
}

std::string Generate(const std::string& path, size_t lines) {
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (f == nullptr) return "cannot write " + path;
  std::mt19937_64 rng(20261203);
  std::fputs("phone,opted_out_at\n", f);
  // Mobile prefixes of other countries, each completed by 6 digits.
  static const char* kOther[] = {"+447400", "+4915123", "+33612", "+525512", "+919812"};
  for (size_t i = 0; i < lines; ++i) {
    const unsigned r = rng() % 10;
    std::string n;
    if (r < 8) {
      n = "+1" + NanpNumber(rng);
    } else if (r == 8) {
      const std::string d = NanpNumber(rng);
      n = "(" + d.substr(0, 3) + ") " + d.substr(3, 3) + "-" + d.substr(6);
    } else {
      char buf[16];
      std::snprintf(buf, sizeof(buf), "%06u", static_cast<unsigned>(rng() % 1000000));
      n = std::string(kOther[rng() % 5]) + buf;
    }
    std::fprintf(f, "%s,2026-11-%02u\n", n.c_str(), static_cast<unsigned>(1 + i % 28));
  }
  return std::fclose(f) == 0 ? "" : "write error";
}

// The cell of a line (the first column).
std::string_view FirstCell(std::string_view line) { return line.substr(0, line.find(',')); }

template <typename F>
void ForEachLine(const std::string& path, F&& f) {
  std::FILE* in = std::fopen(path.c_str(), "r");
  std::vector<char> buf(1 << 20);
  std::string carry;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), in)) > 0) {
    size_t start = 0;
    for (size_t i = 0; i < n; ++i) {
      if (buf[i] != '\n') continue;
      if (!carry.empty()) {
        carry.append(buf.data() + start, i - start);
        f(std::string_view(carry));
        carry.clear();
      } else {
        f(std::string_view(buf.data() + start, i - start));
      }
      start = i + 1;
    }
    carry.append(buf.data() + start, n - start);
  }
  if (!carry.empty()) f(std::string_view(carry));
  std::fclose(in);
}

struct Result {
  double seconds = 0;
  double cpu = 0;  // user + system seconds of the child: what a busy machine distorts least
  double peak_mb = 0;
  size_t count = 0;
};

// Runs `work` in a child; returns its time, its count and its peak RSS.
template <typename F>
Result InChild(F&& work) {
  int fds[2];
  if (pipe(fds) != 0) std::abort();
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    const auto t0 = Clock::now();
    const size_t count = work();
    const double s = std::chrono::duration<double>(Clock::now() - t0).count();
    double out[2] = {s, static_cast<double>(count)};
    if (write(fds[1], out, sizeof(out)) != sizeof(out)) _exit(1);
    _exit(0);
  }
  close(fds[1]);
  double in[2] = {0, 0};
  if (read(fds[0], in, sizeof(in)) != sizeof(in)) std::fprintf(stderr, "child failed\n");
  close(fds[0]);
  int status = 0;
  struct rusage ru;
  wait4(pid, &status, 0, &ru);
  const double cpu = ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
                     (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
  return {in[0], cpu, ru.ru_maxrss / 1024.0, static_cast<size_t>(in[1])};
}

}  // namespace

int main(int argc, char** argv) {
  const size_t lines = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 10'000'000;
  const char* tmp = std::getenv("TMPDIR");
  const std::string path = std::string(tmp != nullptr ? tmp : "/tmp") + "/smslint_suppression_bench.csv";
  std::printf("generating %zu lines into %s ...\n", lines, path.c_str());
  if (const std::string e = Generate(path, lines); !e.empty()) {
    std::fprintf(stderr, "%s\n", e.c_str());
    return 1;
  }
  const PhoneUtil& phones = PhoneUtil::Get();  // warmed before forking
  const auto normalize = MakeNumberNormalizer(phones, "US", true);

  const Result idle = InChild([] { return size_t{0}; });
  const Result read = InChild([&] {
    size_t n = 0;
    ForEachLine(path, [&](std::string_view) { ++n; });
    return n;
  });
  const Result strings = InChild([&] {
    std::unordered_set<std::string> set;
    bool header = true;
    ForEachLine(path, [&](std::string_view line) {
      if (!header) set.emplace(FirstCell(line));
      header = false;
    });
    return set.size();
  });
  const Result ours = InChild([&] {
    SuppressionSet set;
    std::string error;
    if (!set.LoadFile(path, path, normalize, &error)) {
      std::fprintf(stderr, "%s\n", error.c_str());
      _exit(1);
    }
    return set.numbers();
  });

  // Lookups, in this process: load once, then 1M queries, half of them
  // listed numbers.
  SuppressionSet set;
  std::string error;
  if (!set.LoadFile(path, path, normalize, &error)) return 1;
  std::unordered_set<std::string> e164s;
  std::vector<std::string> listed;
  {
    bool header = true;
    std::mt19937_64 rng(7);
    ForEachLine(path, [&](std::string_view line) {
      if (header) {
        header = false;
        return;
      }
      const std::string_view cell = FirstCell(line);
      if (cell[0] != '+') return;  // E.164 lines only: the text is the key
      e164s.emplace(cell);
      if (rng() % 16 == 0 && listed.size() < 500000) listed.emplace_back(cell);
    });
  }
  std::vector<std::string> queries = listed;
  std::mt19937_64 rng(8);
  while (queries.size() < 2 * listed.size()) queries.push_back("+1" + NanpNumber(rng));
  std::vector<uint64_t> keys;
  for (const std::string& q : queries) keys.push_back(E164Key(q));
  size_t hits_ours = 0, hits_strings = 0;
  auto t0 = Clock::now();
  for (uint64_t k : keys) hits_ours += set.Find(k).has_value();
  const double ns_ours =
      std::chrono::duration<double, std::nano>(Clock::now() - t0).count() / keys.size();
  t0 = Clock::now();
  for (const std::string& q : queries) hits_strings += e164s.count(q);
  const double ns_strings =
      std::chrono::duration<double, std::nano>(Clock::now() - t0).count() / queries.size();

  std::printf("\n%zu lines (%zu numbers loaded; %zu distinct raw cells)\n", read.count - 1,
              ours.count, strings.count);
  std::printf("%-10s %9s %9s %10s %14s\n", "load", "wall s", "CPU s", "peak MB",
              "CPU vs smslint");
  auto row = [&](const char* name, const Result& r) {
    std::printf("%-10s %9.2f %9.2f %10.1f %13.2fx\n", name, r.seconds, r.cpu - idle.cpu,
                r.peak_mb - idle.peak_mb, (r.cpu - idle.cpu) / (ours.cpu - idle.cpu));
  };
  row("read", read);
  row("strings", strings);
  row("smslint", ours);
  std::printf("smslint table: %.1f MB held (%.2f bytes per line, 1 MiB directory)\n",
              set.bytes() / 1e6, static_cast<double>(set.bytes()) / set.lines());
  std::printf("\nlookup     %9s %12s\n", "ns/query", "hits");
  std::printf("strings    %9.1f %12zu\n", ns_strings, hits_strings);
  std::printf("smslint    %9.1f %12zu   (%.2fx the unordered_set's time)\n", ns_ours, hits_ours,
              ns_ours / ns_strings);
  std::remove(path.c_str());
  const bool ok = ours.cpu - idle.cpu < 2.0 && ours.peak_mb - idle.peak_mb < 100.0;
  std::printf("\naim (10M lines: < 2 s CPU, < 100 MB): %s; load average now: see uptime\n",
              ok ? "met" : "not met on this run");
  return 0;
}
