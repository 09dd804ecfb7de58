-- Extractions, the designation registry derived from them, change events, e-mail subscriptions
-- and the send ledger. All in one migration on purpose: a later number (0004) landing before the
-- harvester's 0003 would make stores at user_version 4 skip 0003.

-- One row per publication version per pipeline version: the `kanaalwijzer extract` JSON contract.
CREATE TABLE extractions (
    publication_id  TEXT NOT NULL,
    version         INTEGER NOT NULL,
    pipeline_version TEXT NOT NULL,
    classification  TEXT,                   -- wmebv_designation | pre_wmebv_designation | not_designation; NULL on error
    confidence      REAL,
    result_json     TEXT NOT NULL,          -- the extract JSON (see README), verbatim
    error           TEXT,                   -- why the version could not be extracted, if so
    extracted_at    TEXT NOT NULL,
    PRIMARY KEY (publication_id, version, pipeline_version),
    FOREIGN KEY (publication_id, version) REFERENCES versions (publication_id, version)
);
CREATE INDEX extractions_classification ON extractions (classification);

-- The registry is derived from extractions + publications and rebuilt deterministically, so a
-- re-extraction with the same result rewrites the same rows. One decision = all manifestations
-- (gazette publication + CVDR consolidations linked by is_format_of).
CREATE TABLE decisions (
    decision_id     TEXT PRIMARY KEY,       -- the gazette id when known, else the CVDR work id / publication id
    body_code       TEXT,                   -- NULL when the body is unknown
    regime          TEXT NOT NULL,          -- wmebv_designation | pre_wmebv_designation
    title           TEXT,
    publication_id  TEXT NOT NULL,          -- the manifestation whose extraction is used
    version         INTEGER NOT NULL,
    pipeline_version TEXT NOT NULL,
    content_hash    TEXT,                   -- of that version: a new hash = a new version of the decision
    manifestations_json TEXT NOT NULL DEFAULT '[]',  -- every publication id of this decision
    published       TEXT,                   -- ISO date of the (earliest) publication
    decision_date   TEXT,
    effective_date  TEXT,                   -- ISO date it takes effect; NULL when unknown
    effective_rule  TEXT,                   -- the relative rule as written ("dag na bekendmaking")
    valid_to        TEXT,                   -- last day in force; NULL = open
    end_reason      TEXT,                   -- replaced | withdrawn | expired
    ended_by        TEXT,                   -- decision_id (or publication id) that replaced / withdrew it
    end_json        TEXT NOT NULL DEFAULT '{}',  -- evidence of the end: publication, words
    legal_versions_json TEXT NOT NULL DEFAULT '[]'  -- [{publication_id, version, content_hash, valid_from, valid_to}]
);
CREATE INDEX decisions_body ON decisions (body_code);

-- Body x process ('' = alle berichten) x channel, per decision.
CREATE TABLE designations (
    id              INTEGER PRIMARY KEY,
    decision_id     TEXT NOT NULL REFERENCES decisions (decision_id),
    body_code       TEXT,
    process         TEXT NOT NULL DEFAULT '',
    channel_kind    TEXT NOT NULL,
    channel_value   TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL,          -- designated | excluded
    auth_json       TEXT NOT NULL DEFAULT '[]',
    valid_from      TEXT,
    valid_to        TEXT,
    evidence_json   TEXT NOT NULL DEFAULT '{}',
    publication_id  TEXT NOT NULL,
    version         INTEGER NOT NULL
);
CREATE INDEX designations_body ON designations (body_code, valid_from);
CREATE INDEX designations_decision ON designations (decision_id);

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

CREATE TABLE subscriptions (
    id              INTEGER PRIMARY KEY,
    email           TEXT NOT NULL,
    filters_json    TEXT NOT NULL DEFAULT '{}',  -- bodies, provinces, channel_kinds, query
    confirm_token   TEXT NOT NULL UNIQUE,
    unsubscribe_token TEXT NOT NULL UNIQUE,
    created_at      TEXT NOT NULL,
    confirmed_at    TEXT,
    start_event_id  INTEGER,                -- events with a higher id are news for this subscriber
    unsubscribed_at TEXT
);
CREATE INDEX subscriptions_email ON subscriptions (email);

-- The send ledger, one row per message: claimed ('sending') and committed before SMTP, marked
-- 'sent' after. A subscriber's next message holds only events with id > MAX(upto_event_id).
CREATE TABLE deliveries (
    id              INTEGER PRIMARY KEY,
    subscription_id INTEGER NOT NULL REFERENCES subscriptions (id),
    period          TEXT NOT NULL,          -- ISO week the digest was sent for
    upto_event_id   INTEGER NOT NULL,       -- highest event id this message covers
    message_id      TEXT NOT NULL UNIQUE,
    event_ids_json  TEXT NOT NULL,
    status          TEXT NOT NULL,          -- sending | sent
    attempts        INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    sent_at         TEXT,
    UNIQUE (subscription_id, upto_event_id)
);
