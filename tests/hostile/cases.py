"""The hostile-input cases run by run_hostile.py: one Case entry each.

A case names the smslint arguments ("{input}" and "{tmp}" are replaced by
the generated input file and the case's temporary folder, also the working
directory), a function that writes the input into that folder and returns
its path, and what must hold. To add one, append a Case to CASES; helpers
below build JSON Lines and CSV inputs, FIFOs and links.
"""
import csv
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional, Union

REPO = Path(__file__).resolve().parents[2]
PIXEL_PNG = REPO / "tests/unit/media/testdata/pixel.png"


@dataclass
class Case:
    name: str
    args: list
    make_input: Optional[Callable] = None   # (tmp) -> Path; hashed before and after
    stdin_input: bool = False               # the input file is also standard input
    setup: Optional[Callable] = None        # (tmp) -> None: FIFOs, links, configs
    exit_code: int = 0
    records: Union[None, str, int] = None   # "lines", "csv" or a count: records out
    max_rss_mb: Optional[float] = None      # peak RSS bound, where memory is the point
    max_output_bytes: Optional[int] = None
    timeout: float = 120                    # turns a hang into a failure; not a time check
    cwd: Optional[Path] = None              # default: the case's temporary folder
    check: Optional[Callable] = None        # (Result) -> None; raise AssertionError
    stdout_file: Optional[str] = None       # standard output goes here (/dev/full)


# --- helpers -----------------------------------------------------------------

def message(i, **extra):
    m = {"id": f"m{i}", "to": "+14155550132", "from": "+14155550100", "body": "Hello"}
    m.update(extra)
    return m


def jsonl(name, messages):
    """A make_input writing `messages` (a list, or a function of tmp) as JSON Lines."""
    def make(tmp):
        path = tmp / name
        items = messages(tmp) if callable(messages) else messages
        with open(path, "w", encoding="utf-8") as f:
            for m in items:
                f.write(json.dumps(m, ensure_ascii=False) + "\n")
        return path
    return make


def text_file(name, text):
    def make(tmp):
        path = tmp / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode())
        return path
    return make


def fifo(name):
    def setup(tmp):
        os.mkfifo(tmp / name)
    return setup


def both(*setups):
    def setup(tmp):
        for s in setups:
            s(tmp)
    return setup


def reports(r):
    return [json.loads(line) for line in r.lines()]


def rule_ids(report):
    return [d["rule_id"] for d in report["diagnostics"]]


def in_order(r):
    lines = [rep["line"] for rep in reports(r)]
    if lines != list(range(1, len(lines) + 1)):
        raise AssertionError("reports are not one per input line, in order")


def expect(cond, what):
    if not cond:
        raise AssertionError(what)


def all_checks(*checks):
    def check(r):
        for c in checks:
            c(r)
    return check


def validate_schema(obj, definition=None):
    """Validates against docs/report.schema.json when python3-jsonschema exists."""
    try:
        import jsonschema
    except ImportError:
        return
    schema = json.loads((REPO / "docs/report.schema.json").read_text())
    if definition:
        schema = {**schema["definitions"][definition], "definitions": schema["definitions"]}
    errors = list(jsonschema.Draft7Validator(schema).iter_errors(obj))
    expect(not errors, f"schema: {errors[:1]}")


# --- item 2: media paths from input data ----------------------------------------

HOSTILE_PATHS = ["{tmp}/fifo", "/dev/stdin", "/etc/shadow", "/proc/self/environ",
                 "../../../../etc/passwd"]


