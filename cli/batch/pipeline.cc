#include "batch/pipeline.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace smslint::cli {
namespace {

struct Batch {
  uint64_t index = 0;
  uint64_t end_offset = 0;  // input bytes consumed after its last row
  std::vector<Item> items;
};

struct Shared {
  std::mutex mu;
  std::condition_variable work_cv, done_cv, space_cv;
  std::deque<std::unique_ptr<Batch>> work;
  std::map<uint64_t, std::unique_ptr<Batch>> done;
  size_t in_flight = 0;
  size_t max_in_flight = 8;
  bool reader_done = false;
  uint64_t batches = 0;  // total, once reader_done
};

}  // namespace

void RunPipeline(RecordSource& source, const PipelineOptions& options,
                 const PipelineHooks& hooks) {
  const unsigned workers = options.workers == 0 ? 1 : options.workers;
  const size_t batch_rows = options.batch_rows == 0 ? 1 : options.batch_rows;
  Shared sh;
  sh.max_in_flight = options.max_in_flight != 0
                         ? options.max_in_flight
                         : 2 * static_cast<size_t>(workers) + 2;

  std::thread reader([&] {
    uint64_t index = 0;
    auto batch = std::make_unique<Batch>();
    batch->items.reserve(batch_rows);
    auto flush = [&](bool last) {
      std::unique_lock lock(sh.mu);
      if (!batch->items.empty()) {
        sh.space_cv.wait(lock, [&] { return sh.in_flight < sh.max_in_flight; });
        batch->index = index++;
        batch->end_offset = source.bytes_read();
        ++sh.in_flight;
        sh.work.push_back(std::move(batch));
        sh.work_cv.notify_one();
        batch = std::make_unique<Batch>();
        batch->items.reserve(batch_rows);
      }
      if (last) {
        sh.reader_done = true;
        sh.batches = index;
        sh.work_cv.notify_all();
        sh.done_cv.notify_all();
      }
    };
    for (;;) {
      Item& item = batch->items.emplace_back();
      if (!source.Read(item.record)) {
        batch->items.pop_back();
        break;
      }
      if (batch->items.size() == batch_rows) flush(false);
    }
    flush(true);
  });

  std::vector<std::thread> threads;
  for (unsigned i = 0; i < workers; ++i) {
    threads.emplace_back([&] {
      for (;;) {
        std::unique_ptr<Batch> b;
        {
          std::unique_lock lock(sh.mu);
          sh.work_cv.wait(lock, [&] { return !sh.work.empty() || sh.reader_done; });
          if (sh.work.empty()) return;
          b = std::move(sh.work.front());
          sh.work.pop_front();
        }
        for (Item& item : b->items) hooks.process(item);
        {
          std::lock_guard lock(sh.mu);
          const uint64_t idx = b->index;
          sh.done.emplace(idx, std::move(b));
        }
        sh.done_cv.notify_all();
      }
    });
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
    b.reset();
    {
      std::lock_guard lock(sh.mu);
      --sh.in_flight;
    }
    sh.space_cv.notify_one();
    if (hooks.batch_written) hooks.batch_written(end_offset);
  }
  reader.join();
  for (std::thread& t : threads) t.join();
}

}  // namespace smslint::cli

