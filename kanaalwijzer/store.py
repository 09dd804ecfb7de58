"""The store: one SQLite file (WAL) that is the source of truth for every later stage.

Publications are keyed by their source identifier and upserted; their content lives in numbered
versions that are only ever added. Schema changes are numbered SQL files in `migrations/`, applied
in order and recorded in `PRAGMA user_version`.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path
from zoneinfo import ZoneInfo

from .documents import content_hash

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

# Columns of `publications` that callers may set; the rest is bookkeeping.
PUBLICATION_FIELDS = (
    "source", "publication_name", "work_id", "work_version", "title", "body_name", "body_type",
    "body_code", "rubriek", "published", "modified", "issued", "valid_from", "valid_to",
    "url_official", "url_xml", "url_metadata", "is_format_of", "meta_json",
)


def now() -> str:
    """A timezone-aware timestamp, as stored."""
    return datetime.now(AMSTERDAM).isoformat(timespec="seconds")


def migrations() -> list[tuple[int, str]]:
    folder = resources.files("kanaalwijzer").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            found.append((int(entry.name.split("_", 1)[0]), entry.read_text(encoding="utf-8")))
    return sorted(found)


@dataclass(frozen=True)
class VersionResult:
    version: int
    created: bool  # False when the content hash was already stored


class Store:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), timeout=30, isolation_level=None)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.migrate()

    # -- plumbing ---------------------------------------------------------------------------
    def migrate(self) -> int:
        current = self.db.execute("PRAGMA user_version").fetchone()[0]
        for number, sql in migrations():
            if number > current:
                with self.transaction():
                    for statement in _statements(sql):
                        self.db.execute(statement)
                    self.db.execute(f"PRAGMA user_version = {number}")
                current = number
        return current

    def transaction(self):
        return _Transaction(self.db)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def query(self, sql: str, params: tuple | Mapping = ()) -> list[sqlite3.Row]:
        return self.db.execute(sql, params).fetchall()

    def scalar(self, sql: str, params: tuple | Mapping = ()):
        row = self.db.execute(sql, params).fetchone()
        return row[0] if row else None

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
        self.db.execute(
            f"INSERT INTO publications ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
            f"ON CONFLICT (id) DO UPDATE SET {updates}",
            (pub_id, *fields.values(), stamp, stamp),
        )

    def publication(self, pub_id: str) -> sqlite3.Row | None:
        return self.db.execute("SELECT * FROM publications WHERE id = ?", (pub_id,)).fetchone()

    def publications(self, where: str = "1", params: tuple = ()) -> list[sqlite3.Row]:
        return self.query(f"SELECT * FROM publications WHERE {where} ORDER BY id", params)

    def linked_publications(self, pub_id: str) -> list[sqlite3.Row]:
        """The other manifestations of the same decision (CVDR consolidation <-> gazette)."""
        return self.query(
            "SELECT * FROM publications WHERE id != ? AND ("
            " is_format_of = ? OR id = (SELECT is_format_of FROM publications WHERE id = ?)"
            " OR (is_format_of IS NOT NULL AND is_format_of = (SELECT is_format_of FROM publications WHERE id = ?)))"
            " ORDER BY id",
            (pub_id, pub_id, pub_id, pub_id),
        )

    # -- versions ---------------------------------------------------------------------------
    def add_version(self, pub_id: str, text: str, structure: list | None = None,
                    source_modified: str | None = None) -> VersionResult:
        """Keep this content as a new version unless the same content is already stored."""
        digest = content_hash(text)
        with self.transaction():
            existing = self.db.execute(
                "SELECT version FROM versions WHERE publication_id = ? AND content_hash = ?", (pub_id, digest)
            ).fetchone()
            if existing:
                return VersionResult(existing[0], created=False)
            number = self.scalar("SELECT COALESCE(MAX(version), 0) + 1 FROM versions WHERE publication_id = ?",
                                 (pub_id,))
            self.db.execute(
                "INSERT INTO versions (publication_id, version, content_hash, text, structure_json,"
                " source_modified, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (pub_id, number, digest, text, json.dumps(structure or [], ensure_ascii=False),
                 source_modified, now()),
            )
            return VersionResult(number, created=True)

    def versions(self, pub_id: str) -> list[sqlite3.Row]:
        return self.query("SELECT * FROM versions WHERE publication_id = ? ORDER BY version", (pub_id,))

    def latest_version(self, pub_id: str) -> sqlite3.Row | None:
        return self.db.execute(
            "SELECT * FROM versions WHERE publication_id = ? ORDER BY version DESC LIMIT 1", (pub_id,)
        ).fetchone()

    # -- raw responses ----------------------------------------------------------------------
    def save_raw(self, publication_id: str | None, kind: str, body: bytes, *, url: str | None = None,
                 http_status: int | None = None, content_type: str | None = None,
                 error: str | None = None) -> int:
        """Keep the bytes of a response (once per distinct content); returns its row id."""
        digest = hashlib.sha256(body).hexdigest()
        self.db.execute(
            "INSERT INTO raw_responses (publication_id, kind, url, http_status, content_type, body, sha256,"
            " error, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (publication_id, kind, sha256) DO UPDATE SET error = excluded.error",
            (publication_id, kind, url, http_status, content_type, body, digest, error, now()),
        )
        return self.scalar(
            "SELECT id FROM raw_responses WHERE publication_id IS ? AND kind = ? AND sha256 = ?",
            (publication_id, kind, digest),
        )

    def raw_responses(self, publication_id: str) -> list[sqlite3.Row]:
        return self.query("SELECT * FROM raw_responses WHERE publication_id = ? ORDER BY id", (publication_id,))

    # -- harvest runs and windows -----------------------------------------------------------
    def start_run(self, source: str, mode: str, since: str | None = None, until: str | None = None,
                  body_filter: str | None = None, params: dict | None = None) -> int:
        cur = self.db.execute(
            "INSERT INTO harvest_runs (source, mode, since, until, body_filter, params_json, started_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (source, mode, since, until, body_filter, json.dumps(params or {}, sort_keys=True), now()),
        )
        return cur.lastrowid

    def finish_run(self, run_id: int, status: str, **counts: int) -> None:
        sets = ", ".join(f"{k} = ?" for k in counts)
        self.db.execute(
            f"UPDATE harvest_runs SET status = ?, finished_at = ?{', ' + sets if sets else ''} WHERE id = ?",
            (status, now(), *counts.values(), run_id),
        )

    def start_window(self, run_id: int, source: str, mode: str, start: str, end: str,
                     body_filter: str | None = None) -> int:
        cur = self.db.execute(
            "INSERT INTO harvest_windows (run_id, source, mode, body_filter, window_start, window_end, started_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (run_id, source, mode, body_filter, start, end, now()),
        )
        return cur.lastrowid

    def update_window(self, window_id: int, **fields) -> None:
        if fields.get("status") in ("done", "failed"):
            fields.setdefault("finished_at", now())
        sets = ", ".join(f"{k} = ?" for k in fields)
        self.db.execute(f"UPDATE harvest_windows SET {sets} WHERE id = ?", (*fields.values(), window_id))

    def failed_windows(self, source: str, mode: str | None = None) -> list[sqlite3.Row]:
        """Windows whose latest attempt did not complete: the next run retries them."""
        return self.query(
            "SELECT w.* FROM harvest_windows w WHERE w.source = ? AND (? IS NULL OR w.mode = ?)"
            " AND w.id = (SELECT MAX(id) FROM harvest_windows v WHERE v.source = w.source AND v.mode = w.mode"
            "   AND v.window_start = w.window_start AND v.window_end = w.window_end AND v.body_filter IS w.body_filter)"
            " AND w.status != 'done' ORDER BY w.window_start",
            (source, mode, mode),
        )

    def log_error(self, message: str, *, run_id: int | None = None, window_id: int | None = None,
                  publication_id: str | None = None, url: str | None = None,
                  raw_response_id: int | None = None) -> None:
        self.db.execute(
            "INSERT INTO harvest_errors (run_id, window_id, publication_id, url, message, raw_response_id, at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (run_id, window_id, publication_id, url, message, raw_response_id, now()),
        )


def open_store(config=None) -> Store:
    from .config import load_config
    return Store((config or load_config()).db_path)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT/ROLLBACK; nested use joins the outer transaction."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self.outer = False

    def __enter__(self):
        self.outer = not self.db.in_transaction
        if self.outer:
            self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type, *exc):
        if self.outer:
            self.db.execute("ROLLBACK" if exc_type else "COMMIT")
        return False


def _statements(sql: str) -> Iterator[str]:
    """Split a migration into statements (ours hold no semicolons inside strings or triggers)."""
    buffer = []
    for line in sql.splitlines():
        if line.strip().startswith("--"):
            continue
        buffer.append(line)
        if line.rstrip().endswith(";"):
            statement = "\n".join(buffer).strip()
            buffer = []
            if sqlite3.complete_statement(statement):
                yield statement
    rest = "\n".join(buffer).strip()
    if rest:
        yield rest
