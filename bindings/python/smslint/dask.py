"""smslint batch for dask.dataframe: lint a dataframe of messages or
contacts partition by partition, on one machine or a cluster.

    import dask.dataframe as dd
    from smslint.dask import lint_dataframe
    df = dd.read_csv("contacts-*.csv", dtype=str, keep_default_na=False)
    out = lint_dataframe(df, default_region="US")   # lazy
    out.to_csv("linted-*.csv", index=False)

The result has the dataframe's columns and then the smslint_* columns of
``smslint batch --format csv`` (docs/batch.md), computed by batch's own
code (its column binding, row decoding, duplicate rule and CSV columns,
in the extension), indexed by the 1-based data row. Duplicate recipients
are found across the whole input, exactly as batch finds them: the row
keys are shuffled on the normalised number, not compared per partition.

Rows and lines are counted as batch counts them for a file without blank
lines (dask's reader drops blank lines, batch counts them); like batch,
duplicate tracking is exact for any number of distinct recipients.
dask is imported when a function here is first called, not before.
"""

from __future__ import annotations

import json
from typing import Any, Mapping, Optional, Sequence, Union

from . import Linter, _smslint

RESULT_COLUMNS: tuple[str, ...] = tuple(_smslint._CSV_RESULT_COLUMNS)
_KEY, _ROW, _LINE = "_smslint_key", "_smslint_row", "_smslint_line"
_FIRST_ROW, _FIRST_LINE = "_smslint_first_row", "_smslint_first_line"
INDEX_NAME = "smslint_row"

# One (Linter, row decoder) per worker process and configuration: building
# a Linter costs about 0.1 s, a partition should not pay it.
_CACHE: dict[str, Any] = {}


class _Spec:
    """Everything a worker needs to lint rows as batch would (picklable)."""

    def __init__(self, header: Sequence[str], config: Any, options: Mapping[str, Any],
                 columns: Sequence[str], template: Optional[str], from_: str, kind: str,
                 first_message: bool, max_field_bytes: int, threads: int) -> None:
        self.header = [str(h) for h in header]
        self.config = config
        self.options = dict(options)
        self.columns = list(columns)
        self.template = template
        self.from_ = from_
        self.kind = kind
        self.first_message = first_message
        self.max_field_bytes = max_field_bytes
        self.threads = threads
        self.key = json.dumps([self.header, repr(config), sorted(self.options.items(), key=str),
                               self.columns, template, from_, kind, first_message,
                               max_field_bytes], default=repr)

    def rows(self) -> Any:
        rows = _CACHE.get(self.key)
        if rows is None:
            linter = Linter(self.config, **self.options)
            rows = _smslint._CsvRows(linter._core, self.header, self.columns, self.template,
                                     self.from_, self.kind, self.first_message,
                                     self.max_field_bytes)
            _CACHE[self.key] = rows
        return rows


def _fields(pdf: Any) -> list[list[str]]:
    return pdf.astype(str).values.tolist()


def _line_counts(pdf: Any) -> Any:
    """Physical lines per row: 1 + the line breaks inside its fields."""
    import pandas as pd
    extra = pd.Series(0, index=pdf.index, dtype="int64")
    for c in pdf.columns:
        extra += pdf[c].astype(str).str.count("\n")
    return 1 + extra


def _stats(pdf: Any) -> Any:
    import pandas as pd
    return pd.DataFrame({"rows": [len(pdf)], "lines": [int(_line_counts(pdf).sum())]})


def _lint_partition(pdf: Any, spec: _Spec, row_starts: Sequence[int],
                    line_starts: Sequence[int], partition_info: Any = None) -> Any:
    import pandas as pd
    n = partition_info["number"]
    rows = len(pdf)
    row_numbers = list(range(row_starts[n], row_starts[n] + rows))
    counts = _line_counts(pdf).tolist()
    lines, line = [], line_starts[n]
    for c in counts:
        lines.append(line)
        line += c
    columns, keys = spec.rows().lint(_fields(pdf), row_numbers, lines, None, spec.threads)
    out = pdf.copy()
    for name, values in zip(RESULT_COLUMNS, columns):
        out[name] = values
    out[_KEY] = pd.Series(keys, index=pdf.index, dtype="int64")
    out[_ROW] = pd.Series(row_numbers, index=pdf.index, dtype="int64")
    out[_LINE] = pd.Series(lines, index=pdf.index, dtype="int64")
    return out


def _later_rows(pdf: Any) -> Any:
    """Of rows with equal keys (all of a key are in this partition after
    the shuffle), those after the first, with where the first was."""
    g = pdf.groupby(_KEY, sort=False)
    first_row = g[_ROW].transform("min")
    first_line = g[_LINE].transform("min")  # lines grow with rows
    later = pdf[_ROW] != first_row
    out = pdf.loc[later, [_ROW]].copy()
    out[_FIRST_ROW] = first_row[later].astype("int64")
    out[_FIRST_LINE] = first_line[later].astype("int64")
    return out


