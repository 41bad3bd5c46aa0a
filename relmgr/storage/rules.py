"""Team rules: small JSON values in the encrypted `team_rules` table, keyed by name.

Only overrides are stored; the defaults live in code (e.g. relmgr/domain/segments.py), so a
missing row means "use the default". Values must be JSON-serialisable.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from relmgr.storage.portfolio import Portfolio


def get_rule(portfolio: Portfolio, key: str, default: Any = None) -> Any:
    """The decoded value of team rule `key`, or `default` when the team has not set it."""
    row = portfolio.conn.execute("SELECT value FROM team_rules WHERE key = ?", (key,)).fetchone()
    if row is None:
        return default
    try:
        return json.loads(row[0])
    except json.JSONDecodeError:
        raise ValueError(f"team rule {key!r} is not valid JSON") from None


def set_rule(portfolio: Portfolio, key: str, value: Any) -> None:
    """Store (or replace) team rule `key`. Call inside `portfolio.transaction()` when it must go
    together with other writes."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    now = dt.datetime.now().replace(microsecond=0).isoformat()
    portfolio.conn.execute(
        "INSERT INTO team_rules (key, value, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        (key, text, now))


def delete_rule(portfolio: Portfolio, key: str) -> None:
    """Forget the team's override: the default in code applies again."""
    portfolio.conn.execute("DELETE FROM team_rules WHERE key = ?", (key,))
