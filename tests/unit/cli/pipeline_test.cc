#include "batch/pipeline.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include <gtest/gtest.h>

#include "finish_report.h"
#include "records/csv_source.h"

namespace smslint::cli {
namespace {

// Generated rows; Decode sleeps a little on some rows so that workers
// finish batches out of order.
class CountingSource : public RecordSource {
 public:
  explicit CountingSource(uint64_t rows) : rows_(rows) {}
  bool Read(Record& record) override {
    if (next_ >= rows_) return false;
    record.row = ++next_;
    record.line = next_ + 1;
    record.text = "row " + std::to_string(next_);
    return true;
  }
  void Decode(Record& record) const override {
    if (record.row % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
    record.message.body = record.text;
  }
  uint64_t bytes_read() const override { return next_ * 10; }
  std::string io_error() const override { return ""; }

 private:
  uint64_t rows_;
  uint64_t next_ = 0;
};

class PipelineTest : public ::testing::TestWithParam<unsigned> {};

TEST_P(PipelineTest, OneOrderedRecordPerRow) {
  constexpr uint64_t kRows = 2000;
  CountingSource source(kRows);
  std::vector<uint64_t> written;
  std::vector<uint64_t> bytes;
  std::atomic<uint64_t> processed{0};
  PipelineHooks hooks;
  hooks.process = [&](Item& item) {
    source.Decode(item.record);
    item.out = item.record.message.body;
    ++processed;
  };
  hooks.write = [&](Item& item) {
    EXPECT_EQ(item.out, "row " + std::to_string(item.record.row));
    written.push_back(item.record.row);
  };
  hooks.batch_written = [&](uint64_t b) { bytes.push_back(b); };
  PipelineOptions options;
  options.workers = GetParam();
  options.batch_rows = 16;
  options.max_in_flight = 3;  // the reader must wait for the writer
  RunPipeline(source, options, hooks);
  EXPECT_EQ(processed.load(), kRows);
  ASSERT_EQ(written.size(), kRows);
  for (uint64_t i = 0; i < kRows; ++i) ASSERT_EQ(written[i], i + 1);
  ASSERT_EQ(bytes.size(), (kRows + 15) / 16);
  EXPECT_TRUE(std::is_sorted(bytes.begin(), bytes.end()));
  EXPECT_EQ(bytes.back(), kRows * 10);
}

TEST_P(PipelineTest, EmptyInputWritesNothing) {
  CountingSource source(0);
  int writes = 0;
  PipelineHooks hooks;
  hooks.process = [](Item&) {};
  hooks.write = [&](Item&) { ++writes; };
  hooks.idle = [] {};
  RunPipeline(source, {.workers = GetParam()}, hooks);
  EXPECT_EQ(writes, 0);
}

// The real parts: a generated CSV through CsvSource, linted by one shared
// Linter, every row (also the broken ones) in order.
TEST_P(PipelineTest, LintsGeneratedCsvRowsInOrder) {
  std::string csv = "id,phone,body\n";
  constexpr int kRows = 600;
  for (int i = 1; i <= kRows; ++i) {
    if (i % 50 == 0) {
      csv += std::to_string(i) + ",+14155550100\n";  // ragged: malformed
    } else {
      csv += std::to_string(i) + ",+1415555" + std::to_string(1000 + i) +
             ",\"Hello " + std::to_string(i) + "\nReply STOP to opt out\"\n";
    }
  }
  std::istringstream in(csv);
  std::vector<std::string> messages;
  auto source = CsvSource::Open(std::make_unique<CsvReader>(in), {.name = "t.csv"},
                                &messages);
  ASSERT_NE(source, nullptr);
  EXPECT_TRUE(messages.empty());
  const Linter linter{Options{}};
  std::vector<Item> out;
  PipelineHooks hooks;
  hooks.process = [&](Item& item) {
    source->Decode(item.record);
    item.report = LintRecord(linter, item.record);
  };
  hooks.write = [&](Item& item) { out.push_back(std::move(item)); };
  RunPipeline(*source, {.workers = GetParam(), .batch_rows = 32}, hooks);
  ASSERT_EQ(out.size(), static_cast<size_t>(kRows));
  uint64_t line = 2;
  for (int i = 0; i < kRows; ++i) {
    const Item& item = out[i];
    EXPECT_EQ(item.record.row, static_cast<uint64_t>(i + 1));
    EXPECT_EQ(item.record.line, line);
    EXPECT_EQ(item.report.id, std::to_string(i + 1));
    const bool broken = (i + 1) % 50 == 0;
    EXPECT_EQ(item.record.usable, !broken);
    if (broken) {
      ASSERT_EQ(item.report.diagnostics.size(), 1u);
      EXPECT_EQ(item.report.diagnostics[0].rule_id, "input/csv-malformed");
    }
    line += broken ? 1 : 2;
  }
}

// Rows of `row_bytes` each: the byte budget, not the row count, must bound
// what is in flight.
class BigRowSource : public RecordSource {
 public:
  BigRowSource(uint64_t rows, size_t row_bytes) : rows_(rows), row_bytes_(row_bytes) {}
  bool Read(Record& record) override {
    if (next_ >= rows_) return false;
    record.row = record.line = ++next_;
    record.text.assign(row_bytes_, static_cast<char>('a' + next_ % 26));
    return true;
  }
  void Decode(Record&) const override {}
  uint64_t bytes_read() const override { return next_ * row_bytes_; }
  std::string io_error() const override { return ""; }

