-- Schema version 1: the tables of the portfolio exchange format (docs/exchange-format.md),
-- plus the app's own tables (tasks, audit log, team rules, meta).
-- Dates are ISO 8601 text ('YYYY-MM-DD'; timestamps 'YYYY-MM-DDTHH:MM:SS'); money is CNY.

CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE customers (
    customer_id       TEXT PRIMARY KEY,
    name              TEXT NOT NULL,
    id_number         TEXT NOT NULL UNIQUE,
    phone             TEXT NOT NULL,
    gender            TEXT NOT NULL CHECK (gender IN ('M', 'F')),
    birth_date        TEXT NOT NULL,
    city              TEXT NOT NULL DEFAULT '',
    occupation        TEXT NOT NULL DEFAULT '',
    risk_rating       TEXT NOT NULL CHECK (risk_rating IN ('C1', 'C2', 'C3', 'C4', 'C5')),
    risk_assessed_on  TEXT,
    preferred_channel TEXT NOT NULL DEFAULT 'BRANCH',
    opened_on         TEXT NOT NULL,
    closed_on         TEXT,
    tags              TEXT NOT NULL DEFAULT ''
);

CREATE TABLE products (
    product_id   TEXT PRIMARY KEY,
    name_zh      TEXT NOT NULL,
    name_en      TEXT NOT NULL,
    family       TEXT NOT NULL,
    risk_level   TEXT NOT NULL CHECK (risk_level IN ('R1', 'R2', 'R3', 'R4', 'R5')),
    term_days    INTEGER,
    min_amount   REAL NOT NULL DEFAULT 0,
    min_age      INTEGER NOT NULL DEFAULT 18,
    max_age      INTEGER,
    repeatable   INTEGER NOT NULL DEFAULT 0 CHECK (repeatable IN (0, 1))
);

CREATE TABLE holdings (
    holding_id  TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customers (customer_id),
    product_id  TEXT NOT NULL REFERENCES products (product_id),
    opened_on   TEXT NOT NULL,
    maturity_on TEXT,
    closed_on   TEXT,
    balance     REAL NOT NULL DEFAULT 0,
    status      TEXT NOT NULL CHECK (status IN ('ACTIVE', 'DORMANT', 'CLOSED'))
);
CREATE INDEX holdings_by_customer ON holdings (customer_id);

CREATE TABLE transactions (
    txn_id      INTEGER PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customers (customer_id),
    holding_id  TEXT REFERENCES holdings (holding_id),
    txn_date    TEXT NOT NULL,
    amount      REAL NOT NULL,
    kind        TEXT NOT NULL,
    channel     TEXT NOT NULL
);
CREATE INDEX transactions_by_customer_date ON transactions (customer_id, txn_date);

CREATE TABLE monthly_balances (
    customer_id    TEXT NOT NULL REFERENCES customers (customer_id),
    month          TEXT NOT NULL,
    aum_avg        REAL NOT NULL,
    aum_end        REAL NOT NULL,
    digital_logins INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (customer_id, month)
) WITHOUT ROWID;

CREATE TABLE interactions (
    interaction_id INTEGER PRIMARY KEY,
    customer_id    TEXT NOT NULL REFERENCES customers (customer_id),
    occurred_at    TEXT NOT NULL,
    channel        TEXT NOT NULL,
    purpose        TEXT NOT NULL DEFAULT 'SERVICE',
    outcome        TEXT NOT NULL,
    note           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX interactions_by_customer ON interactions (customer_id, occurred_at);

CREATE TABLE campaigns (
    campaign_id      TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    product_id       TEXT REFERENCES products (product_id),
    start_on         TEXT NOT NULL,
    end_on           TEXT NOT NULL,
    channel          TEXT NOT NULL,
    cost_per_contact REAL NOT NULL DEFAULT 0
);

CREATE TABLE offers (
    offer_id     INTEGER PRIMARY KEY,
    campaign_id  TEXT NOT NULL REFERENCES campaigns (campaign_id),
    customer_id  TEXT NOT NULL REFERENCES customers (customer_id),
    arm          TEXT NOT NULL CHECK (arm IN ('TREATMENT', 'CONTROL')),
    offered_on   TEXT NOT NULL,
    outcome      TEXT NOT NULL CHECK (outcome IN ('PENDING', 'ACCEPTED', 'DECLINED', 'NO_RESPONSE')),
    responded_on TEXT,
    revenue      REAL NOT NULL DEFAULT 0
);
CREATE INDEX offers_by_customer ON offers (customer_id);

CREATE TABLE tasks (
    task_id     INTEGER PRIMARY KEY,
    customer_id TEXT REFERENCES customers (customer_id),
    title       TEXT NOT NULL,
    due_on      TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('OPEN', 'DONE', 'CANCELLED')),
    created_at  TEXT NOT NULL,
    done_at     TEXT,
    note        TEXT NOT NULL DEFAULT ''
);

CREATE TABLE audit_log (
    audit_id INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    actor    TEXT NOT NULL,
    action   TEXT NOT NULL,
    target   TEXT NOT NULL DEFAULT '',
    detail   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE team_rules (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
