"""The domain vocabulary: names, identifiers, Dutch dates and ISO weeks."""
from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from kanaalwijzer import vocabulary as vocab


def test_every_channel_kind_of_the_domain_has_a_name_and_no_two_share_one():
    assert list(vocab.CHANNEL_KINDS) == ["web_form", "contact_form", "portal", "email", "omgevingsloket",
                                         "berichtenbox", "dienstenwet_loket", "as_invited", "digipoort", "other"]
    names = [name.casefold() for name in vocab.CHANNEL_KINDS.values()]
    assert len(set(names)) == len(names)
    assert all(alias_target in vocab.CHANNEL_KINDS for alias_target in vocab.CHANNEL_KIND_ALIASES.values())


def test_label_falls_back_to_the_code_and_capitalises_only_the_first_letter():
    assert vocab.channel_label("email") == "e-mail" and vocab.channel_label("email", capital=True) == "E-mail"
    assert vocab.label(vocab.AUTH_METHODS, "eherkenning", capital=True) == "eHerkenning"
    assert vocab.label(vocab.CHANNEL_KINDS, "fax") == "fax"  # never hide data
    assert vocab.label(vocab.BODY_STATUSES, None) == "onbekend"
    assert vocab.channel_list(["web_form", "email"], capital=True) == "Webformulier, e-mail"
    assert vocab.regime_label("pre_wmebv") == vocab.regime_label("pre_wmebv_designation") == vocab.REGIMES[
        "pre_wmebv_designation"]


def test_list_of():
    assert [vocab.list_of(n) for n in ([], ["a"], ["a", "b"], ["a", "b", "c"])] == ["", "a", "a en b", "a, b en c"]


@pytest.mark.parametrize("pub_id, reference", [
    ("gmb-2025-552188", "Gmb. 2025, 552188"), ("prb-2025-7733", "Prb. 2025, 7733"), ("wsb-2024-8811", "Wsb. 2024, 8811"),
    ("bgr-2025-1200", "Bgr. 2025, 1200"), ("stcrt-2026-1234", "Stcrt. 2026, 1234"),
    ("CVDR754606_1", "CVDR754606_1"), ("xyz-2025-1", "xyz-2025-1"),
])
def test_short_reference(pub_id, reference):
    assert vocab.short_reference(pub_id) == reference


def test_publication_ids_are_found_in_text_for_every_gazette_and_the_cvdr():
    text = "trekt in gmb-2025-1 en PRB-2024-22, wsb-2023-3, bgr-2022-4, stcrt-2021-5 en CVDR123_2; niet xgmb-1"
    assert vocab.PUBLICATION_ID.findall(text) == ["gmb-2025-1", "PRB-2024-22", "wsb-2023-3", "bgr-2022-4",
                                                  "stcrt-2021-5", "CVDR123_2"]
    assert vocab.source_of("CVDR1_1") == vocab.CVDR and vocab.source_of("gmb-2025-1") == vocab.OP
    assert vocab.gazette_of("wsb-2025-1").body_type == vocab.WATERSCHAP and vocab.gazette_of("CVDR1") is None


def test_gazette_elements_are_the_xml_roots_of_the_official_publications():
    assert [g.element for g in vocab.GAZETTES.values()] == [
        "gemeenteblad", "provinciaalblad", "waterschapsblad", "bladgemeenschappelijkeregeling", "staatscourant"]


def test_harvest_keys_read_back_as_words():
    gazettes = vocab.DECENTRAL_GAZETTES
    assert vocab.harvest_key(gazettes[:1]) == "officielepublicaties:gmb"
    assert vocab.harvest_key(gazettes) == "officielepublicaties:gmb+prb+wsb+bgr"
    assert vocab.harvest_label("officielepublicaties:gmb") == "Gemeenteblad"
    assert vocab.harvest_label("officielepublicaties:prb+wsb") == \
        "officiële publicaties (Provinciaal blad en Waterschapsblad)"
    assert vocab.harvest_label("officielepublicaties") == "officiële publicaties"
    assert vocab.harvest_label("cvdr") == "lokale regelgeving (CVDR)"


def test_dutch_dates_from_dates_strings_and_timestamps():
    assert vocab.dutch_date("2026-01-01") == "1 januari 2026"
    assert vocab.dutch_date(date(2025, 3, 9)) == "9 maart 2025"
    assert vocab.dutch_date("2026-12-31T23:30:00+01:00") == "31 december 2026"
    assert vocab.dutch_date(None) is None and vocab.dutch_date("morgen", "onbekend") == "onbekend"
    assert vocab.MONTHS[4] == "mei" and len(vocab.MONTHS) == 12


def test_dutch_datetime_is_in_amsterdam_time():
    assert vocab.dutch_datetime(datetime(2026, 11, 29, 21, 10, tzinfo=UTC)) == "29 november 2026, 22:10"
    assert vocab.dutch_datetime("2026-07-01T10:00:00+00:00") == "1 juli 2026, 12:00"  # summer time
    assert vocab.dutch_datetime("geen tijd") is None


def test_month_names_for_parsers_hold_every_written_form():
    assert vocab.MONTH_NUMBERS["maart"] == vocab.MONTH_NUMBERS["mrt"] == 3
    assert vocab.MONTH_NUMBERS["sept"] == vocab.MONTH_NUMBERS["sep"] == vocab.MONTH_NUMBERS["september"] == 9
    assert sorted(set(vocab.MONTH_NUMBERS.values())) == list(range(1, 13))


@pytest.mark.parametrize("value, week", [
    ("2026-W10", "2026-W10"), ("2026-w10", "2026-W10"), ("2026W10", "2026-W10"), (" 2026-W1 ", "2026-W01"),
    ("2026-W53", "2026-W53"),
])
def test_parse_week(value, week):
    assert vocab.parse_week(value) == week


@pytest.mark.parametrize("value, message", [
    ("2026-10", "geen ISO-week"), ("gisteren", "geen ISO-week"), ("2025-W53", "2025-W53 is geen bestaande ISO-week: 2025 heeft 52 weken"),
    ("2026-W00", "geen bestaande ISO-week"), ("0000-W01", "geen ISO-week"),
])
def test_bad_weeks_are_a_dutch_value_error(value, message):
    with pytest.raises(ValueError, match=message):
        vocab.parse_week(value)


def test_weeks_of_dates_bounds_and_shifts_across_the_year_end():
    assert vocab.iso_week(date(2027, 1, 1)) == "2026-W53" and vocab.iso_week("2026-03-02T08:00:00+01:00") == "2026-W10"
    assert vocab.week_bounds("2026-W10") == (date(2026, 3, 2), date(2026, 3, 8))
    assert vocab.shift_week("2026-W53", 1) == "2027-W01" and vocab.shift_week("2026-W01", -1) == "2025-W52"


def test_this_week_is_amsterdam_time():
    import time_machine
    with time_machine.travel(datetime(2026, 3, 1, 23, 30, tzinfo=UTC), tick=False):  # Monday 00:30 there
        assert vocab.iso_week() == "2026-W10"
