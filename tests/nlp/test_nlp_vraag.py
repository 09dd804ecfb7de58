"""`kanaalwijzer vraag PATH --bericht TEXT [--datum D] [--json]`: the answer for one file, through the real
extraction and the resolver (our own held-out decisions as input)."""
import json

from click.testing import CliRunner

from kanaalwijzer.cli import main
from tests.support import FILES

DOCS = FILES / "nlp" / "heldout" / "docs"
ZEIST = DOCS / "pos_ho_zeist_tabel_2026.txt"


def vraag(*args):
    return CliRunner().invoke(main, ["vraag", *map(str, args)])


def test_json_answer_names_channel_location_and_evidence():
    r = vraag(ZEIST, "--bericht", "aanvraag afvalpas", "--datum", "2026-03-01", "--json")
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert list(out)[:5] == ["file", "status", "designated", "excluded", "decided_by"]
    assert out["status"] == "answered" and out["decided_by"] == "Bijlage, rij 2"
    assert [(c["kind"], c["location"]) for c in out["designated"]] == [("web_form", "Bijlage, rij 2")]
    assert "afvalpas" in out["designated"][0]["evidence"]
    assert {c["kind"] for c in out["excluded"]} == {"email", "other"}


def test_dates_in_dutch_forms_and_before_entry_into_force():
    for datum in ("31-12-2025", "31 december 2025"):
        out = json.loads(vraag(ZEIST, "--bericht", "aanvraag afvalpas", "--datum", datum, "--json").output)
        assert (out["status"], out["date"], out["designated"]) == ("no_designation_in_force", "2025-12-31", [])


def test_human_answer_in_dutch():
    r = vraag(ZEIST, "--bericht", "aansprakelijkstelling voor schade aan mijn fiets", "--datum", "1 maart 2026")
    assert r.exit_code == 0, r.output
    assert "Aangewezen:" in r.output and "schade@zeist.nl" in r.output and "Beslist door: Bijlage, rij 5" in r.output


def test_not_a_designation_and_bad_input():
    out = json.loads(vraag(DOCS / "neg_ho_webpagina_contact_hoorn.txt", "--bericht", "klacht", "--json").output)
    assert out["status"] == "not_a_designation" and out["designated"] == []
    bad = vraag(ZEIST, "--bericht", "klacht", "--datum", "volgende week")
    assert bad.exit_code == 2 and "geen datum" in bad.output
    missing = vraag(DOCS / "bestaat-niet.txt", "--bericht", "klacht")
    assert missing.exit_code == 1 and "kan" in missing.output and "niet lezen" in missing.output