 private:
  uint64_t rows_;
  size_t row_bytes_;
  uint64_t next_ = 0;
};

TEST_P(PipelineTest, ByteBudgetBoundsWhatIsInFlight) {
  constexpr uint64_t kRows = 300;
  constexpr size_t kRowBytes = 100 << 10;
  BigRowSource source(kRows, kRowBytes);
  std::vector<uint64_t> written;
  PipelineHooks hooks;
  hooks.process = [](Item& item) { item.out = item.record.text; };  // doubles it
  hooks.write = [&](Item& item) {
    ASSERT_EQ(item.out.size(), kRowBytes);
    ASSERT_EQ(item.out[0], static_cast<char>('a' + item.record.row % 26));
    written.push_back(item.record.row);
  };
  PipelineOptions options;
  options.workers = GetParam();
  options.batch_bytes = 250 << 10;  // 3 rows a batch
  options.max_bytes_in_flight = 2 << 20;
  options.processing_factor = 2;
  PipelineStats stats;
  EXPECT_EQ(RunPipeline(source, options, hooks, &stats), "");
  ASSERT_EQ(written.size(), kRows);
  for (uint64_t i = 0; i < kRows; ++i) ASSERT_EQ(written[i], i + 1);
  EXPECT_EQ(stats.batches, kRows / 3);
  // The budget, plus what one batch may add while it is processed (input
  // and output of 3 rows, with the estimate's small overheads).
  EXPECT_LE(stats.peak_bytes_in_flight, (2u << 20) + 2 * 3 * (kRowBytes + 4096));
  // Without the byte bound, 2 x workers + 2 batches of 600 KB would be in
  // flight; with it, fewer whenever that is over 2 MB.
  EXPECT_LE(stats.peak_batches_in_flight, 2 * GetParam() + 2);
}

TEST_P(PipelineTest, BatchOverTheBudgetGoesAlone) {
  constexpr uint64_t kRows = 12;
  BigRowSource source(kRows, 1 << 20);
  uint64_t written = 0;
  PipelineHooks hooks;
  hooks.process = [](Item&) {};
  hooks.write = [&](Item& item) { EXPECT_EQ(item.record.row, ++written); };
  PipelineOptions options;
  options.workers = GetParam();
  options.max_bytes_in_flight = 512 << 10;  // smaller than one row
  PipelineStats stats;
  EXPECT_EQ(RunPipeline(source, options, hooks, &stats), "");
  EXPECT_EQ(written, kRows);  // no deadlock
  EXPECT_EQ(stats.batches, kRows);
  EXPECT_EQ(stats.peak_batches_in_flight, 1u);
}

TEST_P(PipelineTest, StopEndsTheRun) {
  CountingSource source(100000);
  uint64_t written = 0;
  PipelineHooks hooks;
  hooks.process = [&](Item& item) { source.Decode(item.record); };
  hooks.write = [&](Item&) { ++written; };
  int batches = 0;
  hooks.stop = [&] { return ++batches == 3; };
  EXPECT_EQ(RunPipeline(source, {.workers = GetParam(), .batch_rows = 10}, hooks), "");
  EXPECT_EQ(written, 30u);
}

INSTANTIATE_TEST_SUITE_P(Workers, PipelineTest, ::testing::Values(1u, 3u));

// A thread that cannot be started is reported, not an abort
// (std::system_error used to escape): under an address-space limit that
// leaves no room for 200 thread stacks. Runs in the death test's child.
[[noreturn]] void StartTooManyThreads() {
  long pages = 0;
  if (std::FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld", &pages) != 1) pages = 0;
    std::fclose(f);
  }
  const rlim_t vm = static_cast<rlim_t>(pages) * sysconf(_SC_PAGESIZE);
  rlimit limit;
  limit.rlim_cur = limit.rlim_max = vm + (256 << 20);
  if (pages == 0 || setrlimit(RLIMIT_AS, &limit) != 0) std::_Exit(3);
  CountingSource source(1000);
  PipelineHooks hooks;
  hooks.process = [](Item&) {};
  hooks.write = [](Item&) { std::_Exit(4); };  // nothing may be written
  PipelineOptions options;
  options.workers = 200;
  const std::string error = RunPipeline(source, options, hooks);
  std::fprintf(stderr, "%s\n", error.c_str());
  std::_Exit(error.starts_with("cannot start 200 worker threads: ") ? 0 : 5);
}

TEST(PipelineThreadsTest, ThreadStartFailureIsReported) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(StartTooManyThreads(), ::testing::ExitedWithCode(0),
              "cannot start 200 worker threads: ");
}

}  // namespace
}  // namespace smslint::cli
