"""The report of one message (docs/report.schema.json) as Python objects.

A Report keeps the C++ report and builds these objects from its JSON when
they are first asked for, so that lint() stays cheap for callers that read
only ``.ok``; ``to_dict()`` is the JSON report itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Optional


@dataclass(frozen=True)
class Span:
    byte_begin: int
    byte_end: int
    utf16_begin: int
    utf16_end: int

    @classmethod
    def of(cls, d: Optional[dict]) -> Optional["Span"]:
        return None if d is None else cls(**d)


@dataclass(frozen=True)
class Edit:
    span: Span
    replacement: str


@dataclass(frozen=True)
class Fix:
    description: str
    applicability: str
    edits: list[Edit]
    edits_omitted: int = 0

    @classmethod
    def of(cls, d: Optional[dict]) -> Optional["Fix"]:
        if d is None:
            return None
        return cls(d["description"], d["applicability"],
                   [Edit(Span(**e["span"]), e["replacement"]) for e in d["edits"]],
                   d.get("edits_omitted", 0))


@dataclass(frozen=True)
class Diagnostic:
    rule_id: str
    severity: str
    field: str
    span: Optional[Span]
    message: str
    twilio_code: Optional[int]
    weight: float
    args: dict[str, str]
    fix: Optional[Fix]

    @classmethod
    def of(cls, d: dict) -> "Diagnostic":
        return cls(d["rule_id"], d["severity"], d["field"], Span.of(d["span"]),
                   d["message"], d["twilio_code"], d["weight"], dict(d["args"]),
                   Fix.of(d.get("fix")))


@dataclass(frozen=True)
class RiskContribution:
    rule_id: str
    weight: float


@dataclass(frozen=True)
class Risk:
    score: float
    band: str
    elevated_threshold: float
    high_threshold: float
    contributions: list[RiskContribution]

    @classmethod
    def of(cls, d: dict) -> "Risk":
        return cls(d["score"], d["band"], d["elevated_threshold"], d["high_threshold"],
                   [RiskContribution(**c) for c in d["contributions"]])


@dataclass(frozen=True)
class SegmentSpan:
    span: Span
    fill: int
    capacity: int


@dataclass(frozen=True)
class NonGsmCharacter:
    text: str
    span: Span


@dataclass(frozen=True)
class Segments:
    """The body's segment analysis (docs/segments.md); ``count`` is
    ``segment_count``."""
    encoding: str
    segment_count: int
    units: int
    message_bits: int
    total_bits: int
    characters: int
    code_points: int
    utf16_units: int
    bytes: int
    line_break_style: Optional[str]
    segments: list[SegmentSpan]
    non_gsm: list[NonGsmCharacter]
    smart_encoded: bool
    smart_text: Optional[str]
    invalid_utf8_offset: Optional[int]
    segments_omitted: int = 0
    non_gsm_omitted: int = 0
    error: Optional[str] = None

    @property
    def count(self) -> int:
        return self.segment_count

    @classmethod
    def of(cls, d: dict) -> "Segments":
        d = dict(d)
        d.pop("format_version", None)
        d["segments"] = [SegmentSpan(Span(**s["span"]), s["fill"], s["capacity"])
                         for s in d["segments"]]
        d["non_gsm"] = [NonGsmCharacter(c["text"], Span(**c["span"])) for c in d["non_gsm"]]
        return cls(**d)


@dataclass(frozen=True)
class NumberInfo:
    input: str
    kind: str
    e164: Optional[str]
    region: Optional[str]
    country_code: Optional[int]
    type: str
    possible: bool
    valid: bool
    reason: Optional[str]

    @classmethod
    def of(cls, d: Optional[dict]) -> Optional["NumberInfo"]:
        return None if d is None else cls(**d)


class Report:
    """What smslint found in one message. ``ok``: no error-level finding."""

    __slots__ = ("_core", "_data")

    def __init__(self, core: Any) -> None:
        self._core = core
        self._data: Optional[dict] = None

    def _dict(self) -> dict:
        if self._data is None:
            self._data = json.loads(self._core.to_json())
        return self._data

    @property
    def ok(self) -> bool:
        return self._core.ok

    @property
    def id(self) -> str:
        return self._core.id

    @property
    def max_severity(self) -> Optional[str]:
        return self._core.max_severity

    @property
    def errors(self) -> int:
        return self._core.errors

    @property
    def warnings(self) -> int:
        return self._core.warnings

    @property
    def infos(self) -> int:
        return self._core.infos

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [Diagnostic.of(d) for d in self._dict()["diagnostics"]]

    @property
    def rule_ids(self) -> list[str]:
        return [d["rule_id"] for d in self._dict()["diagnostics"]]

    @property
    def risk(self) -> Risk:
        return Risk.of(self._dict()["risk"])

    @property
    def segments(self) -> Segments:
        return Segments.of(self._dict()["segments"])

    @property
    def to_number(self) -> Optional[NumberInfo]:
        return NumberInfo.of(self._dict()["to_number"])

    @property
    def from_number(self) -> Optional[NumberInfo]:
        return NumberInfo.of(self._dict()["from_number"])

    def to_dict(self) -> dict:
        """The JSON report (docs/report.schema.json) as a new dict."""
        return json.loads(self._core.to_json())

    def to_json(self) -> str:
        """The JSON report on one line, as smslint check writes it."""
        return self._core.to_json()

    def __repr__(self) -> str:
        return (f"<smslint.Report id={self.id!r} ok={self.ok} errors={self.errors} "
                f"warnings={self.warnings} infos={self.infos}>")
