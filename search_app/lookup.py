"""Finding a municipality from what a visitor types: code, slug, full or partial name, variants
('s-Hertogenbosch / Den Bosch). Matching itself is kanaalwijzer.bodies'; this only ranks."""
from __future__ import annotations

from functools import lru_cache

from kanaalwijzer.bodies import Body, match_body, municipalities, normalise_name, slug


def _key(name: str) -> str:
    return normalise_name(name).replace("'", "").replace(" ", "")


@lru_cache(maxsize=1)
def _names() -> tuple[tuple[Body, tuple[str, ...]], ...]:
    return tuple((body, tuple({_key(n) for n in (body.name, body.display_name, *body.variants) if n}))
                 for body in municipalities())


def by_key(key: str) -> Body | None:
    """A URL key: the CBS code (GM0796) or a slug of any name (den-bosch, s-hertogenbosch)."""
    wanted = key.strip()
    for body in municipalities():
        if body.code.casefold() == wanted.casefold():
            return body
    wanted_slug = slug(wanted)
    for body in municipalities():
        if wanted_slug in {slug(n) for n in (body.name, body.display_name, *body.variants) if n}:
            return body
    return None


def find(query: str, limit: int = 20) -> list[Body]:
    """Exact name or variant first; otherwise names starting with, then containing, the query."""
    if not query or not query.strip():
        return []
    exact = match_body(query, "gemeente")
    if exact:
        return [exact]
    wanted = _key(query)
    if not wanted:
        return []
    starts = [b for b, names in _names() if any(n.startswith(wanted) for n in names)]
    contains = [b for b, names in _names() if b not in starts and any(wanted in n for n in names)]
    return (starts + contains)[:limit]


def canonical_slug(body: Body) -> str:
    return slug(body.name)
