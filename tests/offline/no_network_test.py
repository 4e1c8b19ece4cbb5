#!/usr/bin/env python3
"""smslint never touches the network (README: "before any network call").

  no_network_test.py SMSLINT DATA_DIR MODE

MODE netns: runs `smslint check` and `smslint batch` on the example data
inside a new network namespace (`unshare -n`: no interface, so any connect()
fails) and requires the same exit code and the same output as outside it.
A tool that needed the network would fail or answer differently there.

MODE strace: runs the same commands under `strace -f -e trace=network` and
requires that no socket of family AF_INET or AF_INET6 is created and no
connect() goes to one. AF_UNIX sockets are allowed: glibc opens them on its
own (nscd, for user and host look-ups) and they never leave the machine;
AF_NETLINK likewise stays in the kernel. The parser is first checked on a
program that does open an AF_INET socket, so this test can fail.

Exit 77 (skipped) when unshare -n or strace cannot run here (not root, no
user namespaces, ptrace forbidden, strace not installed).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
TEMPLATE = ("Hi {{first_name}}, your order {{order}} ships today. Track it at "
            "https://maple-and-co.com/t/{{order}} Reply STOP to opt out")


def commands(smslint, data):
    return [
        # --now: the scheduling examples are judged against it, so two runs
        # give the same output whatever the clock says.
        [smslint, "check", "--format", "jsonl", "--now", "2026-12-03T12:00:00Z",
         os.path.join(data, "messages.jsonl")],
        [smslint, "check", "--format", "text", "--default-region", "US",
         "--now", "2026-12-03T12:00:00Z", os.path.join(data, "messages.jsonl")],
        # (batch too: at night the marketing rows get schedule/quiet-hours,
        # which names the recipient's local time to the minute.)
        [smslint, "batch", os.path.join(data, "contacts.csv"), "--region", "US",
         "--from", "+14155550100", "--kind", "marketing", "--format", "jsonl",
         "--now", "2026-12-03T12:00:00Z", "--template", TEMPLATE],
        [smslint, "batch", os.path.join(data, "contacts.csv"), "--region", "US",
         "--from", "+14155550100", "--format", "sarif", "--now", "2026-12-03T12:00:00Z",
         "--template", TEMPLATE],
        [smslint, "segments", "Hi \u2019 there"],
        [smslint, "rules"],
    ]


def run(argv):
    return subprocess.run(argv, capture_output=True, timeout=300)


def netns(smslint, data):
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
    if probe.returncode != 0:
        print("skipped: unshare -n is not permitted here:", probe.stderr.decode().strip())
        return SKIP
    # The namespace really has no way out: a TCP connect fails at once.
    cut_off = run(["unshare", "-n", sys.executable, "-c",
                   "import socket; socket.create_connection(('192.0.2.1', 80), timeout=2)"])
    if cut_off.returncode == 0:
        print("FAIL: a connect() succeeded inside unshare -n")
        return 1
    failures = 0
    for argv in commands(smslint, data):
        outside = run(argv)
        inside = run(["unshare", "-n"] + argv)
        name = " ".join(argv[1:3])
        if outside.returncode not in (0, 1):
            print(f"FAIL: {name}: exit {outside.returncode}: {outside.stderr.decode()[:500]}")
            failures += 1
        if (inside.returncode, inside.stdout, inside.stderr) != (
                outside.returncode, outside.stdout, outside.stderr):
            print(f"FAIL: {name}: differs without a network "
                  f"(exit {inside.returncode} vs {outside.returncode})")
            print(inside.stderr.decode()[:500])
            failures += 1
        else:
            print(f"ok: {name}: exit {inside.returncode}, {len(inside.stdout)} bytes, same without a network")
    return 1 if failures else 0


INET = re.compile(r"\b(socket|socketpair)\((AF_INET6?|PF_INET6?)\b|"
                  r"\b(connect|sendto|sendmsg|bind)\(.*sa_family=AF_INET6?\b")


def inet_calls(log_text):
    return [line for line in log_text.splitlines() if INET.search(line)]


def traced(argv):
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "strace.log")
        r = run(["strace", "-f", "-qq", "-e", "trace=network", "-o", log] + argv)
        text = open(log, encoding="utf-8", errors="replace").read() if os.path.exists(log) else ""
        return r, text


def strace(smslint, data):
    if shutil.which("strace") is None:
        print("skipped: strace is not installed (scripts/setup.sh installs it)")
        return SKIP
    # The check itself: a program that opens an AF_INET socket is caught.
    r, text = traced([sys.executable, "-c",
                      "import socket; s = socket.socket(socket.AF_INET); s.close()"])
    if r.returncode != 0 and "ptrace" in r.stderr.decode():
        print("skipped: ptrace is not permitted here:", r.stderr.decode().strip())
        return SKIP
    if not inet_calls(text):
        print("FAIL: the strace check does not see an AF_INET socket:\n" + text[:1000])
        return 1
    failures = 0
    for argv in commands(smslint, data):
        r, text = traced(argv)
        name = " ".join(argv[1:3])
        bad = inet_calls(text)
        other = [l for l in text.splitlines() if l.strip() and l not in bad]
        if r.returncode not in (0, 1) or bad:
            print(f"FAIL: {name}: exit {r.returncode}; network calls:\n  " + "\n  ".join(bad))
            failures += 1
        else:
            print(f"ok: {name}: no AF_INET/AF_INET6 socket; {len(other)} other network syscall line(s)")
            for line in other[:5]:
                print("    " + line)
    return 1 if failures else 0


def main():
    if len(sys.argv) != 4 or sys.argv[3] not in ("netns", "strace"):
        print(__doc__)
        return 2
    smslint, data, mode = sys.argv[1:]
    return netns(smslint, data) if mode == "netns" else strace(smslint, data)


if __name__ == "__main__":
    sys.exit(main())
