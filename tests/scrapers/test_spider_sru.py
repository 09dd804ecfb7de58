"""SRU page and record parsing on saved answers (fixture files read as bytes): one test per field,
plus invariants over every record of every fixture."""
from __future__ import annotations

import re
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest

from devtools.replay.cql import parse as parse_cql
from scrapers import sru
from tests.support import FILES

SRU = FILES / "sru"


def page(name: str) -> sru.SruPage:
    return sru.parse_page((SRU / name).read_bytes())


def op(name: str = "op_page1_next3.xml", index: int = 0) -> dict:
    return sru.op_record(page(name).records[index])


def cvdr(index: int = 0) -> dict:
    return sru.cvdr_record(page("cvdr_page.xml").records[index])


# ---- pages --------------------------------------------------------------------------------

def test_page_next_record_position():
    assert page("op_page1_next3.xml").next_position == 3


def test_last_page_has_no_next_position_even_when_the_count_claims_more():
    last = page("op_page2_last.xml")
    assert last.number_of_records == 4 and last.next_position is None


def test_page_number_of_records():
    assert page("op_page1_next3.xml").number_of_records == 4


def test_page_records():
    assert len(page("op_page1_next3.xml").records) == 2
    assert len(page("cvdr_page.xml").records) == 2


@pytest.mark.parametrize("name", ["op_diagnostic.xml", "cvdr_diagnostic.xml"])
def test_diagnostics_are_reported_not_an_empty_page(name):
    parsed = page(name)
    assert parsed.diagnostics and parsed.diagnostics[0].startswith("info:srw/diagnostic/1/")
    assert parsed.records == []


def test_html_error_page_is_an_error():
    with pytest.raises(sru.SruError):
        page("service_unavailable.html")


