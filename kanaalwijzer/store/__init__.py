"""The store: one SQLite file (WAL) that is the source of truth for every later stage.

All SQL of the project lives in this package, one module per group of tables, each beside its
migrations (see `_db.py` for how they are numbered and applied):

- `publications`: publications, their content versions, raw responses
- `harvests`: harvest runs, their date windows, harvest errors
- `registry`: extractions (checked against the extract contract), decisions, designations

`Store` is all of them over one connection; callers get dataclasses, never rows.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from pathlib import Path

from ._db import AMSTERDAM, Transaction, connect, migrate, migrations, now
from .harvests import HarvestError, HarvestRun, HarvestTables, HarvestWindow, LastLooked, SourceFreshness
from .publications import (PUBLICATION_FIELDS, BodyHoldings, HeldText, Holdings, IndexSource, Publication,
                           PublicationTables, RawResponse, Version, VersionResult)
from .registry import (ChannelKindsInUse, Decision, Designation, DesignationOn, Extraction, LegalVersion,
                       RegistryInput, RegistryTables, check_extraction)

__all__ = [
    "AMSTERDAM", "PUBLICATION_FIELDS", "BodyHoldings", "ChannelKindsInUse", "Decision", "Designation",
    "DesignationOn", "Extraction", "HarvestError", "HarvestRun", "HarvestWindow", "HeldText", "Holdings",
    "IndexSource", "LastLooked", "LegalVersion", "Publication", "RawResponse", "RegistryInput", "SourceFreshness",
    "Store", "Transaction", "Version", "VersionResult", "check_extraction", "migrations", "now", "open_store",
]


class Store(PublicationTables, HarvestTables, RegistryTables):
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._db = connect(path)
        self.schema_version = migrate(self._db)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- raw access, for the modules not yet moved into the store (going away) ------------------
    @property
    def db(self) -> sqlite3.Connection:
        return self._db

    def query(self, sql: str, params: tuple | Mapping = ()) -> list[sqlite3.Row]:
        return self._rows(sql, params)

    def scalar(self, sql: str, params: tuple | Mapping = ()):
        return self._value(sql, params)


def open_store(config=None) -> Store:
    from ..config import load_config
    return Store((config or load_config()).db_path)
