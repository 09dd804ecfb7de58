"""Deployment: docker-compose.yml and Dockerfile (no Docker engine here: parsed and checked),
and `kanaalwijzer serve --production` really serving under gunicorn on the loopback."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
import yaml

from kanaalwijzer.cli import main as cli
from tests.support import ROOT


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


def test_compose_has_es_app_and_scheduler(compose):
    assert {"elasticsearch", "app", "scheduler"} <= set(compose["services"])


def test_elasticsearch_is_single_node_secured_and_not_published(compose):
    es = compose["services"]["elasticsearch"]
    env = es["environment"]
    assert env["discovery.type"] == "single-node"
    assert env["xpack.security.enabled"] == "true"
    assert env["ELASTIC_PASSWORD"].startswith("${ELASTIC_PASSWORD:?")  # required, never a default
    assert "ports" not in es
    app_env = compose["services"]["app"]["environment"]
    assert "elastic:" not in app_env["KANAALWIJZER_ES_URL"]  # the app uses its own limited user


def test_app_runs_under_gunicorn_configured_by_environment(compose):
    app = compose["services"]["app"]
    assert app["command"][:3] == ["kanaalwijzer", "serve", "--production"]
    env = app["environment"]
    assert env["KANAALWIJZER_SEARCH_BACKEND"] == "elasticsearch"
    for value in env.values():
        # every setting comes from the environment (with a default) or is a fixed internal path/name
        assert re.search(r"\$\{\w+", str(value)) or value in ("/data", "elasticsearch")


def test_scheduler_runs_existing_commands(compose):
    script = compose["services"]["scheduler"]["command"][0]
    used = re.findall(r"kanaalwijzer -v (\w+)((?: --[\w-]+)*)", script)
    assert [name for name, _ in used] == ["harvest", "extract", "index", "digest"]
    for name, flags in used:
        command = cli.get_command(None, name)
        assert command is not None, name
        options = {opt for param in command.params for opt in param.opts}
        for flag in flags.split():
            assert flag in options, f"kanaalwijzer {name} has no {flag}"


def test_dockerfile_copies_existing_paths_and_serves_production():
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("COPY "):
            for path in line.split()[1:-1]:
                assert (ROOT / path).exists(), path
    assert '"serve", "--production"' in text and "USER kanaalwijzer" in text


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_serve_production_starts_gunicorn_and_answers(tmp_path):
    port = _free_port()
    env = {**os.environ, "KANAALWIJZER_HOME": str(tmp_path), "KANAALWIJZER_WORKERS": "1"}
    process = subprocess.Popen([sys.executable, "-m", "kanaalwijzer.cli", "serve", "--production", "--port", str(port)],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/openapi.json", timeout=2) as response:
                    assert response.status == 200
                    assert response.headers["Content-Security-Policy"]
                    break
            except OSError:
                assert process.poll() is None, process.stdout.read().decode()
                assert time.monotonic() < deadline, "gunicorn did not answer within 30 s"
                time.sleep(0.2)
    finally:
        process.terminate()
        output = process.communicate(timeout=20)[0].decode()
    assert "gunicorn" in output.casefold() or "Booting worker" in output
