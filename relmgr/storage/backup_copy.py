"""A consistent, encrypted copy of an open portfolio, and checks of a copy, in SQL.

The copy is SQLite's `VACUUM INTO`, run in the open portfolio's own connection. SQLCipher 4.19
also lets the online backup API (`conn.backup(target)`) copy between encrypted databases, but
the target connection must be keyed, i.e. the password held again; the window does not keep it
(and an automatic backup on lock has nobody to ask). `VACUUM INTO` writes the copy with the
connection's own key and salt, so the copy opens with the same password, and it reads the
source in one read transaction, so the copy is one consistent snapshot even while another
relmgr writes (the writer waits, as for any reader). Plaintext never reaches the disk.

A copy is checked by ATTACHing it without a KEY clause, which SQLCipher keys with the main
database's key: every page's HMAC (cipher_integrity_check), SQLite's quick_check, and each
table's row count against the source's.
"""

from __future__ import annotations

import os
from pathlib import Path

import sqlcipher3

from relmgr.domain.progress import CancelCheck, Cancelled, Progress, never, no_progress
from relmgr.storage.portfolio import Portfolio

_ALIAS = "relmgr_copy"
# The progress handler runs every this many SQLite VM instructions: often enough for Cancel to
# answer within a fraction of a second, rarely enough to cost nothing measurable.
_HANDLER_EVERY = 20_000


def table_names(conn: sqlcipher3.Connection, schema: str = "main") -> list[str]:
    return [r[0] for r in conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%' ORDER BY name")]


def row_counts(conn: sqlcipher3.Connection, schema: str = "main") -> dict[str, int]:
    return {t: conn.execute(f'SELECT COUNT(*) FROM {schema}."{t}"').fetchone()[0]
            for t in table_names(conn, schema)}


def vacuum_into(portfolio: Portfolio, target: Path, *, progress: Progress = no_progress,
                cancel: CancelCheck = never) -> None:
    """Write a consistent encrypted copy of `portfolio` to `target` (absent or empty).
    Progress is the copy's size against the source's; Cancel interrupts the statement
    (raises Cancelled; `target` is then partial and the caller deletes it)."""
    conn = portfolio.conn
    if conn.in_transaction:
        raise RuntimeError("a copy cannot be taken inside a transaction")
    pages, page_size = (conn.execute("PRAGMA page_count").fetchone()[0],
                        conn.execute("PRAGMA page_size").fetchone()[0])
    expected = max(1, int(pages) * int(page_size))
    cancelled = False

    def handler() -> int:
        nonlocal cancelled
        if cancel():
            cancelled = True
            return 1            # interrupts VACUUM INTO
        try:
            progress(min(0.95, target.stat().st_size / expected), "copying")
        except OSError:
            pass
        return 0

    conn.set_progress_handler(handler, _HANDLER_EVERY)
    try:
        conn.execute("VACUUM INTO ?", (str(target),))
    except sqlcipher3.OperationalError:
        if cancelled:
            raise Cancelled() from None
        raise
    finally:
        conn.set_progress_handler(None, 0)
    progress(0.95, "copying")


def check_copy(portfolio: Portfolio, copy: Path) -> list[str]:
    """What is wrong with `copy` as a copy of `portfolio` (empty: every page's HMAC checks,
    the structure is sound and every table has as many rows as the source's)."""
    conn = portfolio.conn
    conn.execute(f"ATTACH DATABASE ? AS {_ALIAS}", (str(copy),))
    try:
        try:
            problems = [str(r[0]) for r in conn.execute(f"PRAGMA {_ALIAS}.cipher_integrity_check")]
            problems += [str(r[0]) for r in conn.execute(f"PRAGMA {_ALIAS}.quick_check")
                         if r[0] != "ok"]
            if problems:
                return problems
            source, copied = row_counts(conn), row_counts(conn, _ALIAS)
        except sqlcipher3.DatabaseError as error:
            return [f"the copy cannot be read ({error})"]
        return [f"table {name}: {source.get(name)} rows in the portfolio, {copied.get(name)} in the copy"
                for name in sorted(set(source) | set(copied)) if source.get(name) != copied.get(name)]
    finally:
        conn.execute(f"DETACH DATABASE {_ALIAS}")


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; Windows has no directory handles to sync)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

