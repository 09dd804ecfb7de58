"""Acceptance: real crawls (`kanaalwijzer harvest` in a subprocess: Scrapy's reactor runs once per
process) against the replay server over the sample corpus, checked in the store it wrote and in
the server's request log."""
from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from devtools.replay import CVDR, OP, ReplayServer
from kanaalwijzer.store import Store

pytestmark = pytest.mark.e2e  # real crawls in a subprocess against the replay server, into a real store

# Polite delays are for KOOP, not for a local replay: keep the tests fast.
FAST = ["--set", "DOWNLOAD_DELAY=0", "--set", "AUTOTHROTTLE_ENABLED=False", "--set", "RETRY_BACKOFF_BASE=0.2",
        "--set", "CONCURRENT_REQUESTS=8", "--set", "CONCURRENT_REQUESTS_PER_DOMAIN=8"]


def env_for(home: Path, server: ReplayServer) -> dict:
    env = dict(os.environ, KANAALWIJZER_HOME=str(home), KANAALWIJZER_OP_SRU_URL=server.op_sru_url,
               KANAALWIJZER_CVDR_SRU_URL=server.cvdr_sru_url)
    env.pop("KANAALWIJZER_DB", None)
    return env


def harvest(home: Path, server: ReplayServer, *args: str, timeout: float = 120, fast: bool = True):
    cmd = [sys.executable, "-m", "kanaalwijzer.cli", "harvest", *args, *(FAST if fast else [])]
    return subprocess.run(cmd, env=env_for(home, server), capture_output=True, text=True, timeout=timeout)


OP_ALL = "officielepublicaties:gmb+prb+wsb+bgr"  # run key of the official-publications spider over all four gazettes


def span(server: ReplayServer) -> tuple[str, str]:
    dates = [i.meta["modified"] for i in server.items]
    return min(dates), max(dates)


def sweep_args(server: ReplayServer, *extra: str) -> list[str]:
    since, until = span(server)
    return ["--mode", "sweep", "--since", since, "--until", until, "--window-days", "31", "--publication", "all", *extra]


def open_store(home: Path) -> Store:
    return Store(home / "kanaalwijzer.db")


def counts(home: Path):
    with open_store(home) as s:
        return s.holdings()


def publication_ids(s: Store) -> set[str]:
    return {p.id for p in s.all_publications()}


def check_ok(result):
    assert result.returncode == 0, result.stderr[-3000:]


# ---- one full crawl, then a second over the same period ---------------------------------------

@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """Crawl 1 (snapshot kept), request log cleared, crawl 2 over the same period."""
    root = tmp_path_factory.mktemp("crawl")
    home = root / "home"
    with ReplayServer() as server:
        first = harvest(home, server, *sweep_args(server))
        check_ok(first)
        snapshot = root / "after-first"
        shutil.copytree(home, snapshot)
        before = counts(home)
        server.clear_log()
        second = harvest(home, server, *sweep_args(server))
        check_ok(second)
        yield {"server": server, "home": home, "first_home": snapshot, "first": first, "second": second,
               "counts_before": before, "second_log": list(server.requests)}


def test_full_crawl_stores_every_publication_exactly_once(crawled):
    with open_store(crawled["first_home"]) as s:
        stored = [p.id for p in s.all_publications()]
        assert sorted(stored) == sorted(i.id for i in crawled["server"].items)
        per_pub = s.version_counts()
    for item in crawled["server"].items:
        assert per_pub.get(item.id, 0) == (1 if item.well_formed else 0), item.id


def test_full_crawl_bodies_have_cbs_codes(crawled):
    expected = {i.id: i.expected["authority_code"] for i in crawled["server"].items
                if i.expected and i.expected.get("authority_code")}
    assert len(expected) >= 10
    with open_store(crawled["first_home"]) as s:
        got = {p.id: p.body_code for p in s.all_publications()}
    assert {k: got[k] for k in expected} == expected


def test_full_crawl_dates(crawled):
    with open_store(crawled["first_home"]) as s:
        pubs = {p.id: p for p in s.all_publications()}
    for item in crawled["server"].items:
        pub, m = pubs[item.id], item.meta
        assert pub.modified == m["modified"], item.id
        if item.source == OP:
            assert pub.published == m["available"], item.id
        else:
            assert pub.issued == m.get("issued"), item.id
            assert (pub.valid_from, pub.valid_to) == (m.get("in_force_from"), m.get("in_force_to")), item.id


