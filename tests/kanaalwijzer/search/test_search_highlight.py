"""Marking a query's words in a whole text (the decision page reached from a hit)."""
from kanaalwijzer.search.highlight import term_spans

TEXT = ("Gelet op artikel 2:13, tweede lid, van de Algemene wet bestuursrecht wijst het college het "
        "webformulier en de Berichtenbox aan. E-mail is uitgesloten. Zie gmb-2025-540118.")


def marked(q: str) -> list[str]:
    return [TEXT[start:end] for start, end in term_spans(q, TEXT)]


def test_words_stems_and_spelling_variants():
    assert marked("webformulieren") == ["webformulier"]
    assert marked("email") == ["E-mail"]
    assert marked("Awb") == ["Algemene wet bestuursrecht"]
    assert marked('"digitaal formulier" OF berichtenbox') == ["webformulier", "Berichtenbox"]


def test_phrases_references_identifiers_and_prefixes():
    assert marked('"wijst het college"') == ["wijst het college"]
    assert marked("artikel 2:13 lid 2") == ["2:13, tweede lid"]
    assert marked("Gmb. 2025, 540118") == ["gmb-2025-540118"]
    assert marked("uitgesl*") == ["uitgesloten"]


def test_exclusions_filters_and_invalid_queries_mark_nothing():
    assert marked("-webformulier kanaal:email") == []
    assert marked('"open') == []
    assert term_spans("email", "") == []
