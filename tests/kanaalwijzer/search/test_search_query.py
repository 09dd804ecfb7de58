"""The query language parser, shared by both backends."""
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kanaalwijzer.search import Query, QueryError, parse_query
from kanaalwijzer.search.query import AnyOf, Text


def test_words_phrases_prefixes():
    query = parse_query('elektronische "aangewezen kanaal" aanwijz*')
    assert query.must == [Text("elektronische"), Text("aangewezen kanaal", "phrase"), Text("aanwijz", "prefix")]
    assert query.has_text


def test_identifiers_are_exact_and_words_are_not():
    assert Text("gmb-2025-552188").exact
    assert Text("artikel 2:13", "phrase").exact
    assert not Text("e-mail").exact


def test_or_binds_tighter_than_and():
    query = parse_query("kanaal webformulier OR contactformulier OR portaal")
    assert query.must == [Text("kanaal"), AnyOf((Text("webformulier"), Text("contactformulier"), Text("portaal")))]


def test_exclusions():
    query = parse_query('kanaal -email NOT "sociale media" AND +digid')
    assert query.must == [Text("kanaal"), Text("digid")]
    assert query.must_not == [Text("email"), Text("sociale media", "phrase")]


def test_dutch_operators_as_the_hint_advertises():
    assert parse_query("bezwaar OF klacht").must == parse_query("bezwaar OR klacht").must == [
        AnyOf((Text("bezwaar"), Text("klacht")))]
    assert parse_query("webformulier NIET email") == parse_query("webformulier NOT email")
    assert parse_query("webformulier EN digid") == parse_query("webformulier digid")
    # lower case is a word (a stop word), not an operator
    assert parse_query("bezwaar of klacht").must == [Text("bezwaar"), Text("of"), Text("klacht")]
    with pytest.raises(QueryError, match="OF moet tussen"):
        parse_query("bezwaar OF")


@pytest.mark.parametrize("q, expected", [
    ("Gmb. 2025, 540118", "gmb-2025-540118"),
    ("gmb 2025 540118", "gmb-2025-540118"),
    ("Gemeenteblad 2025, nr. 540118", "gmb-2025-540118"),
    ("Prb. 2025, 9120", "prb-2025-9120"),
    ("Provinciaal blad 2025, 9120", "prb-2025-9120"),
    ("Stcrt. 2026, 1234", "stcrt-2026-1234"),
    ("Bgr. 2025, 1412", "bgr-2025-1412"),
])
def test_gazette_citations_become_the_publication_identifier(q, expected):
    assert parse_query(q).must == [Text(expected)]
    assert parse_query(f"-{q}").must_not == [Text(expected)]


@pytest.mark.parametrize("q", ["artikel 2:13 lid 2", "art. 2:13, tweede lid", "2:13 lid 2", "artikel 2:13 2e lid"])
def test_legal_reference_with_paragraph_matches_its_wordings(q):
    (node,) = parse_query(q).must
    phrases = {text.text for text in node.options}
    assert {"2:13 lid 2", "2:13 tweede lid", "lid 2 van artikel 2:13", "tweede lid van artikel 2:13"} <= phrases
    assert all(text.kind == "phrase" and text.exact for text in node.options)


def test_reference_in_an_or_and_words_around_it():
    query = parse_query("artikel 2:13 lid 2 OF 2:15 Awb")
    assert Text("2:15") in query.must[0].options and Text("2:13 lid 2", "phrase") in query.must[0].options
    assert query.must[1] == Text("Awb")
    assert parse_query("artikel 2:13").must == [Text("artikel"), Text("2:13")]  # no paragraph: words


def test_filters_resolve_names_to_index_values():
    query = parse_query('gemeente:"Den Haag" provincie:Friesland kanaal:webformulier regime:pre-wmebv '
                        'bron:gemeenteblad jaar:2025 orgaan:"College van B. en W."')
    assert query.filters == {"gemeente": ["GM0518"], "provincie": ["Fryslân"], "kanaal": ["web_form"],
                             "regime": ["pre_wmebv"], "bron": ["officielepublicaties"], "jaar": ["2025"],
                             "orgaan": ["college van b. en w."]}
    assert not query.has_text


