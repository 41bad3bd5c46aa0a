"""Open, create, migrate, rekey and query one encrypted portfolio file.

A `Portfolio` wraps one sqlcipher3 connection. sqlcipher3 refuses use from a thread other than
the one that opened it, which is what we want: the GUI opens it on its single database thread
(relmgr/storage/db_thread.py); the command line uses it on the main thread.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd
import sqlcipher3

from relmgr.storage.errors import (
    DamagedPortfolio,
    NotAPortfolio,
    PortfolioBusy,
    PortfolioError,
    PortfolioExists,
    PortfolioNotFound,
    PortfolioReadOnly,
    UpgradeFailed,
    WrongPassword,
)

# The driver's base error, for callers outside storage that turn it into a PortfolioError.
DatabaseError = sqlcipher3.DatabaseError
FORMAT_MARKER = "relmgr-portfolio"
_SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"
# SQLCipher 4 pages are 4096 bytes; a file of another size was cut short or is something else.
_PAGE_SIZE = 4096
# How long a command waits for another relmgr (an import, a refresh) to let go of the file
# before saying it is in use. Tests shorten it.
BUSY_TIMEOUT_MS = 5000
# What unlock checks: the header (file shape), the key, the schema and the pages these reads
# touch. SQLCipher verifies each page's HMAC as it reads it, so a read of these tables proves
# their pages intact; the full check is `check_integrity` (relmgr check FILE).
_UNLOCK_CHECKED = "header, key, schema and the meta and schema_version pages"


def _migration_scripts() -> list[tuple[int, str]]:
    folder = resources.files("relmgr.storage") / "migrations"
    scripts = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            scripts.append((int(entry.name.split("_", 1)[0]), entry.read_text(encoding="utf-8")))
    scripts.sort()
    numbers = [n for n, _ in scripts]
    # Numbers are handed out per piece of work, so a branch may hold 0014 before 0011..0013
    # are merged: gaps are allowed, duplicates are not, and `_migrate` applies every script a
    # file has not recorded (so one upgraded past a gap still gets the gap's scripts later).
    if not numbers or numbers[0] != 1 or len(set(numbers)) != len(numbers):
        raise RuntimeError("migration scripts must be numbered 0001, 0002, ... each number once")
    return scripts


MIGRATIONS = _migration_scripts()
MIGRATION_NUMBERS = [n for n, _ in MIGRATIONS]
SCHEMA_VERSION = MIGRATIONS[-1][0]
# Migration 0002 adds the derived customer_summary table, which upgrading fills from the data.
_SUMMARY_INTRODUCED = 2
# Migration 0009 chains the audit log; upgrading chains the rows already there.
_AUDIT_CHAIN_INTRODUCED = 9
# Migration 0014 adds the derived activity_months table, which upgrading fills from the data.
_ACTIVITY_MONTHS_INTRODUCED = 14
# Migration 0015 adds flow_months beside it, filled the same way.
_FLOW_MONTHS_INTRODUCED = 15
# Migrations that rebuild a table others refer to: run with foreign keys off (a DROP TABLE
# with them on deletes the rows first, which the references forbid), checked before commit.
_REBUILDS_TABLES = {10}


# SQLite's words for a migration that clashes with the schema it finds.
_SCHEMA_CLASH = re.compile(r"already exists|duplicate column|no such (table|column|index)")


def _now() -> str:
    return dt.datetime.now().replace(microsecond=0).isoformat()


def _connect(path: Path, password: str) -> sqlcipher3.Connection:
    # isolation_level=None: we issue BEGIN/COMMIT ourselves, so a transaction is exactly what
    # `Portfolio.transaction()` encloses, never something the driver opened implicitly.
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    # Keep SQLCipher's own diagnostics (which can name the failure) off stderr.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.set_key(password)
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_MS)}")
    return conn


def explain_database_error(path: Path | str, exc: BaseException) -> PortfolioError:
    """The one-line error the user sees for a database error on `path`: in use (try again),
    read-only or full, or damaged. A locked file is never called damaged."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return PortfolioBusy(f"{path}: in use by another relmgr (an import or refresh); "
                             "try again when it has finished")
    if "readonly" in text or "read-only" in text:
        return PortfolioReadOnly(f"{path}: the file or its folder is read-only; "
                                 "copy it to a folder you can write, or open it from there")
    if "disk" in text and ("full" in text or "i/o" in text):
        return PortfolioReadOnly(f"{path}: cannot write: the disk is full or failing")
    if "unable to open" in text:
        return PortfolioReadOnly(f"{path}: cannot be opened for writing (permissions?)")
    return DamagedPortfolio(f"{path}: the file is damaged (a page failed its check while reading: "
                            "run `relmgr check` and restore a backup)")


