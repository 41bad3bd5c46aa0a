-- Schema version 4: churn warnings (issue 5). The fitted churn model with its metadata, the
-- latest scores per customer, and what the RM did about each warning.
-- Models and scores are derived from the exchange tables and carry no foreign keys (re-importing
-- customers must never be blocked by yesterday's scores); actions are the RM's own records.
-- Team-rule defaults live in code (relmgr/domain/churn.py); a team_rules row 'churn.rules'
-- overrides them.

CREATE TABLE churn_models (
    model_id      INTEGER PRIMARY KEY,
    trained_at    TEXT NOT NULL,          -- wall clock of the training
    as_of         TEXT NOT NULL,          -- the portfolio data date it was trained at
    kind          TEXT NOT NULL CHECK (kind IN ('MODEL', 'RULE_BASELINE')),
    cutoffs       TEXT NOT NULL,          -- JSON {"train": [...], "calibrate": ..., "holdout": ...}
    horizon_days  INTEGER NOT NULL,
    rules         TEXT NOT NULL,          -- JSON of the effective ChurnRules
    features      TEXT NOT NULL,          -- JSON list of feature names, in model order
    medians       TEXT NOT NULL,          -- JSON {feature: median} the reasons compare against
    metrics       TEXT NOT NULL,          -- JSON: out-of-time metrics of model and baselines
    model_blob    BLOB,                   -- zlib(pickle) of the fitted model; NULL for RULE_BASELINE
    note          TEXT NOT NULL DEFAULT '',  -- why a rule baseline was used, if it was
    seconds       REAL NOT NULL
);

CREATE TABLE churn_score_runs (
    run_id      INTEGER PRIMARY KEY,
    model_id    INTEGER NOT NULL,
    as_of       TEXT NOT NULL,
    scored_at   TEXT NOT NULL,
    customers   INTEGER NOT NULL,
    seconds     REAL NOT NULL
);

CREATE TABLE churn_scores (
    customer_id    TEXT PRIMARY KEY,
    run_id         INTEGER NOT NULL,
    as_of          TEXT NOT NULL,
    probability    REAL NOT NULL,
    band           TEXT NOT NULL CHECK (band IN ('HIGH', 'MEDIUM', 'LOW')),
    previous_band  TEXT,                  -- band of the run before; NULL: not scored then
    aum            REAL NOT NULL,
    value_at_risk  REAL NOT NULL,         -- probability × AUM
    reasons        TEXT NOT NULL,         -- JSON [{"code": ..., "value": ..., "impact": ...}]
    scored_at      TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX churn_scores_by_value ON churn_scores (value_at_risk DESC);

CREATE TABLE churn_actions (
    action_id      INTEGER PRIMARY KEY,
    customer_id    TEXT NOT NULL,
    action         TEXT NOT NULL CHECK (action IN ('HANDLED', 'SNOOZED')),
    note           TEXT NOT NULL DEFAULT '',
    at             TEXT NOT NULL,
    until          TEXT,                  -- SNOOZED: hidden until this date (ISO)
    band           TEXT,                  -- band of the warning when acted on
    interaction_id INTEGER,               -- the contact logged with it
    task_id        INTEGER                -- the follow-up task created with it, if any
);
CREATE INDEX churn_actions_by_customer ON churn_actions (customer_id, action_id);
