"""The whole chain (harvest -> extract -> index -> serve) for `kanaalwijzer run` and `demo`.

Each stage runs as its own `kanaalwijzer` sub-process: Scrapy's reactor cannot be restarted within
one process, and a stage that fails then stops the chain with its own message and exit code.
"""
from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping, Sequence

import click


class StageFailed(click.ClickException):
    def __init__(self, stage: str, code: int):
        super().__init__(f"stap '{stage}' stopte met code {code}; de keten is afgebroken")
        self.exit_code = code


def kanaalwijzer(*args: str, env: Mapping[str, str] | None = None) -> int:
    """Run one `kanaalwijzer` command in a child process; returns its exit code."""
    command = [sys.executable, "-m", "kanaalwijzer.cli", *args]
    return subprocess.call(command, env={**os.environ, **(env or {})})


def run_chain(harvest_args: Sequence[str], env: Mapping[str, str] | None = None, *, serve: bool = True,
              host: str = "127.0.0.1", port: int = 5000) -> None:
    stages = [
        ("harvest", ["harvest", *harvest_args]),
        ("extract", ["extract", "--pending"]),
        ("index", ["index", "--rebuild"]),
        ("status", ["status"]),
    ]
    for name, args in stages:
        click.secho(f"== {name}: kanaalwijzer {' '.join(args)}", fg="cyan", err=True)
        code = kanaalwijzer(*args, env=env)
        if code != 0:
            raise StageFailed(name, code)
    if serve:
        click.secho(f"== serve: http://{host}:{port}/ (stoppen met Ctrl-C)", fg="cyan", err=True)
        kanaalwijzer("serve", "--host", host, "--port", str(port), env=env)
