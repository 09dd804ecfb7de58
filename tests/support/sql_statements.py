"""Counting the SQL statements a piece of code issues, on every SQLite connection opened meanwhile
(the store opens its own per web request)."""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager

# What the overview page may issue, whatever the number of bodies: opening the store (4 PRAGMAs),
# then decisions, bodies with publications, last looked, designations in force, source freshness.
OVERVIEW_BOUND = 10


@contextmanager
def statements_issued(monkeypatch):
    """Yields a list that fills with each statement run on connections opened inside the block."""
    issued: list[str] = []
    connect = sqlite3.connect

    def traced(*args, **kwargs):
        db = connect(*args, **kwargs)
        db.set_trace_callback(issued.append)
        return db

    monkeypatch.setattr(sqlite3, "connect", traced)
    try:
        yield issued
    finally:
        monkeypatch.setattr(sqlite3, "connect", connect)
