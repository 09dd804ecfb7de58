"""The whole chain (harvest -> extract -> index -> serve) for `kanaalwijzer run` and `demo`.

Each stage runs as its own `kanaalwijzer` sub-process: Scrapy's reactor cannot be restarted within
one process, and a stage that fails then stops the chain with its own message and exit code.
The web port is checked before the first stage: a taken port must not cost a whole harvest.
"""
from __future__ import annotations

import errno
import os
import socket
import subprocess
import sys
from collections.abc import Mapping, Sequence

import click

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 5000


class StageFailed(click.ClickException):
    def __init__(self, stage: str, code: int):
        super().__init__(f"stap '{stage}' stopte met code {code}; de keten is afgebroken")
        self.exit_code = code


class PortUnavailable(click.ClickException):
    exit_code = 4


def check_port(host: str, port: int, command: str = "serve") -> None:
    """Raise PortUnavailable (in Dutch, saying how to choose another port) when the app could not
    listen on host:port. Binds as werkzeug and gunicorn do (SO_REUSEADDR), so a port that only
    lingers in TIME_WAIT after an earlier run counts as free."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as error:
        raise PortUnavailable(f"Adres '{host}' is onbekend ({error.strerror}).") from None
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as error:
            other = port + 1 if port < 65535 else 5001
            advice = (f"Kies een andere poort: `make {command} PORT={other}` (of `kanaalwijzer {command} --port {other}`)."
                      if command in ("demo", "run") else f"Kies een andere poort: `kanaalwijzer {command} --port {other}`.")
            if error.errno == errno.EADDRINUSE:
                raise PortUnavailable(
                    f"Poort {port} op {host} is al in gebruik (draait er nog een demo, of een ander programma?). "
                    + advice) from None
            raise PortUnavailable(f"Op {host}:{port} kan de app niet luisteren ({error.strerror}). "
                                  + advice) from None


def kanaalwijzer(*args: str, env: Mapping[str, str] | None = None) -> int:
    """Run one `kanaalwijzer` command in a child process; returns its exit code."""
    command = [sys.executable, "-m", "kanaalwijzer.cli", *args]
    return subprocess.call(command, env={**os.environ, **(env or {})})


def run_chain(harvest_args: Sequence[str], env: Mapping[str, str] | None = None, *, serve: bool = True,
              host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, command: str = "run", note: str | None = None) -> None:
    """The stages in order; `note` is said after the last one (before the app starts)."""
    if serve:
        check_port(host, port, command)
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
    if note:
        click.echo(note, err=True)
    if serve:
        click.secho(f"== serve: kanaalwijzer serve --host {host} --port {port}", fg="cyan", err=True)
        code = _serve(host, port, env)
        if code != 0:
            raise StageFailed("serve", code)


def _serve(host: str, port: int, env: Mapping[str, str] | None) -> int:
    """The app until Ctrl-C. The terminal sends SIGINT to the child too: let it stop by itself
    (a stop asked for is a clean end, exit code 0; it says so), instead of killing it mid-request."""
    child = subprocess.Popen([sys.executable, "-m", "kanaalwijzer.cli", "serve", "--host", host, "--port", str(port)],
                             env={**os.environ, **(env or {})})
    try:
        return child.wait()
    except KeyboardInterrupt:
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        return 0
