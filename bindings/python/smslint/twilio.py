"""A send-path guard for twilio-python; imports nothing of twilio.

    from twilio.rest import Client
    from smslint.twilio import checked_create
    message = checked_create(client, to="+14155550132", from_="+14155550100",
                             body="Your code is 123456")
"""

from __future__ import annotations

from typing import Any, Optional

from . import LintError, Linter, Report

_FAIL_ON = {"error": ("error",), "warning": ("error", "warning"), "never": ()}
_default_linter: Optional[Linter] = None


def check(linter: Optional[Linter] = None, fail_on: str = "error",
          **kwargs: Any) -> Report:
    """Lints the keyword arguments of ``client.messages.create``; raises
    LintError when a finding reaches `fail_on` ("error", "warning" or
    "never"), else returns the report."""
    global _default_linter
    if fail_on not in _FAIL_ON:
        raise ValueError(f"fail_on={fail_on!r}: expected 'error', 'warning' or 'never'")
    if linter is None:
        if _default_linter is None:
            _default_linter = Linter()
        linter = _default_linter
    report = linter.lint(**kwargs)
    if report.max_severity in _FAIL_ON[fail_on]:
        raise LintError(report, fail_on)
    return report


def checked_create(client: Any, linter: Optional[Linter] = None,
                   fail_on: str = "error", **kwargs: Any) -> Any:
    """``client.messages.create(**kwargs)``, after smslint let it through:
    raises LintError (with ``.report``) before any network call when a
    finding reaches `fail_on`."""
    check(linter, fail_on, **kwargs)
    return client.messages.create(**kwargs)
