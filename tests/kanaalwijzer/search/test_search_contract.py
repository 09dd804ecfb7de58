"""Contract tests: the same test functions run against every available search backend.

The embedded backend always runs; Elasticsearch runs when KANAALWIJZER_ES_URL is set and is skipped
with that reason otherwise. The corpus (tests/support/search_corpus.py) is ours, small, and built for
the assertions.
"""
import os
import uuid
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kanaalwijzer.search import QueryError, SearchRequest
from kanaalwijzer.search.embedded import EmbeddedBackend
from tests.support.search_corpus import CORPUS, doc

ES_URL = os.environ.get("KANAALWIJZER_ES_URL")
NO_ES = "KANAALWIJZER_ES_URL is niet gezet: geen Elasticsearch-server om de contracttests tegen te draaien"
BACKENDS = ["embedded", pytest.param("elasticsearch", marks=pytest.mark.skipif(not ES_URL, reason=NO_ES))]


def make_backend(kind: str, tmp_path_factory):
    if kind == "embedded":
        return EmbeddedBackend(tmp_path_factory.mktemp("index"))
    from kanaalwijzer.search.elastic import ElasticBackend
    backend = ElasticBackend.from_url(ES_URL, alias=f"kw-test-{uuid.uuid4().hex[:12]}", refresh=True, replicas=0)
    created.append(backend)
    return backend


created = []


@pytest.fixture(scope="session", autouse=True)
def _drop_test_indexes():
    yield
    for backend in created:
        backend.drop()


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request, tmp_path_factory):
    """A backend holding the corpus; tests that write get their own (`empty`)."""
    backend = make_backend(request.param, tmp_path_factory)
    assert backend.rebuild(CORPUS) == len(CORPUS)
    return backend


@pytest.fixture(params=BACKENDS)
def empty(request, tmp_path_factory):
    return make_backend(request.param, tmp_path_factory)


def ids(backend, q="", **kwargs) -> list[str]:
    return [hit.id for hit in backend.search(SearchRequest(q=q, per_page=100, **kwargs)).hits]


def facet(result, name) -> dict[str, tuple[int, bool]]:
    return {v.value: (v.count, v.selected) for v in result.facets[name]}


# -- words, analysis --------------------------------------------------------------------------------
def test_count_and_empty_query_lists_everything_newest_first(backend):
    assert backend.count() == len(CORPUS)
    found = ids(backend)
    assert len(found) == len(CORPUS)
    assert found[0] == "prb-2026-12" and found[-1] == "gmb-2023-5"  # no date sorts last


def test_dutch_stemming_finds_other_word_forms(backend):
    # the query says 'kanalen', texts say 'kanaal' (and vice versa)
    assert "gmb-2019-4242" in ids(backend, "kanalen")
    assert "prb-2026-12" in ids(backend, "kanaal")


def test_accents_are_folded_both_ways(backend):
    assert ids(backend, "cafe") == ["gmb-2025-100001"]
    assert ids(backend, "café") == ["gmb-2025-100001"]


def test_stop_words_do_not_narrow(backend):
    assert set(ids(backend, "het heffingsambtenaar")) == set(ids(backend, "heffingsambtenaar")) == {"gmb-2024-777"}


def test_words_are_combined_with_and(backend):
    assert set(ids(backend, "webformulier digid")) == {"gmb-2025-552188"}


def test_phrase_requires_the_words_in_order(backend):
    assert ids(backend, '"sociale media"') == ["gmb-2025-100001"]
    assert ids(backend, '"media sociale"') == []
    assert set(ids(backend, '"elektronische kanalen"')) == {  # stemmed: also 'elektronisch kanaal'
        "gmb-2025-552188", "CVDR754606_1", "prb-2026-12"}


def test_or_and_exclusion(backend):
    assert set(ids(backend, "berichtenbox OR heffingsambtenaar")) == {"gmb-2025-100001", "gmb-2024-777"}
    assert "gmb-2025-552188" not in ids(backend, "webformulier -digid")
    assert "CVDR754606_1" in ids(backend, "webformulier -digid")
    assert set(ids(backend, "webformulier NOT digid")) == set(ids(backend, "webformulier -digid"))


