#include "message_json.h"

#include <Python.h>

#include <cmath>
#include <cstdio>
#include <string_view>

namespace py = pybind11;

namespace smslint::python {
namespace {

constexpr int kMaxDepth = 64;  // ParseMessage's limit too

void AppendString(std::string_view s, std::string& out) {
  out.push_back('"');
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (u < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      out += buf;
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
}

void AppendStr(py::handle s, std::string& out) {
  Py_ssize_t size = 0;
  const char* data = PyUnicode_AsUTF8AndSize(s.ptr(), &size);
  if (data == nullptr) throw py::error_already_set();  // a lone surrogate
  AppendString(std::string_view(data, static_cast<size_t>(size)), out);
}

[[noreturn]] void Fail(PyObject* type, py::handle field, const std::string& what) {
  PyErr_SetString(type, (py::str(field).cast<std::string>() + ": " + what).c_str());
  throw py::error_already_set();
}

void AppendValue(py::handle v, py::handle fallback, py::handle field,
                 int depth, std::string& out) {
  if (depth > kMaxDepth) Fail(PyExc_ValueError, field, "nested too deeply");
  PyObject* p = v.ptr();
  if (p == Py_None) {
    out += "null";
  } else if (PyUnicode_Check(p)) {
    AppendStr(v, out);
  } else if (PyBool_Check(p)) {
    out += p == Py_True ? "true" : "false";
  } else if (PyLong_Check(p)) {
    out += py::str(v).cast<std::string_view>();
  } else if (PyFloat_Check(p)) {
    const double d = PyFloat_AS_DOUBLE(p);
    if (!std::isfinite(d)) Fail(PyExc_ValueError, field, "not a finite number");
    out += py::repr(v).cast<std::string_view>();
  } else if (PyList_Check(p) || PyTuple_Check(p)) {
    out.push_back('[');
    const py::sequence seq = py::reinterpret_borrow<py::sequence>(v);
    for (size_t i = 0; i < seq.size(); ++i) {
      if (i > 0) out.push_back(',');
      AppendValue(seq[i], fallback, field, depth + 1, out);
    }
    out.push_back(']');
  } else if (PyDict_Check(p)) {
    out.push_back('{');
    bool first = true;
    for (const auto& [k, item] : py::reinterpret_borrow<py::dict>(v)) {
      if (!PyUnicode_Check(k.ptr())) {
        Fail(PyExc_TypeError, field, "keys must be str");
      }
      if (!first) out.push_back(',');
      first = false;
      AppendStr(k, out);
      out.push_back(':');
      AppendValue(item, fallback, field, depth + 1, out);
    }
    out.push_back('}');
  } else {
    // datetime and the like: what twilio-python would send for it.
    const py::object replaced = fallback(field, v);
    if (replaced.ptr() == p) {
      Fail(PyExc_TypeError, field,
           std::string("cannot send a value of type ") + Py_TYPE(p)->tp_name);
    }
    AppendValue(replaced, fallback, field, depth + 1, out);
  }
}

}  // namespace

void AppendMessageJson(py::handle message, py::handle fallback, std::string& out) {
  if (!PyDict_Check(message.ptr())) {
    throw py::type_error("a message is a dict (or a JSON string), not " +
                         std::string(Py_TYPE(message.ptr())->tp_name));
  }
  out.push_back('{');
  bool first = true;
  for (const auto& [k, v] : py::reinterpret_borrow<py::dict>(message)) {
    if (!PyUnicode_Check(k.ptr())) throw py::type_error("message keys must be str");
    if (!first) out.push_back(',');
    first = false;
    AppendStr(k, out);
    out.push_back(':');
    AppendValue(v, fallback, k, 1, out);
  }
  out.push_back('}');
}

}  // namespace smslint::python
