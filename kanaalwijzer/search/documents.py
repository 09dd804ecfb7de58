"""Index documents derived from the store: one per publication, from its latest version.

The index is disposable: everything here is recomputed from the store on every rebuild.
Extraction results are read when the registry's `extractions` table exists; until then the
fields that come from them (organs, channel kinds, regime, classification) stay empty.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from datetime import date

from .. import bodies
from .vocab import CLASSIFICATION_REGIME, bodies_by_code, fold

log = logging.getLogger(__name__)

DOCUMENT_FIELDS = (
    "id", "title", "text", "source", "publication_name", "body_name", "body_code", "body_type", "province",
    "organs", "channel_kinds", "regime", "classification", "year", "published", "modified", "url_official",
    "is_format_of",
)


def has_table(store, name: str) -> bool:
    return bool(store.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)))


def count_documents(store) -> int:
    return store.scalar("SELECT COUNT(*) FROM publications") or 0


def index_documents(store, ids: Iterable[str] | None = None) -> Iterator[dict]:
    """Yield the index document of every publication (or of the given ids), in id order."""
    extraction = (
        "(SELECT e.result_json FROM extractions e WHERE e.publication_id = p.id AND e.version = v.version AND e.error IS NULL"
        " ORDER BY e.extracted_at DESC, e.rowid DESC LIMIT 1)" if has_table(store, "extractions") else "NULL"
    )
    sql = (
        f"SELECT p.*, v.version AS latest_version, v.text AS latest_text, {extraction} AS extraction_json"
        " FROM publications p LEFT JOIN versions v ON v.publication_id = p.id"
        " AND v.version = (SELECT MAX(version) FROM versions w WHERE w.publication_id = p.id)"
    )
    if ids is None:
        rows = store.db.execute(sql + " ORDER BY p.id")
    else:
        wanted = sorted(set(ids))
        rows = (row for chunk in _chunks(wanted, 500) for row in store.db.execute(
            sql + f" WHERE p.id IN ({', '.join('?' * len(chunk))}) ORDER BY p.id", chunk))
    for row in rows:
        yield document_from_row(row)


def document_from_row(row) -> dict:
    extraction = _extraction(row["id"], row["extraction_json"])
    published = iso_date(row["published"])
    body = bodies_by_code().get(row["body_code"].casefold()) if row["body_code"] else None
    return {
        "id": row["id"],
        "title": row["title"] or "",
        "text": row["latest_text"] or "",
        "source": row["source"],
        "publication_name": row["publication_name"],
        "body_name": row["body_name"],
        "body_code": row["body_code"],
        "body_type": row["body_type"],
        "province": province_of(body),
        "organs": _organs(extraction.get("organs")),
        "channel_kinds": designated_kinds(extraction.get("channels")),
        "regime": CLASSIFICATION_REGIME.get(extraction.get("classification")),
        "classification": extraction.get("classification"),
        "year": int(published[:4]) if published else None,
        "published": published,
        "modified": iso_date(row["modified"]),
        "url_official": row["url_official"],
        "is_format_of": row["is_format_of"],
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


def _extraction(pub_id: str, raw: str | None) -> dict:
    if not raw:
        return {}
    try:
        result = json.loads(raw)
    except ValueError:
        log.error("extraction of %s is not valid JSON; indexed without it", pub_id)
        return {}
    return result if isinstance(result, dict) else {}


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
