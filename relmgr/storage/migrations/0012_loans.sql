-- Schema version 12: loan customers (issue 21). Loans were only catalogue products; a bank's
-- export carries the terms, the schedule and the arrears, and for customers an income and a
-- credit score. Every field past the keys may be NULL ("not provided"): a portfolio without
-- them still works and the Loans page says what is missing. No foreign key from the app's own
-- watch actions: re-importing must never be blocked by yesterday's marks.

-- One row per loan or card account (a snapshot, upserted by loan_id).
CREATE TABLE loans (
    loan_id              TEXT PRIMARY KEY,
    customer_id          TEXT NOT NULL REFERENCES customers (customer_id),
    family               TEXT NOT NULL CHECK (family IN ('MORTGAGE', 'CONSUMER', 'BUSINESS', 'CREDIT_CARD')),
    opened_on            TEXT NOT NULL,
    principal            REAL,      -- amount lent; for a card its credit limit
    outstanding          REAL,      -- owed on the export date
    rate                 REAL,      -- annual interest rate in percent
    term_months          INTEGER,
    next_due_on          TEXT,
    amount_due           REAL,      -- the next instalment (a card: the minimum payment)
    days_past_due        INTEGER,
    status               TEXT CHECK (status IN ('CURRENT', 'IN_ARREARS', 'RESTRUCTURED', 'DEFAULTED', 'REPAID')),
    classification       TEXT CHECK (classification IN ('NORMAL', 'SPECIAL_MENTION', 'SUBSTANDARD',
                                                        'DOUBTFUL', 'LOSS')),
    repayment_holding_id TEXT REFERENCES holdings (holding_id),
    closed_on            TEXT
);
CREATE INDEX loans_by_customer ON loans (customer_id);

-- The schedule and what was paid (appended): one row per instalment.
CREATE TABLE loan_repayments (
    repayment_id INTEGER PRIMARY KEY,
    loan_id      TEXT NOT NULL REFERENCES loans (loan_id),
    due_on       TEXT NOT NULL,
    amount_due   REAL NOT NULL,
    paid_on      TEXT,
    amount_paid  REAL NOT NULL DEFAULT 0
);
CREATE INDEX loan_repayments_by_loan ON loan_repayments (loan_id, due_on);

-- Per customer: declared monthly income and a credit score with where and when it came from.
CREATE TABLE credit_profiles (
    customer_id    TEXT PRIMARY KEY REFERENCES customers (customer_id),
    monthly_income REAL,
    income_on      TEXT,
    credit_score   INTEGER,
    score_source   TEXT,
    score_on       TEXT
) WITHOUT ROWID;

-- Repayment-watch lines the RM handled: one mark per loan, warning and day.
CREATE TABLE loan_watch_actions (
    loan_id     TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    warning     TEXT NOT NULL,
    day         TEXT NOT NULL,
    handled_at  TEXT NOT NULL,
    PRIMARY KEY (loan_id, warning, day)
) WITHOUT ROWID;
