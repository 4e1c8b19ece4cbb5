// NativeLinter.prototype.lintBatch: lint on the libuv thread pool (napi
// async work), so that lintAsync / lintMany keep the event loop free and
// spread a batch over the pool's threads (index.js splits it in chunks).
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "linter_binding.h"
#include "smslint/report.h"

namespace smslint::node {
namespace {

struct BatchWork {
  std::shared_ptr<const Linter> linter;  // alive until the work completes
  std::string lines;                     // one JSON message per line
  std::string output;                    // "[report,report,...]"
  std::string error;                     // a C++ exception's text
  napi_deferred deferred = nullptr;
  napi_async_work work = nullptr;
};

// On a pool thread: no Node-API call here, and no exception may escape.
void Execute(napi_env, void* data) {
  auto* w = static_cast<BatchWork*>(data);
  try {
    std::string_view rest = w->lines;
    w->output = "[";
    bool first = true;
    while (true) {
      const size_t end = rest.find('\n');
      const std::string_view line = rest.substr(0, end);
      if (!first) w->output += ',';
      first = false;
      w->output += ReportToJson(w->linter->LintJson(line));
      if (end == std::string_view::npos) break;
      rest.remove_prefix(end + 1);
    }
    w->output += ']';
  } catch (const std::exception& e) {
    w->error = std::string("smslint: ") + e.what();
  } catch (...) {
    w->error = "smslint: unknown C++ exception";
  }
}

// Back on the JS thread: settle the promise, free the work. A failure here
// (the reports longer than a JS string may be) rejects the promise rather
// than surfacing as an uncaught exception.
void Complete(napi_env env, napi_status status, void* data) {
  std::unique_ptr<BatchWork> w(static_cast<BatchWork*>(data));
  Guard(env, [&]() -> napi_value {
    if (status == napi_cancelled && w->error.empty()) w->error = "smslint: lint cancelled";
    if (!w->error.empty()) {
      napi_value error;
      Check(env, napi_create_error(env, String(env, "ERR_SMSLINT_INTERNAL"),
                                   String(env, w->error), &error));
      Check(env, napi_reject_deferred(env, w->deferred, error));
      return nullptr;
    }
    napi_value result = nullptr;
    try {
      result = String(env, w->output);
    } catch (const JsPending&) {
      napi_value error;
      Check(env, napi_get_and_clear_last_exception(env, &error));
      Check(env, napi_reject_deferred(env, w->deferred, error));
      return nullptr;
    }
    w->output = std::string();
    Check(env, napi_resolve_deferred(env, w->deferred, result));
    return nullptr;
  });
  napi_delete_async_work(env, w->work);
}

}  // namespace

napi_value LintBatch(napi_env env, napi_callback_info info) {
  return Guard(env, [&]() -> napi_value {
    Args<1> args(env, info);
    auto w = std::make_unique<BatchWork>();
    w->linter = UnwrapLinter(env, args.self);
    w->lines = GetString(env, args.argv[0], "message lines");
    napi_value promise;
    Check(env, napi_create_promise(env, &w->deferred, &promise));
    napi_value name = String(env, "smslint.lintBatch");
    Check(env, napi_create_async_work(env, nullptr, name, Execute, Complete, w.get(),
                                      &w->work));
    const napi_status status = napi_queue_async_work(env, w->work);
    if (status != napi_ok) {
      napi_delete_async_work(env, w->work);
      Check(env, status);
    }
    w.release();  // Complete owns it now
    return promise;
  });
}

}  // namespace smslint::node
