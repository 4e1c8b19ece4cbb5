// The Linter and Report classes of smslint._smslint. The Python package
// (smslint/__init__.py) wraps them; these stay small and fast.
#include "linter_binding.h"

#include <pybind11/stl.h>

#include <time.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "message_json.h"
#include "parallel.h"
#include "smslint/config.h"
#include "smslint/parse.h"
#include "smslint/report.h"

namespace py = pybind11;

namespace smslint::python {
namespace {

py::dict ErrorDict(std::string_view source, const ConfigError& e) {
  py::dict d;
  d["source"] = source;
  d["file"] = e.file;
  d["line"] = e.line;
  d["column"] = e.column;
  d["key"] = e.key;
  d["message"] = e.message;
  return d;
}

// A message argument: a dict (written as JSON here), or JSON text.
void ToJson(py::handle message, py::handle fallback, std::string& out) {
  if (PyUnicode_Check(message.ptr())) {
    out = message.cast<std::string>();
  } else if (PyBytes_Check(message.ptr())) {
    out = std::string(py::reinterpret_borrow<py::bytes>(message));
  } else {
    out.clear();
    AppendMessageJson(message, fallback, out);
  }
}

bool ReportOk(const Report& r) {
  const auto max = r.MaxSeverity();
  return !max || *max != Severity::kError;
}

}  // namespace

PyLinter::PyLinter(std::shared_ptr<const Linter> linter) : linter_(std::move(linter)) {}

Report PyLinter::LintMessage(py::handle message, py::handle fallback) const {
  std::string json;
  json.reserve(256);
  ToJson(message, fallback, json);
  return linter_->LintJson(json);
}

// lint_many overlaps the parts that need the GIL (writing each dict as
// JSON, wrapping each report) with the linting: `threads` workers lint
// chunks as soon as this thread has written them, and this thread wraps
// finished chunks, in order, while the workers go on. With the GIL parts
// done before and after the linting, 2 threads could not pass about 1.7x.
py::list PyLinter::LintMany(py::iterable messages, py::handle fallback,
                            py::handle wrap, unsigned threads) const {
  const py::list items(messages);  // the length, and stable references
  const size_t n = items.size();
  if (threads == 1) {  // all on this thread, the GIL released to lint
    std::vector<std::string> jsons(n);
    for (size_t i = 0; i < n; ++i) ToJson(items[i], fallback, jsons[i]);
    std::vector<Report> reports(n);
    {
      const py::gil_scoped_release release;
      for (size_t i = 0; i < n; ++i) reports[i] = linter_->LintJson(jsons[i]);
    }
    py::list out(n);
    for (size_t i = 0; i < n; ++i) out[i] = wrap(py::cast(std::move(reports[i])));
    return out;
  }
  constexpr size_t kChunk = 64;
  const size_t chunks = (n + kChunk - 1) / kChunk;
  std::vector<std::string> jsons(n);
  std::vector<Report> reports(n);
  std::unique_ptr<std::atomic<bool>[]> done(new std::atomic<bool>[chunks]);
  for (size_t c = 0; c < chunks; ++c) done[c] = false;
  std::atomic<size_t> written{0};  // messages written as JSON, a prefix
  std::atomic<size_t> next_chunk{0};
  std::atomic<bool> stop{false};
  std::exception_ptr worker_error;
  std::mutex error_mu;
  auto work = [&] {
    try {
      for (;;) {
        const size_t c = next_chunk.fetch_add(1);
        if (c >= chunks) return;
        const size_t begin = c * kChunk, end = std::min(n, begin + kChunk);
        while (written.load(std::memory_order_acquire) < end) {
          if (stop) return;
          std::this_thread::yield();
        }
        for (size_t i = begin; i < end; ++i) reports[i] = linter_->LintJson(jsons[i]);
        done[c].store(true, std::memory_order_release);
      }
    } catch (...) {
      const std::lock_guard<std::mutex> lock(error_mu);
      if (!worker_error) worker_error = std::current_exception();
      stop = true;
    }
  };
  const unsigned workers = static_cast<unsigned>(std::clamp<size_t>(
      chunks, 1, threads == 0 ? DefaultThreads() : threads));
  std::vector<std::thread> pool;
  auto join = [&] {
    stop = true;
    const py::gil_scoped_release release;
    for (std::thread& t : pool) t.join();
    pool.clear();
  };
  py::list out(n);
  size_t wrapped = 0;  // chunks wrapped, a prefix
  auto wrap_done = [&] {
    while (wrapped < chunks && done[wrapped].load(std::memory_order_acquire)) {
      const size_t begin = wrapped * kChunk, end = std::min(n, begin + kChunk);
      for (size_t i = begin; i < end; ++i) out[i] = wrap(py::cast(std::move(reports[i])));
      ++wrapped;
    }
  };
  try {
    for (unsigned t = 0; t < workers && n > 0; ++t) pool.emplace_back(work);
    for (size_t c = 0; c < chunks && !stop; ++c) {
      const size_t begin = c * kChunk, end = std::min(n, begin + kChunk);
      for (size_t i = begin; i < end; ++i) ToJson(items[i], fallback, jsons[i]);
      written.store(end, std::memory_order_release);
      wrap_done();
    }
    while (wrapped < chunks && !stop) {
      {
        const py::gil_scoped_release release;
        while (!done[wrapped].load(std::memory_order_acquire) && !stop) {
          std::this_thread::yield();
        }
      }
      wrap_done();
    }
  } catch (...) {
    join();
    throw;
  }
  join();
  if (worker_error) std::rethrow_exception(worker_error);
  return out;
}

py::tuple MakeLinter(std::optional<std::string> config_text,
                     std::optional<std::string> config_path,
                     std::optional<std::string> overrides,
                     std::optional<bool> fast_numbers) {
  Options options;
  ConfigError error;
  if (config_text && !LoadConfigString(*config_text, "<config>", &options, &error)) {
    return py::make_tuple(py::none(), ErrorDict("config", error));
  }
  if (config_path && !LoadConfigFile(*config_path, &options, &error)) {
    return py::make_tuple(py::none(), ErrorDict("config", error));
  }
  if (overrides && !LoadConfigString(*overrides, "<options>", &options, &error)) {
    return py::make_tuple(py::none(), ErrorDict("options", error));
  }
  if (fast_numbers) options.fast_numbers = *fast_numbers;
  auto linter = std::make_shared<const Linter>(options);
  if (!linter->ok()) {
    ConfigError e;
    e.message = linter->error();
    e.key = linter->error_arg();
    return py::make_tuple(py::none(), ErrorDict("linter", e));
  }
  return py::make_tuple(PyLinter(std::move(linter)), py::none());
}

void BindLinter(py::module_& m) {
  py::class_<Report>(m, "_Report")
      .def_property_readonly("ok", &ReportOk)
      .def_property_readonly("id", [](const Report& r) { return r.id; })
      .def_property_readonly("max_severity",
                             [](const Report& r) -> std::optional<std::string_view> {
                               const auto s = r.MaxSeverity();
                               if (!s) return std::nullopt;
                               return SeverityName(*s);
                             })
      .def_property_readonly("errors",
                             [](const Report& r) { return r.Count(Severity::kError); })
      .def_property_readonly("warnings",
                             [](const Report& r) { return r.Count(Severity::kWarning); })
      .def_property_readonly("infos",
                             [](const Report& r) { return r.Count(Severity::kInfo); })
      .def("to_json", [](const Report& r) { return ReportToJson(r); });

  py::class_<PyLinter>(m, "_Linter")
      .def("lint", &PyLinter::LintMessage, py::arg("message"), py::arg("fallback"))
      .def("lint_many", &PyLinter::LintMany, py::arg("messages"), py::arg("fallback"),
           py::arg("wrap"), py::arg("threads") = 0)
      .def("segment_count",
           [](const PyLinter& l, std::string_view body) {
             return l.linter().SegmentCount(body);
           })
      .def("rule_enabled", [](const PyLinter& l, std::string_view id) {
        return l.linter().RuleEnabled(id);
      });

  m.def("_make_linter", &MakeLinter, py::arg("config_text"), py::arg("config_path"),
        py::arg("overrides"), py::arg("fast_numbers"));

  // For bench/python_bench.py: the C++ cost of one message, measured in the
  // same process as the Python calls it is compared with. Returns ns per
  // LintJson (decode + lint), per Lint (the decoded message) and per
  // ParseMessage (decode alone).
  m.def("_bench_lint_cpp", [](const PyLinter& l, const std::string& json, size_t n) {
    const py::gil_scoped_release release;
    // CPU time of this thread: on a shared, loaded machine wall time
    // measures the neighbours.
    struct Clock {
      static double now() {
        timespec ts;
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
      }
    };
    const Linter& linter = l.linter();
    size_t sink = 0;
    auto t0 = Clock::now();
    for (size_t i = 0; i < n; ++i) sink += linter.LintJson(json).diagnostics.size();
    auto t1 = Clock::now();
    const ParsedMessage parsed = ParseMessage(json);
    auto t2 = Clock::now();
    for (size_t i = 0; i < n; ++i) sink += linter.Lint(parsed.message).diagnostics.size();
    auto t3 = Clock::now();
    for (size_t i = 0; i < n; ++i) sink += ParseMessage(json).problems.size();
    auto t4 = Clock::now();
    const double per = 1e9 / static_cast<double>(n == 0 ? 1 : n);
    auto ns = [&](double a, double b) { return (b - a) * per; };
    return std::make_tuple(ns(t0, t1), ns(t2, t3), ns(t3, t4), sink);
  });
}

}  // namespace smslint::python
