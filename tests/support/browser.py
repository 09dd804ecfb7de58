"""Where the browser test finds Chromium and axe-core, and what it does when one is missing:
skip saying why on a developer's machine, fail under CI=true, so CI never goes green without its
browser coverage (scripts/ensure-browser-deps.sh installs both and fails the same way)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support import ROOT

CHROMIUM = Path(os.environ.get("KANAALWIJZER_CHROMIUM", "/usr/bin/chromium"))  # Debian's, never a download
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
UNDER_CI = os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def missing(what: str) -> None:
    """Stop this test because `what` is missing: a skip here, a failure under CI=true."""
    if UNDER_CI:
        pytest.fail(f"{what}; CI=true, dus dit is een fout en geen skip", pytrace=False)
    pytest.skip(what)


def require_chromium() -> Path:
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        missing(f"{CHROMIUM} ontbreekt: apt-get install -y chromium (make browser-deps)")
    return CHROMIUM


def require_axe() -> Path:
    if not AXE.is_file():
        missing(f"axe-core ontbreekt ({AXE}): npm install axe-core (make browser-deps)")
    return AXE
