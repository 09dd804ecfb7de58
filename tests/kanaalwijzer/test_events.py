"""Change events: the right ones for real changes, none for re-extraction, reindex or backfill."""
from __future__ import annotations

from datetime import date, datetime

import time_machine

from kanaalwijzer import events, registry_update
from kanaalwijzer.store import AMSTERDAM, Event
from tests.support.registry_rows import NEW, OLD, PIPELINE, UTRECHT, channel, extraction, publish


def run(store, day: date, pipeline=PIPELINE) -> list[Event]:
    with time_machine.travel(datetime(day.year, day.month, day.day, 9, 0, tzinfo=AMSTERDAM), tick=False):
        return registry_update.update(store, pipeline)


def kinds(found: list[Event]) -> list[tuple]:
    return sorted((e.kind, e.decision_id, e.channel_kind) for e in found)


def test_replaced_decision_events_with_before_after_and_evidence(store):
    publish(store, "gmb-2025-100", OLD)
    first = run(store, date(2026, 1, 5))
    assert kinds(first) == [("body_status", None, None), ("channel_designated", "gmb-2025-100", "email"),
                            ("channel_designated", "gmb-2025-100", "web_form"), ("new_decision", "gmb-2025-100", None)]
    status = next(e for e in first if e.kind == "body_status")
    assert (status.before, status.after, status.effective_date) == (
        {"status": "none"}, {"status": "in_force"}, "2026-01-01")

    publish(store, "gmb-2026-200", NEW, published="2026-02-10")
    second = run(store, date(2026, 2, 11))
    assert kinds(second) == [("channel_removed", "gmb-2026-200", "email"),
                             ("decision_replaced", "gmb-2025-100", None), ("new_decision", "gmb-2026-200", None)]
    removed = next(e for e in second if e.kind == "channel_removed")
    assert removed.before["designated"] == {"bezwaarschriften": {"values": ["bezwaar@utrecht.example"], "auth": []}}
    assert removed.after == {"designated": {}, "excluded": ["bezwaarschriften"]}
    assert removed.evidence["channels"][0]["text"] == "E-mail is geen aangewezen kanaal"
    assert removed.effective_date == "2026-03-01"
    assert removed.summary == ("Gemeente Utrecht: e-mail niet langer aangewezen voor bezwaarschriften "
                                  "per 1 maart 2026")
    replaced = next(e for e in second if e.kind == "decision_replaced")
    assert replaced.before == {"valid_to": None, "end_reason": None}
    assert replaced.after["valid_to"] == "2026-02-28" and replaced.after["ended_by"] == "gmb-2026-200"
    assert replaced.effective_date == "2026-03-01"
    assert replaced.evidence["publication_id"] == "gmb-2026-200"
    # stored, with the week we saw it in
    stored = [e for e in store.events() if e.kind == "channel_removed"]
    assert len(stored) == 1 and stored[0].seen_week == "2026-W07"


