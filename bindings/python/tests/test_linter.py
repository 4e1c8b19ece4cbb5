import datetime
import json
import os
import threading

import pytest

import smslint

TO, FROM = "+14155550132", "+14155550100"


def test_readme_example():
    assert smslint.Linter().lint(to=TO, from_=FROM, body="hi").ok is True


def test_report_attributes():
    r = smslint.Linter().lint(id="m1", to=TO, from_=FROM, body="It’s here")
    assert r.id == "m1"
    assert r.segments.encoding == "UCS-2" and r.segments.count == 1
    d = next(d for d in r.diagnostics if d.rule_id == "segments/forces-ucs2")
    assert d.severity == "warning" and d.field == "body"
    assert d.span is not None and d.span.byte_end - d.span.byte_begin == 3
    assert d.fix is not None and d.fix.edits[0].replacement == "'"
    assert r.to_number.e164 == TO and r.from_number.e164 == FROM
    assert r.risk.band == "low" and r.risk.score == 0.0
    assert r.ok and r.max_severity == "warning" and r.warnings >= 1


def test_error_is_not_ok():
    r = smslint.Linter().lint(to="not a number", from_=FROM, body="hi")
    assert not r.ok and r.errors >= 1
    assert any(d.severity == "error" and d.field == "to" for d in r.diagnostics)


@pytest.mark.parametrize("fields", [
    {"to": TO, "from": FROM, "body": "x"},
    {"To": TO, "From": FROM, "Body": "x"},
    {"to": TO, "from_": FROM, "body": "x"},
])
def test_spellings_are_the_decoders(fields):
    r = smslint.Linter().lint(fields)
    assert r.from_number.e164 == FROM and r.to_number.e164 == TO
    assert "input/unknown-field" not in r.rule_ids


def test_kwargs_and_dict_merge():
    r = smslint.Linter().lint({"to": TO}, from_=FROM, body="x")
    assert r.to_number.e164 == TO and r.from_number.e164 == FROM


def test_unknown_and_duplicate_fields_are_findings():
    linter = smslint.Linter()
    assert "input/unknown-field" in linter.lint(to=TO, from_=FROM, body="x", frm="y").rule_ids
    r = linter.lint({"from": FROM}, to=TO, from_=FROM, body="x")
    assert "input/duplicate-field" in r.rule_ids and not r.ok


def test_media_url_list_counts_as_media():
    linter = smslint.Linter()
    assert "body/empty" in linter.lint(to=TO, from_=FROM, body="").rule_ids
    for media in (["https://example.com/a.jpg"], ("https://example.com/a.jpg",),
                  "https://example.com/a.jpg"):
        r = linter.lint(to=TO, from_=FROM, media_url=media)
        assert "body/empty" not in r.rule_ids, media
    # A picture by URL to a UK number: MMS is not supported there.
    r = linter.lint(to="+447400123456", from_=FROM, body="x",
                    media_url=["https://example.com/a.jpg"])
    assert "mms/unsupported-country" in r.rule_ids


def test_send_at_datetime_is_sent_as_twilio_python_sends_it():
    # "now" pinned a day before send_at, inside Twilio's scheduling window.
    linter = smslint.Linter(now=datetime.datetime(2030, 1, 1, 3, 4, 5))
    assert linter.lint(to=TO, body="x", send_at="2030-01-02T03:04:05Z").to_dict() == \
        smslint.Linter('[lint]\nnow = "2030-01-01T03:04:05Z"\n').lint(
            to=TO, body="x", send_at="2030-01-02T03:04:05Z").to_dict()
    with pytest.raises(smslint.ConfigError) as e:
        smslint.Linter(now="yesterday")
    assert e.value.key == "now"
    mg = "MG" + "0" * 32
    when = datetime.datetime(2030, 1, 2, 3, 4, 5)
    as_text = linter.lint(to=TO, from_=FROM, body="x", send_at="2030-01-02T03:04:05Z")
    as_dt = linter.lint(to=TO, from_=FROM, body="x", send_at=when, schedule_type="fixed",
                        messaging_service_sid=mg)
    assert as_dt.ok, as_dt.to_dict()["diagnostics"]
    assert as_dt.to_dict()["diagnostics"] == linter.lint(
        to=TO, from_=FROM, body="x", send_at="2030-01-02T03:04:05Z",
        schedule_type="fixed", messaging_service_sid=mg).to_dict()["diagnostics"]
    assert "input/wrong-type" not in as_text.rule_ids
    with pytest.raises(TypeError, match="send_at"):
        linter.lint(to=TO, body="x", send_at=object())
    with pytest.raises(UnicodeEncodeError):
        linter.lint(to=TO, body="\ud83d")  # a lone surrogate is not text


