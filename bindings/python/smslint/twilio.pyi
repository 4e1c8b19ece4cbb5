from typing import Any, Literal, Optional

from . import Linter, Report

FailOn = Literal["error", "warning", "never"]

def check(linter: Optional[Linter] = ..., fail_on: FailOn = ..., **kwargs: Any) -> Report: ...
def checked_create(client: Any, linter: Optional[Linter] = ..., fail_on: FailOn = ...,
                   **kwargs: Any) -> Any: ...
