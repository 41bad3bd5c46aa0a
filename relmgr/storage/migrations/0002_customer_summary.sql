-- Schema version 2: a per-customer summary derived from holdings, transactions and the contact
-- log, refreshed after every import. The customer list reads this one table, so unlocking a
-- branch-scale portfolio never aggregates millions of transactions on the way to the first screen.

CREATE TABLE customer_summary (
    customer_id     TEXT PRIMARY KEY REFERENCES customers (customer_id),
    aum             REAL NOT NULL,
    liabilities     REAL NOT NULL,
    product_count   INTEGER NOT NULL,
    last_txn_on     TEXT,
    txn_count_90d   INTEGER NOT NULL,
    last_contact_on TEXT
) WITHOUT ROWID;
