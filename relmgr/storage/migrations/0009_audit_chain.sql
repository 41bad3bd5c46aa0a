-- Tamper-evident audit log (issue 13): each row carries the hash of the previous row and a hash
-- over its own content and that previous hash (relmgr/storage/audit_chain.py). Existing rows
-- are chained by the upgrade itself (portfolio.py fills them in this migration's transaction).
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN row_hash TEXT NOT NULL DEFAULT '';
