#include "batch/progress.h"

#include <algorithm>
#include <cstdio>

namespace smslint::cli {

void Progress::Show(bool force, uint64_t rows, uint64_t done_bytes) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (!force && now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  const double secs = std::chrono::duration<double>(now - start_).count();
  const double rps = secs > 0 ? static_cast<double>(rows) / secs : 0;
  char buf[160];
  if (total_bytes_ > 0 && done_bytes > 0) {
    const double frac = std::min(1.0, static_cast<double>(done_bytes) /
                                          static_cast<double>(total_bytes_));
    const double eta = frac > 0 ? secs * (1 - frac) / frac : 0;
    std::snprintf(buf, sizeof buf,
                  "\r%llu rows  %.0f rows/s  %3.0f%%  ETA %.0fs   ",
                  static_cast<unsigned long long>(rows), rps, frac * 100, eta);
  } else {
    std::snprintf(buf, sizeof buf, "\r%llu rows  %.0f rows/s   ",
                  static_cast<unsigned long long>(rows), rps);
  }
  std::fputs(buf, stderr);
  std::fflush(stderr);
  shown_ = true;
}

void Progress::Finish(uint64_t rows, uint64_t done_bytes) {
  if (!shown_) return;
  Show(true, rows, done_bytes);
  std::fputs("\n", stderr);
}

}  // namespace smslint::cli
