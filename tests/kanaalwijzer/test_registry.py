"""The designation registry, on extraction JSON written here in the extract contract's shape."""
from __future__ import annotations

from datetime import date

import pytest

from kanaalwijzer import registry, registry_update
from kanaalwijzer.store import check_extraction
from tests.support.registry_rows import (
    AMERSFOORT,
    NEW,
    OLD,
    PIPELINE,
    UTRECHT,
    channel,
    extraction,
    publish,
)


def test_newer_decision_replaces_older_from_its_entry_into_force_and_both_are_kept(store):
    publish(store, "gmb-2025-100", OLD)
    publish(store, "gmb-2026-200", NEW, published="2026-02-10")
    registry_update.update(store, PIPELINE, today=date(2026, 2, 15))

    decisions = {d.decision_id: d for d in store.decisions_of(UTRECHT)}
    assert set(decisions) == {"gmb-2025-100", "gmb-2026-200"}
    assert decisions["gmb-2025-100"].valid_to == "2026-02-28"
    assert decisions["gmb-2025-100"].end_reason == "replaced"
    assert decisions["gmb-2025-100"].ended_by == "gmb-2026-200"
    assert decisions["gmb-2026-200"].valid_to is None

    feb = {(r.channel_kind, r.process, r.status) for r in store.designations_on(UTRECHT, "2026-02-28")}
    assert feb == {("web_form", "", "designated"), ("email", "bezwaarschriften", "designated")}
    march = {(r.channel_kind, r.process, r.status) for r in store.designations_on(UTRECHT, "2026-03-01")}
    assert march == {("web_form", "", "designated"), ("email", "bezwaarschriften", "excluded")}
    assert store.designations_on(UTRECHT, "2025-12-31") == []
    row = next(r for r in store.designations_on(UTRECHT, "2026-02-01") if r.channel_kind == "email")
    assert row.evidence["text"] == "per e-mail: bezwaar@" and row.publication_id == "gmb-2025-100"


def test_gazette_and_its_cvdr_consolidation_are_one_decision(store):
    publish(store, "gmb-2025-100", OLD)
    publish(store, "CVDR700_1", OLD, work_id="CVDR700", work_version=1, is_format_of="gmb-2025-100",
            valid_from="2026-01-01")
    registry_update.update(store, PIPELINE, today=date(2026, 1, 5))
    decisions = store.decisions_of(UTRECHT)
    assert len(decisions) == 1
    assert decisions[0].decision_id == "gmb-2025-100"
    assert decisions[0].manifestations == ["CVDR700_1", "gmb-2025-100"]
    # one set of channels, not two
    assert len(store.designations_on(UTRECHT, "2026-01-05")) == 2


def test_cvdr_expressions_are_versions_of_one_decision(store):
    publish(store, "gmb-2025-100", OLD)
    publish(store, "CVDR700_1", OLD, work_id="CVDR700", work_version=1, is_format_of="gmb-2025-100",
            valid_from="2026-01-01")
    changed = extraction(OLD["title"], [channel("web_form", value="https://utrecht.example/formulieren"),
                                        channel("portal", auth=["digid"], value="Mijn Utrecht")])
    publish(store, "CVDR700_2", changed, work_id="CVDR700", work_version=2, is_format_of="gmb-2026-50",
            valid_from="2026-04-01")
    registry_update.update(store, PIPELINE, today=date(2026, 4, 2))
    (decision,) = store.decisions_of(UTRECHT)
    assert [lv.publication_id for lv in decision.legal_versions] == ["CVDR700_1", "CVDR700_2"]
    assert decision.legal_versions[0].valid_to == "2026-03-31"
    assert {r.channel_kind for r in store.designations_on(UTRECHT, "2026-03-31")} == {"web_form", "email"}
    assert {r.channel_kind for r in store.designations_on(UTRECHT, "2026-04-01")} == {"web_form", "portal"}


def test_withdrawal_by_a_non_designation_ends_the_decision_the_day_before_it_takes_effect(store):
    publish(store, "gmb-2025-100", OLD)
    withdrawal = extraction("Intrekking aanwijzingsbesluit", [], classification="not_designation",
                            effective_rule="met ingang van de dag na bekendmaking", withdraws=["gmb-2025-100"])
    publish(store, "gmb-2026-300", withdrawal, published="2026-05-10")
    registry_update.update(store, PIPELINE, today=date(2026, 5, 20))
    (decision,) = store.decisions_of(UTRECHT)
    assert (decision.end_reason, decision.valid_to, decision.ended_by) == ("withdrawn", "2026-05-10", "gmb-2026-300")
    assert store.designations_on(UTRECHT, "2026-05-11") == []
    assert len(store.designations_on(UTRECHT, "2026-05-10")) == 2
    assert registry.body_status(store, UTRECHT, date(2026, 5, 20)) == "none"