def hostile_path_messages(n):
    def make(tmp):
        out = []
        for i in range(1, n + 1):
            if i % 10 == 0:
                path = HOSTILE_PATHS[(i // 10) % len(HOSTILE_PATHS)].format(tmp=tmp)
                out.append(message(i, media=[{"content_type": "image/png", "path": path}]))
            else:
                out.append(message(i))
        return out
    return make


def no_file_was_read(r):
    in_order(r)
    for rep in reports(r):
        ids = rule_ids(rep)
        if rep["line"] % 10 == 0:
            expect("media/path-not-allowed" in ids, f"line {rep['line']}: {ids}")
        expect("media/unreadable" not in ids and "media/type-mismatch" not in ids,
               f"line {rep['line']} read a file: {ids}")


def media_root_tree(tmp):
    root = tmp / "root"
    (root / "sub").mkdir(parents=True)
    (root / "photo.png").write_bytes(PIXEL_PNG.read_bytes())
    (tmp / "outside.png").write_bytes(PIXEL_PNG.read_bytes())
    os.mkfifo(root / "fifo")
    os.symlink("/etc/passwd", root / "passwd-link")
    os.symlink("../outside.png", root / "escape.png")


# id -> (path, what the record must say)
ROOT_CASES = {
    "normal": ("photo.png", "media/type-mismatch"),    # declared JPEG, sniffed PNG
    "fifo": ("fifo", "not a regular file (a FIFO)"),
    "stdin": ("/dev/stdin", "under /dev"),
    "escape-link": ("escape.png", "outside the media root"),
    "passwd-link": ("passwd-link", "outside the media root"),
    "dotdot": ("../../../../../../etc/passwd", "outside the media root"),
    "etc-passwd": ("/etc/passwd", "outside the media root"),
    "directory": ("sub", "not a regular file (a directory)"),
    "proc": ("/proc/self/environ", "under /proc"),
}


def root_messages(tmp):
    out = []
    for i in range(200):  # many lines after each: /dev/stdin must not eat them
        name = list(ROOT_CASES)[i % len(ROOT_CASES)]
        out.append({**message(i), "id": name,
                    "media": [{"content_type": "image/jpeg", "size_bytes": 67,
                               "path": ROOT_CASES[name][0]}]})
    return out


def root_refusals(r):
    in_order(r)
    for rep in reports(r):
        path, want = ROOT_CASES[rep["id"]]
        media = [d for d in rep["diagnostics"] if d["rule_id"].startswith("media/")]
        said = " ".join(d["rule_id"] + " " + d["message"] for d in media)
        expect(want in said, f"{rep['id']} ({path}): expected {want!r}, got {said!r}")
        if rep["id"] != "normal":
            expect([d["rule_id"] for d in media] == ["media/unreadable"],
                   f"{rep['id']}: {said}")


def batch_media_csv(tmp):
    path = tmp / "contacts.csv"
    with open(path, "w", encoding="utf-8") as f:
        f.write("phone,message,media_type,media_path\n")
        for i in range(2000):
            media = "/dev/stdin" if i % 7 == 0 else ("fifo" if i % 7 == 1 else "")
            f.write(f"+1415555{i % 10000:04d},Hello {i},image/png,{media}\n")
    return path


def batch_refusals(r):
    for i, rep in enumerate(reports(r)):
        expect(rep["row"] == i + 1, "batch records out of order")
        said = " ".join(d["message"] for d in rep["diagnostics"] if d["rule_id"] == "media/unreadable")
        want = "under /dev" if i % 7 == 0 else ("a FIFO" if i % 7 == 1 else "")
        expect(want in said and (want or not said), f"row {i + 1}: {said!r}")


# --- item 3: size arithmetic -----------------------------------------------------

SIZE_SUMS = [[2**63, 2**63], [2**64 - 1, 1], [2**64 - 1 - 4_999_999, 5_000_000],
             [2**62, 2**62, 2**62, 2**62]]


def sizes_overflow(r):
    in_order(r)
    for rep in reports(r):
        expect("media/too-large" in rule_ids(rep), f"line {rep['line']}: {rule_ids(rep)}")


# --- item 8: configuration files -------------------------------------------------

def config_case(name, config_arg, stderr_has, setup=None, make=None):
    def check(r):
        expect(stderr_has in r.stderr, f"stderr {r.stderr!r} lacks {stderr_has!r}")
    return Case(name, ["check", "--config", config_arg, "-"], make_input=make, setup=setup,
                exit_code=2, check=check, timeout=60)


def deep_header(tmp):
    path = tmp / "deep.toml"
    path.write_text("[a" + ".a" * 50_000 + "]\n")
    return path


# --- item 5: per-character lists in reports --------------------------------------

def capped_report(r):
    rep = reports(r)[0]
    seg = rep["segments"]
    expect(len(seg["non_gsm"]) == 1000, f"{len(seg['non_gsm'])} non_gsm entries")
    expect(seg.get("non_gsm_omitted") == 999_000, f"non_gsm_omitted {seg.get('non_gsm_omitted')}")
    expect(len(seg["segments"]) == 1000 and seg["segments_omitted"] == seg["segment_count"] - 1000,
           "segments not capped")
    validate_schema(rep)


def capped_edits(r):
    rep = reports(r)[0]
    fixes = [d["fix"] for d in rep["diagnostics"] if d["fix"]]
    expect(fixes and len(fixes[0]["edits"]) == 1000 and fixes[0]["edits_omitted"] == 999_000,
           "fix edits not capped")
    validate_schema(rep)


def capped_segments_json(r):
    info = json.loads(r.stdout())
    expect(info.get("non_gsm_omitted") == 999_000, "segments --format json not capped")
    validate_schema(info, "segments")


# --- item 1: outputs that would destroy the input ------------------------------

SMALL_CSV = "phone,message\n+14155550132,Hello\n+14155550133,Hi there\n"


def stderr_has(*words):
    def check(r):
        for w in words:
            expect(w in r.stderr, f"stderr {r.stderr!r} lacks {w!r}")
    return check


def big_csv(tmp):
    path = tmp / "contacts.csv"
    with open(path, "w", encoding="utf-8") as f:
        f.write("phone,message\n")
        for i in range(50_000):
            f.write(f"+1415555{i % 10000:04d},Hello {i}, your order ships today\n")
    return path


def link(target, name):
    def setup(tmp):
        os.symlink(target, tmp / name)
    return setup


def existing(name, text, mode=0o644):
    def setup(tmp):
        (tmp / name).write_text(text)
        os.chmod(tmp / name, mode)
    return setup


def no_temporary_files(r):
    left = [p.name for p in r.tmp.iterdir() if ".smslint-" in p.name]
    expect(not left, f"temporary files left behind: {left}")


def output_kept(name, text):
    def check(r):
        expect((r.tmp / name).read_text() == text, f"{name} was changed")
        no_temporary_files(r)
    return check


def output_replaced(r):
    out = r.tmp / "out.csv"
    expect(out.read_text().startswith("phone,message,smslint_status"), "out.csv not replaced")
    expect(os.stat(out).st_mode & 0o777 == 0o640, "out.csv lost its permissions")
    no_temporary_files(r)


def clash(name, args, *words, **kw):
    return Case(name, ["batch", "--quiet"] + args, make_input=kw.pop("make", text_file("contacts.csv", SMALL_CSV)),
                exit_code=2, check=all_checks(stderr_has("is the same file as", *words), no_temporary_files),
                timeout=60, **kw)


# --- item 7: write errors -------------------------------------------------------

def write_error(name, args, make=None):
    return Case(name, args, make_input=make, stdout_file="/dev/full", exit_code=2, timeout=60,
                check=stderr_has("smslint: error writing output: No space left on device"))


# --- item 4: memory bounded in bytes --------------------------------------------

def emoji_csv(tmp):
    path = tmp / "emoji.csv"
    with open(path, "w", encoding="utf-8") as f:
        f.write("phone,message\n")
        body = "😀" * 16_000
        for i in range(3000):
            f.write(f"+1415555{i % 10000:04d},{body}\n")
    return path


def long_lines(tmp):
    path = tmp / "long.jsonl"
    body = ("Hello world " * 400_000)[:4 * 1024 * 1024 - 200]
    with open(path, "w", encoding="utf-8") as f:
        for i in range(40):
            f.write(json.dumps({"id": str(i), "to": "+14155550132", "from": "+14155550100",
                                "body": body}) + "\n")
    return path


def rows_in_order(key, rows):
    """Records in = out, one per row, in order. Streamed, not with `records`:
    the output is 450 MB, and a runner that held it would pass its own size
    on to the next case's peak RSS (a forked child's maximum survives exec)."""
    def check(r):
        n = 0
        with open(r.stdout_path, "rb") as f:
            for n, line in enumerate(f, 1):
                m = re.search(rb'"%s":(\d+)' % key.encode(), line[:200])
                expect(m and int(m.group(1)) == n, f"record {n} is {line[:120]!r}")
        expect(n == rows, f"{rows} records in, {n} out")
    return check


# batch's --jobs bound here; a machine with over 64 threads has 256 (the
# flag's range) and no case above it.
MACHINE_JOBS = min(256, max(16, 4 * (os.cpu_count() or 1)))


def memory_case(name, args, make, rows, bound, key):
    return Case(name, ["batch", "--format", "jsonl", "--quiet", "--exit-zero"] + args + ["{input}"],
                make_input=make, max_rss_mb=bound, check=rows_in_order(key, rows), timeout=280)


CASES = [
    # A path in input data opens nothing by default: a FIFO used to hang the
    # run and /dev/stdin to eat the input (3,000 lines in, 2,102 out).
    Case("media-path-no-root", ["check", "--format", "jsonl", "--exit-zero", "-"],
         make_input=jsonl("in.jsonl", hostile_path_messages(3000)), stdin_input=True,
         setup=fifo("fifo"), records="lines", check=no_file_was_read, timeout=60),
    # Even with a root, disabled media rules open nothing (the FIFO hung the run
    # with --disable media --disable mms).
    Case("media-path-rules-disabled",
         ["check", "--format", "jsonl", "--exit-zero", "--media-root", "{tmp}",
          "--disable", "media", "--disable", "mms", "-"],
         make_input=jsonl("in.jsonl", hostile_path_messages(3000)), stdin_input=True,
         setup=fifo("fifo"), records="lines", timeout=60,
         check=lambda r: all(not any(i.startswith("media/") for i in rule_ids(rep))
                             for rep in reports(r)) or expect(False, "media diagnostics")),
    # Under --media-root: a regular file is sniffed; everything else refused.
    Case("media-root-refusals",
         ["check", "--format", "jsonl", "--exit-zero", "--media-root", "root", "-"],
         make_input=jsonl("in.jsonl", root_messages), stdin_input=True,
         setup=media_root_tree, records="lines", check=root_refusals, timeout=60),
    # batch: 2,000 rows from stdin, media_path /dev/stdin and a FIFO.
    Case("batch-media-path-stdin",
         ["batch", "--format", "jsonl", "--quiet", "--exit-zero", "--jobs", "2",
          "--media-root", "{tmp}", "--column", "media_path=media_path", "-"],
         make_input=batch_media_csv, stdin_input=True, setup=fifo("fifo"),
         records="csv", check=batch_refusals, timeout=120),
    # Media sizes whose sum wraps around 2^64 must not pass the 5 MB check.
    Case("media-size-overflow", ["check", "--format", "jsonl", "--exit-zero", "{input}"],
         make_input=jsonl("in.jsonl", [
             message(i, media=[{"content_type": "image/png", "size_bytes": s} for s in sizes])
             for i, sizes in enumerate(SIZE_SUMS)]),
         records="lines", check=sizes_overflow),
    # Configurations that are not regular files, too big, or too deep.
    config_case("config-dev-zero", "/dev/zero", "/dev/zero: not a regular file (a character device)"),
    config_case("config-directory", "{tmp}", "not a regular file (a directory)"),
    config_case("config-fifo", "{tmp}/fifo", "not a regular file (a FIFO)", setup=fifo("fifo")),
    config_case("config-too-large", "{input}", "at most 1048576 (1 MiB)",
                make=text_file("big.toml", "# " + "x" * (2 << 20) + "\n")),
    config_case("config-deep-header", "{input}", "nested more than 64 levels deep",
                make=deep_header),
    config_case("config-deep-arrays", "{input}", "nested more than 64 levels deep",
                make=text_file("deep.toml", "x = " + "[" * 100_000 + "\n")),
    # A 1M-emoji body made a 108 MB report; the lists are capped at 1,000.
    Case("report-1m-emoji",
         ["check", "--format", "jsonl", "--exit-zero", "--max-line-bytes", "8000000", "{input}"],
         make_input=jsonl("in.jsonl", [message(1, body="😀" * 1_000_000)]),
         records="lines", max_output_bytes=1_000_000, max_rss_mb=400, check=capped_report),
    Case("report-1m-fix-edits",
         ["check", "--format", "jsonl", "--exit-zero", "{input}"],
         make_input=jsonl("in.jsonl", [message(1, body="’" * 1_000_000)]),
         records="lines", max_output_bytes=1_000_000, max_rss_mb=400, check=capped_edits),
    Case("segments-json-1m-emoji", ["segments", "--format", "json", "-"],
         make_input=text_file("body.txt", "😀" * 1_000_000), stdin_input=True,
         max_output_bytes=1_000_000, max_rss_mb=400, check=capped_segments_json),
    # --output naming the input replaced a small one with exit 0 and made a
    # big one be read as it was written; every spelling is refused.
    clash("batch-output-is-input", ["--output", "{input}", "{input}"], "--output", "the input"),
    clash("batch-output-is-big-input", ["--format", "csv", "--output", "{input}", "{input}"],
          "--output", make=big_csv),
    clash("batch-summary-is-input", ["--summary", "{input}", "{input}"], "--summary", "the input"),
    clash("batch-output-link-to-input", ["--output", "{tmp}/link.csv", "{input}"],
          "link.csv", setup=link("contacts.csv", "link.csv")),
    clash("batch-output-is-stdin", ["--output", "{input}", "-"], "standard input",
          stdin_input=True),
    clash("batch-output-and-summary-one-file",
          ["--output", "{tmp}/r.csv", "--summary", "{tmp}/sub/../r.csv", "{input}"],
          "--summary", "--output", setup=lambda tmp: (tmp / "sub").mkdir()),
    # Devices may be shared.
    Case("batch-outputs-dev-null", ["batch", "--quiet", "--output", "/dev/null", "--summary",
                                    "/dev/null", "{input}"],
         make_input=text_file("contacts.csv", SMALL_CSV), exit_code=1, timeout=60),
    # A failed run leaves an existing output as it was, and no temporary file.
    Case("batch-failed-run-keeps-output",
         ["batch", "--quiet", "--output", "out.csv", "--summary", "s.json", "--column",
          "to=nope", "{input}"],
         make_input=text_file("contacts.csv", SMALL_CSV),
         setup=both(existing("out.csv", "precious\n"), existing("s.json", "{}\n")),
         exit_code=2, check=all_checks(output_kept("out.csv", "precious\n"),
                                       output_kept("s.json", "{}\n")), timeout=60),
    Case("batch-output-replaced-on-success",
         ["batch", "--quiet", "--exit-zero", "--format", "csv", "--output", "out.csv", "{input}"],
         make_input=text_file("contacts.csv", SMALL_CSV), setup=existing("out.csv", "old\n", 0o640),
         check=output_replaced, timeout=60),
    # An unwritable --summary is found before the first row is read (the
    # input never ends: reading it first would hang).
    Case("batch-summary-unwritable-first",
         ["batch", "--quiet", "--summary", "{tmp}/no/such/dir/s.json", "/dev/zero"],
         exit_code=2, timeout=30, check=stderr_has("cannot write", "no/such/dir/s.json")),
    # Write errors exit 2 with the reason, in every command.
    write_error("write-error-segments", ["segments", "hello"]),
    write_error("write-error-segments-json", ["segments", "--format", "json", "hello"]),
    write_error("write-error-rules", ["rules"]),
    write_error("write-error-rules-json", ["rules", "--format", "json"]),
    write_error("write-error-rule", ["rule", "segments/forces-ucs2"]),
    write_error("write-error-help", ["--help"]),
    write_error("write-error-version", ["--version"]),
    write_error("write-error-batch-help", ["batch", "--help"]),
    write_error("write-error-check", ["check", "{input}"],
                make=jsonl("in.jsonl", [message(i) for i in range(3)])),
    write_error("write-error-batch", ["batch", "--quiet", "--format", "jsonl", "{input}"],
                make=big_csv),
    Case("write-error-batch-output-file",
         ["batch", "--quiet", "--output", "/dev/full", "{input}"],
         make_input=text_file("contacts.csv", SMALL_CSV), exit_code=2, timeout=60,
         check=stderr_has("smslint: error writing /dev/full: No space left on device")),
    # --jobs is bounded (it had no limit, and a thread that could not start
    # aborted the tool).
    Case("batch-jobs-over-256", ["batch", "--quiet", "--jobs", "257", "{input}"],
         make_input=text_file("contacts.csv", SMALL_CSV), exit_code=2, timeout=60,
         check=stderr_has("257 is out of range: expected a whole number from 0 to 256")),
    Case("batch-jobs-over-4-per-thread", ["batch", "--quiet", "--jobs", str(MACHINE_JOBS + 1),
                                          "{input}"],
         make_input=text_file("contacts.csv", SMALL_CSV), exit_code=2, timeout=60,
         check=stderr_has(f"--jobs {MACHINE_JOBS + 1}: at most {MACHINE_JOBS} on this machine"
                          if MACHINE_JOBS < 256 else "257 is out of range")),
    # Memory is bounded in bytes: 3,000 rows of 16k emoji took 0.97 GB with
    # --jobs 1, 1.83 GB with 2, 5.75 GB with 8 (551 MB, 977 MB, 3.28 GB on
    # the development VM); now 95, 95 and 111 MB. 40 lines of 4 MB took
    # 761 MB; now 177 MB with any --jobs.
    memory_case("batch-memory-emoji-jobs-1", ["--jobs", "1"], emoji_csv, 3000, 200, "row"),
    memory_case("batch-memory-emoji-jobs-2", ["--jobs", "2"], emoji_csv, 3000, 200, "row"),
    memory_case("batch-memory-emoji-jobs-8", ["--jobs", "8"], emoji_csv, 3000, 200, "row"),
    memory_case("batch-memory-long-lines-jobs-8", ["--jobs", "8"], long_lines, 40, 300, "line"),
]


# --- issue 11, items 5 and 9-12: encodings, headers, numbers, escapes -------------

def utf_text(name, text, codec, bom=b""):
    def make(tmp):
        path = tmp / name
        path.write_bytes(bom + text.encode(codec))
        return path
    return make


CONTACTS = "phone,message\r\n+14155550132,Hello\r\n+14155550133,Hi there\r\n"


def refuses_encoding(name, iconv):
    def check(r):
        expect(f"this is {name} text" in r.stderr, f"stderr: {r.stderr!r}")
        expect(f"iconv -f {iconv} -t UTF-8" in r.stderr, f"stderr: {r.stderr!r}")
        expect(r.stdout() == b"", "records were written")
    return check


def stderr_has(*parts, times=None):
    def check(r):
        for p in parts:
            expect(p in r.stderr, f"stderr {r.stderr!r} lacks {p!r}")
            if times is not None:
                expect(r.stderr.count(p) == times, f"{p!r} not {times}x in {r.stderr!r}")
    return check


def numeric_flag_case(name, args, flag, value, lo, hi):
    want = f"expected a whole number from {lo} to {hi}"
    return Case(name, args, make_input=text_file("in.jsonl", ""), exit_code=2,
                check=stderr_has(flag, value, want), timeout=30)


def no_rule(rule):
    def check(r):
        for rep in reports(r):
            expect(rule not in rule_ids(rep), f"row {rep.get('row')}: {rule_ids(rep)}")
    return check


def rule_everywhere(rule):
    def check(r):
        for rep in reports(r):
            expect(rule in rule_ids(rep), f"row {rep.get('row')}: {rule_ids(rep)}")
    return check


def json_numbers(r):
    in_order(r)
    reps = reports(r)
    big = reps[0]
    expect(big["id"] == "18446744073709551616" and "input/wrong-type" not in rule_ids(big),
           f"2^64 id: {big['id']!r} {rule_ids(big)}")
    msg = [d["message"] for d in reps[1]["diagnostics"] if d["rule_id"] == "input/invalid-json"]
    expect(msg and "number out of range (byte 28)" in msg[0], f"1e400: {msg}")
    expect("json.exception" not in r.stdout().decode(), "nlohmann's exception text leaked")
    dup = [d for d in reps[2]["diagnostics"] if d["rule_id"] == "input/duplicate-key"]
    expect(len(dup) == 1 and dup[0]["args"]["name"] == "body", f"duplicate key: {dup}")
    expect(dup[0]["severity"] == "warning", "input/duplicate-key is a warning")


def json_number_lines(tmp):
    path = tmp / "in.jsonl"
    path.write_text('{"id": 18446744073709551616, "to": "+14155550132", "body": "a"}\n'
                    '{"to": "+14155550132", "n": 1e400, "body": "b"}\n'
                    '{"to": "+14155550132", "body": "c", "body": "d"}\n')
    return path


HOSTILE_TEXT = "\x1b]0;owned\x07\x1b[2J\x9b31m\x1b[?1049h"


def escape_messages(tmp):
    return [message(i, id=f"id{HOSTILE_TEXT}{i}", to=f"+1415{HOSTILE_TEXT}",
                    body=f"Hi {HOSTILE_TEXT} there’s") for i in range(50)]


def escape_csv(tmp):
    path = tmp / f"list{HOSTILE_TEXT}.csv"
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"id,phone,message,x{HOSTILE_TEXT}\n")
        for i in range(50):
            f.write(f"id{HOSTILE_TEXT},+1415{HOSTILE_TEXT},Hi {HOSTILE_TEXT}’,x\n")
        f.write(b"bad\xff\x1b,+1,\xc2\x9b,x\n".decode("utf-8", "surrogateescape")
                .encode("utf-8", "surrogateescape").decode("latin-1"))
    return path


def no_terminal_controls(r):
    out = r.stdout() + r.stderr.encode("utf-8", "surrogateescape")
    for bad in (b"\x1b", b"\x07", b"\xc2\x9b", b"\x9b"):
        expect(bad not in out, f"{bad!r} reached the terminal")
    expect(b"\\x1b]0;owned\\x07" in r.stdout(), "escaped text not shown")


def sarif_uri(r):
    sarif = json.loads(r.stdout())
    uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
        "artifactLocation"]["uri"]
    expect(uri == "lists/my%20list%20%231%20100%25%3F%20M%C3%BCller.csv", f"uri {uri!r}")


