"""Harvest runs, the date windows they query, and the errors that belong to no window.

A window is one date range of one query; one that failed or never finished is retried by the
next run (`failed_windows`). "When did we last look at body X" is answered here, once:
`last_looked`. Tables: harvests_0001.sql.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from ._db import Tables, decoded, now

_RUN_COUNTS = ("records_seen", "documents_stored", "errors")
_WINDOW_FIELDS = ("status", "number_of_records", "records_seen", "pages", "error", "finished_at")


@dataclass(frozen=True)
class HarvestRun:
    id: int
    source: str
    mode: str  # targeted | sweep
    since: str | None
    until: str | None
    body_filter: str | None
    params: dict
    started_at: str
    finished_at: str | None
    status: str  # running | done | partial | failed | interrupted
    records_seen: int
    documents_stored: int
    errors: int

    @classmethod
    def _of(cls, row) -> "HarvestRun":
        return cls(**decoded(row, params={}))


@dataclass(frozen=True)
class HarvestWindow:
    id: int
    run_id: int
    source: str
    mode: str
    body_filter: str | None
    window_start: str
    window_end: str
    status: str  # running | done | failed
    number_of_records: int | None  # what the service claimed (an estimate)
    records_seen: int
    pages: int
    error: str | None
    started_at: str
    finished_at: str | None


@dataclass(frozen=True)
class HarvestError:
    id: int
    run_id: int | None
    window_id: int | None
    publication_id: str | None
    url: str | None
    message: str
    raw_response_id: int | None
    at: str


@dataclass(frozen=True)
class SourceFreshness:
    """Per source with a completed run: when one last completed and how far its windows reach."""
    source: str
    runs_done: int
    last_done_at: str | None
    covered_until: str | None  # the newest window end done


@dataclass(frozen=True)
class LastLooked:
    """When a completed window last covered each body: a window without body filter looks at
    every body; a targeted one at the body its filter names (by code or by any of its names)."""
    everywhere: str | None = None
    per_body: dict[str, str] = field(default_factory=dict)

    def at(self, body_code: str) -> str | None:
        return max(filter(None, (self.everywhere, self.per_body.get(body_code))), default=None)


class HarvestTables(Tables):
    # -- runs -------------------------------------------------------------------------------
    def start_run(self, source: str, mode: str, since: str | None = None, until: str | None = None,
                  body_filter: str | None = None, params: dict | None = None) -> int:
        cur = self._db.execute(
            "INSERT INTO harvest_runs (source, mode, since, until, body_filter, params_json, started_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (source, mode, since, until, body_filter, json.dumps(params or {}, sort_keys=True), now()),
        )
        return cur.lastrowid

    def finish_run(self, run_id: int, status: str, **counts: int) -> None:
        unknown = set(counts) - set(_RUN_COUNTS)
        if unknown:
            raise ValueError(f"unknown run counts: {sorted(unknown)}")
        sets = "".join(f", {k} = ?" for k in counts)
        self._db.execute(f"UPDATE harvest_runs SET status = ?, finished_at = ?{sets} WHERE id = ?",
                         (status, now(), *counts.values(), run_id))

    def runs(self, source: str | None = None) -> list[HarvestRun]:
        return [HarvestRun._of(r) for r in self._rows(
            "SELECT * FROM harvest_runs WHERE ? IS NULL OR source = ? ORDER BY id", (source, source))]

    def running_runs(self) -> list[HarvestRun]:
        """Runs still marked running (the harvest checks whether their process still lives)."""
        return [HarvestRun._of(r) for r in self._rows("SELECT * FROM harvest_runs WHERE status = 'running'")]

    def latest_runs(self) -> list[HarvestRun]:
        """The newest run of every source, by source."""
        return [HarvestRun._of(r) for r in self._rows(
            "SELECT * FROM harvest_runs r WHERE id = (SELECT MAX(id) FROM harvest_runs WHERE source = r.source)"
            " ORDER BY source")]

    def source_freshness(self) -> list[SourceFreshness]:
        return [SourceFreshness(*r) for r in self._rows(
            "SELECT source, COUNT(*), MAX(finished_at), (SELECT MAX(window_end) FROM harvest_windows w"
            "  WHERE w.source = r.source AND w.status = 'done')"
            " FROM harvest_runs r WHERE status = 'done' GROUP BY source ORDER BY source")]

    # -- windows ----------------------------------------------------------------------------
    def start_window(self, run_id: int, source: str, mode: str, start: str, end: str,
                     body_filter: str | None = None) -> int:
        cur = self._db.execute(
            "INSERT INTO harvest_windows (run_id, source, mode, body_filter, window_start, window_end, started_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (run_id, source, mode, body_filter, start, end, now()),
        )
        return cur.lastrowid

    def update_window(self, window_id: int, **fields) -> None:
        unknown = set(fields) - set(_WINDOW_FIELDS)
        if unknown:
            raise ValueError(f"unknown window fields: {sorted(unknown)}")
        if fields.get("status") in ("done", "failed"):
            fields.setdefault("finished_at", now())
        sets = ", ".join(f"{k} = ?" for k in fields)
        self._db.execute(f"UPDATE harvest_windows SET {sets} WHERE id = ?", (*fields.values(), window_id))

    def window(self, window_id: int) -> HarvestWindow | None:
        row = self._row("SELECT * FROM harvest_windows WHERE id = ?", (window_id,))
        return HarvestWindow(**row) if row else None

    def windows(self, source: str | None = None) -> list[HarvestWindow]:
        return [HarvestWindow(**r) for r in self._rows(
            "SELECT * FROM harvest_windows WHERE ? IS NULL OR source = ? ORDER BY id", (source, source))]

    def failed_windows(self, source: str | None = None, mode: str | None = None) -> list[HarvestWindow]:
        """Windows whose latest attempt did not complete: the next run retries them."""
        return [HarvestWindow(**r) for r in self._rows(
            "SELECT w.* FROM harvest_windows w WHERE (? IS NULL OR w.source = ?) AND (? IS NULL OR w.mode = ?)"
            " AND w.id = (SELECT MAX(id) FROM harvest_windows v WHERE v.source = w.source AND v.mode = w.mode"
            "   AND v.window_start = w.window_start AND v.window_end = w.window_end AND v.body_filter IS w.body_filter)"
            " AND w.status != 'done' ORDER BY w.source, w.window_start",
            (source, source, mode, mode),
        )]

    def last_windows_done(self) -> dict[str, HarvestWindow]:
        """Per source, the done window that reaches furthest."""
        return {r["source"]: HarvestWindow(**r) for r in self._rows(
            "SELECT * FROM harvest_windows w WHERE id = (SELECT id FROM harvest_windows v WHERE v.source = w.source"
            " AND v.status = 'done' ORDER BY window_end DESC, id DESC LIMIT 1)")}

    def resume_date(self, source: str, mode: str, body_filter: str | None) -> str | None:
        """The end of the last window done for this source, mode and body filter."""
        return self._value(
            "SELECT MAX(window_end) FROM harvest_windows WHERE source = ? AND mode = ? AND body_filter IS ?"
            " AND status = 'done'", (source, mode, body_filter))

    def last_looked(self) -> LastLooked:
        """When we last looked at each body (see LastLooked): one query for all bodies."""
        from ..bodies import body_by_code, match_body
        everywhere, per_body = None, {}
        for body_filter, at in self._rows("SELECT body_filter, MAX(finished_at) FROM harvest_windows"
                                          " WHERE status = 'done' GROUP BY body_filter"):
            if not at:
                continue
            if body_filter is None:
                everywhere = at
                continue
            body = body_by_code(body_filter.strip().upper()) or match_body(body_filter)
            if body and at > per_body.get(body.code, ""):
                per_body[body.code] = at
        return LastLooked(everywhere, per_body)

    # -- errors -----------------------------------------------------------------------------
    def log_error(self, message: str, *, run_id: int | None = None, window_id: int | None = None,
                  publication_id: str | None = None, url: str | None = None,
                  raw_response_id: int | None = None) -> None:
        self._db.execute(
            "INSERT INTO harvest_errors (run_id, window_id, publication_id, url, message, raw_response_id, at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (run_id, window_id, publication_id, url, message, raw_response_id, now()),
        )

    def harvest_errors(self, publication_id: str | None = None) -> list[HarvestError]:
        return [HarvestError(**r) for r in self._rows(
            "SELECT * FROM harvest_errors WHERE ? IS NULL OR publication_id = ? ORDER BY id",
            (publication_id, publication_id))]