def _apply_duplicates(pdf: Any, spec: _Spec) -> Any:
    dup = pdf[_FIRST_ROW].notna()
    out = pdf.drop(columns=[_KEY, _LINE, _FIRST_ROW, _FIRST_LINE])
    if dup.any():
        d = pdf[dup]
        hits = list(zip(d[_FIRST_ROW].astype("int64").tolist(),
                        d[_FIRST_LINE].astype("int64").tolist()))
        fields = _fields(d[spec.header])
        columns, _ = spec.rows().lint(fields, d.index.tolist(), d[_LINE].tolist(), hits,
                                      spec.threads)
        for name, values in zip(RESULT_COLUMNS, columns):
            out.loc[dup, name] = values
    out.index.name = INDEX_NAME
    return out


def _column_specs(columns: Union[None, Mapping[str, str], Sequence[str]]) -> list[str]:
    if columns is None:
        return []
    if isinstance(columns, Mapping):
        return [f"{k}={v}" for k, v in columns.items()]
    return list(columns)


def lint_dataframe(df: Any, config: Any = None, *,
                   columns: Union[None, Mapping[str, str], Sequence[str]] = None,
                   template: Optional[str] = None, from_: Optional[str] = None,
                   kind: Optional[str] = None, first_message: bool = False,
                   region: Optional[str] = None, max_field_bytes: int = 65536,
                   threads: int = 1, **options: Any) -> Any:
    """The dataframe with batch's smslint_* columns added (lazy).

    `df`: a dask DataFrame whose column names are the CSV header (read it
    with ``dtype=str, keep_default_na=False``). `columns` ({"to": "Phone"}
    or ["to=Phone"]), `template`, `from_`, `kind`, `first_message`,
    `region` and `max_field_bytes` are batch's --column, --template,
    --from, --kind, --first-message, --region and --max-field-bytes;
    `config` and `options` are Linter's. `threads`: lint threads per
    partition (1 suits one-thread workers).
    """
    if region is not None:
        options["default_region"] = region
    spec = _Spec(list(df.columns), config, options, _column_specs(columns), template,
                 from_ or "", kind or "", first_message, max_field_bytes, threads)
    # Fail here, not on the workers, on a bad configuration or column.
    spec.rows()

    # Pass 1 (reading only): each partition's rows and lines, so that every
    # row gets batch's row and line numbers.
    stats = df.map_partitions(_stats, meta={"rows": "int64", "lines": "int64"}).compute()
    nonempty = [i for i, r in enumerate(stats["rows"].tolist()) if r > 0]
    header_lines = 1 + sum(h.count("\n") for h in spec.header)
    row_starts, line_starts = [], []
    row, line = 1, header_lines + 1
    for r, l in zip(stats["rows"].tolist(), stats["lines"].tolist()):
        if r > 0:
            row_starts.append(row)
            line_starts.append(line)
        row += r
        line += l
    if not nonempty:
        empty = df._meta.copy()
        for name in RESULT_COLUMNS:
            empty[name] = empty.index.astype(str)
        empty.index.name = INDEX_NAME
        import dask.dataframe as dd
        return dd.from_pandas(empty, npartitions=1)
    df = df.partitions[nonempty]

    # Pass 2: lint, with each row's recipient key.
    meta = df._meta.copy()
    for name in RESULT_COLUMNS:
        meta[name] = meta.index.astype(str)
    for name in (_KEY, _ROW, _LINE):
        meta[name] = meta.index.astype("int64")
    linted = df.map_partitions(_lint_partition, spec, row_starts, line_starts, meta=meta)
    divisions = tuple(row_starts) + (row - 1,)
    linted = linted.set_index(_ROW, sorted=True, divisions=divisions)

    # Duplicates: shuffle the keys on the number, mark every row after the
    # first of its key, and bring those marks back to their rows' partitions.
    keys = linted.reset_index()[[_KEY, _ROW, _LINE]]
    keys = keys[keys[_KEY] != 0].shuffle(_KEY)
    later_meta = keys._meta[[_ROW]].copy()
    later_meta[_FIRST_ROW] = later_meta[_ROW]
    later_meta[_FIRST_LINE] = later_meta[_ROW]
    later = keys.map_partitions(_later_rows, meta=later_meta)
    later = later.set_index(_ROW, divisions=divisions)
    merged = linted.merge(later, left_index=True, right_index=True, how="left")
    out_meta = merged._meta.drop(columns=[_KEY, _LINE, _FIRST_ROW, _FIRST_LINE])
    out_meta.index.name = INDEX_NAME
    return merged.map_partitions(_apply_duplicates, spec, meta=out_meta)
