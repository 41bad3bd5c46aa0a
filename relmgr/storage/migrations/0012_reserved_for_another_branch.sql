-- BRANCH-ONLY PLACEHOLDER (syncbranch): schema number 12 belongs to another branch's migration.
-- It exists only so that this branch's 0013 keeps the numbering gap-free and testable on its
-- own; delete this file when merging (the real 0012 takes its place).
SELECT 1;
