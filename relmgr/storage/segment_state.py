"""The incremental segmentation refresh's carried state (migration 0007): named numpy arrays
stored as .npy bytes in table segment_state, and the input change counter its triggers bump.

Arrays are saved with allow_pickle=False and loaded the same way, so a damaged or hostile blob
can only fail to load, never run code. Strings are stored as fixed-width unicode arrays.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

import numpy as np

from relmgr.storage.portfolio import Portfolio


def input_changes(portfolio: Portfolio) -> tuple[int, int]:
    """(changes, contacts): the counters bumped by every change of customers' dates, holdings
    or monthly balances, and of the contact log."""
    rows = portfolio.query("SELECT changes, contacts FROM segment_input_changes WHERE id = 1")
    return (int(rows[0][0]), int(rows[0][1])) if rows else (0, 0)


def note_input_change(portfolio: Portfolio) -> None:
    """Count a change the triggers cannot see (transactions inserted below the highest txn_id);
    call inside the transaction that makes it."""
    portfolio.conn.execute("UPDATE segment_input_changes SET changes = changes + 1 WHERE id = 1")


def highest_txn_id(portfolio: Portfolio) -> int:
    (highest,), = portfolio.query("SELECT COALESCE(MAX(txn_id), 0) FROM transactions")
    return int(highest)


def _npy_rows(arrays: Mapping[str, np.ndarray]) -> list[tuple[str, bytes]]:
    rows = []
    for name, array in arrays.items():
        buffer = io.BytesIO()
        np.save(buffer, np.asarray(array), allow_pickle=False)
        rows.append((name, buffer.getvalue()))
    return rows


def save_state(portfolio: Portfolio, arrays: Mapping[str, np.ndarray]) -> None:
    """Replace the whole state; call inside the transaction that writes the results."""
    portfolio.conn.execute("DELETE FROM segment_state")
    portfolio.conn.executemany("INSERT INTO segment_state (name, value) VALUES (?, ?)",
                               _npy_rows(arrays))


def update_state(portfolio: Portfolio, arrays: Mapping[str, np.ndarray]) -> None:
    """Replace the named arrays, keep the others; call inside the results' transaction."""
    portfolio.conn.executemany(
        "INSERT INTO segment_state (name, value) VALUES (?, ?) "
        "ON CONFLICT (name) DO UPDATE SET value = excluded.value", _npy_rows(arrays))


def load_state(portfolio: Portfolio) -> dict[str, np.ndarray]:
    """The stored arrays by name; {} when there is none or it cannot be read."""
    out: dict[str, np.ndarray] = {}
    try:
        for name, value in portfolio.query("SELECT name, value FROM segment_state"):
            out[name] = np.load(io.BytesIO(value), allow_pickle=False)
    except (ValueError, OSError, EOFError):
        return {}
    return out
