-- Schema version 8: a change counter for the recommender's fitted model (issue 6).
--
-- The co-holding and next-opening model is fitted on every customer's open holdings, age and
-- risk rating and on the product catalogue, and kept in memory while the portfolio is open.
-- Until now each customer panel checked that it was still valid by aggregating the whole
-- holdings table (~80 ms of a ~100 ms panel at branch scale). These triggers count every change
-- of what the model reads, so the check is one row. Holdings and products are small next to
-- transactions, so a trigger per row costs imports little (~0.2 s per 180,000 holdings).
CREATE TABLE reco_input_changes (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    changes INTEGER NOT NULL
);
INSERT INTO reco_input_changes (id, changes) VALUES (1, 0);

CREATE TRIGGER reco_inputs_holdings_insert AFTER INSERT ON holdings
BEGIN
    UPDATE reco_input_changes SET changes = changes + 1 WHERE id = 1;
END;
CREATE TRIGGER reco_inputs_holdings_update AFTER UPDATE ON holdings
BEGIN
    UPDATE reco_input_changes SET changes = changes + 1 WHERE id = 1;
END;
CREATE TRIGGER reco_inputs_holdings_delete AFTER DELETE ON holdings
BEGIN
    UPDATE reco_input_changes SET changes = changes + 1 WHERE id = 1;
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

CREATE TRIGGER reco_inputs_products_insert AFTER INSERT ON products
BEGIN
    UPDATE reco_input_changes SET changes = changes + 1 WHERE id = 1;
END;
CREATE TRIGGER reco_inputs_products_update AFTER UPDATE ON products
BEGIN
    UPDATE reco_input_changes SET changes = changes + 1 WHERE id = 1;
END;
CREATE TRIGGER reco_inputs_products_delete AFTER DELETE ON products
BEGIN
    UPDATE reco_input_changes SET changes = changes + 1 WHERE id = 1;
END;