def test_wrong_type_is_a_finding_not_an_exception():
    r = smslint.Linter().lint(to=TO, from_=FROM, body=12)
    assert "input/wrong-type" in r.rule_ids and not r.ok


def test_json_text_message():
    r = smslint.Linter().lint(json.dumps({"to": TO, "from": FROM, "body": "x"}))
    assert r.ok and r.to_number.e164 == TO
    assert "input/invalid-json" in smslint.Linter().lint("{").rule_ids


MESSAGES = [
    {"id": "1", "to": TO, "from": FROM, "body": "Your code is 123456", "kind": "otp"},
    {"id": "2", "to": "020 7946 0018", "region": "GB", "from": "Acme", "body": "It’s 50% OFF!!! bit.ly/x"},
    {"id": "3", "To": TO, "From": FROM, "Body": "a" * 400, "MediaUrl": ["https://e.com/a.png"]},
    {"id": "4", "to": "", "from": "", "body": ""},
    {"id": "5", "to": TO, "from_": FROM, "from": FROM, "body": "x"},
    {"id": "6", "to": TO, "from": FROM, "body": "\U0001F600 hi\r\nthere", "send_at": "soon"},
]


def cli_reports(run_cli, messages):
    text = "".join(json.dumps(m) + "\n" for m in messages)
    res = run_cli("check", "--format", "jsonl", "-", stdin=text)
    assert res.returncode in (0, 1), res.stderr
    out = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(out) == len(messages)
    return out


def test_to_dict_equals_cli_report(run_cli):
    linter = smslint.Linter()
    # Input problems name their line: a message with one is checked alone
    # (line 1, as lint() numbers it).
    clean = [m for m in MESSAGES if m["id"] != "5"]
    expected = cli_reports(run_cli, clean) + cli_reports(run_cli, [MESSAGES[4]])
    assert [e["id"] for e in expected] == ["1", "2", "3", "4", "6", "5"]
    for e in expected:
        m = next(m for m in MESSAGES if m["id"] == e["id"])
        e.pop("line")
        got = linter.lint(m).to_dict()
        assert got.pop("line") is None
        assert got == e, m["id"]
    assert any(d["rule_id"] == "input/duplicate-field" for d in expected[-1]["diagnostics"])


def test_lint_many_equals_lint_in_order():
    linter = smslint.Linter(default_region="US")
    many = MESSAGES * 50 + [json.dumps(MESSAGES[0])]
    got = linter.lint_many(iter(many), threads=3)
    assert len(got) == len(many)
    for m, r in zip(many, got):
        assert r.to_json() == linter.lint(m).to_json()
    assert linter.lint_many([]) == []


def test_lint_many_uses_threads_with_the_gil_released():
    linter = smslint.Linter()
    many = [MESSAGES[1]] * 5000

    def most_threads(threads):
        """The most threads this process had while lint_many ran, seen by
        a Python thread: it runs only while the GIL is released."""
        if not os.path.isdir("/proc/self/task"):
            pytest.skip("no /proc")
        samples = []
        done = threading.Event()

        def watch():
            while not done.is_set():
                samples.append(len(os.listdir("/proc/self/task")))
        w = threading.Thread(target=watch)
        w.start()
        try:
            linter.lint_many(many, threads=threads)
        finally:
            done.set()
            w.join()
        return max(samples), len(samples)

    one, seen_one = most_threads(1)
    three, seen_three = most_threads(3)
    assert seen_one > 1 and seen_three > 1  # the watcher ran during the work
    assert three >= one + 2  # lint threads (all 3 unless one had already ended)


