"""The hash chain that makes the audit log tamper-evident (issue 13).

row_hash = SHA-256 over the row's id, time, actor, action, target, detail and the previous
row's row_hash (prev_hash); the newest row_hash is also kept in meta 'audit_head'. Deleting,
editing, reordering or inserting rows with plain SQL breaks the chain at the first row touched;
deleting the newest rows is caught by the head. Limit: someone with the password who also
recomputes every later hash (and the head) is not caught; the chain is evidence against edits,
not a signature.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

HEAD_KEY = "audit_head"
_FIELDS = "audit_id, at, actor, action, target, detail"


def row_hash(row: Sequence[Any], prev_hash: str) -> str:
    """`row`: (audit_id, at, actor, action, target, detail)."""
    payload = json.dumps([*(str(v) for v in row), prev_hash], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(conn: Any, row: Sequence[Any]) -> int:
    """Insert one audit row (at, actor, action, target, detail) chained to the newest one.
    Call inside a write transaction (BEGIN IMMEDIATE), so no other writer can slip in."""
    last = conn.execute("SELECT MAX(audit_id) FROM audit_log").fetchone()[0]
    audit_id = (last or 0) + 1
    # Chained to the recorded head, not to whatever row is last now: when the newest rows were
    # deleted, the new row keeps pointing at the missing one and verify still finds the gap.
    head = conn.execute("SELECT value FROM meta WHERE key = ?", (HEAD_KEY,)).fetchone()
    prev = head[0] if head else ""
    digest = row_hash((audit_id, *row), prev)
    conn.execute(f"INSERT INTO audit_log ({_FIELDS}, prev_hash, row_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                 (audit_id, *row, prev, digest))
    _set_head(conn, digest)
    return audit_id


def backfill(conn: Any) -> None:
    """Chain every existing row in id order (the upgrade to schema 9)."""
    prev = ""
    for row in conn.execute(f"SELECT {_FIELDS} FROM audit_log ORDER BY audit_id").fetchall():
        digest = row_hash(row, prev)
        conn.execute("UPDATE audit_log SET prev_hash = ?, row_hash = ? WHERE audit_id = ?",
                     (prev, digest, row[0]))
        prev = digest
    _set_head(conn, prev)


@dataclass(frozen=True)
class ChainBreak:
    """Where the chain breaks. kind: 'gap' (a row deleted, inserted or moved before audit_id),
    'changed' (audit_id edited after it was written) or 'truncated' (the newest rows after the
    first `rows` are missing; audit_id is None). Ids and counts only, so no words and no data:
    the CLI and the window each put it in their own words."""

    kind: str
    audit_id: int | None
    rows: int


def find_break(conn: Any) -> ChainBreak | None:
    """The first break in the chain, or None when it is intact."""
    prev = ""
    count = 0
    for *row, stored_prev, stored in conn.execute(
            f"SELECT {_FIELDS}, prev_hash, row_hash FROM audit_log ORDER BY audit_id"):
        count += 1
        if stored_prev != prev:
            return ChainBreak("gap", int(row[0]), count)
        if row_hash(row, prev) != stored:
            return ChainBreak("changed", int(row[0]), count)
        prev = stored
    head = conn.execute("SELECT value FROM meta WHERE key = ?", (HEAD_KEY,)).fetchone()
    if (head[0] if head else "") != prev:
        return ChainBreak("truncated", None, count)
    return None


def describe(found: ChainBreak) -> str:
    """One English sentence for a break (the command line's wording)."""
    if found.kind == "gap":
        return (f"audit row {found.audit_id} does not follow the row before it "
                "(a row was deleted, inserted or moved before it)")
    if found.kind == "changed":
        return f"audit row {found.audit_id} was changed after it was written"
    return (f"the newest audit rows are missing (the log ends after {found.rows} rows "
            "but the file recorded a later one)")


def verify(conn: Any) -> str | None:
    """None when the chain is intact, else one sentence saying where it breaks."""
    found = find_break(conn)
    return None if found is None else describe(found)


def _set_head(conn: Any, digest: str) -> None:
    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) "
                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (HEAD_KEY, digest))
