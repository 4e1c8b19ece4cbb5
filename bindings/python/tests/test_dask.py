import csv
import json
import os
import random
import shutil
import socket
import subprocess
import sys

import pytest

pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
pytest.importorskip("distributed")

from smslint.dask import INDEX_NAME, RESULT_COLUMNS, lint_dataframe  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FROM = "+14155550100"
BODIES = ["Your code is 123456", "It’s 50% OFF!!! bit.ly/x", "Привет, как дела?",
          "Hi {name}, your order shipped", "a" * 200, "", "Reply STOP to opt out 😀",
          'Say "hello", then wait']


def write_contacts(path, rows=3000, seed=7):
    """Recipients repeat across the whole file (so across partitions), some
    national, some bad or missing; bodies in GSM-7 and UCS-2."""
    rnd = random.Random(seed)
    numbers = [f"+1415555{rnd.randint(0, 9999):04d}" for _ in range(rows // 8)]
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "Phone Number", "message", "kind", "name"])
        for i in range(rows):
            r = rnd.random()
            if r < 0.05:
                to = "12"
            elif r < 0.08:
                to = ""
            elif r < 0.2:
                n = rnd.choice(numbers)
                to = f"({n[2:5]}) {n[5:8]}-{n[8:]}"  # the same number, national
            else:
                to = rnd.choice(numbers)
            w.writerow([str(i + 1), to, rnd.choice(BODIES), rnd.choice(["", "otp", "marketing", "x"]),
                        rnd.choice(["Ann", "Bo", ""])])


def batch_csv(smslint_exe, src, *flags):
    out = str(src) + ".batch.csv"
    # Pumping indicators (pumping/*) are whole-batch, order-dependent
    # findings that smslint.dask does not compute (README, "More than one
    # machine"); everything else must match row for row.
    res = subprocess.run([smslint_exe, "batch", "--format", "csv", "--jobs", "2", "--quiet",
                          "--disable", "pumping", "--output", out, *flags, str(src)],
                         capture_output=True, text=True, check=False)
    assert res.returncode in (0, 1), res.stderr
    return pd.read_csv(out, dtype=str, keep_default_na=False)


def assert_same_rows(got, expected):
    assert list(got.columns) == list(expected.columns)
    assert got.index.name == INDEX_NAME
    assert got.index.tolist() == list(range(1, len(expected) + 1))
    got = got.reset_index(drop=True)
    diff = (got != expected).any(axis=1)
    assert not diff.any(), pd.concat([got[diff].head(3).T, expected[diff].head(3).T], axis=1)


def test_same_as_batch_on_the_local_scheduler(smslint_exe, tmp_path):
    import dask
    src = tmp_path / "contacts.csv"
    write_contacts(src, rows=600)
    expected = batch_csv(smslint_exe, src, "--region", "US", "--from", FROM, "--kind",
                         "transactional", "--template", "{{name}}: {{message}}")
    assert (expected["smslint_rules"].str.contains("input/duplicate-recipient")).sum() > 100
    df = dd.read_csv(src, blocksize=4000, dtype=str, keep_default_na=False)
    assert df.npartitions > 3
    with dask.config.set(scheduler="sync"):
        got = lint_dataframe(df, region="US", from_=FROM, kind="transactional",
                             template="{{name}}: {{message}}").compute()
    assert_same_rows(got, expected)


def test_bad_arguments_fail_before_any_work(tmp_path):
    src = tmp_path / "c.csv"
    write_contacts(src, rows=10)
    df = dd.read_csv(src, dtype=str, keep_default_na=False)
    with pytest.raises(ValueError, match="nope"):
        lint_dataframe(df, columns={"to": "nope"})
    with pytest.raises(ValueError, match="placeholder"):
        lint_dataframe(df, template="{{missing}}")
    import smslint
    with pytest.raises(smslint.ConfigError):
        lint_dataframe(df, max_segments=0)


def loopback_works():
    try:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            s.listen(1)
            with socket.create_connection(s.getsockname(), timeout=2):
                return True
    except OSError:
        return False


def cluster_command(args):
    """The command that runs dask_cluster_run.py: as is when loopback works;
    under `unshare -n` (README: the tests run without network) loopback is
    down, so in a new network namespace with only loopback brought up."""
    cmd = [sys.executable, os.path.join(HERE, "dask_cluster_run.py"), *args]
    if loopback_works():
        return cmd
    if shutil.which("unshare") and shutil.which("ip") and subprocess.run(
            ["unshare", "-n", "ip", "link", "set", "lo", "up"],
            capture_output=True, check=False).returncode == 0:
        return ["unshare", "-n", "sh", "-c", 'ip link set lo up && exec "$@"', "sh", *cmd]
    pytest.skip("no loopback network and no way to make one (unshare -n as root)")


def test_same_as_batch_on_a_two_process_cluster(smslint_exe, tmp_path):
    src = tmp_path / "contacts.csv"
    write_contacts(src, rows=3000)
    expected = batch_csv(smslint_exe, src, "--region", "US", "--from", FROM)
    dups = expected["smslint_rules"].str.contains("input/duplicate-recipient")
    assert dups.sum() > 1000
    assert (expected["smslint_encoding"] == "UCS-2").sum() > 500
    assert (expected["smslint_status"] == "error").sum() > 100
    out = tmp_path / "dask.csv"
    res = subprocess.run(cluster_command([str(src), str(out), "20000",
                                          json.dumps({"region": "US", "from_": FROM})]),
                         capture_output=True, text=True, timeout=500, check=False)
    assert res.returncode == 0, res.stderr[-3000:]
    info = json.loads(res.stdout.strip().splitlines()[-1])
    assert info["partitions"] >= 5 and info["rows"] == 3000
    got = pd.read_csv(out, dtype=str, keep_default_na=False, index_col=0)
    got.index = got.index.astype(int)
    assert_same_rows(got, expected)
    # The first of a duplicate is often in another partition (about 300 rows
    # each): a per-partition check would miss those.
    e164 = expected["smslint_e164"]
    first = e164.groupby(e164).transform(lambda s: s.index.min())
    far = dups & (expected.index.to_series() - first > 400) & (e164 != "")
    assert far.sum() > 500


def test_result_columns_are_batchs():
    assert RESULT_COLUMNS[0] == "smslint_status" and RESULT_COLUMNS[-1] == "smslint_message"
    assert len(RESULT_COLUMNS) == 10
