-- Publications, their content versions and raw responses (migration 1, with harvests_0001.sql).

CREATE TABLE publications (
    id              TEXT PRIMARY KEY,       -- source identifier: gmb-2025-552188, CVDR754606_1
    source          TEXT NOT NULL,          -- 'officielepublicaties' | 'cvdr'
    publication_name TEXT,                  -- Gemeenteblad, Provinciaal blad, Waterschapsblad, Blad gemeenschappelijke regeling, CVDR
    work_id         TEXT,                   -- CVDR work (CVDR754606); NULL for gazette publications
    work_version    INTEGER,                -- CVDR expression number
    title           TEXT,
    body_name       TEXT,                   -- creator as the source writes it
    body_type       TEXT,                   -- gemeente | provincie | waterschap | gemeenschappelijke_regeling
    body_code       TEXT,                   -- GM0513, PV28, waterschap:..., gr:...; NULL when unmatched
    rubriek         TEXT,
    published       TEXT,                   -- ISO date (dcterms:available / issued for CVDR)
    modified        TEXT,                   -- ISO date the source last changed the record
    issued          TEXT,                   -- ISO date of signing / decision when given
    valid_from      TEXT,                   -- CVDR inwerkingtredingDatum
    valid_to        TEXT,                   -- CVDR uitwerkingtredingDatum (NULL: open)
    url_official    TEXT,                   -- human page (zoek.officielebekendmakingen.nl / lokaleregelgeving)
    url_xml         TEXT,
    url_metadata    TEXT,
    is_format_of    TEXT,                   -- CVDR: the gazette publication it consolidates
    meta_json       TEXT NOT NULL DEFAULT '{}',
    first_seen      TEXT NOT NULL,          -- timezone-aware ISO timestamps
    last_seen       TEXT NOT NULL
);
CREATE INDEX publications_body ON publications (body_code);
CREATE INDEX publications_work ON publications (work_id);
CREATE INDEX publications_format_of ON publications (is_format_of);

-- A changed document becomes a new version beside the old; nothing is overwritten.
CREATE TABLE versions (
    publication_id  TEXT NOT NULL REFERENCES publications (id),
    version         INTEGER NOT NULL,       -- 1, 2, ... in order of discovery
    content_hash    TEXT NOT NULL,          -- sha256 of the normalised text
    text            TEXT NOT NULL,
    structure_json  TEXT NOT NULL DEFAULT '[]',  -- blocks: kind, label, start, end
    source_modified TEXT,                   -- the record's modified date when fetched
    fetched_at      TEXT NOT NULL,
    PRIMARY KEY (publication_id, version),
    UNIQUE (publication_id, content_hash)
);

-- Every manifestation fetched, byte for byte, also when it could not be parsed.
CREATE TABLE raw_responses (
    id              INTEGER PRIMARY KEY,
    publication_id  TEXT,
    kind            TEXT NOT NULL,          -- 'record' | 'xml' | 'metadata' | 'html'
    url             TEXT,
    http_status     INTEGER,
    content_type    TEXT,
    body            BLOB NOT NULL,
    sha256          TEXT NOT NULL,
    error           TEXT,                   -- why it could not be used, if so
    fetched_at      TEXT NOT NULL,
    UNIQUE (publication_id, kind, sha256)
);
