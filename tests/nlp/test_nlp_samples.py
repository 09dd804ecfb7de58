"""Full-length decisions written by us: every channel, its scope per annex row, status, evidence."""
import json

import pytest

from nlp import extract
from tests.support import FILES as ALL_FILES
from tests.support import ROOT

FILES = ALL_FILES / "nlp"
SAMPLE = ROOT / "devtools" / "sample"


def _evidence_is_exact(result):
    for ch in result["channels"]:
        ev = ch["evidence"]
        assert ev["text"] and ev["location"] is not None
        assert ev["end"] - ev["start"] == len(ev["text"])


def test_full_decision_with_annex_exclusions_and_conditions():
    data = (FILES / "gmb_zaltbommel_aanwijzing.xml").read_bytes()
    r = extract(data, "gmb_zaltbommel_aanwijzing.xml")
    assert r["classification"] == "wmebv_designation"
    assert r["authority"] == {"name": "Zaltbommel", "type": "gemeente", "code": "GM0297"}
    assert r["organs"] == ["raad", "college van burgemeester en wethouders", "burgemeester"]
    assert r["legal_basis"] == ["Awb 2:13 lid 2", "Awb 2:14"]
    assert r["effective_date"] is None and r["effective_rule"] == "de dag na die van de bekendmaking"
    assert r["decision_date"] == "2025-11-04"
    assert r["withdraws"] == ["Besluit elektronisch berichtenverkeer Zaltbommel 2012"]
    got = {(c["kind"], c["status"], c["scope"], c["evidence"]["location"], tuple(c["auth"])) for c in r["channels"]}
    assert got == {
        ("contact_form", "designated", "alle overige berichten", "Artikel 2 lid 2", ()),
        ("portal", "designated", "aanvraag om een uitkering", "Artikel 2 lid 3", ("digid",)),
        ("email", "excluded", "alle berichten behalve zienswijze", "Artikel 3", ()),
        ("other", "excluded", "alle berichten behalve zienswijze", "Artikel 3", ()),
        ("web_form", "designated", "Aanvraag parkeervergunning", "Bijlage 1, rij 1", ("digid",)),
        ("web_form", "designated", "Bezwaarschrift", "Bijlage 1, rij 2", ("digid", "eherkenning")),
        ("email", "excluded", "Bezwaarschrift", "Bijlage 1, rij 2", ("digid", "eherkenning")),
        ("omgevingsloket", "designated", "Aanvraag omgevingsvergunning", "Bijlage 1, rij 3", ("digid", "eherkenning")),
    }
    # the scope fields: the fallback, a listed message with its login condition, an exception
    fields = {c["evidence"]["location"] + ":" + c["kind"]: (c["applies_to"], c["messages"], c["except_messages"])
              for c in r["channels"] if c["status"] == "designated" or c["evidence"]["location"] == "Artikel 3"}
    assert fields["Artikel 2 lid 2:contact_form"] == ("rest", [], [])
    assert fields["Artikel 2 lid 3:portal"] == ("listed", ["aanvraag om een uitkering"], [])
    assert fields["Artikel 3:email"] == ("all", [], ["zienswijze"])
    assert fields["Bijlage 1, rij 2:web_form"] == ("listed", ["Bezwaarschrift"], [])
    portal = next(c for c in r["channels"] if c["kind"] == "portal")
    assert portal["conditions"] == [{"code": "login", "label": "alleen na inloggen met DigiD"}]
    # the definitions (contactformulier, Mijn Zaltbommel) and the considerations (e-mail) add nothing
    assert not [c for c in r["channels"] if c["evidence"]["location"].startswith("Artikel 1")]
    _evidence_is_exact(r)
    # evidence offsets point into the normalised document text
    from kanaalwijzer.documents import parse_document
    text = parse_document(data, "x.xml").text
    for c in r["channels"]:
        ev = c["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]
    web = next(c for c in r["channels"] if c["evidence"]["location"] == "Bijlage 1, rij 1")
    assert web["value"] == "webformulier (www.zaltbommel.nl/parkeren)"


def test_other_aanwijzingsbesluit_is_not_a_designation():
    r = extract((FILES / "neg_heffingsambtenaar.txt").read_bytes(), "neg_heffingsambtenaar.txt")
    assert r["classification"] == "not_designation"
    assert r["channels"] == []
    assert r["effective_date"] == "2025-01-01"


def _sample_cases():
    return sorted(SAMPLE.glob("*/*.expected.json")) if SAMPLE.is_dir() else []


@pytest.mark.skipif(not _sample_cases(), reason="sample corpus devtools/sample has no .expected.json files")
@pytest.mark.parametrize("expected_path", _sample_cases(), ids=lambda p: p.name.replace(".expected.json", ""))
def test_sample_corpus_expectations(expected_path):
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    source = next(p for p in expected_path.parent.glob(expected_path.name.replace(".expected.json", ".*"))
                  if p.suffix in (".xml", ".html", ".txt"))
    r = extract(source.read_bytes(), source.name)
    assert r["classification"] == expected["classification"]
    if expected.get("authority_code"):
        assert (r["authority"] or {}).get("code") == expected["authority_code"]
    if "effective_date" in expected:
        assert r["effective_date"] == expected["effective_date"]
    want = {(c["kind"], c["status"]) for c in expected.get("channels", []) if c["kind"] != "as_invited"}
    got = {(c["kind"], c["status"]) for c in r["channels"] if c["kind"] != "as_invited"}
    assert got == want
    for c in expected.get("channels", []):
        if c["kind"] == "as_invited" or not c.get("quote"):
            continue
        same = [x for x in r["channels"] if (x["kind"], x["status"]) == (c["kind"], c["status"])]
        assert any(c["quote"] in x["evidence"]["text"] for x in same), c["quote"]
    _evidence_is_exact(r)
