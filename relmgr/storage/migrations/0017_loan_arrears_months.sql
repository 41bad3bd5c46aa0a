-- Schema version 17: the arrears trend by month (issue 21). A loan's days past due are known
-- only at the export's data date, and the repayment schedule does not determine past month
-- ends exactly (cards have none, restructurings rewrite it, exports may leave it out, and the
-- outstanding then is not in it), so each import that carries loans keeps the month's snapshot:
-- the loans in arrears with their bucket and outstanding, written in the import's transaction
-- (a later import in the same month replaces it). The month of the current data date is read
-- live from the loans, so a portfolio upgraded here shows that one month until the next.

-- One row per month a snapshot was taken: which data date it stands for, and the live loans then.
CREATE TABLE loan_arrears_snapshots (
    month      TEXT PRIMARY KEY,           -- YYYY-MM
    as_of      TEXT NOT NULL,              -- the data date of the import
    live_loans INTEGER NOT NULL
) WITHOUT ROWID;

-- The loans in arrears in that snapshot by days past due (1-30, 31-60, 61-90, 90+ days), as the
-- loan book counts them.
CREATE TABLE loan_arrears_months (
    month         TEXT NOT NULL REFERENCES loan_arrears_snapshots (month) ON DELETE CASCADE,
    loan_id       TEXT NOT NULL,
    family        TEXT NOT NULL,
    bucket        TEXT NOT NULL CHECK (bucket IN ('D1_30', 'D31_60', 'D61_90', 'D90_PLUS')),
    days_past_due INTEGER,
    outstanding   REAL,
    PRIMARY KEY (month, loan_id)
) WITHOUT ROWID;