@pytest.mark.parametrize("value", ["'s-Gravenhage", '"Den Haag"', "den-haag", "GM0518"])
def test_municipality_name_variants(value):
    assert parse_query(f"gemeente:{value}").filters == {"gemeente": ["GM0518"]}


def test_den_bosch():
    assert parse_query('gemeente:"Den Bosch"').filters == parse_query("gemeente:'s-Hertogenbosch").filters


def test_or_between_values_of_one_filter_and_exclusion():
    query = parse_query("kanaal:portaal OR kanaal:berichtenbox -kanaal:email -bron:cvdr")
    assert query.filters == {"kanaal": ["portal", "berichtenbox"]}
    assert query.excluded == {"kanaal": ["email"], "bron": ["cvdr"]}


def test_repeated_filter_narrows():
    assert parse_query("gemeente:Utrecht gemeente:Utrecht").filters == {"gemeente": ["GM0344"]}
    assert parse_query("gemeente:Utrecht gemeente:Amsterdam").filters == {"gemeente": []}


@pytest.mark.parametrize("q, start, end", [
    ("datum:2025-01-01..2025-12-31", date(2025, 1, 1), date(2025, 12, 31)),
    ("datum:2025", date(2025, 1, 1), date(2025, 12, 31)),
    ("datum:2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ("datum:2025-12", date(2025, 12, 1), date(2025, 12, 31)),
    ("datum:2025-03..", date(2025, 3, 1), None),
    ("datum:..31-12-2025", None, date(2025, 12, 31)),
    ("datum:2020..2030 datum:2025-06..2031", date(2025, 6, 1), date(2030, 12, 31)),
])
def test_date_ranges(q, start, end):
    query = parse_query(q)
    assert (query.date_from, query.date_to) == (start, end)


def test_year_range():
    assert parse_query("jaar:2024..2026").filters == {"jaar": ["2024", "2025", "2026"]}


def test_colon_inside_text_is_not_a_filter():
    assert parse_query("artikel 2:13").must == [Text("artikel"), Text("2:13")]
    assert parse_query("https://example.nl/x").must == [Text("https://example.nl/x")]


def test_lone_star_and_empty_phrase_ask_for_everything():
    assert parse_query('* ""') == Query()


@pytest.mark.parametrize("q, words", [
    ('"open', "aanhalingsteken"),
    ("gemeente:", "waarde"),
    ('gemeente:"Nergenshuizen"', "ken ik niet"),
    ("gemeente:Den Haag", "aanhalingstekens"),
    ("kanaal:telegram", "Kies uit"),
    ("titel:aanwijzing", "Onbekend filter"),
    ("OR kanaal", "OR moet tussen"),
    ("kanaal OR", "OR moet tussen"),
    ("kanaal OR OR portaal", "OR moet tussen"),
    ("kanaal OR -email", "Uitsluiten"),
    ("kanaal OR kanaal:email", "filter"),
    ("NOT", "Na NOT"),
    ("NIET", "Na NIET"),
    ("OF kanaal", "OF moet tussen"),
    ("a*", "minstens"),
    ("kan*aal", "aan het eind"),
    ("datum:2025-02-30", "geen bestaande datum"),
    ("datum:gisteren", "geen datum"),
    ("datum:2026..2025", "na de einddatum"),
    ("datum:..", "ten minste één kant"),
    ("jaar:25", "geen jaartal"),
    ("jaar:2026..2020", "eerste jaar"),
    ("-", "minteken"),
    ("x" * 1001, "te lang"),
])
def test_invalid_queries_explain_themselves_in_dutch(q, words):
    with pytest.raises(QueryError) as raised:
        parse_query(q)
    assert words in raised.value.message


def test_error_position_points_at_the_problem():
    with pytest.raises(QueryError) as raised:
        parse_query('kanaal "open')
    assert raised.value.position == 7


def test_control_characters_and_surrogates_are_cleaned():
    assert parse_query("kanaal\x00\ud800email").must == [Text("kanaal"), Text("?email")]


@given(st.text(max_size=200))
def test_any_text_parses_or_raises_query_error(q):
    try:
        query = parse_query(q)
    except QueryError as error:
        assert error.message
    else:
        assert isinstance(query, Query)
