"""Head office sync: the page that shows exactly what the anonymised summary will carry, and
sends or saves it (relmgr/services/sync builds, protects and signs it)."""
