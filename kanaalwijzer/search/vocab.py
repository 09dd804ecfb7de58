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
    "gemeente": "body_code",      # municipalities only ...
    "organisatie": "body_code",   # ... provinces, water boards, joint bodies: one field, one selection
    "provincie": "province",
    "orgaan": "organs",
    "kanaal": "channel_kinds",
    "regime": "regime",
    "bron": "source",
    "jaar": "year",
}
FACETS = tuple(FACET_FIELDS)
FACET_SIZES = {"gemeente": 400, "organisatie": 400}  # all bodies; the others have few values
DEFAULT_FACET_SIZE = 50
FIELD_SIZES = {"body_code": 1000}  # one aggregation serves both facets of the field


def field_facets() -> dict[str, list[str]]:
    """Index field -> the facets it serves (body_code: gemeente and organisatie)."""
    fields: dict[str, list[str]] = {}
    for facet, name in FACET_FIELDS.items():
        fields.setdefault(name, []).append(facet)
    return fields


def field_size(field: str) -> int:
    return FIELD_SIZES.get(field) or max(FACET_SIZES.get(f, DEFAULT_FACET_SIZE) for f in field_facets()[field])


def selected_fields(selected: dict[str, list[str]]) -> dict[str, list[str]]:
    """UI selections per index field: facets sharing a field share one 'any of these' selection."""
    fields: dict[str, list[str]] = {}
    for facet, values in selected.items():
        target = fields.setdefault(FACET_FIELDS[facet], [])
        target.extend(v for v in values if v not in target)
    return fields


def facet_counts(facet: str, counts: dict[str, int]) -> dict[str, int]:
    """The counts of the facet's field that belong to the facet."""
    return {value: count for value, count in counts.items() if facet_holds(facet, value)}


def facet_holds(facet: str, value: str) -> bool:
    """Whether a value of the facet's field belongs to this facet: municipality codes (GM0344)
    to 'gemeente', every other body to 'organisatie'."""
    if facet == "gemeente":
        return value.upper().startswith("GM")
    if facet == "organisatie":
        return not value.upper().startswith("GM")
    return True

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
    """Municipalities by their short name, other bodies by their official name (Provincie Drenthe)."""
    body = bodies_by_code().get(code.casefold())
    if body is None:
        return None
    return body.name if body.type == bodies.GEMEENTE else body.display_name


def canonical_value(facet: str, value: str) -> str:
    """The index value a filter value stands for; a QueryError names what is accepted."""
    value = " ".join(str(value).split())
    if not value:
        raise QueryError(f"Geef een waarde na '{facet}:'.")
    if facet in ("gemeente", "organisatie"):
        known = bodies_by_code().get(value.casefold())
        if known:
            return known.code
        if value.casefold().startswith("gr:"):
            return "gr:" + bodies.slug(value[3:])
        if facet == "gemeente":
            body = bodies.match_body(value, bodies.GEMEENTE) or bodies.match_body(value)
        else:
            body = next(filter(None, (bodies.match_body(value, kind) for kind in (
                bodies.PROVINCIE, bodies.WATERSCHAP))), None) or bodies.match_body(
                value, bodies.GEMEENSCHAPPELIJKE_REGELING)
        if body is None:
            raise QueryError(f"{facet.capitalize()} '{value}' ken ik niet. Namen met een spatie gaan tussen "
                             f"aanhalingstekens, bijvoorbeeld {facet}:\"Den Haag\".")
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
    if facet in ("gemeente", "organisatie"):
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
        for value in values or []:
            value = canonical_value(facet, value)
            # a province selected as 'gemeente' (an old link) is listed where it belongs
            home = next(f for f in (facet, *FACET_FIELDS) if FACET_FIELDS[f] == FACET_FIELDS[facet]
                        and facet_holds(f, value))
            canonical = result.setdefault(home, [])
            if value not in canonical:
                canonical.append(value)
    return result
