-- E-mail subscriptions and the send ledger (migration 2).

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