def test_full_crawl_links_cvdr_and_gazette(crawled):
    ids = {i.id for i in crawled["server"].items}
    links = {i.id: i.meta["is_format_of"] for i in crawled["server"].items
             if i.source == CVDR and i.meta.get("is_format_of")}
    resolvable = {c: g for c, g in links.items() if g in ids}
    assert resolvable, "the sample corpus links at least one CVDR version to a gazette item"
    with open_store(crawled["first_home"]) as s:
        for cvdr_id, gazette_id in links.items():
            assert s.publication(cvdr_id).is_format_of == gazette_id
        for cvdr_id, gazette_id in resolvable.items():
            assert cvdr_id in [p.id for p in s.linked_publications(gazette_id)]
            assert gazette_id in [p.id for p in s.linked_publications(cvdr_id)]


def test_full_crawl_keeps_raw_bytes_of_every_manifestation(crawled):
    server = crawled["server"]
    with open_store(crawled["first_home"]) as s:
        for item in server.items:
            raw = {r.kind: r for r in s.raw_responses(item.id)}
            assert raw["xml"].body == item.xml, item.id
            assert ("metadata" in raw) == (item.source == OP), item.id
            assert "record" in raw


def test_full_crawl_run_records(crawled):
    with open_store(crawled["first_home"]) as s:
        runs, windows = s.runs(), s.windows()
    assert [(r.source, r.status) for r in runs] == [(OP_ALL, "done"), ("cvdr", "done")]
    assert all(w.status == "done" and w.finished_at for w in windows)
    assert all(w.records_seen == w.number_of_records for w in windows)
    assert sum(r.records_seen for r in runs) == len(crawled["server"].items)
    assert "vensters" in crawled["first"].stderr  # the summary


def test_second_run_adds_no_row_and_no_version(crawled):
    assert counts(crawled["home"]) == crawled["counts_before"]


def test_incremental_run_sends_only_sru_page_requests(crawled):
    kinds = {e["kind"] for e in crawled["second_log"]}
    assert "sru" in kinds
    fetched = [e["path"] for e in crawled["second_log"] if e["kind"] in ("document", "metadata")]
    assert fetched == []


def test_requests_are_polite(crawled):
    log = crawled["second_log"]
    assert all(e["accept"] == "application/xml" for e in log if e["kind"] == "sru")
    assert all(e["user_agent"].startswith("Kanaalwijzer/") and "+http" in e["user_agent"] for e in log)


def test_status_reports_freshness(crawled):
    env = dict(os.environ, KANAALWIJZER_HOME=str(crawled["home"]))
    env.pop("KANAALWIJZER_DB", None)
    out = subprocess.run([sys.executable, "-m", "kanaalwijzer.cli", "status", "--format", "json"], env=env,
                         capture_output=True, text=True, timeout=60)
    data = json.loads(out.stdout)
    sources = {s["source"]: s for s in data["sources"]}
    assert set(sources) == {OP_ALL, "cvdr"}
    assert sources["cvdr"]["last_window_done"]["end"] == span(crawled["server"])[1]
    assert sources[OP_ALL]["failed_windows"] == []
    bodies = {b["code"]: b for b in data["bodies"]}
    with open_store(crawled["home"]) as s:
        held = len(s.publications_of_body("GM0518"))
    assert bodies["GM0518"]["publications"] == held > 0
    assert bodies["GM0518"]["last_looked"]
    table = subprocess.run([sys.executable, "-m", "kanaalwijzer.cli", "status"], env=env, capture_output=True,
                           text=True, timeout=60).stdout
    assert "Bestuursorganen" in table and "GM0518" in table


# ---- targeted mode -----------------------------------------------------------------------------

def test_targeted_mode_finds_every_designation(tmp_path, replay):
    since, until = span(replay)
    check_ok(harvest(tmp_path / "home", replay, "--mode", "targeted", "--since", since, "--until", until,
                     "--window-days", "31", "--publication", "all"))
    designations = {i.id for i in replay.items if (i.expected or {}).get("classification") == "wmebv_designation"}
    with open_store(tmp_path / "home") as s:
        stored = publication_ids(s)
    assert designations and designations <= stored
    assert len(stored) < len(replay.items)  # targeted: not the whole gazette


def test_small_pages_and_adaptive_window_splitting(tmp_path, replay):
    since, until = span(replay)
    home = tmp_path / "home"
    check_ok(harvest(home, replay, "--mode", "sweep", "--since", since, "--until", until, "--window-days", "366",
                     "--publication", "all", "--page-size", "3", "--set", "HARVEST_SPLIT_AT=8"))
    with open_store(home) as s:
        assert publication_ids(s) == {i.id for i in replay.items}
        windows = s.windows()
    split = [w for w in windows if (w.error or "").startswith("gesplitst")]
    assert split and all(w.number_of_records >= 8 for w in split)
    leaves = [w for w in windows if w not in split]
    assert max(w.pages for w in leaves) > 1  # paged by nextRecordPosition
    assert all(w.number_of_records < 8 or w.window_start == w.window_end for w in leaves)
    assert all(w.status == "done" and w.records_seen == w.number_of_records for w in leaves)