def test_prefix(backend):
    assert set(ids(backend, "heffings*")) == {"gmb-2024-777"}
    assert {"gmb-2025-552188", "prb-2026-12"} <= set(ids(backend, "elektroni*"))


# -- identifiers --------------------------------------------------------------------------------------
def test_publication_identifier_matches_exactly(backend):
    assert ids(backend, "gmb-2025-552188")[0] == "gmb-2025-552188"
    assert set(ids(backend, "gmb-2025-552188")) == {"gmb-2025-552188", "CVDR754606_1"}  # its consolidation
    assert ids(backend, "gmb-2025-55218") == []  # a number is not a prefix of another


def test_cvdr_work_identifier(backend):
    assert ids(backend, "CVDR754606") == ["CVDR754606_1"]


def test_article_reference_is_exact(backend):
    found = set(ids(backend, '"artikel 2:13"'))
    assert found == {"gmb-2025-552188", "CVDR754606_1"}
    assert ids(backend, '"artikel 2:15"') == ["gmb-2019-4242"]


def test_gazette_citation_and_bare_number_find_the_publication_first(backend):
    for q in ("Gmb. 2025, 552188", "Gemeenteblad 2025, nr. 552188", "552188"):
        found = ids(backend, q)
        assert found[0] == "gmb-2025-552188", q
        assert set(found) == {"gmb-2025-552188", "CVDR754606_1"}, q  # and its consolidation
    assert ids(backend, "754606") == ["CVDR754606_1"]
    assert ids(backend, "Gmb. 2025, 55218") == []


def test_legal_references(backend):
    assert ids(backend, "Awb 2:15") == ["gmb-2019-4242"]  # the text says 'Algemene wet bestuursrecht'
    assert set(ids(backend, "Awb")) == {"gmb-2025-552188", "CVDR754606_1", "gmb-2019-4242"}
    # 'artikel 2:13, tweede lid' matches; 'artikel 2:13 van de' (no paragraph) does not
    for q in ("artikel 2:13 lid 2", "art. 2:13, tweede lid", "2:13 lid 2"):
        assert ids(backend, q) == ["gmb-2025-552188"], q
    assert ids(backend, "artikel 2:13 lid 3") == []
    assert set(ids(backend, "2:13")) == {"gmb-2025-552188", "CVDR754606_1"}


@pytest.mark.parametrize("q", ["email", "e-mail", "E-mail", "e\u2011mail", "e mail"])
def test_spellings_of_email_meet(backend, q):
    assert set(ids(backend, q)) == {"gmb-2025-552188", "gmb-2019-4242"}  # both write 'e-mail'/'E-mail'


@pytest.mark.parametrize("q", ["webformulier", "web-formulier", "e-formulier", '"digitaal formulier"'])
def test_spellings_of_web_form_meet(backend, q):
    assert set(ids(backend, q)) == {"gmb-2025-552188", "CVDR754606_1", "gmb-2023-7"}


def test_a_spelling_variant_inside_a_phrase(backend):
    assert ids(backend, '"per email bereikbaar"') == ["gmb-2019-4242"]


@pytest.mark.parametrize("q, expected", [
    ("'s-Gravenhage", "gmb-2025-100001"), ("Den Bosch", "gmb-2019-4242"), ("Amsterdam", "gmb-2023-5"),
    ("Achterhoek", "bgr-2022-8")])
def test_the_name_of_the_publishing_body_and_its_variants_find_it(backend, q, expected):
    assert expected in ids(backend, q)  # the text itself does not name it so


def test_dutch_operators(backend):
    assert set(ids(backend, "berichtenbox OF heffingsambtenaar")) == {"gmb-2025-100001", "gmb-2024-777"}
    assert ids(backend, "webformulier NIET digid") == ids(backend, "webformulier -digid")
    assert ids(backend, "webformulier EN digid") == ["gmb-2025-552188"]


