"""Change events, and the body status we last told anyone about.

Events are the only thing digests, feeds and mail read. Each has a key over its meaning, UNIQUE
in the table, so recording the same event twice is a no-op (kanaalwijzer.events decides what an
event is). Tables: events_0002.sql.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from .. import vocabulary
from ._db import Tables, decoded, now, placeholders


@dataclass(frozen=True)
class Event:
    id: int
    event_key: str
    kind: str  # see kanaalwijzer/events.py KINDS
    body_code: str | None
    decision_id: str | None
    publication_id: str | None
    version: int | None
    channel_kind: str | None
    process: str | None
    effective_date: str | None  # when it takes legal effect (None: unknown)
    seen_at: str  # when we recorded it
    seen_week: str  # ISO week of seen_at, e.g. 2026-W10
    summary: str  # one Dutch sentence in channel terms
    before: dict | None
    after: dict | None
    evidence: dict

    @classmethod
    def _of(cls, row) -> "Event":
        return cls(**decoded(row, before=None, after=None, evidence={}))


@dataclass(frozen=True)
class BodyStatus:
    body_code: str
    status: str  # none | unknown | future | in_force
    since: str | None
    updated_at: str


def _dump(value) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _week(stamp: str) -> str:
    return vocabulary.iso_week(stamp)


class EventTables(Tables):
    # -- events -----------------------------------------------------------------------------
    def add_event(self, event_key: str, kind: str, *, summary: str, body_code: str | None = None,
                  decision_id: str | None = None, publication_id: str | None = None, version: int | None = None,
                  channel_kind: str | None = None, effective_date: str | None = None, before=None, after=None,
                  evidence: dict | None = None) -> Event | None:
        """Record an event seen now; None when one with this key was recorded before."""
        stamp = now()
        cur = self._db.execute(
            "INSERT INTO events (event_key, kind, body_code, decision_id, publication_id, version, channel_kind, process,"
            " effective_date, seen_at, seen_week, summary, before_json, after_json, evidence_json)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_key) DO NOTHING",
            (event_key, kind, body_code, decision_id, publication_id, version, channel_kind, None, effective_date,
             stamp, _week(stamp), summary, _dump(before), _dump(after), _dump(evidence or {})),
        )
        if not cur.rowcount:
            return None
        return Event(cur.lastrowid, event_key, kind, body_code, decision_id, publication_id, version, channel_kind,
                     None, effective_date, stamp, _week(stamp), summary, before, after, evidence or {})

    def events(self) -> list[Event]:
        """Every event, oldest first."""
        return [Event._of(r) for r in self._rows("SELECT * FROM events ORDER BY id")]

    def events_seen_in(self, week: str) -> list[Event]:
        return [Event._of(r) for r in self._rows("SELECT * FROM events WHERE seen_week = ? ORDER BY id", (week,))]

    def events_after(self, event_id: int, *, seen_until_week: str) -> list[Event]:
        """Events newer than `event_id` seen in `seen_until_week` or before (a subscriber's news)."""
        return [Event._of(r) for r in self._rows(
            "SELECT * FROM events WHERE id > ? AND seen_week <= ? ORDER BY id", (event_id, seen_until_week))]

    def events_by_id(self, ids: list[int]) -> list[Event]:
        found = []
        for start in range(0, len(ids), 500):
            chunk = list(ids[start:start + 500])
            found += self._rows(f"SELECT * FROM events WHERE id IN ({placeholders(chunk)})", chunk)
        return [Event._of(r) for r in sorted(found, key=lambda r: r["id"])]

    # -- body status ------------------------------------------------------------------------
    def body_statuses(self) -> dict[str, BodyStatus]:
        """The status last told per body."""
        return {r["body_code"]: BodyStatus(**r) for r in self._rows("SELECT * FROM body_status")}

    def set_body_status(self, body_code: str, status: str, since: str | None) -> None:
        self._db.execute(
            "INSERT INTO body_status (body_code, status, since, updated_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (body_code) DO UPDATE SET status = excluded.status, since = excluded.since,"
            " updated_at = excluded.updated_at", (body_code, status, since, now()))