def sarif_input(tmp):
    (tmp / "lists").mkdir()
    path = tmp / "lists" / "my list #1 100%? Müller.csv"
    path.write_text("phone,message\n+14155550132,Hi\n")
    return path


def template_csv(tmp):
    path = tmp / "contacts.csv"
    with open(path, "w") as f:
        f.write("phone,x\n")
        for i in range(100):
            f.write(f"+1415555{i:04d},{'y' * 1000}\n")
    return path


def template_rows(r):
    for rep in reports(r):
        said = " ".join(d["message"] for d in rep["diagnostics"])
        expect("input/csv-malformed" in rule_ids(rep) and "--max-field-bytes" in said,
               f"row {rep['row']}: {rule_ids(rep)}")


def deep_line(r):
    msg = reports(r)[0]["diagnostics"][0]["message"]
    expect("nesting deeper than 64 (byte 64)" in msg, msg)


def fix_mix_csv(tmp):
    """2,000 rows of everything a contact list gets wrong, ids r0..r1999."""
    path = tmp / "mix.csv"
    kinds = [
        "{id},+1415555{n:04d},Hello,x",
        "{id},(415) 555-{n:04d},Hello,national",
        "{id},+14155550132,Hello,duplicate",
        '{id},+1415555{n:04d},"unbalanced,x',
        "{id},+1415555{n:04d}",
        "{id},+1415555{n:04d},Hi,x,extra,fields",
        "{id},n/a,Hello,x",
        "{id},,Hello,x",
        "{id},+1415555{n:04d},Hi\x00\x1b[2J\u202e,controls",
        "{id},+1415555{n:04d}," + "y" * 300 + ",long",
        '{id},+1415555{n:04d},"' + "a" * 80 + "\r\n" + "a" * 79 + '",crlf',
        "{id},0044 20 7946 {n:04d},Caf\u00e9 \u2019ok\u2019,intl",
        "",
    ]
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\ufeffid,phone,message,notes\r\n")
        for i in range(2000):
            f.write(kinds[i % len(kinds)].format(id=f"r{i}", n=i % 10000) + "\r\n")
    return path


