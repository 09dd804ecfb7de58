"""What only the embedded (tantivy) backend has: its analyzers, combined facet keys, generations."""
import pytest

from kanaalwijzer.search import SearchRequest
from kanaalwijzer.search import embedded as embedded_module
from kanaalwijzer.search.analysis import Variants, dutch_analyzer, exact_analyzer
from kanaalwijzer.search.embedded import EmbeddedBackend
from tests.support.search_corpus import CORPUS


def test_dutch_analyzer_stems_folds_and_drops_stop_words():
    analyze = dutch_analyzer().analyze
    assert analyze("kanalen") == analyze("kanaal")
    assert analyze("Café") == analyze("cafe")
    assert analyze("de het een") == []


def test_exact_analyzer_keeps_identifiers_whole():
    assert exact_analyzer().analyze("Zie artikel 2:13, gmb-2025-552188 en CVDR754606_1.") == [
        "zie", "artikel", "2:13", "gmb-2025-552188", "en", "cvdr754606", "1"]


def test_variants_expand_a_query_into_the_spellings_the_index_holds():
    sequences = Variants(dutch_analyzer()).sequences
    assert sequences("email") == sequences("e-mail") == sequences("E\u2011mail") == [
        [(0, "email")], [(0, "e"), (1, "mail")]]
    assert [(0, "e"), (1, "formulier")] in sequences("webformulier")
    assert [(0, "digitaal"), (1, "formulier")] in sequences("web-formulier")
    assert sequences("Awb")[1] == [(0, "almeen"), (1, "wet"), (2, "bestuursrecht")]
    # a phrase keeps its order and the gap of a stop word ('per e-mail of post')
    assert [(0, "per"), (1, "e"), (2, "mail"), (4, "post")] in sequences("per email of post")
    assert sequences("kanalen") == [[(0, "kanaal")]]
    assert sequences("de") == []


@pytest.fixture
def backend(tmp_path):
    backend = EmbeddedBackend(tmp_path / "index")
    backend.rebuild(CORPUS)
    return backend


def counts(result):
    return {name: {v.value: v.count for v in values} for name, values in result.facets.items()}


@pytest.mark.parametrize("request_", [SearchRequest(), SearchRequest(q="kanalen"),
                                      SearchRequest(filters={"kanaal": ["web_form"], "orgaan": ["burgemeester"]})])
def test_combined_facet_keys_count_exactly_like_the_multi_valued_column(backend, monkeypatch, request_):
    combined = counts(backend.search(request_))
    monkeypatch.setattr(embedded_module, "COMBINATIONS", 1)  # forces counting the multi-valued column
    direct = counts(backend.search(request_))
    assert combined == direct
    assert combined["kanaal"] or request_.filters


def test_rebuild_swaps_generations_under_a_reader_in_another_process(backend, tmp_path):
    reader = EmbeddedBackend(tmp_path / "index")  # as the web app would hold it
    assert reader.count() == len(CORPUS)
    backend.rebuild(CORPUS[:1])
    assert reader.count() == 1
    assert len(list((tmp_path / "index").glob("gen-*"))) == 1
    backend.upsert(CORPUS[1:3])
    assert reader.count() == 3


def test_failed_rebuild_keeps_the_current_index(backend, tmp_path):
    def broken():
        yield CORPUS[0]
        raise RuntimeError("store weg")

    with pytest.raises(RuntimeError):
        backend.rebuild(broken())
    assert backend.count() == len(CORPUS)
    assert len(list((tmp_path / "index").glob("gen-*"))) == 1


def test_failed_upsert_changes_nothing_and_releases_the_writer(backend):
    with pytest.raises(KeyError):
        backend.upsert([dict(CORPUS[0], title="half"), {"title": "zonder id"}])
    assert backend.search(SearchRequest(q="half")).total == 0
    assert backend.upsert([dict(CORPUS[0], title="heel")]) == 1  # the lock was released
    assert backend.search(SearchRequest(q="heel")).total == 1
