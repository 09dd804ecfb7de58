"""End to end over the sample corpus: real harvest (Scrapy against the replay server, in stages by
date), real extraction (the spaCy pipeline), the registry and its change events.

Stages: harvest up to 30 Nov 2025, then up to 31 Dec 2025, then up to 30 Apr 2026; after each
stage `extract_pending` runs with "today" frozen at the day after. The corpus holds a replaced
decision (Bergen NH), a CVDR regulation with a second version that changes a channel (Utrecht)
and a withdrawal of an old decision (Apeldoorn).
"""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime

import pytest
import time_machine

from devtools.replay import ReplayServer
from kanaalwijzer import events, registry, registry_update
from kanaalwijzer.store import AMSTERDAM, Event, Store

pytestmark = pytest.mark.slow

FAST = ["--set", "DOWNLOAD_DELAY=0", "--set", "AUTOTHROTTLE_ENABLED=False", "--set", "CONCURRENT_REQUESTS=8",
        "--set", "CONCURRENT_REQUESTS_PER_DOMAIN=8"]
STAGES = [("2025-11-30", "2025-12-01"), ("2025-12-31", "2026-01-02"), ("2026-04-30", "2026-05-01")]
BERGEN, UTRECHT, APELDOORN = "GM0373", "GM0344", "GM0200"


def harvest(env: dict, until: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kanaalwijzer.cli", "harvest", "--mode", "sweep", "--since", "2012-01-01",
         "--until", until, "--window-days", "366", "--publication", "all", *FAST],
        env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]


def extract(document):
    from nlp.pipeline import extract_document
    return extract_document(document, document.meta.get("id", ""))


def at(day: str):
    return time_machine.travel(datetime.fromisoformat(day + "T08:00").replace(tzinfo=AMSTERDAM), tick=False)


@pytest.fixture(scope="module")
def staged(tmp_path_factory):
    from nlp.pipeline import pipeline_version

    home = tmp_path_factory.mktemp("sample") / "home"
    found = []
    with ReplayServer() as server:
        env = dict(os.environ, KANAALWIJZER_HOME=str(home), KANAALWIJZER_OP_SRU_URL=server.op_sru_url,
                   KANAALWIJZER_CVDR_SRU_URL=server.cvdr_sru_url)
        env.pop("KANAALWIJZER_DB", None)
        for until, today in STAGES:
            harvest(env, until)
            with Store(home / "kanaalwijzer.db") as store, at(today):
                result = registry_update.extract_pending(store, pipeline_version(), extract)
                assert result.failed == 0
                found.append(result.events)
        yield {"home": home, "env": env, "events": found, "server": server}


def only(found, **match) -> Event:
    hits = [e for e in found if all(getattr(e, k) == v for k, v in match.items())]
    assert len(hits) == 1, (match, [e.summary for e in found])
    return hits[0]


def quoted_in_store(store: Store, event: Event) -> None:
    """Every evidence quote equals the stored text at its offsets."""
    for quote in event.evidence["channels"]:
        text = store.latest_version(event.publication_id).text
        assert text[quote["start"]:quote["end"]] == quote["text"]


def test_replaced_decision(staged):
    found = staged["events"][2]
    replaced = only(found, kind="decision_replaced", body_code=BERGEN)
    assert replaced.decision_id == "gmb-2025-118904"
    assert replaced.before["valid_to"] is None
    assert replaced.after["ended_by"] == "gmb-2026-014477"
    new = only(found, kind="new_decision", body_code=BERGEN)
    assert new.decision_id == "gmb-2026-014477"
    assert registry.to_date(replaced.after["valid_to"]) < registry.to_date(new.effective_date)
    assert replaced.effective_date == new.effective_date
    email = only(found, kind="channel_removed", body_code=BERGEN, channel_kind="email")
    assert email.before["designated"] and not email.after["designated"]
    assert email.evidence["channels"], "the exclusion that removes e-mail is quoted"
    with Store(staged["home"] / "kanaalwijzer.db") as store:
        quoted_in_store(store, email)
        old = [d for d in store.decisions_of(BERGEN) if d.decision_id == "gmb-2025-118904"][0]
        assert old.end_reason == "replaced"
        day_before, day_of = old.valid_to, new.effective_date
        assert any(r.channel_kind == "email" and r.status == "designated"
                   for r in store.designations_on(BERGEN, day_before))
        assert not any(r.channel_kind == "email" and r.status == "designated"
                       for r in store.designations_on(BERGEN, day_of))
    assert "e-mail niet langer aangewezen" in email.summary


def test_second_cvdr_version_with_a_changed_channel(staged):
    found = staged["events"][2]
    version = only(found, kind="new_version", body_code=UTRECHT)
    assert version.decision_id == "gmb-2025-540118"
    assert (version.before["publication_id"], version.after["publication_id"]) == ("CVDR762001_1", "CVDR762001_2")
    assert version.effective_date == "2026-04-01"
    changed = [e for e in found if e.body_code == UTRECHT and e.channel_kind == "email"]
    assert len(changed) == 1
    assert changed[0].publication_id == "CVDR762001_2" and changed[0].effective_date == "2026-04-01"
    assert changed[0].before != changed[0].after
    assert any("zienswij" in process for process in changed[0].after["designated"])
    with Store(staged["home"] / "kanaalwijzer.db") as store:
        quoted_in_store(store, changed[0])
        (decision,) = store.decisions_of(UTRECHT)  # gazette, amendment and both CVDR versions: one
        assert {"gmb-2025-540118", "gmb-2026-088310", "CVDR762001_1", "CVDR762001_2"} <= set(decision.manifestations)
        diff = events.legal_version_diff(store, *decision.legal_versions)
        assert diff.startswith("--- CVDR762001_1") and "zienswij" in diff


def test_withdrawal(staged):
    found = staged["events"][2]
    withdrawn = only(found, kind="decision_withdrawn", body_code=APELDOORN)
    assert withdrawn.after["ended_by"] == "gmb-2025-569114"
    assert withdrawn.evidence["publication_id"] == "gmb-2025-569114" and withdrawn.evidence["text"]
    assert withdrawn.effective_date == "2026-01-01"
    # an old regime decision we learn of only now: news, but its 2012 channels are not
    assert not [e for e in found if e.body_code == APELDOORN and e.channel_kind]
    with Store(staged["home"] / "kanaalwijzer.db") as store:
        assert store.designations_on(APELDOORN, "2026-01-01") == []
        assert store.designations_on(APELDOORN, "2025-12-31")


def test_each_stage_only_reports_what_is_new(staged):
    first, second, third = staged["events"]
    keys = [e.event_key for stage in staged["events"] for e in stage]
    assert len(keys) == len(set(keys))
    assert not [e for e in second + third if e.kind == "new_decision" and e.decision_id in
                {x.decision_id for x in first if x.kind == "new_decision"}]


def test_reharvest_reextract_and_reindex_create_no_events(staged, tmp_path):
    from kanaalwijzer.search import index_documents
    from kanaalwijzer.search.embedded import EmbeddedBackend

    db = staged["home"] / "kanaalwijzer.db"
    with Store(db) as store:
        count = len(store.events())
    harvest(staged["env"], STAGES[-1][0])  # the same period again: nothing new
    with Store(db) as store, at("2026-05-02"):
        assert registry_update.extract_pending(store, "nlp-rerun", extract).events == []  # everything again, new version label
        assert len(store.pipeline_versions()) == 2
        backend = EmbeddedBackend(tmp_path / "index")
        assert backend.rebuild(index_documents(store)) > 0
        assert registry_update.update(store) == []
        assert len(store.events()) == count
