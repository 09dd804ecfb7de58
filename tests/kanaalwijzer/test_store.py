"""The store package: migrations beside their table modules, and stores made before keep opening."""
from __future__ import annotations

import json
import sqlite3

from kanaalwijzer.store import Store, migrations
from kanaalwijzer.store._db import MODULES, Transaction, _statements, connect


def test_migrations_are_numbered_without_gaps_and_ordered_by_table_module():
    found = migrations()
    numbers = sorted({number for number, *_ in found})
    assert numbers == list(range(1, len(numbers) + 1))
    assert [(n, MODULES.index(m)) for n, m, *_ in found] == sorted((n, MODULES.index(m)) for n, m, *_ in found)
    assert {m for _, m, *_ in found} == set(MODULES)  # every table module has its migrations beside it


def test_a_new_store_is_at_the_last_migration_and_reopening_changes_nothing(tmp_path):
    with Store(tmp_path / "s.db") as store:
        version = store.schema_version
    with Store(tmp_path / "s.db") as store:
        assert store.schema_version == version == max(n for n, *_ in migrations())


def _store_made_by_migration_2(path) -> sqlite3.Connection:
    """A store as the code before the store package left it: migrations 1 and 2, user_version 2."""
    db = connect(path)
    for number, _module, kind, body in migrations():
        if number <= 2:
            assert kind == "sql"
            with Transaction(db):
                for statement in _statements(body):
                    db.execute(statement)
    db.execute("PRAGMA user_version = 2")
    return db


def test_a_store_at_user_version_2_opens_and_its_unchecked_extractions_are_checked_once(tmp_path):
    db = _store_made_by_migration_2(tmp_path / "old.db")
    db.execute("INSERT INTO publications (id, source, first_seen, last_seen) VALUES ('gmb-1', 'cvdr', 'x', 'x')")
    db.execute("INSERT INTO versions (publication_id, version, content_hash, text, fetched_at)"
               " VALUES ('gmb-1', 1, 'h', 'tekst', 'x')")
    good = {"classification": "not_designation", "channels": [], "withdraws": []}
    bad = {"classification": "wmebv_designation", "channels": [{"kind": "email", "status": "designated"}]}
    for pipeline, result in (("good", good), ("bad", bad)):
        db.execute("INSERT INTO extractions (publication_id, version, pipeline_version, classification, result_json,"
                   " extracted_at) VALUES ('gmb-1', 1, ?, ?, ?, 'x')",
                   (pipeline, result["classification"], json.dumps(result)))
    db.close()
    with Store(tmp_path / "old.db") as store:
        assert store.schema_version == max(n for n, *_ in migrations())
        by_pipeline = {e.pipeline_version: e for e in store.extractions_of("gmb-1")}
        assert by_pipeline["good"].error is None and by_pipeline["good"].classification == "not_designation"
        assert by_pipeline["bad"].breaks_contract and by_pipeline["bad"].classification is None
        assert "kanaal 1: bewijs (evidence.text) ontbreekt" in by_pipeline["bad"].error
        assert by_pipeline["bad"].result == bad  # the JSON itself is kept
        assert store.publication("gmb-1").source == "cvdr"
