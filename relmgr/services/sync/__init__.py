"""Anonymised summaries for head office: what is summarised (summary), disclosure control
(disclosure), signing (signing), optional noise (noise), the outbox inside the portfolio and
HTTPS transport (outbox, transport), and the head-office side that verifies and merges them
(collector). No Qt here."""
