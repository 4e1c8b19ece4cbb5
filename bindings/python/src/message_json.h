// A Python message (a dict of JSON-like values, in smslint's or Twilio's
// field names) written as the JSON object smslint::ParseMessage decodes:
// the binding goes through the library's one decoder and its one table of
// spellings, and writing JSON from the dict costs less than json.dumps.
#ifndef SMSLINT_BINDINGS_PYTHON_MESSAGE_JSON_H_
#define SMSLINT_BINDINGS_PYTHON_MESSAGE_JSON_H_

#include <pybind11/pybind11.h>

#include <string>

namespace smslint::python {

// Appends `message` (a dict with str keys) as a JSON object. Values that
// JSON has no type for (a datetime) are passed to `fallback`, which returns
// a replacement or raises TypeError (smslint/_message.py). Raises TypeError
// or ValueError (a NaN, nesting past 64 levels) naming the field.
void AppendMessageJson(pybind11::handle message, pybind11::handle fallback,
                       std::string& out);

}  // namespace smslint::python

#endif  // SMSLINT_BINDINGS_PYTHON_MESSAGE_JSON_H_
