"""Values of a message that JSON has no type for, sent as twilio-python
sends them (twilio/serialize.py), so that ``linter.lint(**kwargs)`` sees the
request ``client.messages.create(**kwargs)`` would make."""

from __future__ import annotations

import datetime
import os
from typing import Any


def twilio_value(field: str, value: Any) -> Any:
    """The JSON-able form of `value`; `value` itself when there is none
    (the extension then raises TypeError naming `field`)."""
    # serialize.iso8601_datetime: a date or datetime is written with this
    # format as it is, its time zone ignored, as twilio-python does.
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, os.PathLike):  # a media path
        return os.fspath(value)
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    try:  # numpy scalars and the like (a pandas row's values)
        item = value.item  # type: ignore[attr-defined]
    except AttributeError:
        return value
    return item()