# -- filters ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("q, expected", [
    ('gemeente:"Den Haag"', {"gmb-2025-100001"}),
    ("gemeente:'s-Gravenhage", {"gmb-2025-100001"}),
    ('gemeente:"Den Bosch"', {"gmb-2019-4242"}),
    ("gemeente:GM0796", {"gmb-2019-4242"}),
    ("provincie:Noord-Brabant", {"gmb-2019-4242"}),
    ("provincie:Utrecht kanalen", {"gmb-2025-552188", "CVDR754606_1", "prb-2026-12"}),
    ('orgaan:"gedeputeerde staten"', {"prb-2026-12"}),
    ("orgaan:Gemeenteraad", {"gmb-2025-100001"}),
    ("kanaal:webformulier", {"gmb-2025-552188", "CVDR754606_1"}),
    ("kanaal:email", {"gmb-2019-4242"}),
    ("kanaal:portaal OR kanaal:berichtenbox", {"prb-2026-12", "gmb-2025-100001"}),
    ("regime:pre-wmebv", {"gmb-2019-4242"}),
    ("bron:cvdr", {"CVDR754606_1"}),
    ("jaar:2024", {"gmb-2024-777"}),
    ("jaar:2024..2025 -bron:cvdr -kanaal:email",
     {"gmb-2025-552188", "gmb-2025-100001", "gmb-2024-777"}),
    ("datum:2025-06-01..2025-12-01", {"gmb-2025-552188", "gmb-2025-100001"}),
    ("datum:2026", {"prb-2026-12"}),
    ("datum:..2019-12-31", {"gmb-2019-4242"}),
    ("gemeente:Utrecht gemeente:Amsterdam", set()),
])
def test_query_filters(backend, q, expected):
    assert set(ids(backend, q)) == expected


def test_request_dates_and_filters_combine_with_the_query(backend):
    found = ids(backend, "kanalen", filters={"provincie": ["Utrecht"]},
                date_from=date(2025, 12, 10), date_to=date(2026, 1, 31))
    assert set(found) == {"CVDR754606_1", "prb-2026-12"}


# -- facets -------------------------------------------------------------------------------------------
def test_facets_count_the_hits(backend):
    result = backend.search(SearchRequest(q="kanalen"))
    assert result.total == len(result.hits)
    kinds = facet(result, "kanaal")
    assert kinds["web_form"] == (2, False)
    assert "email" in kinds
    assert facet(result, "gemeente")["GM0344"] == (2, False)
    labels = {v.value: v.label for v in result.facets["gemeente"]}
    assert labels["GM0518"] == "Den Haag"  # the name in the national list, not as the source wrote it


def test_selected_facet_keeps_the_counts_of_its_other_values(backend):
    result = backend.search(SearchRequest(filters={"provincie": ["Utrecht"]}))
    assert {h.id for h in result.hits} == {"gmb-2025-552188", "CVDR754606_1", "gmb-2024-777", "prb-2026-12"}
    provinces = facet(result, "provincie")
    assert provinces["Utrecht"] == (4, True)
    assert provinces["Zuid-Holland"] == (1, False) and provinces["Noord-Brabant"] == (1, False)
    # other facets are counted within the selection
    assert facet(result, "bron") == {"officielepublicaties": (3, False), "cvdr": (1, False)}


def test_two_selections_each_facet_counts_with_the_other_applied(backend):
    result = backend.search(SearchRequest(filters={"provincie": ["Utrecht"], "bron": ["cvdr"]}))
    assert [h.id for h in result.hits] == ["CVDR754606_1"]
    assert facet(result, "provincie") == {"Utrecht": (1, True)}  # only cvdr documents counted
    assert facet(result, "bron") == {"officielepublicaties": (3, False), "cvdr": (1, True)}


def test_joint_bodies_are_labelled_with_their_name_and_filterable(backend):
    result = backend.search(SearchRequest(filters={"gemeente": ["gr:regio-achterhoek"]}))
    assert [h.id for h in result.hits] == ["bgr-2022-8"]
    assert {v.value: v.label for v in result.facets["organisatie"]}["gr:regio-achterhoek"] == "Regio Achterhoek"
    assert ids(backend, "gemeente:gr:regio-achterhoek") == ids(backend, "organisatie:gr:regio-achterhoek") == [
        "bgr-2022-8"]