def test_second_cvdr_version_with_a_changed_channel(store):
    publish(store, "gmb-2025-100", OLD)
    publish(store, "CVDR700_1", OLD, work_id="CVDR700", work_version=1, is_format_of="gmb-2025-100",
            valid_from="2026-01-01")
    run(store, date(2026, 1, 5))
    changed = extraction(OLD["title"], [
        channel("web_form", value="https://utrecht.example/formulieren"),
        channel("email", scope=["bezwaarschriften", "zienswijzen"], value="bezwaar@utrecht.example",
                text="bezwaarschriften en zienswijzen per e-mail"),
        channel("portal", auth=["digid"], value="Mijn Utrecht", text="Mijn Utrecht, inloggen met DigiD"),
    ])
    publish(store, "CVDR700_2", changed, work_id="CVDR700", work_version=2, is_format_of="gmb-2026-50",
            valid_from="2026-04-01", published="2026-03-20")
    found = run(store, date(2026, 3, 21))
    assert kinds(found) == [("channel_designated", "gmb-2025-100", "portal"),
                            ("channel_rescoped", "gmb-2025-100", "email"), ("new_version", "gmb-2025-100", None)]
    version = next(e for e in found if e.kind == "new_version")
    assert version.before["publication_id"] == "CVDR700_1" and version.after["publication_id"] == "CVDR700_2"
    assert version.evidence["diff"].startswith("--- CVDR700_1 versie 1\n+++ CVDR700_2 versie 1")
    assert "+CVDR700_2" in version.evidence["diff"]
    rescoped = next(e for e in found if e.kind == "channel_rescoped")
    assert set(rescoped.before["designated"]) == {"bezwaarschriften"}
    assert set(rescoped.after["designated"]) == {"bezwaarschriften", "zienswijzen"}
    assert rescoped.evidence["channels"][0]["text"] == "bezwaarschriften en zienswijzen per e-mail"
    assert "e-mail nu ook aangewezen voor zienswijzen per 1 april 2026" in rescoped.summary


def test_new_content_version_of_the_same_publication_is_a_new_version(store):
    publish(store, "gmb-2025-100", OLD)
    run(store, date(2026, 1, 5))
    fixed = dict(OLD, channels=[channel("web_form", value="https://utrecht.example/formulieren", auth=["digid"])])
    version = publish(store, "gmb-2025-100", fixed, text="gecorrigeerde tekst")
    assert version == 2
    found = run(store, date(2026, 1, 20))
    assert kinds(found) == [("channel_conditions", "gmb-2025-100", "web_form"),
                            ("channel_removed", "gmb-2025-100", "email"), ("new_version", "gmb-2025-100", None)]
    diff = events.text_diff(store, "gmb-2025-100", 1, 2)
    assert "+gecorrigeerde tekst" in diff and diff.startswith("--- gmb-2025-100 versie 1")


def test_withdrawal_event_and_status_change(store):
    publish(store, "gmb-2025-100", OLD)
    run(store, date(2026, 1, 5))
    withdrawal = extraction("Intrekking", [], classification="not_designation",
                            effective_rule="de dag na bekendmaking", withdraws=["gmb-2025-100"])
    publish(store, "gmb-2026-300", withdrawal, published="2026-05-10")
    found = run(store, date(2026, 5, 12))
    assert kinds(found) == [("body_status", None, None), ("decision_withdrawn", "gmb-2025-100", None)]
    withdrawn = next(e for e in found if e.kind == "decision_withdrawn")
    assert withdrawn.after["valid_to"] == "2026-05-10" and withdrawn.effective_date == "2026-05-11"
    assert withdrawn.evidence["publication_id"] == "gmb-2026-300" and withdrawn.evidence["text"] == "gmb-2025-100"
    assert withdrawn.summary.endswith("ingetrokken per 11 mei 2026")
    status = next(e for e in found if e.kind == "body_status")
    assert (status.before, status.after) == ({"status": "in_force"}, {"status": "none"})


def test_reextraction_and_repeated_updates_create_no_events(store):
    publish(store, "gmb-2025-100", OLD)
    publish(store, "gmb-2026-200", NEW, published="2026-02-10")
    assert run(store, date(2026, 2, 11))
    count = len(store.events())
    assert run(store, date(2026, 2, 11)) == []
    # a new pipeline version extracting the same result
    for pub_id, result in (("gmb-2025-100", OLD), ("gmb-2026-200", NEW)):
        store.record_extraction(pub_id, 1, "test-2", dict(result, pipeline_version="test-2"))
    assert run(store, date(2026, 2, 12), pipeline="test-2") == []
    # re-storing the same text is no new version, so no new event either
    assert store.add_version("gmb-2025-100", f"gmb-2025-100\n{OLD}").created is False
    assert run(store, date(2026, 2, 13)) == []
    assert len(store.events()) == count


