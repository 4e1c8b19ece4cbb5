#!/usr/bin/env python3
"""Golden CLI tests: run smslint, compare stdout, stderr and exit code.

Usage: run_golden.py SMSLINT CASES_DIR [CASE ...]
Each case is a folder in CASES_DIR with:
  cmd              the arguments, one per line (run from the repository root)
  stdin            optional standard input
  env              optional KEY=VALUE lines added to a clean environment
  expected_stdout, expected_stderr, expected_exit
UPDATE_GOLDEN=1 rewrites the expected files from what the program does.
"""
import os
import subprocess
import sys
from pathlib import Path


def main():
    exe, cases_dir = os.path.abspath(sys.argv[1]), Path(sys.argv[2])
    root = cases_dir.resolve().parents[2]
    names = sys.argv[3:] or sorted(p.name for p in cases_dir.iterdir() if p.is_dir())
    update = os.environ.get("UPDATE_GOLDEN") == "1"
    failed = 0
    for name in names:
        case = cases_dir / name
        args = [l for l in (case / "cmd").read_text(encoding="utf-8").split("\n") if l != ""]
        stdin = (case / "stdin").read_bytes() if (case / "stdin").exists() else b""
        env = {"PATH": os.environ.get("PATH", ""), "LC_ALL": "C.UTF-8"}
        if "LD_LIBRARY_PATH" in os.environ:
            env["LD_LIBRARY_PATH"] = os.environ["LD_LIBRARY_PATH"]
        if (case / "env").exists():
            for line in (case / "env").read_text().splitlines():
                if "=" in line:
                    k, v = line.split("=", 1)
                    env[k] = v
        r = subprocess.run([exe] + args, input=stdin, capture_output=True, cwd=root, env=env)
        got = {"expected_stdout": r.stdout, "expected_stderr": r.stderr,
               "expected_exit": (str(r.returncode) + "\n").encode()}
        if update:
            for f, data in got.items():
                (case / f).write_bytes(data)
            print(f"updated {name}")
            continue
        for f, data in got.items():
            want = (case / f).read_bytes() if (case / f).exists() else None
            if want != data:
                failed += 1
                print(f"FAIL {name}: {f} differs")
                print("--- expected\n" + (want or b"<missing>").decode("utf-8", "replace"))
                print("--- got\n" + data.decode("utf-8", "replace"))
                break
        else:
            print(f"ok {name}")
    print(f"{len(names) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