def test_municipality_facet_lists_only_municipalities_and_the_others_have_their_own(backend):
    result = backend.search(SearchRequest())
    assert set(facet(result, "gemeente")) == {"GM0344", "GM0518", "GM0796", "GM0363", "GM0193"}
    others = {v.value: (v.label, v.count) for v in result.facets["organisatie"]}
    assert others == {"PV26": ("Provincie Utrecht", 1), "gr:regio-achterhoek": ("Regio Achterhoek", 1)}
    assert ids(backend, 'organisatie:"Provincie Utrecht"') == ["prb-2026-12"]


def test_a_municipality_and_another_body_selected_together_mean_either(backend):
    result = backend.search(SearchRequest(filters={"gemeente": ["GM0518"], "organisatie": ["PV26"]}))
    assert {h.id for h in result.hits} == {"gmb-2025-100001", "prb-2026-12"}
    assert facet(result, "gemeente")["GM0518"] == (1, True) and facet(result, "organisatie")["PV26"] == (1, True)
    assert facet(result, "gemeente")["GM0344"] == (3, False)  # still offered, to widen the selection


def test_year_facet_is_sorted_by_year_newest_first(backend):
    years = [v.value for v in backend.search(SearchRequest()).facets["jaar"]]
    assert years == sorted(years, reverse=True) and len(years) >= 5


def test_selected_value_without_hits_stays_listed(backend):
    result = backend.search(SearchRequest(q="heffingsambtenaar", filters={"kanaal": ["email"]}))
    assert result.total == 0
    assert facet(result, "kanaal")["email"] == (0, True)


def test_ui_filter_values_are_canonicalised(backend):
    assert ids(backend, filters={"gemeente": ["Den Haag"]}) == ["gmb-2025-100001"]
    assert ids(backend, filters={"kanaal": ["Berichtenbox"]}) == ["gmb-2025-100001"]


# -- sorting, hits, snippets --------------------------------------------------------------------------
def test_sort_by_date_newest_first(backend):
    found = ids(backend, "kanalen", sort="date")
    dates = {d["id"]: d["published"] or "" for d in CORPUS}  # no date sorts last
    assert len(found) > 3
    assert [dates[i] for i in found] == sorted((dates[i] for i in found), reverse=True)


def test_relevance_prefers_the_title_match(empty):
    # On its text alone the second document wins (the word twice in a short text, against once in
    # a long one): only the title's weight puts the first one on top.
    filler = " ".join(["De gemeente regelt hier zaken over wegen, groen en afval."] * 3)
    in_title = doc("gmb-2026-1", "Aanwijzingsbesluit parkeervergunningen Veere",
                   f"{filler} Een parkeervergunning vraagt u aan. {filler}",
                   body_code="GM0717", body_name="Veere", province="Zeeland", published="2026-01-01")
    in_text = doc("gmb-2026-2", "Besluit wegen Veere", "Een parkeervergunning en nog een parkeervergunning per wijk.",
                  body_code="GM0717", body_name="Veere", province="Zeeland", published="2026-01-02")
    empty.upsert([in_title, in_text])
    hits = empty.search(SearchRequest(q="parkeervergunning")).hits
    assert [h.id for h in hits] == ["gmb-2026-1", "gmb-2026-2"]
    assert hits[0].score > hits[1].score > 0


def test_hit_fields(backend):
    hit = backend.search(SearchRequest(q="gmb-2025-100001")).hits[0]
    assert hit.id == "gmb-2025-100001"
    assert hit.title == "Besluit digitale kanalen 's-Gravenhage"
    assert (hit.source, hit.publication_name, hit.body_code, hit.body_type) == (
        "officielepublicaties", "Gemeenteblad", "GM0518", "gemeente")
    assert (hit.province, hit.published, hit.regime) == ("Zuid-Holland", "2025-06-30", "wmebv")
    assert sorted(hit.channel_kinds) == ["berichtenbox", "omgevingsloket"]
    assert hit.url_official == "https://example.test/gmb-2025-100001"


