"""The facets and filter fields of the query language: their index fields and values. Their Dutch
labels and aliases are the domain vocabulary's (`kanaalwijzer.vocabulary`).

Every filter value, typed in a query (`kanaal:webformulier`) or selected in the UI (`web_form`),
goes through `canonical_value` so both backends filter on exactly the values the index holds.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .. import bodies, vocabulary
from .model import QueryError

# facet / filter name -> field of the index document
FACET_FIELDS = {
    "gemeente": "body_code",
    "provincie": "province",
    "orgaan": "organs",
    "kanaal": "channel_kinds",
    "regime": "regime",
    "bron": "source",
    "jaar": "year",
}
FACETS = tuple(FACET_FIELDS)
FACET_SIZES = {"gemeente": 400}  # all bodies; the others have few values
DEFAULT_FACET_SIZE = 50

CLASSIFICATION_REGIME = vocabulary.INDEX_REGIME  # the index holds 'wmebv' / 'pre_wmebv'


def fold(text: str) -> str:
    """Lower case without accents, the form of free-text keyword values (organs)."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(text.casefold().split())


def _key(text: str) -> str:
    """'E-mail', 'e mail' and 'email' alike; aliases are written in this form."""
    return re.sub(r"[^a-z0-9_]", "", fold(text).replace(" ", "").replace("-", ""))


@lru_cache(maxsize=1)
def bodies_by_code() -> dict[str, bodies.Body]:
    return {body.code.casefold(): body for body in bodies.all_bodies()}


def body_label(code: str) -> str | None:
    body = bodies_by_code().get(code.casefold())
    return body.name if body else None


def canonical_value(facet: str, value: str) -> str:
    """The index value a filter value stands for; a QueryError names what is accepted."""
    value = " ".join(str(value).split())
    if not value:
        raise QueryError(f"Geef een waarde na '{facet}:'.")
    if facet == "gemeente":
        known = bodies_by_code().get(value.casefold())
        if known:
            return known.code
        if value.casefold().startswith("gr:"):
            return "gr:" + bodies.slug(value[3:])
        body = bodies.match_body(value, bodies.GEMEENTE) or bodies.match_body(value)
        if body is None:
            raise QueryError(f"Gemeente '{value}' ken ik niet. Namen met een spatie gaan tussen "
                             f"aanhalingstekens, bijvoorbeeld gemeente:\"Den Haag\".")
        return body.code
    if facet == "provincie":
        body = bodies.match_body(value, bodies.PROVINCIE)
        if body is None:
            raise QueryError(f"Provincie '{value}' ken ik niet. Kies uit: {', '.join(bodies.PROVINCES.values())}.")
        return body.name
    if facet == "orgaan":
        return fold(value)
    if facet == "kanaal":
        return _from_vocabulary(value, vocabulary.CHANNEL_KINDS, vocabulary.CHANNEL_KIND_ALIASES, "Kanaalsoort")
    if facet == "regime":
        return _from_vocabulary(value, vocabulary.INDEX_REGIMES, vocabulary.REGIME_ALIASES, "Regime")
    if facet == "bron":
        return _from_vocabulary(value, vocabulary.SOURCES, vocabulary.SOURCE_ALIASES, "Bron")
    if facet == "jaar":
        if not re.fullmatch(r"\d{4}", value) or not 1800 <= int(value) <= 2200:
            raise QueryError(f"Jaar '{value}' is geen jaartal; schrijf bijvoorbeeld jaar:2025.")
        return value
    raise QueryError(f"Onbekend filter '{facet}'. Filters: {', '.join(FACETS)}, datum.")


def _from_vocabulary(value: str, names: dict[str, str], aliases: dict[str, str], what: str) -> str:
    """A code from the code itself, its Dutch name or an alias, however written."""
    key = _key(value)
    for code, name in names.items():
        if key in (_key(code), _key(name)):
            return code
    if key in aliases:
        return aliases[key]
    raise QueryError(f"{what} '{value}' ken ik niet. Kies uit: {', '.join(names)}.")


def facet_label(facet: str, value: str) -> str:
    if facet == "gemeente":
        return body_label(value) or value
    if facet == "kanaal":
        return vocabulary.channel_label(value, capital=True)
    if facet == "regime":
        return vocabulary.regime_label(value, capital=True)
    if facet == "bron":
        return vocabulary.label(vocabulary.SOURCES, value, capital=True)
    return value


def canonical_filters(filters: dict[str, list[str]] | None) -> dict[str, list[str]]:
    """UI facet selections in index values, without duplicates; empty lists dropped."""
    result: dict[str, list[str]] = {}
    for facet, values in (filters or {}).items():
        if facet not in FACET_FIELDS:
            raise QueryError(f"Onbekend filter '{facet}'. Filters: {', '.join(FACETS)}.")
        if isinstance(values, str):
            values = [values]
        canonical = []
        for value in values or []:
            value = canonical_value(facet, value)
            if value not in canonical:
                canonical.append(value)
        if canonical:
            result[facet] = canonical
    return result
