"""The two set-up paths: `make run` (live; must fail fast and point at the demo when offline)
and `make demo` (everything offline through the real stages), plus the README's promise."""
from __future__ import annotations

import os
import re
import socket
import sqlite3
import subprocess
import sys

from tests.support import ROOT


def _kanaalwijzer(*args, env, timeout):
    return subprocess.run([sys.executable, "-m", "kanaalwijzer.cli", *args], env={**os.environ, **env},
                          capture_output=True, text=True, timeout=timeout)


def test_run_stops_at_the_harvest_naming_the_demo_when_the_services_cannot_be_reached(tmp_path):
    # The 30-second bound against a silent server is tested on `harvest` itself (test_harvest_cli);
    # here: `run` passes that failure on and starts no later stage.
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    url = f"http://127.0.0.1:{closed.getsockname()[1]}/sru"
    closed.close()  # nothing listens there now
    env = {"KANAALWIJZER_HOME": str(tmp_path), "KANAALWIJZER_OP_SRU_URL": url, "KANAALWIJZER_CVDR_SRU_URL": url}
    result = _kanaalwijzer("run", "--no-serve", env=env, timeout=60)
    assert result.returncode == 3
    assert "make demo" in result.stderr
    assert "extract --pending" not in result.stderr
    assert not (tmp_path / "index").exists(), "later stages must not run after a failed harvest"


def test_demo_runs_every_stage_offline_and_a_rerun_adds_nothing(tmp_path):
    home = tmp_path / "demo"
    first = _kanaalwijzer("demo", "--home", str(home), "--no-serve", env={}, timeout=300)
    assert first.returncode == 0, first.stderr[-3000:]
    db = sqlite3.connect(home / "kanaalwijzer.db")
    publications = db.execute("SELECT COUNT(*) FROM publications").fetchone()[0]
    versions = db.execute("SELECT COUNT(*) FROM versions").fetchone()[0]
    extracted = db.execute("SELECT COUNT(*) FROM extractions").fetchone()[0]
    designations = db.execute(
        "SELECT COUNT(*) FROM extractions WHERE classification = 'wmebv_designation'").fetchone()[0]
    assert publications >= 20 and versions == publications and extracted == versions
    assert designations >= 5
    assert (home / "index").is_dir()
    assert "geïndexeerd" in first.stdout + first.stderr
    harvest_output = first.stderr.split("== harvest", 1)[1].split("Samenvatting:", 1)[0]
    assert re.search(r"^Officiële publicaties: vensters \d+/\d+ · \d+ records \(\d+\.\d/s\)", harvest_output, re.M), \
        "live progress between '== harvest' and its summary"
    assert f"KANAALWIJZER_HOME={home} .venv/bin/kanaalwijzer status" in first.stderr, "where the demo's data is"

    second = _kanaalwijzer("demo", "--home", str(home), "--no-serve", env={}, timeout=300)
    assert second.returncode == 0, second.stderr[-3000:]
    assert db.execute("SELECT COUNT(*) FROM publications").fetchone()[0] == publications
    assert db.execute("SELECT COUNT(*) FROM versions").fetchone()[0] == versions


def test_readme_names_exactly_two_setup_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Installatie", 1)[1].split("##", 1)[0]
    block = re.search(r"```sh\n(.*?)```", setup, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.split("#")[0].strip()]
    assert commands == ["make run", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("run:", "demo:", "test:"):
        assert re.search(rf"^{target}", makefile, re.M), target


def test_readme_says_where_the_demo_runs_and_how_to_change_the_port():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    demo = readme.split("## De demo", 1)[1].split("\n## ", 1)[0]
    assert "make demo" in demo and "http://127.0.0.1:5000" in demo
    assert "make demo PORT=5001" in demo and "KANAALWIJZER_PORT" in demo
    assert "/demo/post" in demo and "KANAALWIJZER_HOME=data/demo" in demo
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^\t\$\(BIN\)/kanaalwijzer demo \$\(if \$\(PORT\),--port \$\(PORT\)\)$", makefile, re.M)
