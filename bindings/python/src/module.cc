// PYBIND11_MODULE(_smslint): the C++ side of the smslint Python package.
// Everything public is in smslint/*.py; this module is its engine.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <string_view>

#include "csv_rows.h"
#include "linter_binding.h"
#include "smslint/report.h"
#include "smslint/rules.h"
#include "smslint/segments.h"
#include "smslint/version.h"

namespace py = pybind11;

namespace smslint::python {
namespace {

py::object OrNone(int v) { return v != 0 ? py::object(py::int_(v)) : py::object(py::none()); }

py::list Rules() {
  py::list out;
  // Range-for: the C ABI work may change what AllRules() returns.
  for (const RuleInfo& r : AllRules()) {
    py::dict d;
    d["id"] = r.id;
    d["summary"] = r.summary;
    d["default_severity"] = SeverityName(r.default_severity);
    d["twilio_code"] = OrNone(r.twilio_code);
    d["fixable"] = r.fixable;
    d["weight"] = r.weight;
    d["weight_high"] = r.weight_high != 0.0 ? py::object(py::float_(r.weight_high))
                                            : py::object(py::none());
    d["status"] = r.status;
    d["since"] = r.since;
    d["message"] = r.message;
    out.append(std::move(d));
  }
  return out;
}

}  // namespace
}  // namespace smslint::python

PYBIND11_MODULE(_smslint, m) {
  using namespace smslint::python;
  m.doc() = "smslint's C++ engine; use the smslint package.";
  BindLinter(m);
  BindCsvRows(m);
  m.def("_segments_json", [](std::string_view body, bool smart_encoding) {
    smslint::SegmentOptions o;
    o.smart_encoding = smart_encoding;
    return smslint::SegmentInfoToJson(smslint::AnalyzeSegments(body, o));
  }, py::arg("body"), py::arg("smart_encoding") = false);
  m.def("_rules", &Rules);
  m.attr("__version__") = SMSLINT_VERSION;
}
