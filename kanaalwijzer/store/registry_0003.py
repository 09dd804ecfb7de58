"""Migration 3: extractions recorded before the contract check get that check once, now.

One that breaks the contract keeps its JSON but gets the error and loses its classification, as
`RegistryTables.record_extraction` does for new ones; the registry and the index skip it.
"""
from __future__ import annotations

import json


def migrate(db) -> None:
    from .registry import BROKEN, check_extraction

    broken = []
    for rowid, raw in db.execute("SELECT rowid, result_json FROM extractions WHERE error IS NULL"):
        try:
            problems = check_extraction(json.loads(raw))
        except ValueError:
            problems = ["geen geldige JSON"]
        if problems:
            broken.append((BROKEN + "; ".join(problems[:5]), rowid))
    db.executemany("UPDATE extractions SET error = ?, classification = NULL, confidence = NULL WHERE rowid = ?",
                   broken)
