-- Schema version 15: per-customer monthly money flows, beside the activity counts of 0014
-- (issue 16: churn scoring and retraining read these instead of half a year of transactions).
--
-- The churn features need, per customer and window, what came in and went out on the
-- customer's own transactions, how many salary and pension credits there were (and the date of
-- the last one), and what matured; the recommendations' triggers the monthly salary and the
-- deposits of the last 30 days; the loan analytics (issue 21: prospects, repayment watch) the
-- salary and pension counts and last dates, and the money that left the bank (transfers out and
-- withdrawals) on each day, for windows that start mid-month. One row per customer and month with any transaction holds
-- exactly that; windows of 3 and 6 months are sums of rows, and the last salary date makes the
-- income recency exact. A month is the resolution: the features' windows are in months (the
-- oldest month of a window ending mid-month counts in proportion, see
-- relmgr/analytics/churn_features.py).
--
-- Kept up to date with activity_months and by the same code (relmgr/storage/activity_months.py
-- folds both, in the import's transaction, for the same customer-months, and rebuilds both when
-- activity_months_state says stale): no state of its own.
--
-- Edited in place, before any release, to take in the loan analytics' columns (a separate
-- table, 0016 cash_months, held the same salary facts beside its own state and triggers), and
-- the Home page's net new money per month (money_in, money_out: it scanned a year of
-- transactions, 4.4 s of the Home page's 7.2 s at 50,000 customers).
CREATE TABLE flow_months (
    customer_id TEXT NOT NULL,
    month       TEXT NOT NULL,      -- 'YYYY-MM'
    inflow      REAL NOT NULL,      -- customer-initiated credits (amount > 0), summed
    outflow     REAL NOT NULL,      -- customer-initiated debits, as a positive sum
    salary      INTEGER NOT NULL,   -- salary credits
    pension     INTEGER NOT NULL,   -- pension credits
    matured     REAL NOT NULL,      -- maturities paid out, |amount| summed
    last_salary  TEXT,              -- 'YYYY-MM-DD' of the month's last salary credit, NULL: none
    last_pension TEXT,
    salary_amount REAL NOT NULL,    -- salary credits (amount > 0), summed: the recommendations'
                                    -- salary trigger reads the monthly salary
    deposits    TEXT NOT NULL,      -- per DEPOSIT or TRANSFER_IN credit (amount > 0), in no set
                                    -- order: 'DD' || ':' || amount to the cent, joined by ',';
                                    -- the large-inflow trigger's 30 days are exact
    out_days    TEXT NOT NULL,      -- per day with money leaving the bank (TRANSFER_OUT or
                                    -- WITHDRAWAL debits; buying the bank's own products or a
                                    -- loan repayment stays): 'DD' || printf('%013d', the day's
                                    -- sum in fen), ascending; the watch's mid-month windows
                                    -- are exact
    money_in    REAL NOT NULL,      -- money crossing into the bank: SALARY, PENSION, DEPOSIT,
                                    -- TRANSFER_IN credits (amount > 0), summed
    money_out   REAL NOT NULL,      -- money leaving it: TRANSFER_OUT, WITHDRAWAL debits, as a
                                    -- positive sum (the dashboard's net inflow)
    -- Month first: the readers want the last few months of everybody (a range of the key; a
    -- second index would cost a lookup per row, slower than reading the whole table), and one
    -- customer's few months are a few points of it.
    PRIMARY KEY (month, customer_id)
) WITHOUT ROWID;