def test_backfill_of_an_old_decision_creates_no_event_but_enters_the_registry(store):
    publish(store, "gmb-2025-100", OLD)
    run(store, date(2026, 1, 5))
    before = len(store.events())
    old_regime = extraction("Besluit elektronisch verkeer Utrecht 2012", [channel("email", status="excluded",
                                                                                  scope="bezwaarschriften")],
                            classification="pre_wmebv_designation", effective_date="2012-07-01")
    publish(store, "gmb-2012-5", old_regime, published="2012-06-20")
    assert run(store, date(2026, 1, 6)) == []
    assert len(store.events()) == before
    old = next(d for d in store.decisions_of(UTRECHT) if d.decision_id == "gmb-2012-5")
    assert (old.end_reason, old.valid_to) == ("replaced", "2025-12-31")
    assert [r.status for r in store.designations_on(UTRECHT, "2015-01-01")] == ["excluded"]


def test_status_change_by_the_passing_of_time_is_one_event(store):
    publish(store, "gmb-2025-100", dict(OLD, effective_date="2026-03-01"))
    first = run(store, date(2026, 2, 1))
    assert next(e for e in first if e.kind == "body_status").after == {"status": "future"}
    assert run(store, date(2026, 2, 20)) == []
    later = run(store, date(2026, 3, 2))
    assert kinds(later) == [("body_status", None, None)]
    assert later[0].summary == ("Gemeente Utrecht: van ‘aanwijzing vastgesteld, nog niet van kracht’ naar ‘aanwijzing van kracht’ "
                                   "per 1 maart 2026")
    assert run(store, date(2026, 3, 3)) == []


def test_expiry_is_told_once_after_the_cvdr_end_date_not_before(store):
    publish(store, "CVDR800_1", OLD, work_id="CVDR800", work_version=1, valid_from="2026-01-01",
            valid_to="2026-06-30")
    first = run(store, date(2026, 2, 1))
    assert "decision_expired" not in [e.kind for e in first]
    assert run(store, date(2026, 6, 30)) == []
    later = run(store, date(2026, 7, 1))
    assert kinds(later) == [("body_status", None, None), ("decision_expired", "CVDR800", None)]
    expired = next(e for e in later if e.kind == "decision_expired")
    assert expired.effective_date == "2026-07-01" and expired.after["valid_to"] == "2026-06-30"
    assert "geldt niet meer per 1 juli 2026" in expired.summary
    assert run(store, date(2026, 7, 2)) == []


def test_announced_end_then_new_cvdr_version_is_no_expiry(store):
    publish(store, "CVDR800_1", OLD, work_id="CVDR800", work_version=1, valid_from="2026-01-01",
            valid_to="2026-03-31")
    run(store, date(2026, 2, 1))
    publish(store, "CVDR800_2", OLD, text="tweede versie", work_id="CVDR800", work_version=2, valid_from="2026-04-01")
    found = run(store, date(2026, 4, 2))
    assert kinds(found) == [("new_version", "CVDR800", None)]


def test_older_manifestations_found_later_create_no_events(store):
    changed = dict(OLD, channels=[channel("web_form"), channel("portal", auth=["digid"])])
    publish(store, "CVDR700_2", changed, work_id="CVDR700", work_version=2, is_format_of="gmb-2026-50",
            valid_from="2026-04-01", published="2026-03-20")
    assert run(store, date(2026, 4, 2))
    publish(store, "gmb-2025-100", OLD)
    publish(store, "CVDR700_1", OLD, work_id="CVDR700", work_version=1, is_format_of="gmb-2025-100",
            valid_from="2026-01-01")
    assert run(store, date(2026, 4, 3)) == []
    (decision,) = store.decisions_of(UTRECHT)
    assert decision.decision_id == "gmb-2025-100"  # the id moved to the original gazette publication
    assert [lv.publication_id for lv in decision.legal_versions] == ["CVDR700_1", "CVDR700_2"]
