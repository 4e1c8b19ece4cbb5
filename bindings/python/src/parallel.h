// ParallelFor: the binding's thread pool for lint_many and the Dask
// partitions. The callers release the GIL around it; `f` must not touch
// Python objects.
#ifndef SMSLINT_BINDINGS_PYTHON_PARALLEL_H_
#define SMSLINT_BINDINGS_PYTHON_PARALLEL_H_

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace smslint::python {

// Calls f(i) for every i in [0, n) on `threads` threads (the caller's one
// among them), in chunks taken in order; rethrows the first exception.
template <class F>
void ParallelFor(size_t n, unsigned threads, const F& f) {
  constexpr size_t kChunk = 32;
  threads = static_cast<unsigned>(
      std::clamp<size_t>((n + kChunk - 1) / kChunk, 1, std::max(1u, threads)));
  std::atomic<size_t> next{0};
  std::exception_ptr error;
  std::mutex error_mu;
  auto work = [&] {
    try {
      for (;;) {
        const size_t begin = next.fetch_add(kChunk);
        if (begin >= n) return;
        const size_t end = std::min(n, begin + kChunk);
        for (size_t i = begin; i < end; ++i) f(i);
      }
    } catch (...) {
      const std::lock_guard<std::mutex> lock(error_mu);
      if (!error) error = std::current_exception();
      next = n;
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

// The default number of threads: the hardware's.
inline unsigned DefaultThreads() {
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace smslint::python

#endif  // SMSLINT_BINDINGS_PYTHON_PARALLEL_H_
