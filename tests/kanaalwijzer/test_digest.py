"""Weekly digests (command, formats, filters) and Atom feeds (well-formed, parsed by feedparser)."""
from __future__ import annotations

import json
from datetime import datetime

import feedparser
import pytest
import time_machine
from click.testing import CliRunner
from lxml import etree

from kanaalwijzer import digest, feeds, registry_update
from kanaalwijzer.cli import main
from kanaalwijzer.store import AMSTERDAM, Store
from tests.support.registry_rows import NEW, OLD, PIPELINE, channel, extraction, publish

LEIDEN = "GM0546"  # Zuid-Holland; Utrecht (GM0344) is in the province Utrecht


def at(day: str):
    return time_machine.travel(datetime.fromisoformat(day + "T09:00").replace(tzinfo=AMSTERDAM), tick=False)


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A store with week 9 (Utrecht's first decision) and week 10 (its replacement, Leiden's first)."""
    monkeypatch.setenv("KANAALWIJZER_HOME", str(tmp_path))
    monkeypatch.delenv("KANAALWIJZER_DB", raising=False)
    monkeypatch.delenv("KANAALWIJZER_INDEX_DIR", raising=False)
    monkeypatch.setenv("KANAALWIJZER_BASE_URL", "https://kanaalwijzer.test")
    with Store(tmp_path / "kanaalwijzer.db") as store:
        with at("2026-02-24"):
            publish(store, "gmb-2025-100", OLD)
            registry_update.update(store, PIPELINE)
        with at("2026-03-03"):
            publish(store, "gmb-2026-200", NEW, published="2026-02-10")
            leiden = extraction("Aanwijzingsbesluit digitale kanalen Leiden 2026 <script>alert(1)</script>",
                                [channel("portal", auth=["digid"], value="Mijn Leiden")],
                                effective_date="2026-04-01", code=LEIDEN)
            publish(store, "gmb-2026-77", leiden, body=LEIDEN, text="Het digitale loket Mijn Leiden wordt aangewezen.")
            registry_update.update(store, PIPELINE)
    return tmp_path


def run(*args) -> str:
    result = CliRunner().invoke(main, ["digest", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_week_json_holds_only_that_weeks_events(home):
    week10 = json.loads(run("--week", "2026-W10", "--format", "json"))
    week9 = json.loads(run("--week", "2026-W09", "--format", "json"))
    assert week10["week"] == "2026-W10" and (week10["start"], week10["end"]) == ("2026-03-02", "2026-03-08")
    assert {e["seen_week"] for e in week10["events"]} == {"2026-W10"}
    assert {e["seen_week"] for e in week9["events"]} == {"2026-W09"}
    assert {e["decision_id"] for e in week9["events"]} == {"gmb-2025-100", None}
    assert week10["count"] == len(week10["events"]) > 0
    removed = [e for e in week10["events"] if e["kind"] == "channel_removed"]
    assert removed[0]["before"] and removed[0]["after"] and removed[0]["evidence"]["channels"]


def test_txt_md_html_speak_in_channel_terms(home):
    sentence = "Gemeente Utrecht: e-mail niet langer aangewezen voor bezwaarschriften per 1 maart 2026"
    txt = run("--week", "2026-W10")
    md = run("--week", "2026-W10", "--format", "md")
    html = run("--week", "2026-W10", "--format", "html")
    for text in (txt, md, html):
        assert sentence in text
        assert "persoonlijke internetomgeving aangewezen voor alle berichten per 1 april 2026" in text
    assert "https://kanaalwijzer.test/besluit/gmb-2026-200" in txt
    assert "## Gemeente Leiden (Zuid-Holland)" in md
    assert "<h2>Gemeente Utrecht (Utrecht)</h2>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html  # document text is escaped
    etree.fromstring(html.encode(), etree.HTMLParser(recover=False))


@pytest.mark.parametrize("args, bodies", [
    (["--body", "GM0344"], {"GM0344"}),
    (["--body", "gm0546"], {"GM0546"}),
    (["--province", "Zuid-Holland"], {"GM0546"}),
    (["--province", "utrecht"], {"GM0344"}),
    (["--channel-kind", "portal"], {"GM0546"}),
    (["--channel-kind", "email"], {"GM0344"}),
    (["--province", "Groningen"], set()),
])
def test_filters(home, args, bodies):
    found = json.loads(run("--week", "2026-W10", "--format", "json", *args))
    assert {e["body_code"] for e in found["events"]} == bodies


def test_channel_filter_keeps_only_that_channels_events(home):
    found = json.loads(run("--week", "2026-W10", "--format", "json", "--channel-kind", "email"))
    assert {e["channel_kind"] for e in found["events"]} <= {"email", None}
    assert "web_form" not in {e["channel_kind"] for e in found["events"]}


def test_empty_week_says_so(home):
    assert "Geen wijzigingen in deze periode." in run("--week", "2026-W20")


@pytest.mark.parametrize("bad", ["2026-10", "2026-W54", "gisteren"])
def test_bad_week_is_a_usage_error(home, bad):
    result = CliRunner().invoke(main, ["digest", "--week", bad])
    assert result.exit_code == 2 and "ISO-week" in result.output


def test_unknown_channel_kind_is_a_usage_error(home):
    result = CliRunner().invoke(main, ["digest", "--channel-kind", "fax"])
    assert result.exit_code == 2 and "onbekend kanaal" in result.output


def _parse(xml: bytes):
    etree.fromstring(xml)  # well-formed, or this raises
    parsed = feedparser.parse(xml)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def test_atom_feed_all_changes(home):
    with Store(home / "kanaalwijzer.db") as store:
        xml = feeds.atom_feed(store, self_url="https://kanaalwijzer.test/feeds/alles.atom")
        total = len(store.events())
    parsed = _parse(xml)
    assert parsed.version == "atom10"
    assert len(parsed.entries) == total
    assert parsed.entries[0].updated >= parsed.entries[-1].updated  # newest first
    ids = [e.id for e in parsed.entries]
    assert len(set(ids)) == len(ids)
    removed = next(e for e in parsed.entries if "e-mail niet langer" in e.title)
    assert removed.link == "https://kanaalwijzer.test/besluit/gmb-2026-200"
    assert "E-mail is geen aangewezen kanaal" in removed.summary
    assert {t.term for t in removed.tags} >= {"channel_removed", "email", "GM0344"}
    with Store(home / "kanaalwijzer.db") as store:  # stable ids: a reader never sees an entry twice
        again = _parse(feeds.atom_feed(store, self_url="https://kanaalwijzer.test/feeds/alles.atom"))
    assert [e.id for e in again.entries] == ids


def test_atom_feed_per_municipality_and_province(home):
    with Store(home / "kanaalwijzer.db") as store:
        utrecht = _parse(feeds.atom_feed(store, self_url="https://x/feeds/gemeente/GM0344.atom", bodies=["GM0344"]))
        holland = _parse(feeds.atom_feed(store, self_url="https://x/feeds/provincie/zuid-holland.atom",
                                         provinces=["Zuid-Holland"]))
    assert utrecht.entries and all(e.title.startswith("Gemeente Utrecht") for e in utrecht.entries)
    assert holland.entries and all(e.title.startswith("Gemeente Leiden") for e in holland.entries)


def test_atom_feed_per_saved_search_through_the_real_index(home):
    from kanaalwijzer.config import load_config
    from kanaalwijzer.search import index_documents
    from kanaalwijzer.search.embedded import EmbeddedBackend

    with Store(home / "kanaalwijzer.db") as store:
        EmbeddedBackend(load_config().index_dir).rebuild(index_documents(store))
        before = len(store.events())
        parsed = _parse(feeds.atom_feed(store, self_url="https://x/feeds/zoeken.atom?q=loket", query="loket"))
        assert len(store.events()) == before  # indexing records nothing
        nothing = _parse(feeds.atom_feed(store, self_url="https://x/feeds/zoeken.atom?q=hondenbelasting",
                                         query="hondenbelasting"))
    assert parsed.entries and all("Leiden" in e.title for e in parsed.entries)
    assert nothing.entries == []


def test_web_digest_page_and_feed_route(home):
    from kanaalwijzer.config import load_config
    from search_app import create_app

    client = create_app({"TESTING": True, "KANAALWIJZER": load_config()}).test_client()
    page = client.get("/digest/2026-W10")
    assert page.status_code == 200
    assert "e-mail niet langer aangewezen voor bezwaarschriften per 1 maart 2026" in page.get_data(as_text=True)
    feed = client.get("/feeds/gemeente/GM0546.atom")
    assert feed.status_code == 200 and feed.mimetype == "application/atom+xml"
    assert _parse(feed.data).entries


def test_digest_object_groups_per_body(home):
    with Store(home / "kanaalwijzer.db") as store:
        built = digest.build_digest(store, "2026-w10")
    assert built.week == "2026-W10"
    assert [g.name for g in built.bodies] == ["Gemeente Leiden", "Gemeente Utrecht"]
    assert all(e.body_code == "GM0546" for e in built.bodies[0].events)
