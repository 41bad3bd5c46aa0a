"""Anonymised summaries for head office: what is summarised (summary), disclosure control
(disclosure), signing (signing), the outbox folder and HTTPS transport (outbox, transport), and
the head-office side that verifies and merges them (collector). No Qt here."""
