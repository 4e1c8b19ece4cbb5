import datetime
import os
from typing import Any, Iterable, Mapping, Optional, Union

from ._report import (Diagnostic as Diagnostic, Edit as Edit, Fix as Fix,
                      NonGsmCharacter as NonGsmCharacter, NumberInfo as NumberInfo,
                      Report as Report, Risk as Risk, RiskContribution as RiskContribution,
                      Segments as Segments, SegmentSpan as SegmentSpan, Span as Span)

__version__: str

Message = Union[Mapping[str, Any], str, bytes]
Config = Union[None, str, os.PathLike[str], Mapping[str, Any]]

class ConfigError(ValueError):
    key: str
    file: str
    line: int
    column: int

class LintError(Exception):
    report: Report
    def __init__(self, report: Report, fail_on: str = ...) -> None: ...

class Linter:
    def __init__(self, config: Config = ..., *,
                 default_region: str = ..., max_segments: int = ...,
                 max_body_characters: int = ..., suggest_smart_encoding: bool = ...,
                 disabled_rules: Iterable[str] = ...,
                 severity_overrides: Union[Mapping[str, str], Iterable[tuple[str, str]]] = ...,
                 brand: str = ..., owned_domains: Iterable[str] = ...,
                 extra_shorteners: Iterable[str] = ...,
                 weights: Union[Mapping[str, float], Iterable[tuple[str, float]]] = ...,
                 elevated_threshold: float = ..., high_threshold: float = ...,
                 media_root: str = ..., now: str | datetime.datetime = ...,
                 fast_numbers: bool = ...) -> None: ...
    def lint(self, message: Optional[Message] = ..., /, **fields: Any) -> Report: ...
    def lint_many(self, messages: Iterable[Message], *,
                  threads: Optional[int] = ...) -> list[Report]: ...
    def segment_count(self, body: str) -> int: ...
    def rule_enabled(self, rule_id: str) -> bool: ...

def segments(body: str, smart_encoding: bool = ...) -> Segments: ...
def rules() -> list[dict[str, Any]]: ...
