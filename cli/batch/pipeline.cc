#include "batch/pipeline.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

#include "batch/item_bytes.h"

namespace smslint::cli {
namespace {

struct Batch {
  uint64_t index = 0;
  uint64_t end_offset = 0;  // input bytes consumed after its last row
  size_t bytes = 0;         // what it is charged against the byte budget
  unsigned worker = 0;      // who processed it, and so frees it
  std::vector<Item> items;
};

struct Shared {
  std::mutex mu;
  std::condition_variable work_cv, done_cv, space_cv;
  std::deque<std::unique_ptr<Batch>> work;
  std::map<uint64_t, std::unique_ptr<Batch>> done;
  // Written batches, per worker: each is freed by the worker that filled
  // it. glibc's free of memory another thread allocated takes that
  // thread's arena lock; freed on the writer, the reports contended with
  // their worker's mallocs (measured: ~7 % of a batch run in futex waits,
  // ~9 % freeing on the writer, the one thread that cannot be spread).
  std::vector<std::vector<std::unique_ptr<Batch>>> garbage;
  size_t garbage_bytes = 0;  // what those hold (counted in bytes_in_flight)
  size_t in_flight = 0;
  size_t max_in_flight = 8;
  size_t bytes_in_flight = 0;
  size_t max_bytes = 0;  // 0: no byte bound
  size_t factor = 32;    // a batch being processed is charged factor x input
  uint64_t next_to_write = 0;
  bool reader_done = false;
  bool stop = false;
  uint64_t batches = 0;  // total, once reader_done
  PipelineStats stats;

