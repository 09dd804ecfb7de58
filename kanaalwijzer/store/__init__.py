"""The store: one SQLite file (WAL) that is the source of truth for every later stage.

All SQL of the project lives in this package, one module per group of tables, each beside its
migrations (see `_db.py` for how they are numbered and applied):

- `publications`: publications, their content versions, raw responses
- `harvests`: harvest runs, their date windows, harvest errors
- `registry`: extractions (checked against the extract contract), decisions, designations
- `events`: change events, and the body status last told
- `subscriptions`: e-mail subscriptions and the send ledger (deliveries)

`Store` is all of them over one connection; callers get dataclasses, never rows, and no SQL
runs outside this package (the connection and the query helpers are private).
"""
from __future__ import annotations

from pathlib import Path

from ._db import AMSTERDAM, Transaction, connect, migrate, migrations, now
from .events import BodyStatus, Event, EventTables
from .harvests import HarvestError, HarvestRun, HarvestTables, HarvestWindow, LastLooked, SourceFreshness
from .publications import (PUBLICATION_FIELDS, BodyHoldings, HeldText, Holdings, IndexSource, Publication,
                           PublicationTables, RawResponse, Version, VersionResult)
from .registry import (ChannelKindsInUse, Decision, Designation, DesignationOn, Extraction, LegalVersion,
                       RegistryInput, RegistryTables, check_extraction)
from .subscriptions import Delivery, Subscription, SubscriptionTables

__all__ = [
    "AMSTERDAM", "BodyHoldings", "BodyStatus", "ChannelKindsInUse", "Decision", "Delivery", "Designation",
    "DesignationOn", "Event", "Extraction", "HarvestError", "HarvestRun", "HarvestWindow", "HeldText",
    "Holdings", "IndexSource", "LastLooked", "LegalVersion", "PUBLICATION_FIELDS", "Publication",
    "RawResponse", "RegistryInput", "SourceFreshness", "Store", "Subscription", "Transaction", "Version",
    "VersionResult", "check_extraction", "migrations", "now", "open_store",
]


class Store(PublicationTables, HarvestTables, RegistryTables, EventTables, SubscriptionTables):
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


def open_store(config=None) -> Store:
    from ..config import load_config
    return Store((config or load_config()).db_path)
