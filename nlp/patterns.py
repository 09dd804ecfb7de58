"""Loading of the pattern data files in nlp/patterns/ (JSON / JSON lines).

The codes a pattern file gives (channel kinds, login methods) are checked against the domain
vocabulary when the file is loaded: a kind the rest of the system does not know is an error
naming the file and line, not a channel that later shows up under its bare code.
"""
from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from pathlib import Path

from kanaalwijzer.vocabulary import AUTH_METHODS, CHANNEL_KINDS

PATTERNS_DIR = Path(__file__).parent / "patterns"


class PatternError(ValueError):
    """A pattern file that does not fit the vocabulary or does not parse."""


def _path(name: str, directory: str = "") -> Path:
    return Path(directory or PATTERNS_DIR) / name


@lru_cache(maxsize=None)
def load_json(name: str, directory: str = "") -> dict:
    return json.loads(_path(name, directory).read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def load_jsonl(name: str, directory: str = "") -> tuple[dict, ...]:
    lines = _path(name, directory).read_text(encoding="utf-8").splitlines()
    return tuple(json.loads(line) for line in lines if line.strip() and not line.startswith("//"))


def rx(pattern: str | list[str]) -> re.Pattern:
    """One case-insensitive regex from a pattern or a list of alternatives."""
    if isinstance(pattern, list):
        pattern = "|".join(f"(?:{p})" for p in pattern)
    return re.compile(pattern, re.IGNORECASE)


@cache
def channel_patterns(name: str = "channels.jsonl", directory: str = "") -> tuple[dict, ...]:
    """The channel patterns ({"kind", "pattern"} per line), each with a kind of the vocabulary."""
    path = _path(name, directory)
    patterns = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("//"):
            continue
        where = f"{path}, regel {number}"
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as exc:
            raise PatternError(f"{where}: geen geldige JSON ({exc.msg})") from None
        if not isinstance(entry, dict) or entry.get("kind") not in CHANNEL_KINDS:
            kind = entry.get("kind") if isinstance(entry, dict) else entry
            raise PatternError(f"{where}: onbekende kanaalsoort {kind!r}; de woordenlijst kent "
                               f"{', '.join(CHANNEL_KINDS)}")
        if not isinstance(entry.get("pattern"), str) or not entry["pattern"]:
            raise PatternError(f"{where}: kanaalsoort {entry['kind']!r} zonder patroon")
        try:
            re.compile(entry["pattern"])
        except re.error as exc:
            raise PatternError(f"{where}: patroon voor {entry['kind']!r} is geen geldige reguliere expressie "
                               f"({exc})") from None
        patterns.append(entry)
    return tuple(patterns)


@cache
def channel_cues(name: str = "cues.json", directory: str = "") -> dict:
    """The cue file, whose login methods ("auth") are those of the vocabulary."""
    cues = load_json(name, directory)
    unknown = sorted(set(cues.get("auth") or {}) - set(AUTH_METHODS))
    if unknown:
        raise PatternError(f"{_path(name, directory)}: onbekende inlogmethode {', '.join(map(repr, unknown))}; "
                           f"de woordenlijst kent {', '.join(AUTH_METHODS)}")
    return cues