def test_config_text_path_dict_and_options(tmp_path):
    body = "a" * 200  # two segments
    assert "segments/too-many-segments" in smslint.Linter(max_segments=1).lint(
        to=TO, from_=FROM, body=body).rule_ids
    assert "segments/too-many-segments" in smslint.Linter("[lint]\nmax_segments = 1\n").lint(
        to=TO, from_=FROM, body=body).rule_ids
    assert "segments/too-many-segments" in smslint.Linter({"lint": {"max_segments": 1}}).lint(
        to=TO, from_=FROM, body=body).rule_ids
    p = tmp_path / "smslint.toml"
    p.write_text("[lint]\nmax_segments = 1\ndisable = [\"to\"]\n")
    for config in (p, str(p)):
        r = smslint.Linter(config).lint(to="nope", from_=FROM, body=body)
        assert "segments/too-many-segments" in r.rule_ids
        assert not any(i.startswith("to/") for i in r.rule_ids)
    # Options win over the file.
    assert "segments/too-many-segments" not in smslint.Linter(p, max_segments=5).lint(
        to=TO, from_=FROM, body=body).rule_ids
    r = smslint.Linter(severity_overrides={"segments/forces-ucs2": "error"},
                       disabled_rules=["content"], default_region="GB").lint(
        to="07700 900123", from_=FROM, body="’")
    assert not r.ok and r.to_number.e164 == "+447700900123"
    assert smslint.Linter(fast_numbers=False).lint(to=TO, from_=FROM, body="x").ok


@pytest.mark.parametrize("make, key", [
    (lambda: smslint.Linter(max_segments=0), "max_segments"),
    (lambda: smslint.Linter(max_segments="many"), "max_segments"),
    (lambda: smslint.Linter(disabled_rules=["nope/nothing"]), "disabled_rules"),
    (lambda: smslint.Linter(severity_overrides={"segments/forces-ucs2": "loud"}),
     "severity_overrides"),
    (lambda: smslint.Linter(no_such_option=1), "no_such_option"),
    (lambda: smslint.Linter(media_root="/nonexistent/dir"), "media_root"),
    (lambda: smslint.Linter({"lint": {"max_segment": 3}}), "lint.max_segment"),
    (lambda: smslint.Linter("[lint]\nmax_segments = 'x'\n"), "lint.max_segments"),
    (lambda: smslint.Linter("[lint\n"), ""),
])
def test_config_errors_name_the_key(make, key):
    with pytest.raises(smslint.ConfigError) as e:
        make()
    assert isinstance(e.value, ValueError)
    assert e.value.key == key
    if key:
        assert key in str(e.value)


def test_segments_and_segment_count():
    s = smslint.segments("hello")
    assert (s.encoding, s.count, s.units, s.error) == ("GSM-7", 1, 5, None)
    assert smslint.segments("It’s").encoding == "UCS-2"
    smart = smslint.segments("It’s", smart_encoding=True)
    assert smart.encoding == "GSM-7" and smart.smart_text == "It's"
    assert smslint.segments("a" * 161).count == 2
    assert smslint.Linter().segment_count("a" * 161) == 2


def test_rules_match_cli(run_cli):
    res = run_cli("rules", "--format", "json")
    cli = json.loads(res.stdout)
    ours = smslint.rules()
    assert len(ours) == len(cli) > 0
    for a, b in zip(ours, cli):
        assert {k: a[k] for k in b} == b


def test_version():
    assert smslint.__version__.count(".") == 2


def test_stubs_and_marker_ship_with_the_package():
    folder = os.path.dirname(smslint.__file__)
    for f in ("py.typed", "__init__.pyi", "twilio.pyi", "dask.pyi"):
        assert os.path.exists(os.path.join(folder, f)), f
