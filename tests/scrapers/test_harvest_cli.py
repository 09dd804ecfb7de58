"""The harvest command's edges: unreachable services, argument checks, the progress line."""
from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time
from types import SimpleNamespace

import pytest

from scrapers.runner import SourceSummary, _Progress, everything_failed, format_summary


def run_cli(*args, env_extra=None, timeout=60):
    env = dict(os.environ, **(env_extra or {}))
    return subprocess.run([sys.executable, "-m", "kanaalwijzer.cli", *args], env=env, capture_output=True,
                          text=True, timeout=timeout)


@pytest.fixture
def black_hole():
    """A port that accepts connections and never answers: what a filtered network looks like."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    sock.close()


def test_unreachable_services_stop_within_30_s_naming_make_demo(tmp_path, black_hole):
    started = time.monotonic()
    result = run_cli("harvest", env_extra={"KANAALWIJZER_HOME": str(tmp_path),
                                           "KANAALWIJZER_OP_SRU_URL": f"{black_hole}/sru",
                                           "KANAALWIJZER_CVDR_SRU_URL": f"{black_hole}/sru/Search"})
    elapsed = time.monotonic() - started
    assert result.returncode == 3
    assert "make demo" in result.stderr and "niet bereikbaar" in result.stderr
    assert elapsed < 30


def test_refused_connection_fails_fast(tmp_path):
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    result = run_cli("harvest", "--source", "cvdr", env_extra={
        "KANAALWIJZER_HOME": str(tmp_path), "KANAALWIJZER_CVDR_SRU_URL": f"http://127.0.0.1:{port}/sru/Search"})
    assert result.returncode == 3 and "make demo" in result.stderr


def test_since_after_until_is_refused(tmp_path):
    result = run_cli("harvest", "--since", "2025-02-01", "--until", "2025-01-01", "--no-probe",
                     env_extra={"KANAALWIJZER_HOME": str(tmp_path)})
    assert result.returncode == 2 and "--since" in result.stderr


def test_bad_date_is_refused(tmp_path):
    result = run_cli("harvest", "--since", "1-2-2025", env_extra={"KANAALWIJZER_HOME": str(tmp_path)})
    assert result.returncode == 2 and "JJJJ-MM-DD" in result.stderr


def summary(status, windows=2, done=2):
    return SourceSummary("cvdr", 1, status, windows, done, windows - done, 10, 10, 10, 0, 2.0)


def test_everything_failed_only_when_every_source_failed():
    assert everything_failed([summary("failed", done=0), summary("failed", done=0)])
    assert not everything_failed([summary("failed", done=0), summary("done")])
    assert not everything_failed([summary("partial", done=1)])


def test_summary_line_has_windows_rate_and_errors():
    text = format_summary([summary("partial", windows=4, done=3)])
    assert "Lokale regelgeving (CVDR): deels voltooid · vensters 3/4 (1 mislukt)" in text
    assert "5.0 records/s" in text and "0 fouten" in text


def test_progress_line_counts_windows_records_and_errors():
    spider = SimpleNamespace(progress=lambda: {"windows": 10, "windows_done": 3, "windows_failed": 1,
                                               "records": 50, "errors": 2})
    progress = _Progress([("officielepublicaties", SimpleNamespace(spider=spider))], io.StringIO(),
                         time.monotonic() - 10)
    line = progress.line()
    assert line.startswith("Officiële publicaties: vensters 4/10 · 50 records (") and "/s) · 2 fouten" in line
    rate = float(line.split("(")[1].split("/s")[0])
    assert 4.0 <= rate <= 5.1