def test_body_filter(tmp_path, replay):
    since, until = span(replay)
    home = tmp_path / "home"
    check_ok(harvest(home, replay, "--mode", "sweep", "--since", since, "--until", until, "--window-days", "366",
                     "--publication", "all", "--body", "Den Haag"))
    with open_store(home) as s:
        codes = {p.body_code for p in s.all_publications()}
        filters = {w.body_filter for w in s.windows()}
    assert codes == {"GM0518"} and filters == {"Den Haag"}  # the source writes 's-Gravenhage


def test_cvdr_later_version_brings_every_version_of_the_work(tmp_path, replay):
    later = next(i for i in replay.items if i.source == CVDR and int(i.version) > 1)
    earlier = {i.id for i in replay.items if i.source == CVDR and i.work_id == later.work_id and i.id != later.id}
    assert earlier and all(i.meta["modified"] < later.meta["modified"] for i in replay.items if i.id in earlier)
    day = later.meta["modified"]  # a window that holds only the later version
    home = tmp_path / "home"
    check_ok(harvest(home, replay, "--source", "cvdr", "--mode", "sweep", "--since", day, "--until", day))
    with open_store(home) as s:
        held = {p.id for p in s.publications_of_work(later.work_id)}
        texts = set(s.version_counts())
    assert held == earlier | {later.id} and held <= texts
    asked = [e["params"]["query"] for e in replay.requests if e["kind"] == "sru"]
    assert f'workid=="{later.work_id}"' in asked


# ---- failures ----------------------------------------------------------------------------------

def test_429_and_503_are_retried_with_backoff(tmp_path, replay):
    replay.add_fault("429", match="path:/xml/", times=2)          # Retry-After: 1
    replay.add_fault("503", match="path:/zoekservice", times=1)   # no Retry-After: our own backoff
    replay.add_fault("truncated", match="path:/cvdr/", times=1)   # a cut-off body: a download error
    result = harvest(tmp_path / "home", replay, *sweep_args(replay), "--no-probe")
    check_ok(result)
    log = replay.requests
    for fault, minimum in (("429", 1.0), ("503", 0.2), ("truncated", 0.2)):
        hits = [e for e in log if e["fault"] == fault]
        assert hits, fault
        for hit in hits:
            retry = next(e for e in log if e["time"] > hit["time"] and e["path"] == hit["path"]
                         and e["params"] == hit["params"] and not e["fault"])
            assert retry["status"] == 200
            assert retry["time"] - hit["time"] >= minimum * 0.9, (fault, retry["time"] - hit["time"])
    with open_store(tmp_path / "home") as s:
        held = s.holdings()
        assert held.publications == len(replay.items)
        assert held.publications_with_text == sum(1 for i in replay.items if i.well_formed)
        assert all(w.status == "done" for w in s.windows())


def test_diagnostic_window_is_failed_then_retried_next_run(tmp_path, replay):
    since, until = span(replay)
    first_window = f'dt.modified>="{since}"'
    replay.add_fault("diagnostic", match=f"query:{first_window}", times=1)
    home = tmp_path / "home"
    check_ok(harvest(home, replay, "--source", "officielepublicaties", *sweep_args(replay)[:-2], "--no-probe"))
    end = (date.fromisoformat(since) + timedelta(days=30)).isoformat()
    in_window = {i.id for i in replay.items if i.source == OP and i.meta["publicatienaam"] == "Gemeenteblad"
                 and since <= i.meta["modified"] <= end}
    assert in_window
    with open_store(home) as s:
        failed = s.failed_windows("officielepublicaties:gmb")
        assert [(w.window_start, w.status) for w in failed] == [(since, "failed")]
        assert "diagnose" in failed[0].error
        assert not in_window & publication_ids(s)  # not "empty"
        assert s.runs()[0].status == "partial"
    # next run, no dates given: resumes after the last window done and retries the failed one
    check_ok(harvest(home, replay, "--source", "officielepublicaties", "--mode", "sweep", "--no-probe"))
    with open_store(home) as s:
        assert s.failed_windows("officielepublicaties:gmb") == []
        assert in_window <= publication_ids(s)
        retried = [w for w in s.windows() if w.window_start == since]
        assert [w.status for w in retried] == ["failed", "done"]


