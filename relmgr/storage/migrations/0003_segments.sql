-- Schema version 3: results of the segmentation refresh (issue 4): service tiers and their
-- history, RFM segments, behaviour clusters, lifecycle stages with their history and the
-- month-by-month stage flow. All of it is derived from the exchange tables and replaced as a
-- whole by each refresh (relmgr/services/segments.py), so these tables carry no foreign keys:
-- re-importing customers must never be blocked by yesterday's derived results.
-- Team-rule defaults are not rows: they live in code (relmgr/domain/segments.py); a team_rules
-- row 'segments.tiers' / 'segments.rfm' / 'segments.clusters' / 'segments.lifecycle' overrides them.

CREATE TABLE segment_runs (
    run_id       INTEGER PRIMARY KEY,
    as_of        TEXT NOT NULL,          -- the data date the results describe
    computed_at  TEXT NOT NULL,          -- wall clock of the refresh
    customers    INTEGER NOT NULL,
    cluster_k    INTEGER,
    silhouette   TEXT NOT NULL DEFAULT '{}',  -- JSON {k: mean silhouette}
    rules        TEXT NOT NULL DEFAULT '{}',  -- JSON of the effective rules used
    seconds      REAL NOT NULL
);

CREATE TABLE customer_segments (
    customer_id     TEXT PRIMARY KEY,
    tier            TEXT NOT NULL,        -- Tier code
    tier_since      TEXT NOT NULL,        -- 'YYYY-MM'
    avg_aum_3m      REAL NOT NULL,
    months_below    INTEGER NOT NULL,     -- > 0: a downgrade is pending
    contact_status  TEXT,                 -- ContactStatus code; NULL for closed customers
    last_contact_on TEXT,
    due_on          TEXT,
    days_overdue    INTEGER,
    recency_days    INTEGER,              -- NULL: no customer-initiated transaction ever
    frequency       INTEGER NOT NULL,
    monetary        REAL NOT NULL,
    r_score         INTEGER NOT NULL,
    f_score         INTEGER NOT NULL,
    m_score         INTEGER NOT NULL,
    rfm_code        TEXT NOT NULL,        -- e.g. 'HHL': R, F, M high/low against the median
    rfm_segment     TEXT NOT NULL,        -- RfmSegment code
    cluster         INTEGER,              -- NULL for customers whose record is closed
    stage           TEXT NOT NULL,        -- Stage code
    stage_since     TEXT NOT NULL,        -- ISO date the current stage was first observed
    stage_reason    TEXT NOT NULL,        -- StageReason code
    stage_detail    TEXT NOT NULL,        -- JSON: the numbers behind the reason, as of as_of
    computed_at     TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX customer_segments_by_tier ON customer_segments (tier, contact_status);
CREATE INDEX customer_segments_by_stage ON customer_segments (stage);

CREATE TABLE tier_history (
    customer_id   TEXT NOT NULL,
    month         TEXT NOT NULL,          -- 'YYYY-MM' the tier took effect
    tier          TEXT NOT NULL,
    change        TEXT NOT NULL,          -- TierChange: ENTRY / UP / DOWN
    previous_tier TEXT,
    avg_aum_3m    REAL NOT NULL,
    PRIMARY KEY (customer_id, month)
) WITHOUT ROWID;
CREATE INDEX tier_history_by_month ON tier_history (month);

CREATE TABLE stage_history (
    customer_id TEXT NOT NULL,
    entered_on  TEXT NOT NULL,            -- ISO date of the evaluation that first saw the stage
    stage       TEXT NOT NULL,
    reason      TEXT NOT NULL,
    detail      TEXT NOT NULL,            -- JSON numbers at entry
    PRIMARY KEY (customer_id, entered_on)
) WITHOUT ROWID;

CREATE TABLE stage_flow (
    month      TEXT NOT NULL,             -- 'YYYY-MM'
    from_stage TEXT NOT NULL,             -- Stage code or 'NEW'
    to_stage   TEXT NOT NULL,
    count      INTEGER NOT NULL,
    PRIMARY KEY (month, from_stage, to_stage)
) WITHOUT ROWID;

CREATE TABLE cluster_profiles (
    cluster            INTEGER PRIMARY KEY,
    size               INTEGER NOT NULL,
    share              REAL NOT NULL,
    mean_age           REAL NOT NULL,
    mean_aum           REAL NOT NULL,
    mean_txns_12m      REAL NOT NULL,
    mean_digital_share REAL NOT NULL,
    mean_products      REAL NOT NULL,
    mean_tenure_years  REAL NOT NULL,
    mean_logins        REAL NOT NULL,
    traits             TEXT NOT NULL      -- JSON [[feature, level, z], ...], strongest first
);
