"""The hostile-input cases run by run_hostile.py: one Case entry each.

A case names the smslint arguments ("{input}" and "{tmp}" are replaced by
the generated input file and the case's temporary folder, also the working
directory), a function that writes the input into that folder and returns
its path, and what must hold. To add one, append a Case to CASES; helpers
below build JSON Lines and CSV inputs, FIFOs and links.
"""
import json
import os
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
]