def test_truncated_page_is_an_error():
    data = (SRU / "op_page1_next3.xml").read_bytes()
    with pytest.raises(sru.SruError):
        sru.parse_page(data[: len(data) // 2])


# ---- OP record fields (one test per field) --------------------------------------------------

def test_op_id():
    assert op()["id"] == "gmb-2025-104233"


def test_op_title():
    assert op()["title"].startswith("Besluit van het college van burgemeester en wethouders van Súdwest-Fryslân")


def test_op_publication_name():
    assert [op(index=i)["publication_name"] for i in (0, 1)] == ["Gemeenteblad", "Waterschapsblad"]


def test_op_creator_and_type():
    assert (op()["body_name"], op()["organisatietype"]) == ("Súdwest-Fryslân", "gemeente")


def test_op_rubriek():
    assert op()["rubriek"] == "Overige besluiten van algemene strekking"


def test_op_published_is_available():
    assert op()["published"] == "2025-03-11"


def test_op_modified():
    assert op()["modified"] == "2025-03-12"


def test_op_issued():
    assert op()["issued"] == "2025-03-04"
    assert op(index=1)["issued"] is None  # absent: unknown, never guessed


def test_op_url_official():
    assert op()["url_official"] == "https://zoek.officielebekendmakingen.nl/gmb-2025-104233.html"


def test_op_url_xml_from_item_url():
    assert op()["url_xml"] == ("https://repository.overheid.nl/frbr/officielepublicaties/gmb/2025/"
                               "gmb-2025-104233/1/xml/gmb-2025-104233.xml")


def test_op_without_xml_manifestation_has_no_xml_url():
    assert op(index=1)["url_xml"] is None  # only a PDF: nothing is built by hand


def test_op_url_metadata():
    assert op()["url_metadata"].endswith("/gmb-2025-104233/1/metadata/metadata.xml")


def test_op_betreft_regeling_kept():
    assert op()["meta"]["betreft_regeling"] == "CVDR712345_1"


def test_op_provinciaal_blad():
    record = op("op_page2_last.xml")
    assert (record["id"], record["organisatietype"], record["body_name"]) == ("prb-2025-5512", "provincie", "Zuid-Holland")


# ---- CVDR record fields -------------------------------------------------------------------------

def test_cvdr_id():
    assert cvdr()["id"] == "CVDR701234_2"


def test_cvdr_work_id():
    assert cvdr()["work_id"] == "CVDR701234"


def test_cvdr_work_version():
    assert cvdr()["work_version"] == 2


def test_cvdr_creator():
    assert (cvdr()["body_name"], cvdr()["organisatietype"]) == ("'s-Gravenhage", "Gemeente")


def test_cvdr_rubriek_not_informatietype():
    assert cvdr()["rubriek"] == "overige besluiten van algemene strekking"


def test_cvdr_issued_and_published():
    assert cvdr()["issued"] == cvdr()["published"] == "2025-11-04"


def test_cvdr_modified():
    assert cvdr()["modified"] == "2025-11-20"


def test_cvdr_valid_from():
    assert cvdr()["valid_from"] == "2026-01-01"


def test_cvdr_valid_to_open_is_none():
    assert cvdr()["valid_to"] is None


def test_cvdr_valid_to():
    assert cvdr(1)["valid_to"] == "2025-12-31"


def test_cvdr_is_format_of_text():
    assert cvdr()["is_format_of"] == "gmb-2025-488123"


def test_cvdr_is_format_of_from_resource_identifier():
    assert cvdr(1)["is_format_of"] == "prb-2024-9120"


def test_cvdr_url_xml():
    assert cvdr()["url_xml"] == ("https://repository.officiele-overheidspublicaties.nl/cvdr/CVDR701234/2/"
                                 "xml/CVDR701234_2.xml")


def test_cvdr_url_official():
    assert cvdr()["url_official"] == "https://lokaleregelgeving.overheid.nl/CVDR701234/2"


def test_metadata_xml():
    meta = sru.parse_metadata_xml((SRU / "op_metadata.xml").read_bytes())
    assert meta["DC.identifier"] == "gmb-2025-104233"
    assert meta["DC.type[OVERHEIDop.Rubriek]"] == "Overige besluiten van algemene strekking"


# ---- invariants over every record ---------------------------------------------------------------

ALL_RECORDS = [(name, i) for name in ("op_page1_next3.xml", "op_page2_last.xml", "op_page1_next3_no_namespaces.xml",
                                      "cvdr_page.xml")
               for i in range(len(page(name).records))]


def _fields(name, i):
    return sru.record_fields(sru.CVDR if name.startswith("cvdr") else sru.OP, page(name).records[i])


@pytest.mark.parametrize("name,i", ALL_RECORDS)
def test_invariant_dates_are_iso_dates_or_none(name, i):
    for key in ("published", "modified", "issued", "valid_from", "valid_to"):
        value = _fields(name, i).get(key)
        assert value is None or date.fromisoformat(value)


@pytest.mark.parametrize("name,i", ALL_RECORDS)
def test_invariant_urls_are_absolute(name, i):
    for key in ("url_official", "url_xml", "url_metadata"):
        value = _fields(name, i).get(key)
        assert value is None or re.match(r"https?://[^/]+/", value)


@pytest.mark.parametrize("name,i", ALL_RECORDS)
def test_invariant_required_fields(name, i):
    fields = _fields(name, i)
    assert fields["id"] and fields["title"] and fields["modified"] and fields["body_name"]


@pytest.mark.parametrize("i", [0, 1])
def test_invariant_namespaces_do_not_matter(i):
    assert op("op_page1_next3_no_namespaces.xml", i) == op("op_page1_next3.xml", i)


@pytest.mark.parametrize("name,i", ALL_RECORDS)
def test_invariant_record_bytes_hold_the_id_but_not_the_position(name, i):
    raw = sru.record_bytes(page(name).records[i])
    assert _fields(name, i)["id"].encode() in raw and b"recordPosition" not in raw


# ---- queries -------------------------------------------------------------------------------------

@pytest.mark.parametrize("source", [sru.OP, sru.CVDR])
@pytest.mark.parametrize("mode", ["targeted", "sweep"])
def test_queries_parse_as_cql(source, mode):
    query = sru.build_query(source, date(2025, 3, 10), date(2025, 3, 16), mode=mode, bodies=("Den Haag", "'s-Gravenhage"))
    parse_cql(query)  # raises on a syntax error
    assert "2025-03-10" in query and "2025-03-16" in query


def test_targeted_query_or_group_is_parenthesised():
    query = sru.build_query(sru.OP, date(2025, 3, 10), date(2025, 3, 16))
    assert 'and (cql.textAndIndexes="aanwijzingsbesluit" or' in query and query.endswith(")")


def test_cvdr_page_url_has_connection_and_no_record_schema():
    params = parse_qs(urlsplit(sru.page_url(sru.CVDR, "https://x/sru/Search", "q", 101, 50)).query)
    assert params["x-connection"] == ["cvdr"] and "recordSchema" not in params
    assert params["startRecord"] == ["101"] and params["maximumRecords"] == ["50"]


def test_op_page_url():
    params = parse_qs(urlsplit(sru.page_url(sru.OP, "https://x/sru", "q", 1, 10)).query)
    assert params["version"] == ["2.0"] and params["recordSchema"] == ["gzd"]


def test_unknown_mode_is_refused():
    with pytest.raises(ValueError):
        sru.build_query(sru.OP, date(2025, 1, 1), date(2025, 1, 7), mode="everything")
