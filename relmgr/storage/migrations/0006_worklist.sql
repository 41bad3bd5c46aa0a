-- Schema version 6: the RM's own arrangement of the Today worklist (issue 7), and indexes the
-- follow-up lists read by. Contacts and tasks themselves live in `interactions` and `tasks`
-- (migration 1); exports are recorded in `audit_log` (migration 1).
-- No foreign keys on customer_id: re-importing customers must never be blocked by yesterday's
-- dismissals, and a mark for a customer who has left is simply never matched again.

-- Customers the RM took off the list: DISMISSED hides them on `day` only; SNOOZED hides them
-- from `day` up to the day before `until` (they return on `until`). One mark per customer and day.
CREATE TABLE worklist_marks (
    customer_id TEXT NOT NULL,
    day         TEXT NOT NULL,           -- the worklist day the RM acted on ('YYYY-MM-DD')
    action      TEXT NOT NULL CHECK (action IN ('DISMISSED', 'SNOOZED')),
    until       TEXT,                    -- SNOOZED: first day shown again; NULL for DISMISSED
    marked_at   TEXT NOT NULL,           -- wall clock of the action
    PRIMARY KEY (customer_id, day),
    CHECK ((action = 'SNOOZED') = (until IS NOT NULL))
) WITHOUT ROWID;
CREATE INDEX worklist_marks_by_day ON worklist_marks (day);

-- Customers the RM moved by hand: pinned at `position` (1 = top) on that day's list; everyone
-- else fills the remaining places by priority. Positions belong to one day because tomorrow's
-- list is a different list.
CREATE TABLE worklist_positions (
    day         TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    position    INTEGER NOT NULL CHECK (position >= 1),
    PRIMARY KEY (day, customer_id)
) WITHOUT ROWID;

-- The Today list and the tasks page read open tasks by due date, the 360 pane by customer.
CREATE INDEX tasks_by_status_due ON tasks (status, due_on);
CREATE INDEX tasks_by_customer ON tasks (customer_id, due_on);
-- The maturing-products signal reads holdings by maturity date.
CREATE INDEX holdings_by_maturity ON holdings (maturity_on);
-- Contact due dates need each customer's latest contact that reached them: a covering index
-- lets SQLite answer that from the index alone (half the time at branch scale).
CREATE INDEX interactions_by_customer_outcome ON interactions (customer_id, outcome, occurred_at);
