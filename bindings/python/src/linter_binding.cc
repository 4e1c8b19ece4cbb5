// The Linter and Report classes of smslint._smslint. The Python package
// (smslint/__init__.py) wraps them; these stay small and fast.
#include "linter_binding.h"

#include <pybind11/stl.h>

#include <time.h>

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

py::list PyLinter::LintMany(py::iterable messages, py::handle fallback,
                            unsigned threads) const {
  std::vector<std::string> jsons;
  if (py::isinstance<py::sequence>(messages)) {
    jsons.reserve(py::len(messages));
  }
  for (py::handle m : messages) {
    jsons.emplace_back();
    ToJson(m, fallback, jsons.back());
  }
  std::vector<Report> reports(jsons.size());
  {
    const py::gil_scoped_release release;
    ParallelFor(jsons.size(), threads == 0 ? DefaultThreads() : threads,
                [&](size_t i) { reports[i] = linter_->LintJson(jsons[i]); });
  }
  py::list out(reports.size());
  for (size_t i = 0; i < reports.size(); ++i) {
    out[i] = py::cast(std::move(reports[i]));
  }
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
           py::arg("threads") = 0)
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
