"""Load test of the web app under its production server: wrk, 16 connections, loopback only.

    .venv/bin/python benchmarks/load.py [--docs 20000] [--duration 15] [--workers 4]

Builds an embedded index of `--docs` synthetic publications (the generator of benchmarks/search.py),
starts `kanaalwijzer serve --production` (gunicorn) on a free loopback port and runs wrk
(Debian: apt-get install -y wrk) against:
  - baseline: a static file served by the same gunicorn (the cost of the server itself);
  - search page: /zoeken HTML with facets and snippets, rotating through the 50 fixed queries of
    benchmarks/search.py;
  - search API: the same queries as JSON (/api/zoeken).
Reports requests/s and p99 latency for each, and the search page as a ratio of the baseline.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from search import QUERIES, corpus  # noqa: E402  (benchmarks/search.py)

from kanaalwijzer.config import load_config  # noqa: E402
from kanaalwijzer.search import get_backend  # noqa: E402

CONNECTIONS = 16


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def query_paths(prefix: str) -> list[str]:
    paths = []
    for q, filters, sort, page in QUERIES:
        args = [("q", q), ("sort", sort), ("page", str(page))] + [(k, v) for k, vs in filters.items() for v in vs]
        paths.append(f"{prefix}?{urllib.parse.urlencode(args)}")
    return paths


def lua_rotating(paths: list[str], folder: Path) -> Path:
    """A wrk script that sends the paths in turn (each connection its own counter)."""
    quoted = ",\n".join(f'  "{p}"' for p in paths)
    script = folder / f"rotate-{len(paths)}-{abs(hash(paths[0]))}.lua"
    script.write_text(f"local paths = {{\n{quoted}\n}}\nlocal i = 0\n"
                      "request = function()\n  i = i % #paths + 1\n  return wrk.format('GET', paths[i])\nend\n")
    return script


def wrk(url: str, duration: int, script: Path | None = None) -> dict:
    cmd = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{duration}s", "--latency", "--timeout", "10s"]
    if script:
        cmd += ["-s", str(script)]
    out = subprocess.run(cmd + [url], capture_output=True, text=True, timeout=duration + 60).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    factor = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return {"rps": rps, "p99_ms": float(p99.group(1)) * factor, "non_2xx": int(errors.group(1)) if errors else 0}


def wait_until_up(url: str, process: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("gunicorn did not start:\n" + log.read_text(errors="replace")[-3000:]) from None
            time.sleep(0.2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--duration", type=int, default=15, help="seconds per scenario")
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk ontbreekt: apt-get install -y wrk")

    home = Path(tempfile.mkdtemp(prefix="kw-load-"))
    try:
        started = time.perf_counter()
        built = get_backend(load_config(home=home), "embedded").rebuild(corpus(args.docs))
        print(f"index: {built} synthetic publications in {time.perf_counter() - started:.1f} s")
        port = free_port()
        env = {**os.environ, "KANAALWIJZER_HOME": str(home), "KANAALWIJZER_SEARCH_BACKEND": "embedded"}
        log = (home / "gunicorn.log").open("wb")  # a file, not a pipe: the access log must never block
        server = subprocess.Popen(
            [sys.executable, "-m", "kanaalwijzer.cli", "serve", "--production", "--host", "127.0.0.1",
             "--port", str(port), "--workers", str(args.workers)],
            env=env, stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(base + "/static/style.css", server, home / "gunicorn.log")
            for path in query_paths("/zoeken")[:50]:  # warm-up, and every query must answer 200
                with urllib.request.urlopen(base + path, timeout=30) as response:
                    assert response.status == 200, path
            results = {
                "baseline (static file)": wrk(base + "/static/style.css", args.duration),
                "search page (HTML)": wrk(base + "/", args.duration, lua_rotating(query_paths("/zoeken"), home)),
                "search API (JSON)": wrk(base + "/", args.duration, lua_rotating(query_paths("/api/zoeken"), home)),
            }
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            log.close()
    finally:
        shutil.rmtree(home, ignore_errors=True)

    print(f"\nwrk: {CONNECTIONS} connections, 2 threads, {args.duration} s each; gunicorn {args.workers} sync "
          f"workers; {args.docs} publications; loopback; {os.cpu_count()} cores")
    print(f"{'scenario':<26}{'requests/s':>12}{'p99 ms':>10}{'non-2xx':>9}")
    for name, r in results.items():
        print(f"{name:<26}{r['rps']:>12.1f}{r['p99_ms']:>10.1f}{r['non_2xx']:>9}")
    baseline = results["baseline (static file)"]["rps"]
    page = results["search page (HTML)"]["rps"]
    print(f"\nsearch page throughput = {page / baseline:.2f}x the static-file baseline")


if __name__ == "__main__":
    main()
