"""The store package: migrations beside their table modules, and stores made before keep opening."""
from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

from kanaalwijzer.store import Store, migrations
from kanaalwijzer.store._db import MODULES
from tests.support import ROOT
from tests.support.old_stores import store_at_migration


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
    return store_at_migration(path, 2)


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


# -- one owner per table: SQL only in the store ------------------------------------------------------
SQL = re.compile(r"\b(?:SELECT\s.+\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(?:TABLE|INDEX)"
                 r"|PRAGMA\s+\w+)\b|\bimport\s+sqlite3\b|\.execute(?:many)?\(|store\._(?:db|rows|row|value)\b")
CODE = ("kanaalwijzer", "scrapers", "nlp", "search_app", "devtools", "benchmarks")


def sql_outside_the_store(root: Path) -> list[str]:
    """file:line of every SQL statement, sqlite3 import, execute() call or use of the store's private
    connection and query helpers outside kanaalwijzer/store/."""
    found = []
    for folder in CODE:
        for path in sorted((root / folder).rglob("*.py")):
            relative = path.relative_to(root).as_posix()
            if relative.startswith("kanaalwijzer/store/"):
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if SQL.search(line):
                    found.append(f"{relative}:{number}: {line.strip()}")
    return found


def test_no_sql_outside_the_store():
    assert sql_outside_the_store(ROOT) == []


def test_the_sql_check_finds_a_statement_outside_the_store(tmp_path):
    for folder in CODE:
        (tmp_path / folder).mkdir()
    (tmp_path / "kanaalwijzer" / "store").mkdir()
    (tmp_path / "kanaalwijzer" / "store" / "fine.py").write_text('Q = "SELECT id FROM publications"\n')
    (tmp_path / "search_app" / "page.py").write_text(
        'rows = store._db.execute("SELECT id FROM publications WHERE body_code = ?", (code,))\n')
    (tmp_path / "nlp" / "cache.py").write_text("import sqlite3\n")
    (tmp_path / "scrapers" / "peek.py").write_text("held = store._value(query)\n")
    assert [hit.split(":")[0] for hit in sql_outside_the_store(tmp_path)] == [
        "scrapers/peek.py", "nlp/cache.py", "search_app/page.py"]
