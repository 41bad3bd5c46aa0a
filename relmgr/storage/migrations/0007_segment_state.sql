-- Schema version 7: what the incremental segmentation refresh (issue 4) carries from one
-- refresh to the next, and a change counter telling it when that is no longer valid.
--
-- segment_state holds derived per-customer figures as binary arrays (numpy .npy bytes, written
-- and read only by relmgr/storage/segment_state.py): counts of customer-initiated transactions
-- in the sliding windows, the transactions about to leave those windows, the tier and stage
-- inputs of the current month and the cluster centroids. Like the 0003 tables it is derived and
-- replaced by every refresh, so it has no foreign keys.
CREATE TABLE segment_state (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL
) WITHOUT ROWID;

-- `changes` is bumped by the triggers below whenever a segmentation input other than
-- transactions and the contact log changes (customers' dates, holdings' owner and dates, monthly balances). The
-- incremental refresh compares it with the value stored at the last refresh and falls back to a
-- full refresh when they differ. New transactions are found by txn_id instead: a trigger per
-- inserted transaction would slow every import and the demo build by ~1.3 µs a row, so the
-- importer bumps `changes` itself when it inserts a transaction numbered below the highest on
-- file (relmgr.storage.segment_state.note_input_change); edits and deletions, which nothing
-- does in bulk, are counted by the triggers at the end of this file.
CREATE TABLE segment_input_changes (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    changes  INTEGER NOT NULL,
    contacts INTEGER NOT NULL   -- bumped by any change of the contact log (interactions)
);
INSERT INTO segment_input_changes (id, changes, contacts) VALUES (1, 0, 0);

CREATE TRIGGER segment_inputs_customers_insert AFTER INSERT ON customers
BEGIN
    UPDATE segment_input_changes SET changes = changes + 1 WHERE id = 1;
END;
CREATE TRIGGER segment_inputs_customers_update AFTER UPDATE ON customers
WHEN OLD.customer_id IS NOT NEW.customer_id OR OLD.birth_date IS NOT NEW.birth_date
  OR OLD.opened_on IS NOT NEW.opened_on OR OLD.closed_on IS NOT NEW.closed_on
BEGIN
    UPDATE segment_input_changes SET changes = changes + 1 WHERE id = 1;
END;
CREATE TRIGGER segment_inputs_customers_delete AFTER DELETE ON customers
BEGIN
    UPDATE segment_input_changes SET changes = changes + 1 WHERE id = 1;
END;

CREATE TRIGGER segment_inputs_holdings_insert AFTER INSERT ON holdings
BEGIN
    UPDATE segment_input_changes SET changes = changes + 1 WHERE id = 1;
END;
CREATE TRIGGER segment_inputs_holdings_update AFTER UPDATE ON holdings
WHEN OLD.customer_id IS NOT NEW.customer_id OR OLD.opened_on IS NOT NEW.opened_on
  OR OLD.closed_on IS NOT NEW.closed_on
BEGIN
    UPDATE segment_input_changes SET changes = changes + 1 WHERE id = 1;
END;
CREATE TRIGGER segment_inputs_holdings_delete AFTER DELETE ON holdings
BEGIN
    UPDATE segment_input_changes SET changes = changes + 1 WHERE id = 1;
END;

CREATE TRIGGER segment_inputs_balances_insert AFTER INSERT ON monthly_balances
BEGIN
    UPDATE segment_input_changes SET changes = changes + 1 WHERE id = 1;
END;
CREATE TRIGGER segment_inputs_balances_update AFTER UPDATE ON monthly_balances
WHEN OLD.customer_id IS NOT NEW.customer_id OR OLD.month IS NOT NEW.month
  OR OLD.aum_avg IS NOT NEW.aum_avg OR OLD.aum_end IS NOT NEW.aum_end
  OR OLD.digital_logins IS NOT NEW.digital_logins
BEGIN
    UPDATE segment_input_changes SET changes = changes + 1 WHERE id = 1;
END;
CREATE TRIGGER segment_inputs_balances_delete AFTER DELETE ON monthly_balances
BEGIN
    UPDATE segment_input_changes SET changes = changes + 1 WHERE id = 1;
END;

-- The contact log: the incremental refresh re-reads it only when it changed.
CREATE TRIGGER segment_inputs_interactions_insert AFTER INSERT ON interactions
BEGIN
    UPDATE segment_input_changes SET contacts = contacts + 1 WHERE id = 1;
END;
CREATE TRIGGER segment_inputs_interactions_update AFTER UPDATE ON interactions
BEGIN
    UPDATE segment_input_changes SET contacts = contacts + 1 WHERE id = 1;
END;
CREATE TRIGGER segment_inputs_interactions_delete AFTER DELETE ON interactions
BEGIN
    UPDATE segment_input_changes SET contacts = contacts + 1 WHERE id = 1;
END;

-- Transactions are appended, so only an edit or a deletion invalidates the carried counts.
CREATE TRIGGER segment_inputs_transactions_update AFTER UPDATE ON transactions
BEGIN
    UPDATE segment_input_changes SET changes = changes + 1 WHERE id = 1;
END;
CREATE TRIGGER segment_inputs_transactions_delete AFTER DELETE ON transactions
BEGIN
    UPDATE segment_input_changes SET changes = changes + 1 WHERE id = 1;
END;
