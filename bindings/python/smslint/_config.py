"""Linter configuration: TOML text, a path or a dict, plus keyword options.

Everything becomes TOML that the library's own loader reads
(smslint::LoadConfigString / LoadConfigFile, docs/config.md), so a Python
configuration is checked exactly as smslint.toml is and a mistake names
the key.
"""

from __future__ import annotations

import datetime
import json
import math
import os
from typing import Any, Mapping

# Keyword option -> its TOML table and key (docs/config.md). fast_numbers
# has no TOML key: it is passed to Options directly.
OPTION_KEYS: dict[str, tuple[str, str]] = {
    "max_segments": ("lint", "max_segments"),
    "max_body_characters": ("lint", "max_body_characters"),
    "suggest_smart_encoding": ("lint", "suggest_smart_encoding"),
    "default_region": ("lint", "default_region"),
    "disabled_rules": ("lint", "disable"),
    "severity_overrides": ("lint", "severity"),
    "brand": ("content", "brand"),
    "owned_domains": ("content", "owned_domains"),
    "extra_shorteners": ("content", "extra_shorteners"),
    "weights": ("content", "weights"),
    "elevated_threshold": ("content", "elevated_threshold"),
    "high_threshold": ("content", "high_threshold"),
    "media_root": ("media", "root"),
    "now": ("lint", "now"),  # ISO 8601 text with a zone, or a datetime
}


class ConfigError(ValueError):
    """A configuration smslint refuses; `key` names the setting."""

    def __init__(self, message: str, *, key: str = "", file: str = "",
                 line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.key = key
        self.file = file
        self.line = line
        self.column = column


def _key(k: str) -> str:
    bare = k and all(c.isascii() and (c.isalnum() or c in "-_") for c in k)
    return k if bare else _value(k, k)


def _value(v: Any, where: str) -> str:
    if isinstance(v, datetime.datetime):
        # As twilio-python writes send_at: a naive datetime is taken as UTC.
        if v.tzinfo is not None:
            v = v.astimezone(datetime.timezone.utc)
        return json.dumps(v.strftime("%Y-%m-%dT%H:%M:%SZ"))
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)  # a valid TOML basic string
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        return repr(v)
    if isinstance(v, Mapping):
        return "{" + ", ".join(f"{_key(str(k))} = {_value(x, f'{where}.{k}')}"
                               for k, x in v.items()) + "}"
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_value(x, where) for x in v) + "]"
    raise ConfigError(f"{where}: a value of type {type(v).__name__} has no TOML form",
                      key=where)


def dict_to_toml(config: Mapping[str, Any]) -> str:
    """A dict in the layout of smslint.toml ({"lint": {...}, ...}) as TOML."""
    lines = []
    tables = []
    for k, v in config.items():
        if isinstance(v, Mapping):
            tables.append((k, v))
        else:
            lines.append(f"{_key(str(k))} = {_value(v, str(k))}")
    for name, table in tables:
        lines.append(f"[{_key(str(name))}]")
        for k, v in table.items():
            lines.append(f"{_key(str(k))} = {_value(v, f'{name}.{k}')}")
    return "\n".join(lines) + "\n"


def options_to_toml(options: Mapping[str, Any]) -> str:
    """Keyword options as TOML; ConfigError for an unknown one."""
    tables: dict[str, dict[str, Any]] = {}
    for name, value in options.items():
        if name not in OPTION_KEYS:
            known = ", ".join(sorted([*OPTION_KEYS, "fast_numbers"]))
            raise ConfigError(f"{name}: unknown option (known: {known})", key=name)
        if name == "severity_overrides" and not isinstance(value, Mapping):
            value = dict(value)  # [(rule, severity), ...] as in Options
        if name == "weights" and not isinstance(value, Mapping):
            value = dict(value)
        table, key = OPTION_KEYS[name]
        tables.setdefault(table, {})[key] = value
    return dict_to_toml(tables)


def option_of(toml_key: str) -> str:
    """The keyword option a TOML key ("lint.max_segments") came from."""
    for name, (table, key) in OPTION_KEYS.items():
        full = f"{table}.{key}"
        if toml_key == full or toml_key.startswith(full + "."):
            return name
    return toml_key


def resolve(config: Any, options: Mapping[str, Any]) -> dict[str, Any]:
    """The arguments of _smslint._make_linter for Linter(config, **options)."""
    text = path = None
    if config is None:
        pass
    elif isinstance(config, os.PathLike):
        path = os.fspath(config)
    elif isinstance(config, Mapping):
        text = dict_to_toml(config)
    elif isinstance(config, str):
        # A path when it names a file; otherwise TOML text.
        if "\n" not in config and "=" not in config and os.path.isfile(config):
            path = config
        else:
            text = config
    else:
        raise TypeError("config must be TOML text, a path or a dict, not "
                        f"{type(config).__name__}")
    options = dict(options)
    fast_numbers = options.pop("fast_numbers", None)
    if fast_numbers is not None and not isinstance(fast_numbers, bool):
        raise ConfigError("fast_numbers: expected True or False", key="fast_numbers")
    overrides = options_to_toml(options) if options else None
    return {"config_text": text, "config_path": path, "overrides": overrides,
            "fast_numbers": fast_numbers}


def error_from(info: Mapping[str, Any]) -> ConfigError:
    """The ConfigError of _make_linter's error dict."""
    source, key, message = info["source"], info["key"], info["message"]
    if source == "options":
        name = option_of(key) if key else ""
        text = f"{name}: {message}" if name else f"options: {message}"
        return ConfigError(text, key=name or key)
    if source == "linter":
        # Linter::error() names the Options field ("media_root must be ...");
        # error_arg() is the offending value.
        import re
        named = [n for n in OPTION_KEYS if re.search(rf"\b{n}\b", message)]
        return ConfigError(f"{message}: {key}" if key else message,
                           key=named[0] if named else "")
    where = info["file"]
    if info["line"]:
        where += f":{info['line']}:{info['column']}"
    text = f"{where}: {key}: {message}" if key else f"{where}: {message}"
    return ConfigError(text, key=key, file=info["file"], line=info["line"],
                       column=info["column"])
