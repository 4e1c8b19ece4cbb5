#!/usr/bin/env python3
"""smslint batch --report-html: one self-contained page with the summary.

Usage: html_report_test.py SMSLINT [--browser]
Without --browser: the page is parsed (html.parser): the counts match the
--summary JSON, a hostile row is escaped, nothing is loaded from anywhere.
With --browser: headless Chromium renders it; the counts must be in the
DOM and the console must be free of errors. Exits 77 (skipped) when there
is no chromium.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

HOSTILE = '<script>alert(1)</script>"\'&'
CSV = ("id,phone,message\r\n"
       "a1,+14155550132,Hello\r\n"
       "a2,(415) 555-0147,Hello\r\n"
       f'a3,"{HOSTILE.replace(chr(34), chr(34) * 2)}",Hello\r\n'
       "a4,+14155550132,Hello\r\n"
       "a5,+447700900461,Caf\u00e9 \u2019ok\u2019\r\n")


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.urls, self.summary, self.counts = [], [], {}, {}
        self.blocked_rows, self.text = [], []
        self._key = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        for k in ("src", "href", "action", "srcset", "poster", "data"):
            if k in a:
                self.urls.append(a[k])
        if "style" in a and "url(" in a["style"]:
            self.urls.append(a["style"])
        if "data-summary" in a:
            self._key = ("summary", a["data-summary"])
        elif "data-count" in a:
            self._key = ("count", a["data-count"])
        if "data-row" in a:
            self.blocked_rows.append(int(a["data-row"]))

    def handle_data(self, data):
        self.text.append(data)
        if self._key:
            kind, k = self._key
            (self.summary if kind == "summary" else self.counts)[k] = data.strip()
            self._key = None


def run(exe, args, cwd):
    env = {"PATH": os.environ.get("PATH", ""), "LC_ALL": "C.UTF-8", "SMSLINT_DETERMINISTIC": "1"}
    if "LD_LIBRARY_PATH" in os.environ:
        env["LD_LIBRARY_PATH"] = os.environ["LD_LIBRARY_PATH"]
    return subprocess.run([exe] + args, capture_output=True, cwd=cwd, env=env)


def make_report(exe, tmp):
    (tmp / "in.csv").write_text(CSV, encoding="utf-8")
    r = run(exe, ["batch", "--quiet", "--region", "US", "--from", "+14155550100",
                  "--price-per-segment", "0.0079", "--report-html", "report.html",
                  "--summary", "summary.json", "in.csv"], tmp)
    assert r.returncode in (0, 1), r.stderr
    return (tmp / "report.html").read_text(encoding="utf-8"), json.loads(
        (tmp / "summary.json").read_text())


def structural(html, summary):
    p = Page()
    p.feed(html)
    assert html.startswith("<!DOCTYPE html>"), "no doctype"
    assert not p.urls, f"resources or links: {p.urls}"
    assert "script" not in p.tags, "a script element"
    assert not re.search(r"(?i)(https?:|//[a-z0-9.-]+/|@import)", html.split("<body>")[0]), \
        "a network reference in the head"
    assert HOSTILE not in html and "<script>alert" not in html, "the hostile value is not escaped"
    assert HOSTILE in "".join(p.text), "the hostile value is not shown (escaped)"
    want = {"rows": summary["rows"], "sendable_as_is": summary["sendable_as_is"],
            "sendable_after_fixes": summary["sendable_after_fixes"],
            "blocked": summary["blocked"], "duplicates": summary["duplicates"],
            "segments_to_send": summary["to_send"]["segments"]}
    for k, v in want.items():
        assert p.summary.get(k) == str(v), f"{k}: page {p.summary.get(k)}, summary {v}"
    for rule, r in summary["blocked_by_rule"].items():
        assert p.counts.get(rule) == str(r["rows"]) or rule in summary["rules"], rule
    assert len(p.blocked_rows) == summary["blocked"], (p.blocked_rows, summary["blocked"])
    assert summary["blocked"] == 2 and summary["sendable_as_is"] == 2, summary
    return want


def browser(html_path, want):
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        print("skip: no chromium")
        sys.exit(77)
    with tempfile.TemporaryDirectory() as profile:
        r = subprocess.run(
            [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
             "--dump-dom", html_path.as_uri()],
            capture_output=True, timeout=120)
    dom = r.stdout.decode("utf-8", "replace")
    log = r.stderr.decode("utf-8", "replace")
    assert r.returncode == 0, f"chromium exit {r.returncode}: {log[-2000:]}"
    console = [l for l in log.splitlines() if "CONSOLE" in l or "Uncaught" in l]
    assert not console, f"console messages: {console}"
    p = Page()
    p.feed(dom)
    for k, v in want.items():
        assert p.summary.get(k) == str(v), f"rendered {k}: {p.summary.get(k)}, want {v}"
    assert "<script>alert" not in dom
    print("ok browser: " + ", ".join(f"{k}={v}" for k, v in want.items()))


def main():
    exe = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        html, summary = make_report(exe, tmp)
        want = structural(html, summary)
        print("ok structure")
        if "--browser" in sys.argv[2:]:
            browser(tmp / "report.html", want)
    return 0


if __name__ == "__main__":
    sys.exit(main())
