"""The overview page asks the store a fixed number of questions, however many bodies there are."""
from __future__ import annotations

from kanaalwijzer import registry_update
from kanaalwijzer.bodies import municipalities
from tests.support.registry_rows import channel, extraction
from tests.support.sql_statements import OVERVIEW_BOUND, statements_issued
from tests.support.web_store import FROZEN, PIPELINE


def overview_statements(client, monkeypatch) -> list[str]:
    with statements_issued(monkeypatch) as issued:
        response = client.get("/overzicht?format=json")
    assert response.status_code == 200
    return list(issued)


def add_bodies(store, count: int) -> list[str]:
    """`count` more municipalities, each with a decision in force and a targeted harvest window."""
    codes = [b.code for b in municipalities()][-count:]
    run = store.start_run("officielepublicaties", "targeted")
    for number, code in enumerate(codes):
        pub_id = f"gmb-2025-{800000 + number}"
        result = extraction(f"Aanwijzingsbesluit {code}", [channel("email", value=f"post@{code}.example")],
                            effective_date="2026-01-01", code=code)
        store.upsert_publication(pub_id, source="officielepublicaties", title=result["title"], body_code=code,
                                 body_type="gemeente", published="2025-12-01")
        version = store.add_version(pub_id, f"{pub_id}: e-mail wordt aangewezen").version
        store.record_extraction(pub_id, version, PIPELINE, result)
        window = store.start_window(run, "officielepublicaties", "targeted", "2025-01-01", "2026-06-14", code)
        store.update_window(window, status="done")
    registry_update.update(store, PIPELINE, today=FROZEN.date())
    return codes


def test_overview_statement_count_does_not_grow_with_the_number_of_bodies(client, web_store, monkeypatch):
    few = overview_statements(client, monkeypatch)
    codes = add_bodies(web_store, 120)
    many = overview_statements(client, monkeypatch)
    assert len(few) == len(many) <= OVERVIEW_BOUND, many
    data = client.get("/overzicht?format=json").get_json()
    statuses = {m["code"]: m for m in data["municipalities"]}
    assert all(statuses[code]["status"] == "in_force" and statuses[code]["channel_kinds"] == ["email"]
               for code in codes)  # the bulk answers are the per-body answers
    assert data["totals"]["in_force"] >= len(codes)


def test_the_counter_sees_the_questions_the_page_asks(client, web_store, monkeypatch):
    issued = overview_statements(client, monkeypatch)
    assert any("FROM decisions" in s for s in issued) and any("FROM designations" in s for s in issued)
    assert any("harvest_windows" in s for s in issued)
