"""The web port is checked before anything runs: a taken port fails `demo`, `run` and `serve` at
once with a Dutch message and exit code 4 (before: the whole pipeline ran, then werkzeug's English
'Address already in use' and exit code 0)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from kanaalwijzer.chain import PortUnavailable, check_port


@pytest.fixture
def taken_port():
    """A port a real socket listens on, as another program would."""
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        yield other.getsockname()[1]


def _kanaalwijzer(*args, home):
    env = {**os.environ, "KANAALWIJZER_HOME": str(home)}
    env.pop("KANAALWIJZER_PORT", None)
    return subprocess.run([sys.executable, "-m", "kanaalwijzer.cli", *args], env=env, capture_output=True,
                          text=True, timeout=60)


@pytest.mark.parametrize("command", ["demo", "run", "serve"])
def test_a_taken_port_stops_the_command_before_any_stage_with_a_dutch_message(command, taken_port, tmp_path):
    result = _kanaalwijzer(command, "--port", str(taken_port), home=tmp_path / "home")
    assert result.returncode == 4, result.stderr
    assert f"Poort {taken_port} op 127.0.0.1 is al in gebruik" in result.stderr
    assert f"--port {taken_port + 1}" in result.stderr
    if command != "serve":
        assert f"make {command} PORT={taken_port + 1}" in result.stderr
    assert "== harvest" not in result.stderr and "Address already in use" not in result.stderr
    assert "Replay-server" not in result.stderr and "Demo-postbus" not in result.stderr, "the port is checked first"
    assert not (tmp_path / "home").exists(), "no stage may run (nor create the store) on a taken port"


def test_the_port_also_comes_from_kanaalwijzer_port(taken_port, tmp_path):
    env = {**os.environ, "KANAALWIJZER_HOME": str(tmp_path), "KANAALWIJZER_PORT": str(taken_port)}
    result = subprocess.run([sys.executable, "-m", "kanaalwijzer.cli", "serve"], env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 4 and f"Poort {taken_port}" in result.stderr


def test_a_free_port_passes_and_a_taken_one_does_not(taken_port):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free = probe.getsockname()[1]
    check_port("127.0.0.1", free)
    with pytest.raises(PortUnavailable, match="al in gebruik"):
        check_port("127.0.0.1", taken_port)


def test_an_unknown_host_is_said_in_dutch():
    with pytest.raises(PortUnavailable, match="onbekend"):
        check_port("geen-host.invalid", 5000)
