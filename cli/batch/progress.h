// The progress line on stderr (docs/batch.md, "Progress"): rows, rows per
// second and, for a regular file, percentage and ETA, redrawn with '\r'.
#ifndef SMSLINT_CLI_BATCH_PROGRESS_H_
#define SMSLINT_CLI_BATCH_PROGRESS_H_

#include <chrono>
#include <cstdint>

namespace smslint::cli {

class Progress {
 public:
  // `total_bytes`: the input's size, 0 when unknown.
  Progress(bool enabled, std::chrono::steady_clock::time_point start,
           uint64_t total_bytes)
      : enabled_(enabled), start_(start), last_(start), total_bytes_(total_bytes) {}

  bool enabled() const { return enabled_; }
  // Redraws at most every 200 ms unless `force`; `done_bytes`: input bytes
  // of the rows written.
  void Show(bool force, uint64_t rows, uint64_t done_bytes);
  // A last redraw and the newline, when anything was shown.
  void Finish(uint64_t rows, uint64_t done_bytes);

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point start_, last_;
  uint64_t total_bytes_;
  bool shown_ = false;
};

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_BATCH_PROGRESS_H_