def check_integrity(portfolio: Portfolio) -> list[str]:
    """SQLCipher's full check: every page's HMAC, then SQLite's own structure check. Returns
    the problems found (empty: intact). Reads every page: seconds on a branch portfolio."""
    problems = [str(r[0]) for r in portfolio.conn.execute("PRAGMA cipher_integrity_check")]
    problems += [str(r[0]) for r in portfolio.conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
    return problems


class Portfolio:
    """An unlocked portfolio. Close it to lock."""

    def __init__(self, path: Path, conn: sqlcipher3.Connection) -> None:
        self.path = path
        self._conn: sqlcipher3.Connection | None = conn

    # -- connection life -------------------------------------------------------------------
    @property
    def conn(self) -> sqlcipher3.Connection:
        if self._conn is None:
            raise RuntimeError("the portfolio is locked")
        return self._conn

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Portfolio:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema ----------------------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        row = self.conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def _migrate(self, *, upto: int = SCHEMA_VERSION) -> None:
        current = self.schema_version
        if current > SCHEMA_VERSION:
            raise NotAPortfolio(
                f"{self.path}: made by a newer relmgr (schema {current}, this one knows {SCHEMA_VERSION})")
        applied = {int(r[0]) for r in self.conn.execute("SELECT version FROM schema_version")}
        for number, script in MIGRATIONS:
            if number not in applied and number <= upto:
                rebuild = number in _REBUILDS_TABLES
                if rebuild:
                    self.conn.execute("PRAGMA foreign_keys = OFF")   # a no-op inside a transaction
                try:
                    self._run_migration(number, script, check_references=rebuild)
                except sqlcipher3.OperationalError as exc:
                    # A schema clash ("index … already exists", "duplicate column name: …"),
                    # not a bad page: say which upgrade failed on what, with SQLite's words,
                    # which name only tables, columns and indexes (no customer data).
                    if not _SCHEMA_CLASH.search(str(exc)):
                        raise
                    raise UpgradeFailed(
                        f"{self.path}: could not be upgraded to schema {number} ({exc}); the file "
                        "was left as it was: restore a backup, or ask for help with this file") from None
                finally:
                    if rebuild:
                        self.conn.execute("PRAGMA foreign_keys = ON")

    def _run_migration(self, number: int, script: str, *, check_references: bool) -> None:
        with self.transaction():
            for statement in _split_sql(script):
                self.conn.execute(statement)
            if check_references and self.conn.execute("PRAGMA foreign_key_check").fetchone():
                raise NotAPortfolio(f"{self.path}: upgrade to schema {number} found broken references")
            self.conn.execute("INSERT INTO schema_version VALUES (?, ?)", (number, _now()))
            if number == _SUMMARY_INTRODUCED:
                self._fill_new_summary()
            if number == _AUDIT_CHAIN_INTRODUCED:
                from relmgr.storage import audit_chain

                audit_chain.backfill(self.conn)
            if number == _ACTIVITY_MONTHS_INTRODUCED:
                from relmgr.storage.activity_months import rebuild_activity_months

                rebuild_activity_months(self.conn, flows=False)
            if number == _FLOW_MONTHS_INTRODUCED:
                from relmgr.storage.flow_months import rebuild_flow_months

                rebuild_flow_months(self.conn)

    def _fill_new_summary(self) -> None:
        # A portfolio older than the summary table has data but no summary yet; fill it in the
        # migration's transaction so the upgraded customer list is complete at once.
        from relmgr.storage.summary import rebuild_customer_summary

        as_of = self.get_meta("as_of")
        if as_of is not None:
            rebuild_customer_summary(self, as_of=dt.date.fromisoformat(as_of))

    # -- transactions and queries ----------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlcipher3.Connection]:
        """All-or-nothing: commits when the block ends, rolls back if it raises."""
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return self.conn.execute(sql, params).fetchall()

    def read_frame(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        cursor = self.conn.execute(sql, params)
        columns = [d[0] for d in cursor.description]
        return pd.DataFrame.from_records(cursor.fetchall(), columns=columns)

    def insert_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Bulk insert; call inside `transaction()` so a failure leaves nothing behind."""
        placeholders = ", ".join("?" * len(columns))
        self.conn.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})", rows)

    def insert_frame(self, table: str, frame: pd.DataFrame) -> None:
        """Insert a DataFrame whose columns are named as the table's; NaN/NaT/NA become NULL.
        Rows are zipped from per-column Python lists: a third of the time of converting the
        whole frame to objects and iterating its rows."""
        columns = []
        for name in frame.columns:
            column = frame[name]
            values = column.to_numpy(dtype=object)
            missing = column.isna().to_numpy()
            if missing.any():
                values = values.copy()
                values[missing] = None
            columns.append(values.tolist())
        self.insert_rows(table, list(frame.columns), zip(*columns, strict=True))

    def table_counts(self, tables: Iterable[str]) -> dict[str, int]:
        return {t: self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}

    # -- meta ------------------------------------------------------------------------------
    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    # -- password --------------------------------------------------------------------------
    def change_password(self, *, new_password: str) -> None:
        """Re-encrypt every page under the new password (SQLCipher's rekey)."""
        if not new_password:
            raise ValueError("the new password is empty")
        self.conn.execute("PRAGMA rekey = " + _sql_literal(new_password))


def _sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _split_sql(script: str) -> list[str]:
    """Split a migration script into statements, using SQLite's own notion of a complete one
    (so a ';' inside a comment or a string does not end a statement)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlcipher3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(ln.strip().startswith("--") or not ln.strip()
                                  for ln in buffer.splitlines()):
        raise RuntimeError("migration script ends in an incomplete statement")
    return statements


def _check_file_shape(path: Path) -> None:
    """Reject, before any key is tried, files that cannot be an encrypted portfolio."""
    if not path.exists():
        raise PortfolioNotFound(f"{path}: no such file")
    if not path.is_file():
        raise NotAPortfolio(f"{path}: is a folder, not a portfolio file")
    size = path.stat().st_size
    if size == 0:
        raise NotAPortfolio(f"{path}: the file is empty, not a portfolio")
    with path.open("rb") as handle:
        head = handle.read(len(_SQLITE_PLAIN_HEADER))
    if head == _SQLITE_PLAIN_HEADER:
        raise NotAPortfolio(
            f"{path}: this is an unencrypted SQLite database, not an encrypted relmgr portfolio")
    if size % _PAGE_SIZE:
        raise DamagedPortfolio(
            f"{path}: the file is damaged or truncated, or not a portfolio "
            f"({size} bytes is not a whole number of {_PAGE_SIZE}-byte pages)")


def open_portfolio(path: str | os.PathLike[str], password: str, *, migrate: bool = True) -> Portfolio:
    """Unlock an existing portfolio, upgrading its schema if it is older than this relmgr.

    Reading the file never changes it: the key is tested by a read, and migrations run only
    once the key and the format are confirmed.
    """
    path = Path(path)
    if not password:
        raise WrongPassword(f"{path}: no password given")
    _check_file_shape(path)
    conn = _connect(path, password)
    try:
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            if "not a database" in str(exc):
                raise WrongPassword(
                    f"{path}: wrong password (or the file is not a relmgr portfolio)") from None
            error = explain_database_error(path, exc)
            if isinstance(error, DamagedPortfolio):
                error = DamagedPortfolio(f"{path}: the file is damaged (checked: {_UNLOCK_CHECKED})")
            raise error from None
        try:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            marker = (conn.execute("SELECT value FROM meta WHERE key='format'").fetchone()
                      if "meta" in names else None)
            if "schema_version" not in names or marker is None or marker[0] != FORMAT_MARKER:
                raise NotAPortfolio(f"{path}: an encrypted database, but not a relmgr portfolio")
            conn.execute("SELECT COUNT(*), MAX(version) FROM schema_version").fetchone()
            conn.execute("SELECT COUNT(*) FROM meta").fetchall()
        except sqlcipher3.DatabaseError as exc:
            error = explain_database_error(path, exc)
            if isinstance(error, DamagedPortfolio):
                error = DamagedPortfolio(f"{path}: the file is damaged (checked: {_UNLOCK_CHECKED})")
            raise error from None
        portfolio = Portfolio(path, conn)
        if migrate:
            try:
                portfolio._migrate()
            except sqlcipher3.DatabaseError as exc:
                raise explain_database_error(path, exc) from None
        portfolio.conn.execute("PRAGMA foreign_keys = ON")
        return portfolio
    except BaseException:
        conn.close()
        raise


def create_portfolio(path: str | os.PathLike[str], password: str, *,
                     schema_version: int = SCHEMA_VERSION) -> Portfolio:
    """Create a new, empty encrypted portfolio. `schema_version` below the latest is for tests
    of the upgrade path only."""
    path = Path(path)
    if not password:
        raise ValueError("a portfolio needs a password")
    if path.exists():
        raise PortfolioExists(f"{path}: a file with this name already exists")
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = _connect(path, password)
    portfolio = Portfolio(path, conn)
    try:
        with portfolio.transaction():
            conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
            conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            portfolio.set_meta("format", FORMAT_MARKER)
            portfolio.set_meta("created_at", _now())
        portfolio._migrate(upto=schema_version)
        conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        portfolio.close()
        path.unlink(missing_ok=True)
        raise
    return portfolio