def fix_split(r):
    """Every record in exactly one of clean.csv and rejects.csv."""
    ids = [json.loads(line).get("id", "") for line in r.lines()]
    out = []
    for name in ("clean.csv", "rejects.csv"):
        with open(r.tmp / name, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))[1:]
        out += [row[0] for row in rows]
    expect(len(out) == len(ids), f"{len(ids)} records, {len(out)} clean + rejected rows")
    expect(sorted(out) == sorted(ids), "clean + rejects are not the rows read")
    summary = json.loads((r.tmp / "s.json").read_text())
    expect(summary["sendable_as_is"] + summary["sendable_after_fixes"] + summary["blocked"]
           == summary["rows"] == len(ids), f"summary {summary['rows']} rows")


# CJK Unified Ideographs and Extension A: 27,584 distinct characters.
CJK = "".join(chr(c) for c in list(range(0x3400, 0x4DC0)) + list(range(0x4E00, 0xA000)))


def cjk_distinct(r):
    d = [d for d in reports(r)[0]["diagnostics"] if d["rule_id"] == "segments/forces-ucs2"]
    expect(d and d[0]["args"]["count"] == str(len(CJK)), f"forces-ucs2: {d and d[0]['args']}")


CASES += [
    # A UTF-16 CSV made 6 records of 2 rows and said only "invalid UTF-8".
    Case("batch-utf16-le-bom", ["batch", "--quiet", "--format", "jsonl", "{input}"],
         make_input=utf_text("c.csv", CONTACTS, "utf-16-le", b"\xff\xfe"), exit_code=2,
         check=refuses_encoding("UTF-16 LE", "UTF-16")),
    Case("batch-utf16-be-bom-stdin", ["batch", "--quiet", "--format", "jsonl", "-"],
         make_input=utf_text("c.csv", CONTACTS, "utf-16-be", b"\xfe\xff"), stdin_input=True,
         exit_code=2, check=refuses_encoding("UTF-16 BE", "UTF-16")),
    Case("batch-utf32-le-bom", ["batch", "--quiet", "{input}"],
         make_input=utf_text("c.csv", CONTACTS, "utf-32-le", b"\xff\xfe\x00\x00"), exit_code=2,
         check=refuses_encoding("UTF-32 LE", "UTF-32")),
    Case("batch-utf16-no-bom", ["batch", "--quiet", "{input}"],
         make_input=utf_text("c.csv", CONTACTS, "utf-16-le"), exit_code=2,
         check=refuses_encoding("UTF-16 LE", "UTF-16LE")),
    Case("check-utf16-jsonl", ["check", "--format", "jsonl", "{input}"],
         make_input=utf_text("m.jsonl", json.dumps(message(1)) + "\n", "utf-16"),
         exit_code=2, check=refuses_encoding("UTF-16 LE", "UTF-16")),
    Case("batch-jsonl-utf32-be", ["batch", "--quiet", "{input}"],
         make_input=utf_text("m.jsonl", json.dumps(message(1)) + "\n", "utf-32-be",
                             b"\x00\x00\xfe\xff"),
         exit_code=2, check=refuses_encoding("UTF-32 BE", "UTF-32")),
    # Mixed delimiters: no column recognised; one warning, every row reported.
    Case("batch-header-unrecognised",
         ["batch", "--format", "jsonl", "--exit-zero", "{input}"],
         make_input=text_file("c.csv", "name;cell,message\n" +
                              "".join(f"Ann;+1415555{i:04d},Hi\n" for i in range(300))),
         records="csv",
         check=all_checks(stderr_has("no recipient column in the header",
                                     '"name;cell", "message"', "looked for: to, phone",
                                     "use --column to=NAME", times=1),
                          rule_everywhere("to/missing"))),
    # A BOM inside the first name (two exports concatenated) and a zero-width
    # space: the columns are still found.
    Case("batch-header-invisible-chars",
         ["batch", "--format", "jsonl", "--exit-zero", "{input}"],
         make_input=text_file("c.csv", "\ufeff\ufeffPhone,Mes\u200bsage\n+14155550132,Hi\n"),
         records="csv",
         check=all_checks(lambda r: expect("warning:" not in r.stderr, r.stderr),
                          no_rule("to/missing"), no_rule("body/empty"))),
    # One rule for numeric flags: digits only, in range, else exit 2.
    numeric_flag_case("flag-max-line-bytes-negative",
                      ["check", "--max-line-bytes", "-1", "{input}"],
                      "--max-line-bytes", '"-1"', 1, 1073741824),
    numeric_flag_case("flag-max-line-bytes-2-64",
                      ["check", "--max-line-bytes", "18446744073709551616", "{input}"],
                      "--max-line-bytes", "18446744073709551616 is too large", 1, 1073741824),
    numeric_flag_case("flag-max-segments-negative",
                      ["check", "--max-segments", "-1", "{input}"],
                      "--max-segments", '"-1"', 1, 1000000),
    numeric_flag_case("flag-max-body-characters-hex",
                      ["check", "--max-body-characters", "0x10", "{input}"],
                      "--max-body-characters", '"0x10"', 1, 1000000),
    numeric_flag_case("flag-max-field-bytes-zero",
                      ["batch", "--max-field-bytes", "0", "{input}"],
                      "--max-field-bytes", "0 is out of range", 1, 1073741824),
    numeric_flag_case("flag-jobs-huge", ["batch", "--jobs", "99999", "{input}"],
                      "--jobs", "99999 is out of range", 0, 256),
    numeric_flag_case("flag-segments-max-body-bytes",
                      ["segments", "--max-body-bytes", "1.5", "x"],
                      "--max-body-bytes", '"1.5"', 1, 1073741824),
    # JSON numbers in smslint's words; a 2^64 id keeps its text; duplicate keys warn.
    Case("json-numbers-and-duplicate-keys",
         ["check", "--format", "jsonl", "--exit-zero", "{input}"],
         make_input=json_number_lines, records="lines", check=json_numbers),
    # Escape sequences in ids, numbers, bodies, header names and file names
    # never reach the terminal.
    Case("check-text-escapes", ["check", "--exit-zero", "{input}"],
         make_input=jsonl(f"in{HOSTILE_TEXT}.jsonl", escape_messages),
         check=no_terminal_controls),
    Case("batch-text-escapes", ["batch", "--exit-zero", "{input}"],
         make_input=escape_csv, check=no_terminal_controls),
    Case("sarif-uri-percent-encoded",
         ["batch", "--quiet", "--exit-zero", "--format", "sarif",
          "lists/my list #1 100%? Müller.csv"],
         make_input=sarif_input, check=sarif_uri),
    # segments read all of its input (2 GB for 16 MB of NULs; /dev/zero forever).
    Case("segments-input-over-limit", ["segments", "-"],
         make_input=text_file("zeros.bin", b"\0" * (16 << 20)), stdin_input=True,
         exit_code=2, max_rss_mb=64,
         check=stderr_has("longer than 4194304 bytes (--max-body-bytes)")),
    # 1,000 placeholders on a 100 KB CSV built 1 MB bodies per row (630 MB);
    # the body is now held to --max-field-bytes.
    Case("batch-template-1000-placeholders",
         ["batch", "--quiet", "--format", "jsonl", "--exit-zero", "--template",
          "{{{{x}}}}" * 1000, "{input}"],  # str.format: "{{{{" is "{{"
         make_input=template_csv, records="csv", max_rss_mb=150, check=template_rows),
    # An unterminated 4 MB "[[[[..." line took 344 MB in the JSON parser.
    Case("check-deep-nesting",
         ["check", "--format", "jsonl", "--exit-zero", "{input}"],
         make_input=text_file("deep.jsonl", "[" * ((4 << 20) - 1) + "\n"),
         records="lines", max_rss_mb=150, check=deep_line),
    # 27,584 distinct CJK characters on one line: counted (once quadratic).
    Case("forces-ucs2-many-distinct",
         ["check", "--format", "jsonl", "--exit-zero", "{input}"],
         make_input=jsonl("in.jsonl", [message(1, body=CJK)]),
         records="lines", check=cjk_distinct),
    # --fix on broken rows, with 4 workers: each row in exactly one of the
    # clean list and the rejects.
    Case("batch-fix-broken-rows",
         ["batch", "--quiet", "--format", "jsonl", "--exit-zero", "--jobs", "4",
          "--region", "US", "--from", "+14155550100", "--max-field-bytes", "200",
          "--fix", "--output", "clean.csv", "--rejects", "rejects.csv",
          "--summary", "s.json", "{input}"],
         make_input=fix_mix_csv, check=fix_split),
]
