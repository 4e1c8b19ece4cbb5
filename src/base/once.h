// std::call_once with a lock-free fast path once it has run. libstdc++'s
// call_once (pthread_once underneath) sets two of libstdc++'s
// thread_locals on every call, done or not, and from a shared library each
// is a call to __tls_get_addr: with the lexicon's lazily compiled regexes
// and the number regions' lazily built automata asked for several times a
// message, that was ~2 % of a realistic run's instructions.
#ifndef SMSLINT_SRC_BASE_ONCE_H_
#define SMSLINT_SRC_BASE_ONCE_H_

#include <atomic>
#include <mutex>
#include <utility>

namespace smslint::base {

class OnceFlag {
 public:
  // Runs f once, like std::call_once (a throwing f leaves it to the next
  // caller); afterwards only an acquire load.
  template <typename F>
  void Call(F&& f) {
    if (done_.load(std::memory_order_acquire)) return;
    std::call_once(once_, [&] {
      std::forward<F>(f)();
      done_.store(true, std::memory_order_release);
    });
  }

 private:
  std::once_flag once_;
  std::atomic<bool> done_{false};
};

}  // namespace smslint::base

#endif  // SMSLINT_SRC_BASE_ONCE_H_
