"""Loading of the pattern data files in nlp/patterns/ (JSON / JSON lines)."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

PATTERNS_DIR = Path(__file__).parent / "patterns"


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
