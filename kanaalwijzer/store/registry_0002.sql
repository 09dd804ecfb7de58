-- Extractions and the designation registry derived from them (migration 2, with events_0002.sql
-- and subscriptions_0002.sql: one number on purpose, see kanaalwijzer/store/_db.py).

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
