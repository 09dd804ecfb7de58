"""The Elasticsearch mappings and request bodies, checked without a server.

Behaviour against a real server is covered by test_search_contract.py when KANAALWIJZER_ES_URL is set.
"""
import json
from datetime import date
from importlib import resources

import pytest

from kanaalwijzer.search import SearchRequest, parse_query
from kanaalwijzer.search.analysis import IDENTIFIER_PATTERN
from kanaalwijzer.search.elastic import es_source, index_definition, search_body
from kanaalwijzer.search.vocab import FACET_FIELDS


def body(q="", filters=None, **kwargs):
    request = SearchRequest(q=q, **kwargs)
    return search_body(parse_query(q), request, filters or {}, request.page, request.per_page)


def test_definition_is_the_repository_file():
    raw = json.loads(resources.files("kanaalwijzer.search").joinpath("es_index.json").read_text("utf-8"))
    assert index_definition() == raw


def test_dutch_analyzer_and_exact_subfields():
    definition = index_definition()
    analysis = definition["settings"]["analysis"]
    dutch = analysis["analyzer"]["dutch_text"]
    assert dutch["filter"] == ["lowercase", "dutch_stop", "asciifolding", "dutch_stemmer"]
    assert dutch["char_filter"] == ["joined_words"]  # "e-mail" is indexed as "email"
    search = analysis["analyzer"]["dutch_search"]  # the same plus the spelling variants
    assert search["filter"] == [*dutch["filter"], "spelling_variants"] and search["char_filter"] == ["joined_words"]
    assert analysis["filter"]["spelling_variants"]["type"] == "synonym_graph"
    assert analysis["filter"]["dutch_stemmer"] == {"type": "stemmer", "language": "dutch"}
    assert analysis["filter"]["dutch_stop"]["stopwords"] == "_dutch_"
    # identifiers are tokenised exactly as the embedded backend does
    assert analysis["tokenizer"]["identifier"]["pattern"] == IDENTIFIER_PATTERN
    props = definition["mappings"]["properties"]
    for field in ("title", "text", "names"):
        assert props[field]["analyzer"] == "dutch_text" and props[field]["search_analyzer"] == "dutch_search"
    for field in ("title", "text"):
        assert props[field]["fields"]["exact"]["analyzer"] == "exact"
    assert definition["mappings"]["dynamic"] == "strict"
    assert definition["settings"]["index"]["max_result_window"] >= 1_000_000
    for field in FACET_FIELDS.values():  # every facet is an aggregatable keyword
        assert props[field]["type"] == "keyword"


def test_source_documents_fit_the_strict_mapping():
    doc = {"id": "CVDR1_2", "title": "t", "text": "x", "source": "cvdr", "year": 2025, "published": "2025-01-02",
           "is_format_of": "gmb-2025-1", "body_code": "GM0344", "organs": ["burgemeester"],
           "channel_kinds": ["web_form"]}
    source = es_source(doc)
    assert set(source) <= set(index_definition()["mappings"]["properties"])
    assert source["year"] == "2025" and source["ids"] == "CVDR1_2 CVDR1 1 gmb-2025-1 1 GM0344"
    assert source["own_ids"] == "CVDR1_2 CVDR1 1"
    assert source["names"] == ["Utrecht", "Gemeente Utrecht"]


@pytest.mark.parametrize("written, indexed", [
    ("E-mail", "Email"), ("e\u2011mail", "email"), ("e mail", "email"), ("e-mailadres", "emailadres"),
    ("web-formulier", "webformulier"), ("e-formulier", "eformulier"), ("e-Herkenning", "eHerkenning"),
    ("Digi-D", "DigiD"), ("de mail", "de mail"), ("wet-en regelgeving", "wet-en regelgeving"), ("digitaal", "digitaal"),
])
def test_joined_words_char_filter(written, indexed):
    """The char filter's pattern, run by Python as the embedded backend does (it is valid in both)."""
    import re
    pattern = index_definition()["settings"]["analysis"]["char_filter"]["joined_words"]["pattern"]
    assert re.sub(pattern, r"\1", written) == indexed


