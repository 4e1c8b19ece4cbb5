// The batch pipeline (docs/batch.md, "Threads and memory"): a reader thread
// cuts the source into batches of rows, N workers process them (decode,
// lint, render, all with one shared Linter), and the calling thread writes
// them in input order through a reorder buffer keyed by batch index.
// Memory does not grow with the input, nor with what the rows hold: the
// batches in flight (queued, being processed, or waiting to be written) are
// bounded in number and in bytes (batch/item_bytes.h): the reader waits
// while either bound is reached, a worker while the batch it would take
// does not fit. A batch is cut at a number of rows or of input bytes; a
// single batch over the byte budget still goes, alone.
#ifndef SMSLINT_CLI_BATCH_PIPELINE_H_
#define SMSLINT_CLI_BATCH_PIPELINE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "batch/dup_table.h"
#include "records/source.h"
#include "smslint/report.h"

namespace smslint::cli {

// One row on its way through the pipeline.
struct Item {
  Record record;
  Report report;
  std::string out;       // the rendered record
  DupKey dup_key;  // batch/dup_table.h's RecipientKey, 0: none
  // When a safe fix changed a field that comes from a CSV column: the
  // report of the fixed row and its fields (batch/fixes.h).
  std::optional<Report> fixed;
  std::vector<std::string> fixed_fields;
  uint32_t smart_segments = 0;  // a UCS-2 body's segments after Smart Encoding
};

struct PipelineOptions {
  unsigned workers = 1;
  size_t batch_rows = 256;
  size_t batch_bytes = 256 << 10;  // a batch ends once its input reaches this
  size_t max_in_flight = 0;        // batches; 0: 2 x workers + 2
  // Bytes the batches in flight may hold: their input while queued,
  // processing_factor x that while a worker lints and renders them (what
  // that takes for a while), then everything the items hold (ItemBytes)
  // until written; 0: no byte bound. Workers also wait for room in it, so
  // huge rows are processed one at a time, whatever --jobs says.
  size_t max_bytes_in_flight = 64 << 20;
  size_t processing_factor = 32;
};

struct PipelineHooks {
  // On a worker, any order: everything after RecordSource::Read.
  std::function<void(Item&)> process;
  // On the calling thread, in input order.
  std::function<void(Item&)> write;
  // After each batch is written, with the input bytes read through it.
  std::function<void(uint64_t bytes)> batch_written;
  // While the writer waits, about every 200 ms (empty: it just waits).
  std::function<void()> idle;
  // Asked after each batch is written; true stops the run: nothing more is
  // read, processed or written (a write error makes going on pointless).
  std::function<bool()> stop;
};

// What RunPipeline saw, for tests and the docs' memory figures.
struct PipelineStats {
  uint64_t batches = 0;
  size_t peak_batches_in_flight = 0;
  size_t peak_bytes_in_flight = 0;
};

// Runs until the source is exhausted and every item is written, or until
// hooks.stop says so. Returns "" or, when a thread cannot be started, the
// reason ("cannot start 8 worker threads: Resource temporarily
// unavailable"); then nothing was written. The source's io_error is the
// caller's to check afterwards.
std::string RunPipeline(RecordSource& source, const PipelineOptions& options,
                        const PipelineHooks& hooks, PipelineStats* stats = nullptr);

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_BATCH_PIPELINE_H_