def test_everything_failing_exits_non_zero(tmp_path, replay):
    replay.add_fault("diagnostic", match="path:/sru", times=None)
    result = harvest(tmp_path / "home", replay, "--source", "officielepublicaties", *sweep_args(replay), "--no-probe")
    assert result.returncode == 1 and "mislukt" in result.stderr


def test_malformed_document_is_kept_raw_with_its_error_and_the_crawl_goes_on(tmp_path, replay):
    victim = sorted(i.id for i in replay.items if i.source == OP and i.well_formed)[0]
    replay.add_fault("malformed", match=f"path:{victim}.xml", times=None)
    home = tmp_path / "home"
    check_ok(harvest(home, replay, *sweep_args(replay), "--no-probe"))
    with open_store(home) as s:
        raw = s.raw_responses(victim, "xml")
        assert len(raw) == 1 and raw[0].error and b"<<</broken" in raw[0].body
        assert s.versions(victim) == []
        assert len(s.harvest_errors(victim)) >= 1
        others = {i.id for i in replay.items if i.well_formed} - {victim}
        assert others <= set(s.version_counts())
        assert all(w.status == "done" for w in s.windows())


def test_changed_document_yields_version_two_and_keeps_version_one(tmp_path, corpus_copy):
    home = tmp_path / "home"
    with ReplayServer(corpus_copy) as server:
        check_ok(harvest(home, server, *sweep_args(server), "--no-probe"))
        item = sorted((i for i in server.items if i.source == OP and i.well_formed), key=lambda i: i.id)[0]
        with open_store(home) as s:
            v1_before = s.versions(item.id)[0]
            total_before = s.holdings().versions
        # the source corrects the document: new text, later modification date (still in the period)
        item.path.write_bytes(item.xml.replace(b"</al>", b" Gewijzigd bij rectificatie.</al>", 1))
        meta_path = item.path.with_suffix(".json")
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        meta["modified"] = span(server)[1]
        meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
        server.reload()
        check_ok(harvest(home, server, *sweep_args(server), "--no-probe"))
    with open_store(home) as s:
        versions = s.versions(item.id)
        assert [v.version for v in versions] == [1, 2]
        assert versions[0] == v1_before
        assert "Gewijzigd bij rectificatie." in versions[1].text
        assert "Gewijzigd bij rectificatie." not in versions[0].text
        assert s.holdings().versions == total_before + 1
        assert s.publication(item.id).modified == meta["modified"]


def test_killed_run_resumes_and_ends_complete_without_duplicates(tmp_path):
    home = tmp_path / "home"
    args = ["--mode", "sweep", "--since", "2025-01-01", "--until", "2025-12-31", "--window-days", "14", "--publication", "all",
            "--no-probe", "--set", "DOWNLOAD_DELAY=0", "--set", "AUTOTHROTTLE_ENABLED=False",
            "--set", "CONCURRENT_REQUESTS=2", "--set", "CONCURRENT_REQUESTS_PER_DOMAIN=2"]
    with ReplayServer(synthetic=400) as server:
        cmd = [sys.executable, "-m", "kanaalwijzer.cli", "harvest", *args]
        proc = subprocess.Popen(cmd, env=env_for(home, server), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        db = home / "kanaalwijzer.db"
        deadline = time.monotonic() + 60
        stored = 0
        while time.monotonic() < deadline and proc.poll() is None:
            if db.exists():
                try:
                    with sqlite3.connect(db, timeout=1) as c:
                        stored = c.execute("SELECT COUNT(*) FROM versions").fetchone()[0]
                except sqlite3.OperationalError:
                    stored = 0  # schema not created yet
            if stored >= 60:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the crawl finished before it could be killed: make it bigger"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        expected = {i.id for i in server.items if "2025-01-01" <= i.meta["modified"] <= "2025-12-31"}
        with open_store(home) as s:
            partial = s.holdings().publications_with_text
        assert 60 <= partial < len(expected)

        result = subprocess.run(cmd, env=env_for(home, server), capture_output=True, text=True, timeout=180)
        check_ok(result)
        well_formed = {i.id for i in server.items if i.well_formed} & expected
    with open_store(home) as s:
        assert publication_ids(s) == expected
        per_pub = s.version_counts()
        assert set(per_pub) == well_formed and set(per_pub.values()) == {1}
        raw_kinds = Counter((r.publication_id, r.kind) for pub_id in expected for r in s.raw_responses(pub_id))
        assert set(raw_kinds.values()) == {1}
        runs = [r.status for r in s.runs(OP_ALL)]
        assert runs == ["interrupted", "done"]
        assert s.failed_windows(OP_ALL) == [] and s.failed_windows("cvdr") == []
