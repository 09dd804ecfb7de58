"""Harvest throughput, measured in one run against the local replay server:

1. full crawl: stored records/s through the whole spider + pipeline (SRU pages, every record's
   XML manifestation and metadata.xml fetched, normalised and written to SQLite) on a replay of
   ~10,000 records;
2. incremental re-crawl of the same period: SRU pages only (nothing changed, nothing fetched);
3. baseline: bare lxml parsing of the very same SRU record pages (bytes in memory, our
   namespace-agnostic record reader), i.e. the ceiling for records/s in this process.

Ratios are printed against the baseline. Crawls run as `kanaalwijzer harvest` subprocesses
(wall time, including ~1 s of process start-up), polite delays switched off: this measures our
code, not KOOP.

    .venv/bin/python benchmarks/harvest.py [--records 10000] [--page-size 1000]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from devtools.replay import ReplayServer
from kanaalwijzer.store import Store
from scrapers import sru

SETTINGS = ["DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=False", "CONCURRENT_REQUESTS=16",
            "CONCURRENT_REQUESTS_PER_DOMAIN=16"]


def crawl(home: Path, server: ReplayServer, page_size: int) -> float:
    cmd = [sys.executable, "-m", "kanaalwijzer.cli", "harvest", "--mode", "sweep", "--publication", "all",
           "--since", "2024-01-01", "--until", "2026-12-31", "--window-days", "31", "--page-size", str(page_size),
           "--no-probe", *[a for s in SETTINGS for a in ("--set", s)]]
    env = dict(os.environ, KANAALWIJZER_HOME=str(home), KANAALWIJZER_OP_SRU_URL=server.op_sru_url,
               KANAALWIJZER_CVDR_SRU_URL=server.cvdr_sru_url)
    env.pop("KANAALWIJZER_DB", None)
    started = time.perf_counter()
    result = subprocess.run(cmd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"crawl failed ({result.returncode}):\n{result.stderr[-2000:]}")
    return seconds


def bare_parse(pages: list[tuple[str, bytes]], repeat: int = 3) -> tuple[int, float]:
    """Best of `repeat`: parse every page and read every record's fields."""
    best, records = float("inf"), 0
    for _ in range(repeat):
        started = time.perf_counter()
        records = 0
        for source, body in pages:
            for record in sru.parse_page(body).records:
                sru.record_fields(source, record)
                records += 1
        best = min(best, time.perf_counter() - started)
    return records, best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=10_000, help="synthetic records added to the sample corpus")
    parser.add_argument("--page-size", type=int, default=1000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp, ReplayServer(synthetic=args.records) as server:
        home = Path(tmp) / "home"
        total = len(server.items)
        full_seconds = crawl(home, server, args.page_size)
        with Store(home / "kanaalwijzer.db") as store:
            held = store.holdings()
            stored, versions, files = held.publications, held.versions, held.files
        page_log = [e for e in server.requests if e["kind"] == "sru" and e["status"] == 200]
        server.clear_log()
        incremental_seconds = crawl(home, server, args.page_size)
        fetched_again = sum(1 for e in server.requests if e["kind"] in ("document", "metadata"))

        # the same pages, as bytes, for the baseline (fetched outside any timing)
        pages = []
        for entry in page_log:
            base = server.cvdr_sru_url if entry["path"].lower().endswith("/search") else server.op_sru_url
            source = sru.CVDR if base == server.cvdr_sru_url else sru.OP
            url = sru.page_url(source, base, entry["params"]["query"], int(entry["params"]["startRecord"]),
                               int(entry["params"]["maximumRecords"]))
            with urllib.request.urlopen(url) as response:
                pages.append((source, response.read()))
        parsed, parse_seconds = bare_parse(pages)

    full_rate = stored / full_seconds
    incremental_rate = stored / incremental_seconds
    parse_rate = parsed / parse_seconds
    print(f"replay: {total} records ({args.records} synthetic), page size {args.page_size}, "
          f"{len(pages)} SRU pages")
    print(f"full crawl         : {stored} records stored, {versions} versions, {files} files fetched "
          f"in {full_seconds:.1f} s = {full_rate:,.0f} records/s")
    print(f"incremental crawl  : {stored} records checked, {fetched_again} files fetched "
          f"in {incremental_seconds:.1f} s = {incremental_rate:,.0f} records/s")
    print(f"bare lxml parsing  : {parsed} records in {parse_seconds:.3f} s = {parse_rate:,.0f} records/s")
    print(f"ratio full crawl / bare parsing        : {full_rate / parse_rate:.4f} "
          f"(bare parsing is {parse_rate / full_rate:,.0f}x faster)")
    print(f"ratio incremental crawl / bare parsing : {incremental_rate / parse_rate:.4f} "
          f"(bare parsing is {parse_rate / incremental_rate:,.0f}x faster)")
    if stored != total:
        sys.exit(f"stored {stored} of {total} records: the benchmark crawl was incomplete")


if __name__ == "__main__":
    main()
