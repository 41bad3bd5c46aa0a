-- Schema version 5: outcomes of product recommendations (issue 6).
-- One row per answer the RM recorded: the customer accepted, declined or postponed ("not now")
-- a recommended product. The latest outcome per customer and product drives the cool-down (a
-- declined product is not shown again for the team rule's number of days); all rows feed the
-- acceptance rates per product and per reason type. `reason_code` is the reason that was shown
-- (a RecoReason of relmgr/analytics/recommend.py), `warning` the extra-care warning if one was
-- shown (SENIOR_ABOVE_R2: an accepted product then needs a note). No foreign keys, as in 0003:
-- re-importing customers or products must never be blocked by the outcome log.

CREATE TABLE recommendation_outcomes (
    outcome_id  INTEGER PRIMARY KEY,
    customer_id TEXT NOT NULL,
    product_id  TEXT NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('ACCEPTED', 'DECLINED', 'NOT_NOW')),
    note        TEXT NOT NULL DEFAULT '',
    at          TEXT NOT NULL,            -- 'YYYY-MM-DDTHH:MM:SS' wall clock of the answer
    reason_code TEXT,
    warning     TEXT
);
CREATE INDEX recommendation_outcomes_by_customer ON recommendation_outcomes (customer_id, product_id, at);
