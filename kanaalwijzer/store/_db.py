"""Plumbing shared by the table modules: the connection, migrations, transactions, timestamps.

Migrations are numbered files beside the module that owns their tables, named
`<module>_<NNNN>.sql` (or `.py` with a `migrate(db)` function, for a step SQL cannot express).
All files of one number are one migration: applied together, in one transaction, in the
module order below, then recorded in `PRAGMA user_version`. Numbers already applied somewhere
are never renumbered or edited; a new migration takes the next free number (a number landing
before a lower one would make stores that have it skip the lower one).
"""
from __future__ import annotations

import importlib
import json
import re
import sqlite3
from collections.abc import Iterator, Mapping
from datetime import datetime
from importlib import resources
from pathlib import Path
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

# Table modules in dependency order (a module's tables may refer to those of modules before it).
MODULES = ("publications", "harvests", "registry", "events", "subscriptions")
_MIGRATION = re.compile(r"^(?P<module>[a-z]+)_(?P<number>\d{4})\.(?P<kind>sql|py)$")


def now() -> str:
    """A timezone-aware timestamp, as stored."""
    return datetime.now(AMSTERDAM).isoformat(timespec="seconds")


def migrations() -> list[tuple[int, str, str, str]]:
    """(number, module, kind, SQL text or Python module name), in the order they apply."""
    found = []
    for entry in resources.files(__package__).iterdir():
        match = _MIGRATION.match(entry.name)
        if not match:
            continue
        module, kind = match["module"], match["kind"]
        if module not in MODULES:
            raise RuntimeError(f"migratie {entry.name} hoort bij geen tabelmodule ({', '.join(MODULES)})")
        body = entry.read_text(encoding="utf-8") if kind == "sql" else f"{__package__}.{entry.name[:-3]}"
        found.append((int(match["number"]), module, kind, body))
    return sorted(found, key=lambda m: (m[0], MODULES.index(m[1]), m[2]))


def connect(path: str | Path) -> sqlite3.Connection:
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(str(path), timeout=30, isolation_level=None)
    db.row_factory = sqlite3.Row
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA synchronous=NORMAL")
    return db


def migrate(db: sqlite3.Connection) -> int:
    """Apply every migration with a number above the store's user_version; returns the new one."""
    current = db.execute("PRAGMA user_version").fetchone()[0]
    pending: dict[int, list[tuple[str, str]]] = {}
    for number, _module, kind, body in migrations():
        if number > current:
            pending.setdefault(number, []).append((kind, body))
    for number, steps in sorted(pending.items()):
        with Transaction(db):
            for kind, body in steps:
                if kind == "sql":
                    for statement in _statements(body):
                        db.execute(statement)
                else:
                    importlib.import_module(body).migrate(db)
            db.execute(f"PRAGMA user_version = {number}")
        current = number
    return current


class Transaction:
    """BEGIN IMMEDIATE ... COMMIT/ROLLBACK; nested use joins the outer transaction."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self.outer = False

    def __enter__(self):
        self.outer = not self.db.in_transaction
        if self.outer:
            self.db.execute("BEGIN IMMEDIATE")
        return self

    def __exit__(self, exc_type, *exc):
        if self.outer:
            self.db.execute("ROLLBACK" if exc_type else "COMMIT")
        return False


class Tables:
    """Base of the table modules' classes: the connection and three private helpers."""

    _db: sqlite3.Connection

    def transaction(self) -> Transaction:
        """One unit of work across table modules (nested use joins the outer one)."""
        return Transaction(self._db)

    def _rows(self, sql: str, params: tuple | Mapping = ()) -> list[sqlite3.Row]:
        return self._db.execute(sql, params).fetchall()

    def _row(self, sql: str, params: tuple | Mapping = ()) -> sqlite3.Row | None:
        return self._db.execute(sql, params).fetchone()

    def _value(self, sql: str, params: tuple | Mapping = ()):
        row = self._db.execute(sql, params).fetchone()
        return row[0] if row else None


def decoded(row, **defaults) -> dict:
    """A row as a dict in which each `<name>_json` column named in `defaults` is decoded into
    `<name>` (its default when NULL or empty): how every table module hands out its JSON columns."""
    data = dict(row)
    for name, default in defaults.items():
        raw = data.pop(f"{name}_json")
        data[name] = json.loads(raw) if raw else default
    return data


def placeholders(values) -> str:
    return ", ".join("?" * len(values))


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
