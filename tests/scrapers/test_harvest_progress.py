"""Live progress of a real harvest (subprocess against the replay server): between the start and
the summary stderr shows windows done/total, records and records/s. In a log (a pipe) these are
plain lines without control characters; on a terminal (a pty) one line is rewritten in place."""
from __future__ import annotations

import os
import pty
import re
import subprocess
import sys

import pytest

from devtools.replay import ReplayServer

pytestmark = pytest.mark.e2e  # real crawls in a subprocess

LINE = re.compile(r"Officiële publicaties: vensters (\d+)/(\d+) · (\d+) records \((\d+\.\d)/s\) · (\d+) fouten"
                  r" \| Lokale regelgeving \(CVDR\): vensters (\d+)/(\d+) · (\d+) records \((\d+\.\d)/s\) · (\d+) fouten")


def _command(server: ReplayServer) -> list[str]:
    dates = sorted(item.meta["modified"] for item in server.items)
    return [sys.executable, "-m", "kanaalwijzer.cli", "harvest", "--source", "all", "--mode", "sweep",
            "--since", dates[0], "--until", dates[-1], "--window-days", "31", "--publication", "all", "--no-probe",
            "--set", "DOWNLOAD_DELAY=0", "--set", "AUTOTHROTTLE_ENABLED=False", "--set", "CONCURRENT_REQUESTS=2"]


def _env(home, server: ReplayServer) -> dict:
    env = dict(os.environ, KANAALWIJZER_HOME=str(home), KANAALWIJZER_OP_SRU_URL=server.op_sru_url,
               KANAALWIJZER_CVDR_SRU_URL=server.cvdr_sru_url)
    env.pop("KANAALWIJZER_DB", None)
    return env


@pytest.fixture
def slow_replay():
    """The sample corpus, with a few slow SRU pages so the harvest lasts a few seconds."""
    with ReplayServer() as server:
        server.add_fault("slow", "path:/sru", times=6, seconds=0.8)
        yield server


def test_a_harvest_into_a_log_shows_plain_progress_lines_before_its_summary(tmp_path, slow_replay):
    done = subprocess.run(_command(slow_replay), env=_env(tmp_path, slow_replay), capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "\r" not in done.stderr and "\x1b" not in done.stderr, "no control characters in a log"
    before_summary = done.stderr.split("Samenvatting:")[0].splitlines()
    progress = [m for m in map(LINE.fullmatch, before_summary) if m]
    assert len(progress) >= 2, done.stderr[-3000:]
    first, last = progress[0], progress[-1]
    assert int(first.group(1)) < int(first.group(2)), "a line while the harvest still runs"
    assert last.group(1) == last.group(2) and last.group(6) == last.group(7), "the final state: every window done"
    assert int(last.group(3)) + int(last.group(8)) > 0 and float(last.group(4)) > 0
    done_counts = [int(m.group(1)) + int(m.group(6)) for m in progress]
    assert done_counts == sorted(done_counts), "progress only goes forward"
    assert len(set(before_summary)) == len(before_summary), "no line repeated when nothing moved"


def test_a_harvest_on_a_terminal_rewrites_one_progress_line(tmp_path, slow_replay):
    parent, child = pty.openpty()
    process = subprocess.Popen(_command(slow_replay), env=_env(tmp_path, slow_replay), stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=child)
    os.close(child)
    output = b""
    while True:
        try:
            chunk = os.read(parent, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        output += chunk
    os.close(parent)
    assert process.wait(timeout=300) == 0
    text = output.decode("utf-8")
    progress, _, summary = text.partition("Samenvatting:")
    assert summary, text[-3000:]
    rewrites = [part.replace("\x1b[K", "").strip() for part in progress.split("\r") if LINE.search(part)]
    assert len(rewrites) >= 2 and "\x1b[K" in progress
    final = LINE.search(rewrites[-1])
    assert final.group(1) == final.group(2), "the line ends on the final state, then a newline"
