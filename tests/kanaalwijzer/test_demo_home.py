"""After `make demo` the commands read data/ while the demo wrote data/demo: they say how to point
at it (KANAALWIJZER_HOME=data/demo ...) instead of a bare 'nog niet geoogst'."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kanaalwijzer.store import Store


def _harvested(folder: Path) -> None:
    """A store with one finished harvest run, as `kanaalwijzer harvest` leaves it."""
    folder.mkdir(parents=True, exist_ok=True)
    with Store(folder / "kanaalwijzer.db") as store:
        run = store.start_run("cvdr", "targeted", "2025-01-01", "2025-01-31")
        store.finish_run(run, "done")


def _kanaalwijzer(cwd: Path, *args: str, **env: str):
    environment = {k: v for k, v in os.environ.items() if k not in ("KANAALWIJZER_HOME", "KANAALWIJZER_DB")}
    return subprocess.run([sys.executable, "-m", "kanaalwijzer.cli", *args], cwd=cwd, env={**environment, **env},
                          capture_output=True, text=True, timeout=120)


HINT = "Geen gegevens in data/; de demo staat in data/demo: KANAALWIJZER_HOME=data/demo kanaalwijzer"


@pytest.fixture
def checkout(tmp_path) -> Path:
    """A working directory where only the demo has run."""
    _harvested(tmp_path / "data" / "demo")
    return tmp_path


def test_status_after_the_demo_says_where_the_demo_is_and_how_to_read_it(checkout):
    result = _kanaalwijzer(checkout, "status")
    assert result.returncode == 0, result.stderr
    assert f"{HINT} status" in result.stdout
    pointed = _kanaalwijzer(checkout, "status", KANAALWIJZER_HOME="data/demo")
    assert "lokale regelgeving (CVDR) [cvdr]" in pointed.stdout and "Geen gegevens" not in pointed.stdout


@pytest.mark.parametrize("args", [("index",), ("digest", "--week", "2026-W10")])
def test_other_commands_on_an_empty_data_folder_point_at_the_demo(checkout, args):
    result = _kanaalwijzer(checkout, *args)
    assert result.returncode == 0, result.stderr
    assert f"{HINT} {args[0]}" in result.stderr


def test_no_hint_when_data_holds_a_harvest_or_a_folder_was_chosen(checkout):
    _harvested(checkout / "data")
    assert "Geen gegevens" not in _kanaalwijzer(checkout, "status").stdout
    chosen = _kanaalwijzer(checkout, "status", KANAALWIJZER_HOME=str(checkout / "elders"))
    assert "Geen gegevens" not in chosen.stdout and "nog niet geoogst" in chosen.stdout


def test_no_hint_without_a_demo(tmp_path):
    result = _kanaalwijzer(tmp_path, "status")
    assert "nog niet geoogst" in result.stdout and "data/demo" not in result.stdout
