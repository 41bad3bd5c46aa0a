-- Schema version 10: fields a bank's export may not provide (issue 14). A real export may lack
-- the customer's name, ID number, phone, risk rating or preferred channel, and a transaction's
-- channel; they were NOT NULL, so an import had to invent them. Now they may be NULL, which
-- means "not provided": shown as "—", and a customer without a risk rating is unassessed
-- (relmgr/domain/suitability.py). SQLite cannot drop a NOT NULL, so both tables are rebuilt
-- (the documented 12-step way: portfolio.py runs this with foreign keys off and checks them
-- before committing), and their indexes and triggers (migrations 0007, 0008) made again.

CREATE TABLE customers_v10 (
    customer_id       TEXT PRIMARY KEY,
    name              TEXT,
    id_number         TEXT UNIQUE,
    phone             TEXT,
    gender            TEXT NOT NULL CHECK (gender IN ('M', 'F')),
    birth_date        TEXT NOT NULL,
    city              TEXT NOT NULL DEFAULT '',
    occupation        TEXT NOT NULL DEFAULT '',
    risk_rating       TEXT CHECK (risk_rating IN ('C1', 'C2', 'C3', 'C4', 'C5')),
    risk_assessed_on  TEXT,
    preferred_channel TEXT DEFAULT 'BRANCH',
    opened_on         TEXT NOT NULL,
    closed_on         TEXT,
    tags              TEXT NOT NULL DEFAULT ''
);
INSERT INTO customers_v10 SELECT customer_id, name, id_number, phone, gender, birth_date, city,
    occupation, risk_rating, risk_assessed_on, preferred_channel, opened_on, closed_on, tags
    FROM customers;
DROP TABLE customers;
ALTER TABLE customers_v10 RENAME TO customers;

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
CREATE TRIGGER reco_inputs_customers_insert AFTER INSERT ON customers
BEGIN
    UPDATE reco_input_changes SET changes = changes + 1 WHERE id = 1;
END;
CREATE TRIGGER reco_inputs_customers_update AFTER UPDATE ON customers
WHEN OLD.customer_id IS NOT NEW.customer_id OR OLD.birth_date IS NOT NEW.birth_date
  OR OLD.risk_rating IS NOT NEW.risk_rating OR OLD.closed_on IS NOT NEW.closed_on
BEGIN
    UPDATE reco_input_changes SET changes = changes + 1 WHERE id = 1;
END;
CREATE TRIGGER reco_inputs_customers_delete AFTER DELETE ON customers
BEGIN
    UPDATE reco_input_changes SET changes = changes + 1 WHERE id = 1;
END;

CREATE TABLE transactions_v10 (
    txn_id      INTEGER PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customers (customer_id),
    holding_id  TEXT REFERENCES holdings (holding_id),
    txn_date    TEXT NOT NULL,
    amount      REAL NOT NULL,
    kind        TEXT NOT NULL,
    channel     TEXT
);
INSERT INTO transactions_v10 SELECT txn_id, customer_id, holding_id, txn_date, amount, kind, channel
    FROM transactions;
DROP TABLE transactions;
ALTER TABLE transactions_v10 RENAME TO transactions;
CREATE INDEX transactions_by_customer_date ON transactions (customer_id, txn_date);

CREATE TRIGGER segment_inputs_transactions_update AFTER UPDATE ON transactions
BEGIN
    UPDATE segment_input_changes SET changes = changes + 1 WHERE id = 1;
END;
CREATE TRIGGER segment_inputs_transactions_delete AFTER DELETE ON transactions
BEGIN
    UPDATE segment_input_changes SET changes = changes + 1 WHERE id = 1;
END;
