// smslint._smslint._CsvRows (csv_rows.cc): dataframe rows through smslint
// batch's record path, for smslint.dask.
#ifndef SMSLINT_BINDINGS_PYTHON_CSV_ROWS_H_
#define SMSLINT_BINDINGS_PYTHON_CSV_ROWS_H_

#include <pybind11/pybind11.h>

#include "linter_binding.h"

namespace smslint::python {

void BindCsvRows(pybind11::module_& m);

}  // namespace smslint::python

#endif  // SMSLINT_BINDINGS_PYTHON_CSV_ROWS_H_
