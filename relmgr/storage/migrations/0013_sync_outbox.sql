-- Schema version 13: the head-office outbox inside the encrypted portfolio (issue 15). Each row
-- is one signed summary waiting to go, sent, or refused: `envelope` holds exactly the bytes that
-- are POSTed (signing.canonical of the signed envelope: aggregates only, but kept here rather
-- than in a folder beside the portfolio so nothing about the branch sits outside the encrypted
-- file). A summary that cannot be delivered is tried again at `next_attempt_at` (exponential
-- backoff, capped: relmgr/services/sync/outbox.py); `last_error` is the sentence of its last
-- failure or head office's reason for refusing it. Every attempt is in the audit log too.
CREATE TABLE sync_outbox (
    summary_id      TEXT PRIMARY KEY,
    sequence        INTEGER NOT NULL UNIQUE,
    period_from     TEXT NOT NULL,
    period_to       TEXT NOT NULL,
    envelope        TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'SENT', 'REFUSED')),
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    queued_at       TEXT NOT NULL,
    next_attempt_at TEXT NOT NULL,
    last_attempt_at TEXT,
    last_error      TEXT,
    acknowledged    TEXT CHECK (acknowledged IN ('ACCEPTED', 'DUPLICATE'))
);
CREATE INDEX sync_outbox_status ON sync_outbox (status, sequence);
