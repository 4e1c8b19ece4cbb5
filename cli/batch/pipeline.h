// The batch pipeline (docs/batch.md, "Threads and memory"): a reader thread
// cuts the source into batches of rows, N workers process them (decode,
// lint, render, all with one shared Linter), and the calling thread writes
// them in input order through a reorder buffer keyed by batch index. At
// most 2 x workers + 2 batches are in flight, so the reader waits when the
// writer falls behind and memory does not grow with the input.
#ifndef SMSLINT_CLI_BATCH_PIPELINE_H_
#define SMSLINT_CLI_BATCH_PIPELINE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "records/source.h"
#include "smslint/report.h"

namespace smslint::cli {

// One row on its way through the pipeline.
struct Item {
  Record record;
  Report report;
  std::string out;       // the rendered record
  uint64_t dup_key = 0;  // batch/dup_table.h's RecipientKey, 0: none
};

struct PipelineOptions {
  unsigned workers = 1;
  size_t batch_rows = 256;
  size_t max_in_flight = 0;  // 0: 2 x workers + 2
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
};

// Runs until the source is exhausted and every item is written. The
// source's io_error is the caller's to check afterwards.
void RunPipeline(RecordSource& source, const PipelineOptions& options,
                 const PipelineHooks& hooks);

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_BATCH_PIPELINE_H_
