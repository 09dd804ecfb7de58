"""Stores as an earlier version of the code left them, to test that they keep opening (migrations)."""
from __future__ import annotations

import importlib
import sqlite3

from kanaalwijzer.store import migrations
from kanaalwijzer.store._db import Transaction, _statements, connect


def store_at_migration(path, number: int) -> sqlite3.Connection:
    """A store with migrations 1..`number` applied and PRAGMA user_version = `number`."""
    db = connect(path)
    for found, _module, kind, body in migrations():
        if found > number:
            continue
        with Transaction(db):
            if kind == "sql":
                for statement in _statements(body):
                    db.execute(statement)
            else:
                importlib.import_module(body).migrate(db)
    db.execute(f"PRAGMA user_version = {number}")
    return db
