"""Lints a CSV with smslint.dask on distributed.LocalCluster(n_workers=2,
processes=True) and writes the result as CSV (test_dask.py runs this in a
subprocess, inside a network namespace of its own when loopback is down).

usage: dask_cluster_run.py IN.csv OUT.csv BLOCKSIZE [lint_dataframe kwargs as JSON]
"""

import json
import sys
import time


def main() -> None:
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    from smslint.dask import lint_dataframe

    src, dst, blocksize = sys.argv[1], sys.argv[2], int(sys.argv[3])
    kwargs = json.loads(sys.argv[4]) if len(sys.argv) > 4 else {}
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                      dashboard_address=None, host="127.0.0.1") as cluster, \
            Client(cluster):
        df = dd.read_csv(src, blocksize=blocksize, dtype=str, keep_default_na=False)
        start = time.perf_counter()
        out = lint_dataframe(df, **kwargs).compute()
        elapsed = time.perf_counter() - start
    out.to_csv(dst, index=True)
    print(json.dumps({"partitions": df.npartitions, "rows": len(out), "seconds": elapsed}))


if __name__ == "__main__":
    main()
