-- Harvest runs, their date windows and errors (migration 1, with publications_0001.sql).

CREATE TABLE harvest_runs (
    id              INTEGER PRIMARY KEY,
    source          TEXT NOT NULL,
    mode            TEXT NOT NULL,          -- targeted | sweep
    since           TEXT,
    until           TEXT,
    body_filter     TEXT,
    params_json     TEXT NOT NULL DEFAULT '{}',
    started_at      TEXT NOT NULL,
    finished_at     TEXT,
    status          TEXT NOT NULL DEFAULT 'running',  -- running | done | failed | interrupted
    records_seen    INTEGER NOT NULL DEFAULT 0,
    documents_stored INTEGER NOT NULL DEFAULT 0,
    errors          INTEGER NOT NULL DEFAULT 0
);

-- One date window of one query; a failed or unfinished window is retried by the next run.
CREATE TABLE harvest_windows (
    id              INTEGER PRIMARY KEY,
    run_id          INTEGER NOT NULL REFERENCES harvest_runs (id),
    source          TEXT NOT NULL,
    mode            TEXT NOT NULL,
    body_filter     TEXT,
    window_start    TEXT NOT NULL,
    window_end      TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'running',  -- running | done | failed
    number_of_records INTEGER,              -- what the service claimed (an estimate)
    records_seen    INTEGER NOT NULL DEFAULT 0,
    pages           INTEGER NOT NULL DEFAULT 0,
    error           TEXT,
    started_at      TEXT NOT NULL,
    finished_at     TEXT
);
CREATE INDEX harvest_windows_key ON harvest_windows (source, mode, window_start, window_end);

-- Errors that belong to no window (a document that failed, a page that would not parse).
CREATE TABLE harvest_errors (
    id              INTEGER PRIMARY KEY,
    run_id          INTEGER REFERENCES harvest_runs (id),
    window_id       INTEGER REFERENCES harvest_windows (id),
    publication_id  TEXT,
    url             TEXT,
    message         TEXT NOT NULL,
    raw_response_id INTEGER REFERENCES raw_responses (id),
    at              TEXT NOT NULL
);
