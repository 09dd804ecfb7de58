"""Where the words of a query occur in a whole text: for the decision page reached from a hit.

The same analysis as the search (Dutch stemming, spelling variants, exact identifiers, prefixes),
so what the page marks is what made the document a hit. Independent of the backend in use.
"""
from __future__ import annotations

from functools import lru_cache

from .analysis import Variants, dutch_analyzer, exact_analyzer
from .model import QueryError
from .query import AnyOf, parse_query


@lru_cache(maxsize=1)
def _analysis():
    nl = dutch_analyzer()
    return nl, exact_analyzer(), Variants(nl)


def term_spans(q: str | None, text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping (start, end) character spans of the query's positive words in `text`;
    an invalid query marks nothing."""
    try:
        query = parse_query(q or "")
    except QueryError:
        return []
    texts = [t for node in query.must for t in (node.options if isinstance(node, AnyOf) else (node,))]
    if not texts or not text:
        return []
    nl, exact, variants = _analysis()
    words = _positions(nl, text)
    identifiers = _positions(exact, text)
    spans = []
    for node in texts:
        if node.kind == "prefix":
            stem = node.text.casefold()
            spans += [(start, end) for token, start, end in identifiers.values() if token.startswith(stem)]
        elif node.exact:
            sequence = [(t.position, t.text) for t in exact.pre_tokenize(node.text).tokens]
            spans += _matches(identifiers, sequence)
        else:
            for sequence in variants.sequences(node.text):
                spans += _matches(words, sequence)
    return _merged(spans)


def _positions(analyzer, text: str) -> dict[int, tuple[str, int, int]]:
    return {t.position: (t.text, t.char_offset_from, t.char_offset_to) for t in analyzer.pre_tokenize(text).tokens}


def _matches(tokens: dict[int, tuple[str, int, int]], sequence: list[tuple[int, str]]) -> list[tuple[int, int]]:
    if not sequence:
        return []
    first_position, first = sequence[0]
    found = []
    for position, (token, start, _) in tokens.items():
        if token != first:
            continue
        ends = [tokens.get(position + offset - first_position) for offset, _ in sequence]
        if all(t is not None and t[0] == word for t, (_, word) in zip(ends, sequence)):
            found.append((start, ends[-1][2]))
    return found


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    result: list[list[int]] = []
    for start, end in sorted(spans):
        if result and start <= result[-1][1]:
            result[-1][1] = max(result[-1][1], end)
        else:
            result.append([start, end])
    return [(start, end) for start, end in result]

