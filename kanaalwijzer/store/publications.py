"""Publications, their content versions and the raw responses they came from.

Publications are keyed by their source identifier and upserted; their content lives in numbered
versions that are only ever added (the same content hash is the same version). Every response
fetched is kept byte for byte, also when it could not be used. Tables: publications_0001.sql.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..documents import content_hash
from ._db import Tables, decoded, now, placeholders

# Columns of `publications` that callers may set; the rest is bookkeeping.
PUBLICATION_FIELDS = (
    "source", "publication_name", "work_id", "work_version", "title", "body_name", "body_type",
    "body_code", "rubriek", "published", "modified", "issued", "valid_from", "valid_to",
    "url_official", "url_xml", "url_metadata", "is_format_of", "meta_json",
)


@dataclass(frozen=True)
class Publication:
    """One publication's metadata as the source gives it (see publications_0001.sql)."""
    id: str
    source: str
    publication_name: str | None
    work_id: str | None
    work_version: int | None
    title: str | None
    body_name: str | None
    body_type: str | None
    body_code: str | None
    rubriek: str | None
    published: str | None
    modified: str | None
    issued: str | None
    valid_from: str | None
    valid_to: str | None
    url_official: str | None
    url_xml: str | None
    url_metadata: str | None
    is_format_of: str | None
    meta: dict
    first_seen: str
    last_seen: str

    @classmethod
    def _of(cls, row) -> "Publication":
        return cls(**decoded(row, meta={}))


@dataclass(frozen=True)
class Version:
    """One content version of a publication: normalised text and its structural blocks."""
    publication_id: str
    version: int
    content_hash: str
    text: str
    structure: list  # blocks as dicts: kind, label, start, end
    source_modified: str | None
    fetched_at: str

    @classmethod
    def _of(cls, row) -> "Version":
        return cls(**decoded(row, structure=[]))


@dataclass(frozen=True)
class VersionResult:
    version: int
    created: bool  # False when the content hash was already stored


@dataclass(frozen=True)
class RawResponse:
    id: int
    publication_id: str | None
    kind: str  # record | xml | metadata | html | sru
    url: str | None
    http_status: int | None
    content_type: str | None
    body: bytes
    sha256: str
    error: str | None
    fetched_at: str


@dataclass(frozen=True)
class HeldText:
    """What the harvest needs to know of a publication it meets again."""
    modified: str | None  # the source's modified date of the text we hold
    has_text: bool


@dataclass(frozen=True)
class BodyHoldings:
    """Per body: how many publications we hold and the newest of them."""
    body_code: str
    body_name: str | None
    publications: int
    latest_published: str | None
    last_seen: str | None


@dataclass(frozen=True)
class Holdings:
    publications: int
    publications_without_body: int
    publications_with_text: int
    versions: int
    raw_responses: int
    files: int  # raw responses other than SRU records: the files a harvest fetched


@dataclass(frozen=True)
class IndexSource:
    """What the search index is built from: a publication, its latest text and its extraction."""
    publication: Publication
    version: int | None
    text: str | None
    extraction: dict  # the newest error-free extraction of that version ({} when none)


