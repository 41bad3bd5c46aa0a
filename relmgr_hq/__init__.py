"""relmgr-hq: head office's collector of the branches' signed, anonymised summaries.

A sibling of the relmgr package so the branch bundle never carries it; it imports no Qt and, of
relmgr, only the signature code and the summary's schema name (both free of Qt)."""
