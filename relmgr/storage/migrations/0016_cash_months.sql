-- Schema version 16: per-customer monthly cash-flow aggregates for the loan analytics (issue 21).
--
-- The loan prospects ask, for every customer and month, "was a salary or pension credited",
-- and the repayment watch asks for the last salary credit and the money that left the bank
-- (transfers out and withdrawals) on days in windows that start mid-month. Both used to scan
-- the transactions (millions of rows, each page decrypted); they now read these rows instead.
-- The key leads with the month, so the watch's last few months are one range of the table.
-- `out_days` keeps the month's days with money leaving so that mid-month windows stay exact:
-- one fixed-width record per day, 'DD' || printf('%013d', amount in fen), ascending.
--
-- Kept up to date like activity_months (0014), by relmgr/storage/cash_months.py: inside the
-- import's transaction for the customer-months it touched, and before each read for
-- transactions numbered above `through_txn_id`; an edit or deletion of a transaction marks it
-- stale and the next update rebuilds it. Filled for an existing portfolio when the migration
-- runs (storage/portfolio.py).
CREATE TABLE cash_months (
    month       TEXT NOT NULL,      -- 'YYYY-MM'
    customer_id TEXT NOT NULL,
    salary_n    INTEGER NOT NULL,   -- salary and pension credits in the month
    salary_last INTEGER,            -- day of the month of the last one; NULL when none
    out_days    TEXT NOT NULL,      -- per day with money leaving: 'DD' || printf('%013d', fen)
    PRIMARY KEY (month, customer_id)
) WITHOUT ROWID;

CREATE TABLE cash_months_state (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    through_txn_id INTEGER NOT NULL,
    stale          INTEGER NOT NULL CHECK (stale IN (0, 1))
);
INSERT INTO cash_months_state (id, through_txn_id, stale) VALUES (1, -1, 1);

CREATE TRIGGER cash_months_transactions_update AFTER UPDATE ON transactions
BEGIN
    UPDATE cash_months_state SET stale = 1 WHERE id = 1 AND stale = 0;
END;
CREATE TRIGGER cash_months_transactions_delete AFTER DELETE ON transactions
BEGIN
    UPDATE cash_months_state SET stale = 1 WHERE id = 1 AND stale = 0;
END;