def test_unknown_entry_into_force_stays_unknown(store):
    unknown = dict(OLD, effective_date=None, effective_rule="op een nader te bepalen tijdstip")
    publish(store, "gmb-2025-100", unknown)
    registry_update.update(store, PIPELINE, today=date(2026, 1, 5))
    (decision,) = store.decisions_of(UTRECHT)
    assert decision.effective_date is None
    assert store.designations_on(UTRECHT, "2030-01-01") == []
    assert registry.body_status(store, UTRECHT, date(2026, 1, 5)) == "unknown"


@pytest.mark.parametrize("rule, published, expected", [
    ("met ingang van de dag na bekendmaking", "2026-01-15", "2026-01-16"),
    ("Dit besluit treedt in werking op de dag na de datum van bekendmaking.", "2025-12-31", "2026-01-01"),
    ("treedt in werking met ingang van de tweede dag na die van bekendmaking", "2026-01-15", "2026-01-17"),
    ("treedt in werking 14 dagen na bekendmaking", "2026-01-15", "2026-01-29"),
    ("treedt in werking op de eerste dag van de maand volgend op de bekendmaking", "2026-01-15", "2026-02-01"),
    ("met ingang van de dag van bekendmaking", "2026-01-15", "2026-01-15"),
    ("bij koninklijk besluit te bepalen tijdstip", "2026-01-15", None),
    (None, "2026-01-15", None),
])
def test_relative_rules_resolve_against_the_publication_date(rule, published, expected):
    assert registry.iso(registry.resolve_rule(rule, date.fromisoformat(published))) == expected


def test_relative_rule_in_a_decision_uses_its_publication_date(store):
    publish(store, "gmb-2026-10", dict(OLD, effective_date=None, effective_rule="de dag na bekendmaking"),
            published="2026-01-20")
    registry_update.update(store, PIPELINE, today=date(2026, 1, 20))
    (decision,) = store.decisions_of(UTRECHT)
    assert decision.effective_date == "2026-01-21"
    assert registry.body_status(store, UTRECHT, date(2026, 1, 20)) == "future"
    assert registry.body_status(store, UTRECHT, date(2026, 1, 21)) == "in_force"


def test_body_status_not_harvested_versus_none(store):
    assert registry.body_status(store, AMERSFOORT, date(2026, 1, 1)) == "not_harvested"
    store.upsert_publication("gmb-2026-1", source="officielepublicaties", title="Parkeerbesluit", body_code=AMERSFOORT)
    assert registry.body_status(store, AMERSFOORT, date(2026, 1, 1)) == "none"


def test_not_designations_and_excluded_channels_never_show_as_designated(store):
    publish(store, "gmb-2026-1", extraction("Aanwijzing heffingsambtenaar", [channel("email")],
                                           classification="not_designation", effective_date="2026-01-01"))
    publish(store, "gmb-2026-2", extraction("Aanwijzingsbesluit", [channel("email", status="excluded"),
                                                                  channel("web_form")], effective_date="2026-01-01",
                                           code=AMERSFOORT), body=AMERSFOORT)
    registry_update.update(store, PIPELINE, today=date(2026, 1, 2))
    assert store.decisions_of(UTRECHT) == []
    rows = store.designations_on(AMERSFOORT, "2026-01-02")
    assert {(r.channel_kind, r.status) for r in rows} == {("email", "excluded"), ("web_form", "designated")}


def test_extract_pending_extracts_each_version_once_and_keeps_errors(store):
    store.upsert_publication("gmb-2026-1", source="officielepublicaties", title="Aanwijzingsbesluit",
                             body_code=UTRECHT, published="2025-12-01")
    store.add_version("gmb-2026-1", "Artikel 1\nHet webformulier wordt aangewezen.")
    store.upsert_publication("gmb-2026-2", source="officielepublicaties", title="Kapot", body_code=UTRECHT)
    store.add_version("gmb-2026-2", "kapot")
    seen = []

    def extract(document):
        seen.append(document.text)
        if document.text == "kapot":
            raise ValueError("onleesbaar")
        return extraction("Aanwijzingsbesluit", [channel("web_form")], effective_date="2026-01-01")

    first = registry_update.extract_pending(store, PIPELINE, extract, today=date(2026, 1, 2))
    assert (first.extracted, first.failed) == (1, 1)
    assert [e.error for e in store.extractions_of("gmb-2026-2")] == ["ValueError: onleesbaar"]
    assert len(store.decisions_of(UTRECHT)) == 1
    second = registry_update.extract_pending(store, PIPELINE, extract, today=date(2026, 1, 2))
    assert (second.extracted, second.failed, second.events) == (0, 0, [])
    assert len(seen) == 2
    third = registry_update.extract_pending(store, "test-2", extract, today=date(2026, 1, 2))
    assert (third.extracted, third.events) == (1, [])


