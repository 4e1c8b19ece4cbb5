// smslint._smslint's _Linter and _Report (linter_binding.cc).
#ifndef SMSLINT_BINDINGS_PYTHON_LINTER_BINDING_H_
#define SMSLINT_BINDINGS_PYTHON_LINTER_BINDING_H_

#include <pybind11/pybind11.h>

#include <memory>

#include "smslint/linter.h"

namespace smslint::python {

// A shared, immutable Linter (thread-safe: lint_many and the Dask path use
// it from many threads).
class PyLinter {
 public:
  explicit PyLinter(std::shared_ptr<const Linter> linter);

  // One message: a dict (smslint's or Twilio's field names) or JSON text.
  Report LintMessage(pybind11::handle message, pybind11::handle fallback) const;
  // Many, linted on `threads` threads (0: the hardware's) without the
  // GIL while this thread writes messages and wraps reports; 1: all on
  // this thread. Each report is passed through `wrap` (the Python Report
  // class).
  pybind11::list LintMany(pybind11::iterable messages, pybind11::handle fallback,
                          pybind11::handle wrap, unsigned threads) const;

  const Linter& linter() const { return *linter_; }

 private:
  std::shared_ptr<const Linter> linter_;
};

void BindLinter(pybind11::module_& m);

}  // namespace smslint::python

#endif  // SMSLINT_BINDINGS_PYTHON_LINTER_BINDING_H_
