"""File ▸ Import…: the import wizard for a bank's own export files (issue 14)."""
