"""Where the data is: after `make demo` the commands read data/, the demo wrote data/demo.

The demo keeps its sample harvest apart on purpose (it must never mix with a live harvest), so
the commands do not switch to it silently: when the default data folder holds nothing and the
demo's does, they say how to point at it.
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import click

DEMO_HOME = Path("data/demo")  # `kanaalwijzer demo`'s default --home


def _holds_data(db_path: Path) -> bool:
    if not db_path.is_file():
        return False
    from kanaalwijzer.store import Store
    with Store(db_path) as store:
        return store.holdings().publications > 0 or bool(store.latest_runs())


def demo_hint(command: str) -> str | None:
    """The Dutch hint for `command` when the default store is empty and the demo's is not."""
    if os.environ.get("KANAALWIJZER_HOME") or os.environ.get("KANAALWIJZER_DB"):
        return None  # the user chose a folder: theirs to fill
    from kanaalwijzer.config import load_config
    config = load_config()
    if _holds_data(config.db_path) or not _holds_data(DEMO_HOME / "kanaalwijzer.db"):
        return None
    return (f"Geen gegevens in {config.home}/; de demo staat in {DEMO_HOME}: "
            f"KANAALWIJZER_HOME={DEMO_HOME} {_program()} {command}")


def warn_if_only_demo(command: str) -> None:
    hint = demo_hint(command)
    if hint:
        click.secho(hint, fg="yellow", err=True)


def _program() -> str:
    """How the user started us: `.venv/bin/kanaalwijzer` from the checkout, else `kanaalwijzer`."""
    program = Path(sys.argv[0])
    on_path = shutil.which("kanaalwijzer")
    if program.name != "kanaalwijzer" or (on_path and Path(on_path).resolve() == program.resolve()):
        return "kanaalwijzer"
    try:
        return str(program.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return "kanaalwijzer"