def test_a_result_that_breaks_the_contract_is_stored_with_its_error_and_counts_as_failed(store):
    store.upsert_publication("gmb-2026-1", source="officielepublicaties", title="Aanwijzingsbesluit",
                             body_code=UTRECHT, published="2025-12-01")
    store.add_version("gmb-2026-1", "Artikel 1\nE-mail wordt aangewezen.")
    broken = extraction("Aanwijzingsbesluit", [{"kind": "email", "status": "designated"}], effective_date="2026-01-01")
    result = registry_update.extract_pending(store, PIPELINE, lambda document: broken, today=date(2026, 1, 2))
    assert (result.extracted, result.failed, result.events) == (0, 1, [])
    (stored,) = store.extractions_of("gmb-2026-1")
    assert stored.breaks_contract and stored.classification is None
    assert stored.error == "ongeldige extractie: kanaal 1: bewijs (evidence.text) ontbreekt"
    assert store.decisions_of() == [] and store.all_designations() == []


def test_a_later_withdrawal_does_not_revive_a_replaced_decision(store):
    publish(store, "gmb-2025-100", OLD)
    publish(store, "gmb-2026-200", dict(NEW, withdraws=[]), published="2026-02-10")
    late = extraction("Intrekking oude besluiten", [], classification="not_designation",
                      effective_date="2026-09-01", withdraws=["gmb-2025-100"])
    publish(store, "gmb-2026-900", late, published="2026-08-20")
    registry_update.update(store, PIPELINE, today=date(2026, 9, 2))
    old = next(d for d in store.decisions_of(UTRECHT) if d.decision_id == "gmb-2025-100")
    assert (old.end_reason, old.valid_to, old.ended_by) == ("replaced", "2026-02-28", "gmb-2026-200")


def test_withdrawal_clause_of_the_replacing_decision_is_a_replacement(store):
    publish(store, "gmb-2025-100", OLD)
    publish(store, "gmb-2026-200", NEW, published="2026-02-10")  # NEW withdraws OLD by its title
    registry_update.update(store, PIPELINE, today=date(2026, 3, 2))
    old = next(d for d in store.decisions_of(UTRECHT) if d.decision_id == "gmb-2025-100")
    assert (old.end_reason, old.valid_to) == ("replaced", "2026-02-28")
    assert old.end["text"] == "Aanwijzingsbesluit elektronische kanalen Utrecht 2025"


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_text = st.text(max_size=30)
_junk = st.one_of(st.none(), _text, st.integers(), st.lists(_text, max_size=3),
                  st.dictionaries(_text, _text, max_size=2))
_channels = st.lists(st.fixed_dictionaries({}, optional={
    "kind": st.one_of(st.sampled_from(["email", "web_form", "portal"]), _junk),
    "status": st.one_of(st.sampled_from(["designated", "excluded", "defined"]), _junk),
    "scope": _junk, "value": _junk, "auth": _junk,
    "evidence": st.one_of(_junk, st.fixed_dictionaries({"text": _text, "start": st.integers(), "end": st.integers()})),
}) | _junk, max_size=6)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(channels=_channels, withdraws=st.one_of(st.lists(_junk, max_size=3), _junk),
       effective=st.one_of(_junk, st.dates().map(str)), rule=_junk, title=_junk, authority=_junk,
       decision_date=_junk)
def test_malformed_extractions_never_break_the_registry(store, channels, withdraws, effective, rule, title,
                                                        authority, decision_date):
    result = dict(OLD, channels=channels, withdraws=withdraws, effective_date=effective, effective_rule=rule,
                  title=title, authority=authority, decision_date=decision_date)
    version = publish(store, "gmb-2026-1", result, text=repr(result))
    registry_update.update(store, PIPELINE, today=date(2026, 1, 2))
    stored = store.newest_extraction("gmb-2026-1", version)
    rows = store.all_designations()
    assert stored.breaks_contract == bool(check_extraction(result))
    if stored.breaks_contract:  # refused when recorded: nothing of it reaches the registry
        assert stored.classification is None and rows == [] and store.decisions_of() == []
    for row in rows:
        assert row.status in ("designated", "excluded")
        assert row.evidence["text"]
