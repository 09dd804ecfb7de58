"""Index documents derived from the store: one per publication, from its latest version.

The index is disposable: everything here is recomputed from the store on every rebuild. The
fields that come from the extraction (organs, channel kinds, regime, classification) stay empty
for a publication without an error-free extraction of its latest version.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from .. import bodies
from ..store import IndexSource
from .vocab import CLASSIFICATION_REGIME, bodies_by_code, fold

DOCUMENT_FIELDS = (
    "id", "title", "text", "source", "publication_name", "body_name", "body_code", "body_type", "province",
    "organs", "channel_kinds", "regime", "classification", "year", "published", "modified", "url_official",
    "is_format_of",
)


def count_documents(store) -> int:
    return store.holdings().publications


def index_documents(store, ids: Iterable[str] | None = None) -> Iterator[dict]:
    """Yield the index document of every publication (or of the given ids), in id order."""
    for source in store.index_sources(ids):
        yield document_of(source)


def document_of(source: IndexSource) -> dict:
    pub, extraction = source.publication, source.extraction
    published = iso_date(pub.published)
    body = bodies_by_code().get(pub.body_code.casefold()) if pub.body_code else None
    return {
        "id": pub.id,
        "title": pub.title or "",
        "text": source.text or "",
        "source": pub.source,
        "publication_name": pub.publication_name,
        "body_name": pub.body_name,
        "body_code": pub.body_code,
        "body_type": pub.body_type,
        "province": province_of(body),
        "organs": _organs(extraction.get("organs")),
        "channel_kinds": designated_kinds(extraction.get("channels")),
        "regime": CLASSIFICATION_REGIME.get(extraction.get("classification")),
        "classification": extraction.get("classification"),
        "year": int(published[:4]) if published else None,
        "published": published,
        "modified": iso_date(pub.modified),
        "url_official": pub.url_official,
        "is_format_of": pub.is_format_of,
    }


def province_of(body: bodies.Body | None) -> str | None:
    if body is None:
        return None
    if body.type == bodies.PROVINCIE:
        return body.name
    return body.province


def designated_kinds(channels) -> list[str]:
    """Kinds of the channels the text designates; an excluded channel never counts."""
    kinds = []
    for channel in channels or []:
        if isinstance(channel, dict) and channel.get("status") == "designated" and channel.get("kind"):
            if channel["kind"] not in kinds:
                kinds.append(channel["kind"])
    return sorted(kinds)


def iso_date(value) -> str | None:
    """The date part of an ISO date or timestamp; None for anything that is not a real date."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        return None


def _organs(organs) -> list[str]:
    names = []
    for organ in organs or []:
        name = organ.get("name") if isinstance(organ, dict) else organ
        if isinstance(name, str) and name.strip() and fold(name) not in names:
            names.append(fold(name))
    return names
