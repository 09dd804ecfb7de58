"""Invariants of the sample corpus that the spiders, the extractor and the demo rely on."""
from __future__ import annotations

import json
import re
import runpy
from collections import Counter
from datetime import date

import pytest
from lxml import etree

from devtools.replay import CVDR, OP, SAMPLE_CORPUS, load_corpus
from kanaalwijzer.bodies import match_body

CORPUS = load_corpus(SAMPLE_CORPUS)
BY_ID = {item.id: item for item in CORPUS}
DESIGNATIONS = [i for i in CORPUS if i.expected and i.expected["classification"] != "not_designation"]
KINDS = {"web_form", "contact_form", "portal", "email", "omgevingsloket", "berichtenbox", "dienstenwet_loket",
         "as_invited", "digipoort", "other"}
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
OP_KEYS = {"id", "publicatienaam", "organisatietype", "title", "creator", "rubriek", "available", "modified"}
CVDR_KEYS = {"id", "work_id", "version", "title", "creator", "organisatietype", "rubriek", "modified", "issued",
             "is_format_of", "in_force_from", "in_force_to", "is_ratified_by", "betreft"}


def norm(text: str) -> str:
    return " ".join(text.split())


def test_size_sources_and_bodies():
    assert len(CORPUS) >= 40
    assert {i.source for i in CORPUS} == {OP, CVDR}
    assert {i.id.split("-")[0] for i in CORPUS if i.source == OP} == {"gmb", "prb", "wsb", "bgr"}
    bodies = {match_body(i.meta["creator"], i.meta["organisatietype"]).code for i in CORPUS}
    assert len(bodies) >= 12
    types = {match_body(i.meta["creator"], i.meta["organisatietype"]).type for i in CORPUS}
    assert types == {"gemeente", "provincie", "waterschap", "gemeenschappelijke_regeling"}


@pytest.mark.parametrize("item", CORPUS, ids=lambda i: i.id)
def test_metadata(item):
    required = OP_KEYS if item.source == OP else CVDR_KEYS
    assert required <= set(item.meta), required - set(item.meta)
    assert match_body(item.meta["creator"], item.meta["organisatietype"]), item.meta["creator"]
    for key in ("available", "modified", "issued", "in_force_from", "in_force_to"):
        value = item.meta.get(key)
        if value is not None:
            assert ISO.match(value) and date.fromisoformat(value)
    assert "2024-01-01" <= item.meta["modified"] <= "2026-12-31"
    if item.source == OP:
        assert "2024-01-01" <= item.meta["available"] <= "2026-12-31"
        assert item.meta["publicatienaam"] == {"gmb": "Gemeenteblad", "prb": "Provinciaal blad", "wsb": "Waterschapsblad",
                                               "bgr": "Blad gemeenschappelijke regeling"}[item.prefix]
        assert re.match(r"^(gmb|prb|wsb|bgr)-20\d\d-\d+$", item.id) and item.id.split("-")[1] == item.meta["available"][:4]
    else:
        assert item.id == f"{item.meta['work_id']}_{item.meta['version']}"


@pytest.mark.parametrize("item", CORPUS, ids=lambda i: i.id)
def test_xml_is_well_formed_and_describes_the_item(item):
    root = etree.fromstring(item.xml)
    if item.source == OP:
        assert root.tag == "officiele-publicatie"
        blad = {"gmb": "gemeenteblad", "prb": "provinciaalblad", "wsb": "waterschapsblad",
                "bgr": "bladgemeenschappelijkeregeling"}[item.prefix]
        assert root.find(blad).findtext("kop/titel") == item.meta["title"]
        assert root.find("metadata/meta").get("content").endswith(f"/{item.id}/metadata.xml")
    else:
        assert root.tag == "{http://standaarden.overheid.nl/cvdr/terms/}cvdr"
        assert root.findtext(".//{http://purl.org/dc/terms/}identifier") == item.id
        assert root.findtext(".//{http://purl.org/dc/terms/}creator") == item.meta["creator"]
        fmt = root.findtext(".//{http://purl.org/dc/terms/}isFormatOf")
        assert fmt == item.meta["is_format_of"]


def test_links_resolve():
    for item in CORPUS:
        if item.source == CVDR and item.meta["is_format_of"]:
            target = BY_ID[item.meta["is_format_of"]]
            assert target.source == OP and target.meta["creator"] == item.meta["creator"]
        if item.source == OP and item.meta.get("betreft_regeling"):
            target = BY_ID[item.meta["betreft_regeling"]]
            assert target.meta["is_format_of"] == item.id
    linked = [i for i in CORPUS if i.source == CVDR and i.meta["is_format_of"]]
    assert len(linked) >= 4


def test_two_cvdr_versions_change_a_channel():
    works = Counter(i.meta["work_id"] for i in CORPUS if i.source == CVDR)
    work = next(w for w, n in works.items() if n >= 2)
    v1, v2 = BY_ID[f"{work}_1"], BY_ID[f"{work}_2"]
    assert v1.meta["in_force_to"] and v2.meta["in_force_to"] is None
    assert date.fromisoformat(v1.meta["in_force_to"]).toordinal() + 1 == date.fromisoformat(v2.meta["in_force_from"]).toordinal()
    designated = lambda i: {(c["kind"], c["status"]) for c in i.expected["channels"]}  # noqa: E731
    assert ("email", "designated") in designated(v2) - designated(v1)
    assert v1.meta["is_format_of"] != v2.meta["is_format_of"]