class PublicationTables(Tables):
    # -- publications -----------------------------------------------------------------------
    def upsert_publication(self, pub_id: str, **fields) -> None:
        """Insert or update the metadata of one publication; unknown keys are an error."""
        unknown = set(fields) - set(PUBLICATION_FIELDS)
        if unknown:
            raise ValueError(f"unknown publication fields: {sorted(unknown)}")
        if isinstance(fields.get("meta_json"), (dict, list)):
            fields["meta_json"] = json.dumps(fields["meta_json"], ensure_ascii=False, sort_keys=True)
        stamp = now()
        columns = ["id", *fields, "first_seen", "last_seen"]
        updates = ", ".join(f"{c} = excluded.{c}" for c in [*fields, "last_seen"])
        self._db.execute(
            f"INSERT INTO publications ({', '.join(columns)}) VALUES ({placeholders(columns)}) "
            f"ON CONFLICT (id) DO UPDATE SET {updates}",
            (pub_id, *fields.values(), stamp, stamp),
        )

    def mark_text_modified(self, pub_id: str, modified: str | None) -> None:
        """The text of this `modified` date is now held (the harvest's incremental check)."""
        self._db.execute("UPDATE publications SET modified = ? WHERE id = ?", (modified, pub_id))

    def publication(self, pub_id: str) -> Publication | None:
        row = self._row("SELECT * FROM publications WHERE id = ?", (pub_id,))
        return Publication._of(row) if row else None

    def all_publications(self) -> list[Publication]:
        return [Publication._of(r) for r in self._rows("SELECT * FROM publications ORDER BY id")]

    def publications_of_body(self, body_code: str) -> list[Publication]:
        return [Publication._of(r) for r in self._rows(
            "SELECT * FROM publications WHERE body_code = ? ORDER BY id", (body_code,))]

    def publications_of_work(self, work_id: str) -> list[Publication]:
        return [Publication._of(r) for r in self._rows(
            "SELECT * FROM publications WHERE work_id = ? ORDER BY work_version, id", (work_id,))]

    def linked_publications(self, pub_id: str) -> list[Publication]:
        """The other manifestations of the same decision (CVDR consolidation <-> gazette)."""
        return [Publication._of(r) for r in self._rows(
            "SELECT * FROM publications WHERE id != ? AND ("
            " is_format_of = ? OR id = (SELECT is_format_of FROM publications WHERE id = ?)"
            " OR (is_format_of IS NOT NULL AND is_format_of = (SELECT is_format_of FROM publications WHERE id = ?)))"
            " ORDER BY id",
            (pub_id, pub_id, pub_id, pub_id),
        )]

    def held_text(self, pub_id: str) -> HeldText | None:
        """None when the publication is new to us."""
        row = self._row(
            "SELECT modified, EXISTS (SELECT 1 FROM versions v WHERE v.publication_id = p.id)"
            " FROM publications p WHERE id = ?", (pub_id,))
        return HeldText(row[0], bool(row[1])) if row else None

    def earlier_work_versions_held(self, work_id: str, work_version: int) -> int:
        """How many expressions of a CVDR work older than `work_version` we hold."""
        return self._value("SELECT COUNT(*) FROM publications WHERE work_id = ? AND work_version < ?",
                           (work_id, work_version))

    def holdings(self) -> Holdings:
        row = self._row(
            "SELECT (SELECT COUNT(*) FROM publications), (SELECT COUNT(*) FROM publications WHERE body_code IS NULL),"
            " (SELECT COUNT(DISTINCT publication_id) FROM versions), (SELECT COUNT(*) FROM versions),"
            " (SELECT COUNT(*) FROM raw_responses), (SELECT COUNT(*) FROM raw_responses WHERE kind != 'record')")
        return Holdings(*row)

    def holdings_per_body(self) -> list[BodyHoldings]:
        return [BodyHoldings(*r) for r in self._rows(
            "SELECT body_code, MAX(body_name), COUNT(*), MAX(published), MAX(last_seen) FROM publications"
            " WHERE body_code IS NOT NULL GROUP BY body_code ORDER BY body_code")]

    def bodies_with_publications(self) -> set[str]:
        return {r[0] for r in self._rows("SELECT DISTINCT body_code FROM publications WHERE body_code IS NOT NULL")}

    # -- versions ---------------------------------------------------------------------------
    def add_version(self, pub_id: str, text: str, structure: list | None = None,
                    source_modified: str | None = None) -> VersionResult:
        """Keep this content as a new version unless the same content is already stored."""
        digest = content_hash(text)
        with self.transaction():
            existing = self._value(
                "SELECT version FROM versions WHERE publication_id = ? AND content_hash = ?", (pub_id, digest))
            if existing:
                return VersionResult(existing, created=False)
            number = self._value("SELECT COALESCE(MAX(version), 0) + 1 FROM versions WHERE publication_id = ?",
                                 (pub_id,))
            self._db.execute(
                "INSERT INTO versions (publication_id, version, content_hash, text, structure_json,"
                " source_modified, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (pub_id, number, digest, text, json.dumps(structure or [], ensure_ascii=False),
                 source_modified, now()),
            )
            return VersionResult(number, created=True)

    def version(self, pub_id: str, version: int) -> Version | None:
        row = self._row("SELECT * FROM versions WHERE publication_id = ? AND version = ?", (pub_id, version))
        return Version._of(row) if row else None

    def versions(self, pub_id: str) -> list[Version]:
        return [Version._of(r) for r in self._rows(
            "SELECT * FROM versions WHERE publication_id = ? ORDER BY version", (pub_id,))]

    def latest_version(self, pub_id: str) -> Version | None:
        row = self._row("SELECT * FROM versions WHERE publication_id = ? ORDER BY version DESC LIMIT 1", (pub_id,))
        return Version._of(row) if row else None

    def version_text(self, pub_id: str, version: int) -> str | None:
        return self._value("SELECT text FROM versions WHERE publication_id = ? AND version = ?", (pub_id, version))

    def version_counts(self) -> dict[str, int]:
        """Per publication that has text: how many versions of it we hold."""
        return dict(self._rows("SELECT publication_id, COUNT(*) FROM versions GROUP BY publication_id"))

    # -- raw responses ----------------------------------------------------------------------
    def save_raw(self, publication_id: str | None, kind: str, body: bytes, *, url: str | None = None,
                 http_status: int | None = None, content_type: str | None = None,
                 error: str | None = None) -> int:
        """Keep the bytes of a response (once per distinct content); returns its row id."""
        digest = hashlib.sha256(body).hexdigest()
        self._db.execute(
            "INSERT INTO raw_responses (publication_id, kind, url, http_status, content_type, body, sha256,"
            " error, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (publication_id, kind, sha256) DO UPDATE SET error = excluded.error",
            (publication_id, kind, url, http_status, content_type, body, digest, error, now()),
        )
        return self._value(
            "SELECT id FROM raw_responses WHERE publication_id IS ? AND kind = ? AND sha256 = ?",
            (publication_id, kind, digest),
        )

    def raw_responses(self, publication_id: str | None, kind: str | None = None) -> list[RawResponse]:
        """The responses kept for a publication (None: those that belong to none, e.g. SRU pages)."""
        return [RawResponse(**r) for r in self._rows(
            "SELECT * FROM raw_responses WHERE publication_id IS ? AND (? IS NULL OR kind = ?) ORDER BY id",
            (publication_id, kind, kind))]

    # -- the search index's input -----------------------------------------------------------
    def index_sources(self, ids: Iterable[str] | None = None) -> Iterator[IndexSource]:
        """Every publication (or the given ids) in id order, with its latest text and extraction."""
        from .registry import extraction_result
        sql = (
            "SELECT p.*, v.version AS latest_version, v.text AS latest_text,"
            " (SELECT e.result_json FROM extractions e WHERE e.publication_id = p.id AND e.version = v.version"
            "  AND e.error IS NULL ORDER BY e.extracted_at DESC, e.rowid DESC LIMIT 1) AS extraction_json"
            " FROM publications p LEFT JOIN versions v ON v.publication_id = p.id"
            " AND v.version = (SELECT MAX(version) FROM versions w WHERE w.publication_id = p.id)"
        )
        if ids is None:
            rows = self._db.execute(sql + " ORDER BY p.id")
        else:
            wanted = sorted(set(ids))
            rows = (row for start in range(0, len(wanted), 500) for row in self._db.execute(
                sql + f" WHERE p.id IN ({placeholders(wanted[start:start + 500])}) ORDER BY p.id",
                wanted[start:start + 500]))
        for row in rows:
            data = dict(row)
            version, text, raw = data.pop("latest_version"), data.pop("latest_text"), data.pop("extraction_json")
            yield IndexSource(Publication._of(data), version, text, extraction_result(raw))
