"""The replay server's CQL parser and evaluator, without HTTP."""
from __future__ import annotations

import pytest

from devtools.replay.cql import Boolean, Clause, CQLError, compile_query, norm, parse

FIELDS = {"dt.title": "string", "dt.modified": "date", "cql.serverchoice": "text", "dt.identifier": "string",
          "cql.allrecords": "all"}


def matches(query: str, record: dict) -> bool:
    values = {k: [norm(v) for v in (vs if isinstance(vs, list) else [vs])] for k, vs in record.items()}
    return compile_query(parse(query), FIELDS)(lambda index: values.get(index, []))


def test_booleans_have_equal_precedence_left_to_right():
    # CQL: a or b and c == (a or b) and c
    assert parse("a or b and c") == Boolean("and", Boolean("or", Clause("cql.serverchoice", "=", "a"),
                                                           Clause("cql.serverchoice", "=", "b")),
                                            Clause("cql.serverchoice", "=", "c"))
    assert parse("a or (b and c)").right == Boolean("and", Clause("cql.serverchoice", "=", "b"),
                                                    Clause("cql.serverchoice", "=", "c"))


def test_index_names_are_case_insensitive_and_terms_keep_their_text():
    assert parse('DT.Title ALL "Aanwijzing \\"kanalen\\""') == Clause("dt.title", "all", 'Aanwijzing "kanalen"')
    assert parse("dt.modified>=2025-01-01") == Clause("dt.modified", ">=", "2025-01-01")
    assert parse("dt.modified >= 2025-01-01 sortBy dt.modified/sort.ascending") == Clause("dt.modified", ">=", "2025-01-01")


@pytest.mark.parametrize("query", ["", "(a", "a)", "dt.title ==", "a b", "dt.title == x y", "and a", "a and"])
def test_syntax_errors_are_diagnostic_10(query):
    with pytest.raises(CQLError) as error:
        parse(query)
    assert error.value.code == 10


def test_unknown_index_is_16_and_bad_date_is_36():
    with pytest.raises(CQLError) as error:
        compile_query(parse("w.onbekend==x"), FIELDS)
    assert error.value.code == 16 and error.value.details == "w.onbekend"
    with pytest.raises(CQLError) as error:
        compile_query(parse("dt.modified>=vandaag"), FIELDS)
    assert error.value.code == 36


RECORD = {"dt.title": "Aanwijzingsbesluit elektronische kanalen Den Haag", "dt.modified": "2025-12-11",
          "cql.serverchoice": "Het college wijst het contactformulier aan.", "dt.identifier": "gmb-2025-498211"}


@pytest.mark.parametrize("query, expected", [
    ('dt.title=="aanwijzingsbesluit elektronische kanalen den haag"', True),   # == is whole value, any case
    ('dt.title=="aanwijzingsbesluit"', False),
    ('dt.title="elektronische kanalen"', True),                                  # = is a substring
    ('dt.title any "heffing kanalen"', True),
    ('dt.title all "heffing kanalen"', False),
    ('dt.title all "aanwijzing kanalen"', True),                                 # substring: aanwijzing-sbesluit
    ("dt.modified>=2025-12-11 and dt.modified<=2025-12-11", True),
    ("dt.modified>2025-12-11", False),
    ("dt.modified<2025-12-12 and dt.modified<>2025-01-01", True),
    ("dt.modified=2025-12-11", True),
    ("contactformulier", True),
    ('"wijst het contactformulier"', True),
    ("e-mail", False),
    ("dt.identifier==gmb-2025-*", True),
    ("dt.identifier any gmb-2026", False),
    ("cql.allRecords=1 not dt.title any haag", False),
    ("e-mail or (dt.title any haag and dt.modified>=2025-01-01)", True),
])
def test_relations(query, expected):
    assert matches(query, RECORD) is expected


def test_missing_field_never_matches():
    assert not matches("dt.modified>=2000-01-01", {"dt.title": "x"})
    assert matches("cql.allRecords=1 not dt.modified>=2000-01-01", {"dt.title": "x"})