def _location_text(root, location: str) -> str:
    """The text of the artikel/lid or bijlage row a location names, read from the XML itself."""
    if m := re.fullmatch(r"Artikel (\S+)(?: lid (\S+))?", location):
        articles = [a for a in root.iter("{*}artikel") if a.findtext("{*}kop/{*}nr") == m[1]]
        assert len(articles) == 1, location
        element = articles[0]
        if m[2]:
            leden = [lid for lid in element.iter("{*}lid") if lid.findtext("{*}lidnr") == m[2]]
            assert len(leden) == 1, location
            element = leden[0]
    else:
        m = re.fullmatch(r"Bijlage (\S+), rij (\d+)", location)
        assert m, location
        bijlage = next(b for b in root.iter("{*}bijlage") if b.findtext("{*}kop/{*}nr") == m[1])
        element = bijlage.findall(".//{*}tbody/{*}row")[int(m[2]) - 1]
    return norm(" ".join(element.itertext()))


@pytest.mark.parametrize("item", DESIGNATIONS, ids=lambda i: i.id)
def test_expected_quotes_occur_verbatim_at_their_location(item):
    root = etree.fromstring(item.xml)
    expected = item.expected
    assert expected["authority_code"] == match_body(item.meta["creator"], item.meta["organisatietype"]).code
    assert expected["channels"], "a designation designates or excludes something"
    for channel in expected["channels"]:
        assert channel["kind"] in KINDS and channel["status"] in ("designated", "excluded")
        assert set(channel["auth"]) <= {"digid", "eherkenning", "eidas"}
        assert channel["quote"] in _location_text(root, channel["location"]), channel
    if expected["effective_rule"]:
        assert expected["effective_rule"] in norm(item.text)
    if expected["effective_date"]:
        assert ISO.match(expected["effective_date"])


def test_every_item_has_an_expected_file_and_negatives_are_empty():
    assert all(i.expected is not None for i in CORPUS)
    for item in CORPUS:
        if item.expected["classification"] == "not_designation":
            assert item.expected == {"classification": "not_designation", "channels": []}


def test_coverage_of_the_hard_cases():
    classes = Counter(i.expected["classification"] for i in CORPUS)
    assert classes["wmebv_designation"] >= 10 and classes["pre_wmebv_designation"] >= 3 and classes["not_designation"] >= 15
    excluded = {c["kind"] for i in DESIGNATIONS for c in i.expected["channels"] if c["status"] == "excluded"}
    assert {"email", "other", "berichtenbox"} <= excluded
    designated = {c["kind"] for i in DESIGNATIONS for c in i.expected["channels"] if c["status"] == "designated"}
    assert KINDS <= designated | {"berichtenbox"} and "berichtenbox" in designated
    auth = {a for i in DESIGNATIONS for c in i.expected["channels"] for a in c["auth"]}
    assert auth == {"digid", "eherkenning", "eidas"}
    wmebv = [i for i in DESIGNATIONS if i.expected["classification"] == "wmebv_designation"]
    assert any("aanwijzing" not in i.title.lower() for i in wmebv)
    assert any(i.expected["effective_date"] is None and "dag na" in (i.expected["effective_rule"] or "") for i in wmebv)
    negatives = [i.title.lower() for i in CORPUS if i.expected["classification"] == "not_designation"]
    for word in ("heffingsambtenaar", "toezichthouders", "parkeerterreinen", "mandaat", "elektronische bekendmaking",
                 "intrekking", "verkeersbesluit", "omgevingsvergunning", "evenementenvergunning"):
        assert any(word in title for title in negatives), word
    creators = {i.meta["creator"] for i in CORPUS}
    assert {"'s-Gravenhage", "'s-Hertogenbosch", "Súdwest-Fryslân", "Bergen (NH)"} <= creators


def test_a_designation_is_replaced_by_a_newer_one_that_withdraws_it():
    newer = [i for i in DESIGNATIONS if "wordt ingetrokken" in i.text]
    assert newer
    for item in newer:
        older = [o for o in DESIGNATIONS if o.meta["creator"] == item.meta["creator"] and o.id != item.id
                 and o.source == OP and o.meta["available"] < item.meta["available"] and o.title in item.text]
        assert older, item.id


def test_corpus_files_are_what_the_build_script_writes(tmp_path):
    """The committed files and build_sample.py agree (edit the script, then rerun it)."""
    build = runpy.run_path(str(SAMPLE_CORPUS / "build_sample.py"))
    build["write"](build["DOCS"], tmp_path)
    for source in (OP, CVDR):
        written = {p.name: p.read_bytes() for p in (tmp_path / source).iterdir()}
        committed = {p.name: p.read_bytes() for p in (SAMPLE_CORPUS / source).iterdir()}
        assert written.keys() == committed.keys()
        for name in written:
            assert written[name] == committed[name], name


def test_json_files_are_utf8_with_real_characters():
    raw = (SAMPLE_CORPUS / OP / "gmb-2025-560310.json").read_text(encoding="utf-8")
    assert json.loads(raw)["creator"] == "Súdwest-Fryslân" and "Súdwest" in raw