  // Whether the reader may add a batch of `bytes`: always when nothing is
  // in flight (so one huge batch goes alone), else within both bounds.
  bool HasRoomFor(size_t bytes) const {
    if (in_flight == 0) return true;
    if (in_flight >= max_in_flight) return false;
    return max_bytes == 0 || bytes_in_flight + bytes <= max_bytes;
  }
  // Whether a worker may start on the first queued batch: when what
  // processing it may take fits in the budget, and always when it is the
  // batch the writer waits for and no written batch is waiting to be freed
  // (so this cannot deadlock: batches are taken in order, so that one is
  // first in line whenever it is queued, and written batches are freed by
  // their workers, which are busy and come back, or idle and are woken).
  bool MayProcessFront() const {
    const Batch& b = *work.front();
    if (max_bytes == 0 || (b.index == next_to_write && garbage_bytes == 0)) return true;
    return bytes_in_flight - b.bytes + b.bytes * factor <= max_bytes;
  }
  void Charge(size_t add, size_t remove) {
    bytes_in_flight = bytes_in_flight + add - remove;
    stats.peak_bytes_in_flight = std::max(stats.peak_bytes_in_flight, bytes_in_flight);
  }
};

// Frees the written batches this worker filled, outside the lock, then
// releases them from the bounds (they count until freed, so the byte
// budget holds). Called and returns with `lock` held.
void FreeWritten(Shared& sh, unsigned id, std::unique_lock<std::mutex>& lock) {
  std::vector<std::unique_ptr<Batch>> written;
  written.swap(sh.garbage[id]);
  size_t bytes = 0;
  for (const auto& b : written) bytes += b->bytes;
  const size_t n = written.size();
  lock.unlock();
  written.clear();
  lock.lock();
  sh.in_flight -= n;
  sh.garbage_bytes -= bytes;
  sh.Charge(0, bytes);
  sh.space_cv.notify_one();
  sh.work_cv.notify_all();  // the budget may have room again
}

void Worker(Shared& sh, const PipelineHooks& hooks, unsigned id) {
  for (;;) {
    std::unique_ptr<Batch> b;
    {
      std::unique_lock lock(sh.mu);
      sh.work_cv.wait(lock, [&] {
        return sh.stop || !sh.garbage[id].empty() ||
               (sh.work.empty() ? sh.reader_done && sh.next_to_write >= sh.batches
                                : sh.MayProcessFront());
      });
      if (sh.stop) return;
      if (!sh.garbage[id].empty()) {
        FreeWritten(sh, id, lock);
        continue;
      }
      if (sh.work.empty()) return;
      b = std::move(sh.work.front());
      sh.work.pop_front();
      // Linting and rendering take several times the input while they run.
      sh.Charge(b->bytes * sh.factor, b->bytes);
      b->bytes *= sh.factor;
      b->worker = id;
    }
    size_t bytes = 0;
    for (Item& item : b->items) {
      hooks.process(item);
      bytes += ItemBytes(item);
    }
    {
      std::lock_guard lock(sh.mu);
      // Now charged for all it holds; the reader waits while that is over
      // the budget, until the writer has written enough.
      sh.Charge(bytes, b->bytes);
      b->bytes = bytes;
      const uint64_t idx = b->index;
      sh.done.emplace(idx, std::move(b));
    }
    sh.done_cv.notify_all();
    sh.work_cv.notify_all();  // the budget may have room again
    sh.space_cv.notify_one();
  }
}

void Reader(RecordSource& source, const PipelineOptions& options, Shared& sh) {
  const size_t batch_rows = std::max<size_t>(options.batch_rows, 1);
  const size_t batch_bytes = std::max<size_t>(options.batch_bytes, 1);
  uint64_t index = 0;
  auto batch = std::make_unique<Batch>();
  // Returns false when the run is stopped.
  auto flush = [&](bool last) {
    std::unique_lock lock(sh.mu);
    if (!batch->items.empty()) {
      sh.space_cv.wait(lock, [&] { return sh.stop || sh.HasRoomFor(batch->bytes); });
      if (!sh.stop) {
        batch->index = index++;
        batch->end_offset = source.bytes_read();
        ++sh.in_flight;
        ++sh.stats.batches;
        sh.stats.peak_batches_in_flight =
            std::max(sh.stats.peak_batches_in_flight, sh.in_flight);
        sh.Charge(batch->bytes, 0);
        sh.work.push_back(std::move(batch));
        sh.work_cv.notify_one();
        batch = std::make_unique<Batch>();
      }
    }
    if (last || sh.stop) {
      sh.reader_done = true;
      sh.batches = index;
      sh.work_cv.notify_all();
      sh.done_cv.notify_all();
    }
    return !sh.stop;
  };
  for (;;) {
    Item& item = batch->items.emplace_back();
    if (!source.Read(item.record)) {
      batch->items.pop_back();
      break;
    }
    batch->bytes += InputBytes(item.record);
    if (batch->items.size() >= batch_rows || batch->bytes >= batch_bytes) {
      if (!flush(false)) return;
    }
  }
  flush(true);
}

}  // namespace

std::string RunPipeline(RecordSource& source, const PipelineOptions& options,
                        const PipelineHooks& hooks, PipelineStats* stats) {
  const unsigned workers = options.workers == 0 ? 1 : options.workers;
  Shared sh;
  sh.max_in_flight = options.max_in_flight != 0
                         ? options.max_in_flight
                         : 2 * static_cast<size_t>(workers) + 2;
  sh.max_bytes = options.max_bytes_in_flight;
  sh.factor = std::max<size_t>(options.processing_factor, 1);
  sh.garbage.resize(workers);

  // Workers first, then the reader: when a thread cannot be started, no row
  // has been read yet, and the ones started are told to end.
  std::vector<std::thread> threads;
  std::thread reader;
  std::string error;
  try {
    threads.reserve(workers);
    for (unsigned i = 0; i < workers; ++i) {
      threads.emplace_back(Worker, std::ref(sh), std::cref(hooks), i);
    }
  } catch (const std::system_error& e) {
    error = "cannot start " + std::to_string(workers) + " worker thread" +
            (workers == 1 ? "" : "s") + ": " + e.code().message();
  }
  if (error.empty()) {
    try {
      reader = std::thread(Reader, std::ref(source), std::cref(options), std::ref(sh));
    } catch (const std::system_error& e) {
      error = "cannot start the reader thread: " + e.code().message();
    }
  }
  if (!error.empty()) {
    {
      std::lock_guard lock(sh.mu);
      sh.stop = sh.reader_done = true;
    }
    sh.work_cv.notify_all();
    for (std::thread& t : threads) t.join();
    return error;
  }

  // The ordered writer (this thread).
  for (uint64_t next = 0;; ++next) {
    std::unique_ptr<Batch> b;
    {
      std::unique_lock lock(sh.mu);
      for (;;) {
        auto it = sh.done.find(next);
        if (it != sh.done.end()) {
          b = std::move(it->second);
          sh.done.erase(it);
          break;
        }
        if (sh.reader_done && next >= sh.batches) break;
        if (hooks.idle) {
          sh.done_cv.wait_for(lock, std::chrono::milliseconds(200));
          lock.unlock();
          hooks.idle();
          lock.lock();
        } else {
          sh.done_cv.wait(lock);
        }
      }
    }
    if (!b) break;
    for (Item& item : b->items) hooks.write(item);
    const uint64_t end_offset = b->end_offset;
    {
      std::lock_guard lock(sh.mu);
      sh.garbage_bytes += b->bytes;
      sh.garbage[b->worker].push_back(std::move(b));
      sh.next_to_write = next + 1;
    }
    sh.work_cv.notify_all();
    if (hooks.batch_written) hooks.batch_written(end_offset);
    if (hooks.stop && hooks.stop()) {
      {
        std::lock_guard lock(sh.mu);
        sh.stop = true;
      }
      sh.space_cv.notify_all();
      sh.work_cv.notify_all();
      break;
    }
  }
  reader.join();
  for (std::thread& t : threads) t.join();
  if (stats != nullptr) *stats = sh.stats;
  return "";
}

}  // namespace smslint::cli
