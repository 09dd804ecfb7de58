"""Migration 4: harvest runs and windows of the official publications are keyed by the one spelling
of that source, also in stores made before it, so a harvest after the upgrade resumes where it was."""
from __future__ import annotations

from kanaalwijzer import vocabulary as vocab
from kanaalwijzer.store import Store
from tests.support.old_stores import store_at_migration


def test_old_run_keys_become_the_official_publications_key(tmp_path):
    db = store_at_migration(tmp_path / "old.db", 3)
    for run_id, source in ((1, "gemeenteblad"), (2, "op:prb+wsb"), (3, "cvdr")):
        db.execute("INSERT INTO harvest_runs (id, source, mode, started_at, status) VALUES (?, ?, 'sweep', 'x', 'failed')",
                   (run_id, source))
        db.execute("INSERT INTO harvest_windows (run_id, source, mode, window_start, window_end, status, started_at)"
                   " VALUES (?, ?, 'sweep', '2025-01-01', '2025-01-07', 'failed', 'x')", (run_id, source))
    db.close()
    gazettes = {g.prefix: g for g in vocab.DECENTRAL_GAZETTES}
    with Store(tmp_path / "old.db") as store:
        assert [r.source for r in store.runs()] == [
            vocab.harvest_key((gazettes["gmb"],)), vocab.harvest_key((gazettes["prb"], gazettes["wsb"])), "cvdr"]
        assert sorted(w.source for w in store.failed_windows()) == sorted(r.source for r in store.runs())
        assert [vocab.harvest_label(r.source) for r in store.runs()] == [
            "Gemeenteblad", "officiële publicaties (Provinciaal blad en Waterschapsblad)", "lokale regelgeving (CVDR)"]
