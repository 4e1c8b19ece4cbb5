import sys

import pytest

import smslint
from smslint.twilio import check, checked_create

TO, FROM = "+14155550132", "+14155550100"


class FakeMessages:
    def __init__(self):
        self.calls = []

    def create(self, **kwargs):
        self.calls.append(kwargs)
        return {"sid": "SM" + "0" * 32, **kwargs}


class FakeClient:
    def __init__(self):
        self.messages = FakeMessages()


def test_no_twilio_import():
    assert "twilio" not in sys.modules  # smslint.twilio imports none of it


def test_passes_through_and_returns_create_result():
    client = FakeClient()
    out = checked_create(client, to=TO, from_=FROM, body="Your code is 123456",
                         media_url=["https://cdn.acmeshop.com/a.png"])
    assert out["sid"].startswith("SM")
    assert client.messages.calls == [{"to": TO, "from_": FROM, "body": "Your code is 123456",
                                      "media_url": ["https://cdn.acmeshop.com/a.png"]}]


def test_raises_before_create_on_error():
    client = FakeClient()
    with pytest.raises(smslint.LintError) as e:
        checked_create(client, to="12", from_=FROM, body="hi")
    assert client.messages.calls == []
    assert not e.value.report.ok
    assert any(d.field == "to" for d in e.value.report.diagnostics)


def test_fail_on_levels():
    client = FakeClient()
    warn = dict(to=TO, from_=FROM, body="It’s here")  # segments/forces-ucs2: a warning
    checked_create(client, **warn)
    with pytest.raises(smslint.LintError):
        checked_create(client, fail_on="warning", **warn)
    checked_create(client, fail_on="never", to="12", from_=FROM, body="hi")
    assert len(client.messages.calls) == 2
    with pytest.raises(ValueError):
        checked_create(client, fail_on="sometimes", **warn)
    assert len(client.messages.calls) == 2


def test_own_linter_and_check():
    strict = smslint.Linter(severity_overrides={"segments/forces-ucs2": "error"})
    client = FakeClient()
    with pytest.raises(smslint.LintError):
        checked_create(client, linter=strict, to=TO, from_=FROM, body="It’s")
    assert client.messages.calls == []
    assert check(to=TO, from_=FROM, body="hi").ok