def test_snippets_highlight_the_words(backend):
    hit = backend.search(SearchRequest(q="berichtenbox")).hits[0]
    assert "<mark>Berichtenbox</mark>" in hit.snippets[0]


def test_snippets_escape_the_document_text(backend):
    for q in ("heffingsambtenaar", "alert", ""):
        for hit in backend.search(SearchRequest(q=q, per_page=100)).hits:
            if hit.id == "gmb-2024-777":
                snippet = hit.snippets[0]
                assert "<script" not in snippet and "&lt;script&gt;" in snippet
                assert snippet.replace("<mark>", "").replace("</mark>", "").count("<") == 0


# -- errors -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("q", ['"open', "gemeente:Atlantis", "kanaal:telegram", "titel:x", "OR kanaal",
                               "datum:2025-13-01", "a*", "kan*aal", "datum:2026..2025", "gemeente:"])
def test_invalid_queries_raise_a_dutch_query_error(backend, q):
    with pytest.raises(QueryError) as raised:
        backend.search(SearchRequest(q=q))
    assert raised.value.message


@pytest.mark.parametrize("request_", [
    SearchRequest(page=0), SearchRequest(per_page=1000), SearchRequest(sort="random"),
    SearchRequest(filters={"kleur": ["rood"]}), SearchRequest(date_from=date(2026, 1, 1), date_to=date(2025, 1, 1)),
])
def test_invalid_requests_raise_query_error(backend, request_):
    with pytest.raises(QueryError):
        backend.search(request_)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list('ab :"-*()OR\\/[]{}^~!?.,\'gemnt2013\u00e9\u0000\U0001F600')) | st.characters(),
               max_size=60))
def test_hostile_queries_yield_a_result_or_a_query_error(backend, q):
    try:
        result = backend.search(SearchRequest(q=q))
    except QueryError as error:
        assert error.message
    else:
        assert result.total >= len(result.hits)


# -- writing ------------------------------------------------------------------------------------------
def test_upsert_replaces_and_delete_removes(empty):
    assert empty.count() == 0
    assert empty.upsert(CORPUS[:3]) == 3
    changed = dict(CORPUS[0], title="Gewijzigde titel zeldzaamwoord")
    assert empty.upsert([changed]) == 1
    assert empty.count() == 3
    assert ids(empty, "zeldzaamwoord") == [CORPUS[0]["id"]]
    assert empty.delete([CORPUS[1]["id"], "bestaat-niet"]) == 1
    assert empty.count() == 2
    assert CORPUS[1]["id"] not in ids(empty)


def test_rebuild_replaces_the_whole_index(empty):
    empty.upsert(CORPUS)
    assert empty.rebuild(CORPUS[:2]) == 2
    assert empty.count() == 2
    assert set(ids(empty)) == {CORPUS[0]["id"], CORPUS[1]["id"]}


@pytest.mark.slow
def test_pagination_stays_correct_past_ten_thousand_hits(empty):
    start = date(1990, 1, 1)
    docs = [{"id": f"gmb-x-{n:05d}", "title": f"Besluit {n}", "text": "kanaal aanwijzing",
             "source": "officielepublicaties", "published": (start + timedelta(days=n)).isoformat(),
             "year": (start + timedelta(days=n)).year} for n in range(10_050)]
    assert empty.rebuild(docs) == len(docs)
    newest_first = [d["id"] for d in reversed(docs)]
    result = empty.search(SearchRequest(q="kanaal", sort="date", page=501, per_page=20))
    assert result.total == 10_050
    assert [h.id for h in result.hits] == newest_first[10_000:10_020]
    last = empty.search(SearchRequest(q="kanaal", sort="date", page=503, per_page=20))
    assert [h.id for h in last.hits] == newest_first[10_040:]


def test_selected_facet_values_are_never_cut_off():
    from kanaalwijzer.search.results import facet_values
    counts = {f"GM{n:04d}": 1000 - n for n in range(600)}
    values = facet_values("gemeente", counts, ["GM0599", "GM9999"])
    assert len(values) == 400 + 2
    assert {v.value: (v.count, v.selected) for v in values if v.selected} == {"GM0599": (401, True),
                                                                              "GM9999": (0, True)}