def test_words_phrases_and_identifiers():
    must = body('kanalen "sociale media" gmb-2025-552188')["query"]["bool"]["must"]
    assert must[0] == {"multi_match": {"query": "kanalen", "fields": ["title^2", "text", "names"], "type": "phrase",
                                       "zero_terms_query": "all"}}
    assert must[1]["multi_match"]["query"] == "sociale media"
    exact = must[2]["bool"]
    assert exact["must"][0]["multi_match"]["fields"] == ["title.exact^2", "text.exact", "ids"]
    assert exact["should"] == [{"match_phrase": {"own_ids": {"query": "gmb-2025-552188", "boost": 10.0}}}]


def test_or_exclusion_prefix():
    query = body("webformulier OR portaal -email elektroni*")["query"]["bool"]
    assert len(query["must"][0]["bool"]["should"]) == 2
    assert query["must_not"][0]["multi_match"]["zero_terms_query"] == "none"
    prefix = query["must"][1]["bool"]["should"]
    assert {"prefix": {"text.exact": {"value": "elektroni"}}} in prefix
    assert {"prefix": {"text": {"value": "elektroni"}}} in prefix


def test_query_filters_and_dates_are_filters():
    query = body("gemeente:Utrecht -kanaal:email datum:2025", date_to=date(2025, 6, 30))["query"]["bool"]
    assert query["must"] == [{"match_all": {}}]
    assert {"terms": {"body_code": ["GM0344"]}} in query["filter"]
    assert {"range": {"published": {"gte": "2025-01-01", "lte": "2025-06-30"}}} in query["filter"]
    assert query["must_not"] == [{"terms": {"channel_kinds": ["email"]}}]


def test_facet_selections_use_post_filter_and_other_facets_aggregations():
    selected = {"provincie": ["Utrecht"], "kanaal": ["web_form"]}
    result = body(filters=selected)
    assert result["post_filter"] == {"bool": {"filter": [{"terms": {"province": ["Utrecht"]}},
                                                         {"terms": {"channel_kinds": ["web_form"]}}]}}
    aggs = result["aggs"]
    assert set(aggs) == set(FACET_FIELDS.values())  # one per field: gemeente and organisatie share body_code
    assert aggs["province"]["filter"] == {"bool": {"filter": [{"terms": {"channel_kinds": ["web_form"]}}]}}
    assert aggs["channel_kinds"]["filter"] == {"bool": {"filter": [{"terms": {"province": ["Utrecht"]}}]}}
    assert len(aggs["source"]["filter"]["bool"]["filter"]) == 2
    assert aggs["body_code"]["aggs"]["values"]["terms"] == {"field": "body_code", "size": 1000}
    assert "post_filter" not in body()


def test_a_municipality_and_another_body_are_one_selection():
    result = body(filters={"gemeente": ["GM0518"], "organisatie": ["PV26"]})
    assert result["post_filter"] == {"bool": {"filter": [{"terms": {"body_code": ["GM0518", "PV26"]}}]}}
    assert result["aggs"]["body_code"]["filter"] == {"match_all": {}}


def test_sorting_paging_and_highlight():
    deep = body("kanaal", page=600, per_page=20)
    assert (deep["from"], deep["size"], deep["track_total_hits"]) == (11_980, 20, True)
    assert deep["sort"][0] == {"_score": {"order": "desc"}}
    assert deep["highlight"]["encoder"] == "html"  # fragments come escaped, with only our <mark> tags
    assert deep["highlight"]["pre_tags"] == ["<mark>"]
    by_date = body("kanaal", sort="date")
    assert by_date["sort"][0] == {"published": {"order": "desc", "missing": "_last"}}
    assert body()["sort"][0] == by_date["sort"][0]  # without words relevance means nothing
    assert "highlight" not in body()
