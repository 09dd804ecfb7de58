"""Index documents derived from a real store, and `kanaalwijzer index` building from it."""
import pytest
from click.testing import CliRunner

from kanaalwijzer.cli import main
from kanaalwijzer.config import load_config
from kanaalwijzer.search import SearchRequest, get_backend, index_documents
from kanaalwijzer.store import Store


def add_extraction(store, pub_id, version, result, pipeline="1", error=None):
    store.record_extraction(pub_id, version, pipeline, result, error)


def channel(kind, status="designated"):
    return {"kind": kind, "status": status, "evidence": {"start": 0, "end": 4, "text": kind, "location": "Artikel 1"}}


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "kanaalwijzer.db")
    store.upsert_publication(
        "gmb-2025-1", source="officielepublicaties", publication_name="Gemeenteblad", title="Aanwijzingsbesluit",
        body_name="Den Bosch", body_type="gemeente", body_code="GM0796", published="2025-11-03",
        modified="2025-11-04T09:00:00+01:00", url_official="https://example.test/gmb-2025-1")
    store.add_version("gmb-2025-1", "Eerste tekst met het webformulier.")
    store.add_version("gmb-2025-1", "Tweede tekst met het webformulier en de Berichtenbox.")
    store.upsert_publication("CVDR9_1", source="cvdr", publication_name="CVDR", title="Regeling",
                             body_code="PV26", body_type="provincie", published="onbekend", is_format_of="prb-1")
    store.upsert_publication("wsb-2025-3", source="officielepublicaties", title="Waterschap",
                             body_code="waterschap:rijnland", body_type="waterschap")
    yield store
    store.close()


def test_documents_carry_the_latest_version_and_body_data(store):
    docs = {d["id"]: d for d in index_documents(store)}
    assert list(docs) == ["CVDR9_1", "gmb-2025-1", "wsb-2025-3"]
    gmb = docs["gmb-2025-1"]
    assert gmb["text"] == "Tweede tekst met het webformulier en de Berichtenbox."
    assert (gmb["province"], gmb["year"], gmb["published"], gmb["modified"]) == (
        "Noord-Brabant", 2025, "2025-11-03", "2025-11-04")
    assert (gmb["organs"], gmb["channel_kinds"], gmb["regime"], gmb["classification"]) == ([], [], None, None)
    cvdr = docs["CVDR9_1"]
    assert (cvdr["province"], cvdr["published"], cvdr["year"], cvdr["text"]) == ("Utrecht", None, None, "")
    assert cvdr["is_format_of"] == "prb-1"
    assert docs["wsb-2025-3"]["province"] is None


def test_extraction_of_the_latest_version_gives_kinds_regime_and_organs(store):
    add_extraction(store, "gmb-2025-1", 1, {"classification": "not_designation", "channels": []})
    add_extraction(store, "gmb-2025-1", 2, {
        "classification": "wmebv_designation",
        "organs": ["College van burgemeester en wethouders", "Burgemeester"],
        "channels": [channel("web_form"), channel("email", "excluded"), channel("berichtenbox"), channel("web_form")],
    })
    doc = next(index_documents(store, ids=["gmb-2025-1"]))
    assert doc["channel_kinds"] == ["berichtenbox", "web_form"]  # the excluded e-mail never counts
    assert doc["regime"] == "wmebv" and doc["classification"] == "wmebv_designation"
    assert doc["organs"] == ["college van burgemeester en wethouders", "burgemeester"]


def test_newest_extraction_wins_and_failed_ones_are_ignored(store):
    add_extraction(store, "gmb-2025-1", 2, {"classification": "pre_wmebv_designation"}, pipeline="1")
    add_extraction(store, "gmb-2025-1", 2, {"classification": "wmebv_designation"}, pipeline="2")
    add_extraction(store, "gmb-2025-1", 2, {"error": "kapot"}, pipeline="3", error="kapot")
    assert next(index_documents(store, ids=["gmb-2025-1"]))["regime"] == "wmebv"


def test_an_extraction_that_breaks_the_contract_is_kept_with_its_error_and_not_indexed(store):
    add_extraction(store, "gmb-2025-1", 2, {"classification": "wmebv_designation", "channels": [channel("email")]})
    add_extraction(store, "gmb-2025-1", 2, {"classification": "wmebv_designation", "confidence": "hoog",
                                            "channels": [{"kind": "web_form", "status": "designated"}]},
                   pipeline="2")
    stored = store.newest_extraction("gmb-2025-1", 2)
    assert stored.pipeline_version == "2" and stored.classification is None
    assert stored.error.startswith("ongeldige extractie: ") and "confidence" in stored.error
    assert "kanaal 1: bewijs (evidence.text) ontbreekt" in stored.error
    assert stored.result["confidence"] == "hoog"  # kept as the extractor gave it
    doc = next(index_documents(store, ids=["gmb-2025-1"]))
    assert (doc["classification"], doc["channel_kinds"]) == ("wmebv_designation", ["email"])  # the valid one


def test_index_command_builds_upserts_and_rebuilds(store, tmp_path, monkeypatch):
    monkeypatch.setenv("KANAALWIJZER_HOME", str(tmp_path))
    runner = CliRunner()
    result = runner.invoke(main, ["index"])
    assert result.exit_code == 0, result.output
    assert "3 publicaties geïndexeerd" in result.output and "bevat er nu 3" in result.output
    backend = get_backend(load_config())
    hits = backend.search(SearchRequest(q="berichtenbox")).hits
    assert [h.id for h in hits] == ["gmb-2025-1"] and hits[0].province == "Noord-Brabant"

    store.upsert_publication("gmb-2025-9", source="officielepublicaties", title="Nieuw")
    assert runner.invoke(main, ["index"]).exit_code == 0
    assert backend.count() == 4
    result = runner.invoke(main, ["index", "--rebuild", "--backend", "embedded"])
    assert result.exit_code == 0 and "4 publicaties opnieuw geïndexeerd" in result.output
    assert len(list((tmp_path / "index").glob("gen-*"))) == 1  # the old generation is gone
    assert backend.count() == 4


def test_index_command_explains_a_missing_elasticsearch_url(tmp_path, monkeypatch):
    monkeypatch.setenv("KANAALWIJZER_HOME", str(tmp_path))
    monkeypatch.delenv("KANAALWIJZER_ES_URL", raising=False)
    result = CliRunner().invoke(main, ["index", "--backend", "elasticsearch"])
    assert result.exit_code != 0 and "KANAALWIJZER_ES_URL" in result.output
