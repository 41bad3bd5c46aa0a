-- Schema version 11: precision marketing (issue 17). Marketing consent as the bank's export
-- says it (customers.marketing_consent, an optional column of the exchange format: GRANTED,
-- DECLINED, or NULL when the export does not say) and as the RM records it (marketing_consent,
-- one row per decision, newest last: date, note, who, audited). A customer who declined in
-- either is left off every marketing list; declined wins wherever it was recorded, because an
-- RM can hear a refusal before the bank's system has it but cannot lift one the system holds.
-- Saved target lists: a name and its criteria as JSON (relmgr/analytics/target_lists.py).
-- No foreign keys to customers: a replace-import must not be blocked by the RM's records.

ALTER TABLE customers ADD COLUMN marketing_consent TEXT
    CHECK (marketing_consent IN ('GRANTED', 'DECLINED'));

CREATE TABLE marketing_consent (
    consent_id  INTEGER PRIMARY KEY,
    customer_id TEXT NOT NULL,
    consent     TEXT NOT NULL CHECK (consent IN ('GRANTED', 'DECLINED')),
    decided_on  TEXT NOT NULL,             -- the day the customer said so
    note        TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,             -- wall clock of the RM's entry
    actor       TEXT NOT NULL
);
CREATE INDEX marketing_consent_by_customer ON marketing_consent (customer_id, consent_id);

CREATE TABLE target_lists (
    name       TEXT PRIMARY KEY,
    criteria   TEXT NOT NULL,              -- JSON: {"combine": "AND"|"OR", "criteria": [...]}
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
