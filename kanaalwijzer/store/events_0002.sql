-- Change events and the last body status told (migration 2).

-- The last body status we told anyone about (none | future | in_force), for status-change events.
CREATE TABLE body_status (
    body_code       TEXT PRIMARY KEY,
    status          TEXT NOT NULL,
    since           TEXT,
    updated_at      TEXT NOT NULL
);

-- Change events: the only thing digests, feeds and mail read. event_key makes recording idempotent.
CREATE TABLE events (
    id              INTEGER PRIMARY KEY,
    event_key       TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL,          -- see kanaalwijzer/events.py KINDS
    body_code       TEXT,
    decision_id     TEXT,
    publication_id  TEXT,
    version         INTEGER,
    channel_kind    TEXT,
    process         TEXT,
    effective_date  TEXT,                   -- when it takes legal effect (NULL: unknown)
    seen_at         TEXT NOT NULL,          -- timezone-aware timestamp we recorded it
    seen_week       TEXT NOT NULL,          -- ISO week of seen_at, e.g. 2026-W10
    summary         TEXT NOT NULL,          -- one Dutch sentence in channel terms
    before_json     TEXT,
    after_json      TEXT,
    evidence_json   TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX events_week ON events (seen_week);
CREATE INDEX events_body ON events (body_code);
