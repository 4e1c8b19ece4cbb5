"""smslint: lint SMS/MMS messages before they are sent, offline.

    import smslint
    linter = smslint.Linter(default_region="US", max_segments=4)
    report = linter.lint(to="+14155550132", from_="+14155550100", body="hi")
    report.ok, report.diagnostics, report.segments.count, report.to_dict()

The engine is the C++ library (smslint._smslint); messages are decoded by
its decoder, so smslint's field names and twilio-python's keywords
(``from_``, ``media_url``, ``send_at`` ...) both work.
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Mapping, Optional, Union

from . import _smslint
from ._config import ConfigError, error_from, resolve
from ._message import twilio_value
from ._report import (Diagnostic, Edit, Fix, NonGsmCharacter, NumberInfo, Report,
                      Risk, RiskContribution, Segments, SegmentSpan, Span)

__version__: str = _smslint.__version__

__all__ = [
    "ConfigError", "Diagnostic", "Edit", "Fix", "LintError", "Linter",
    "NonGsmCharacter", "NumberInfo", "Report", "Risk", "RiskContribution",
    "SegmentSpan", "Segments", "Span", "__version__", "rules", "segments",
]

Message = Union[Mapping[str, Any], str, bytes]


class LintError(Exception):
    """A message smslint will not let through; ``report`` says why."""

    def __init__(self, report: Report, fail_on: str = "error") -> None:
        first = next((d for d in report.diagnostics
                      if d.severity == "error" or
                      (fail_on == "warning" and d.severity == "warning")), None)
        why = f"{first.rule_id}: {first.message}" if first else "findings"
        super().__init__(f"smslint: {report.errors} error(s), {report.warnings} "
                         f"warning(s); {why}")
        self.report = report


class Linter:
    """An immutable, thread-safe linter.

    ``config``: TOML text (docs/config.md), a path to such a file, or a dict
    in the same layout (``{"lint": {"max_segments": 4}}``). ``options``
    mirror smslint::Options and win over ``config``: default_region,
    max_segments, max_body_characters, suggest_smart_encoding,
    disabled_rules, severity_overrides, brand, owned_domains,
    extra_shorteners, weights, elevated_threshold, high_threshold,
    media_root, now (pins "now" for the scheduling rules: ISO 8601 text
    with a zone, or a datetime), fast_numbers. A bad setting raises
    ConfigError naming it.
    """

    __slots__ = ("_core",)

    def __init__(self, config: Any = None, **options: Any) -> None:
        core, error = _smslint._make_linter(**resolve(config, options))
        if error is not None:
            raise error_from(error)
        self._core = core

    def lint(self, message: Optional[Message] = None, /, **fields: Any) -> Report:
        """The report of one message: a dict and/or keyword fields, in
        smslint's names or twilio-python's ``messages.create`` keywords, or
        a JSON object as text. Problems with the message are findings in
        the report (input/...), never exceptions."""
        if fields:
            if message is not None:
                if not isinstance(message, Mapping):
                    raise TypeError("give fields as keywords or in a dict, not both "
                                    "with a JSON string")
                fields = {**message, **fields}
            message = fields
        elif message is None:
            message = {}
        return Report(self._core.lint(message, twilio_value))

    def lint_many(self, messages: Iterable[Message], *,
                  threads: Optional[int] = None) -> list[Report]:
        """The reports of many messages, in order, linted on `threads`
        threads (default: one per CPU) without the GIL, while the calling
        thread prepares messages and collects reports; threads=1 does all
        on the calling thread."""
        return self._core.lint_many(messages, twilio_value, Report, threads or 0)

    def segment_count(self, body: str) -> int:
        """How many segments `body` takes (cheap: no report)."""
        return self._core.segment_count(body)

    def rule_enabled(self, rule_id: str) -> bool:
        return self._core.rule_enabled(rule_id)


def segments(body: str, smart_encoding: bool = False) -> Segments:
    """The segment analysis of a body, as Twilio's calculator counts
    (docs/segments.md); ``smart_encoding`` applies Twilio's Smart Encoding."""
    return Segments.of(json.loads(_smslint._segments_json(body, smart_encoding)))


def rules() -> list[dict[str, Any]]:
    """Every rule, as ``smslint rules --format json`` lists them (and each
    rule's message template)."""
    return _smslint._rules()
