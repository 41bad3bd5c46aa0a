"""Backing up an open portfolio and restoring a backup, both verified and audited (issue 13).

Backup: the full integrity check first (a damaged portfolio is not copied over a good backup),
then a consistent encrypted copy (relmgr/storage/backup_copy.py) into a temp file beside the
target, checked page by page and table by table against the portfolio, flushed, and only then
renamed to the target; then a BACKED_UP audit row. A crash or kill at any point leaves the
portfolio as it was and the target either absent or the previous file there, never a partial
copy under the target's name (a stale `.NAME.*.part` file is removed by the next backup).

Restore: the backup is opened with the password and fully checked first; an existing portfolio
at the target is compared with it and not replaced when it holds anything newer (audit rows
other than unlocks, locks and backups, or a later data date), or when it cannot be read to
tell, unless forced. The restored copy is written beside the target with a RESTORED audit row
in it, checked, and renamed into place; the file it replaces is kept beside it (with its
journal, which must never meet the new file), never deleted.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from relmgr.domain.codes import AuditAction
from relmgr.domain.progress import CancelCheck, Cancelled, Progress, never, no_progress
from relmgr.services import audit
from relmgr.services.changes import Topic, writes
from relmgr.storage import (
    SCHEMA_VERSION,
    DamagedPortfolio,
    DatabaseError,
    Portfolio,
    PortfolioBusy,
    PortfolioError,
    WrongPassword,
    audit_chain,
    check_integrity,
    explain_database_error,
    open_portfolio,
)
from relmgr.storage.backup_copy import check_copy, fsync_file, fsync_folder, row_counts, vacuum_into

BACKUP_SUFFIX = ".rmdb"
# Audit actions that record access, not a change: a portfolio whose only rows after the backup
# are these is not "newer" than it (restoring a backup over its own source needs no --force).
_NOT_CHANGES = frozenset({AuditAction.UNLOCKED, AuditAction.LOCKED, AuditAction.BACKED_UP})
_STAMP = "%Y%m%d-%H%M%S"


class BackupFailed(PortfolioError):
    """The backup or restore was refused or failed; nothing was replaced."""


@dataclasses.dataclass(frozen=True)
class BackupResult:
    path: Path
    bytes: int
    rows: int


@dataclasses.dataclass(frozen=True)
class RestoreResult:
    path: Path
    replaced: Path | None     # where the portfolio that was at `path` now is
    rows: int


# -- temp files beside the target --------------------------------------------------------------
def _temp_beside(target: Path) -> Path:
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except FileNotFoundError:
        raise BackupFailed(f"{target.parent}: no such folder") from None
    except OSError as error:
        raise BackupFailed(f"{target}: cannot write here ({error.strerror or error})") from None
    os.close(fd)
    return Path(name)


def _remove_stale_parts(target: Path) -> None:
    """Partial copies a killed backup left behind (never the target itself)."""
    for stale in target.parent.glob(f".{glob_escape(target.name)}.*.part"):
        stale.unlink(missing_ok=True)


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


@contextlib.contextmanager
def _removed_on_failure(temp: Path) -> Iterator[None]:
    try:
        yield
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _write_error(target: Path, error: BaseException) -> PortfolioError:
    if isinstance(error, DatabaseError):
        explained = explain_database_error(target, error)
        return BackupFailed(str(explained).replace("the file is damaged", "the copy failed its check"))
    return BackupFailed(f"{target}: cannot write ({getattr(error, 'strerror', None) or error})")


# -- backup ----------------------------------------------------------------------------------------
def default_backup_name(portfolio_path: str | os.PathLike[str], when: dt.datetime | None = None) -> str:
    stem = Path(portfolio_path).stem
    return f"{stem}-{(when or dt.datetime.now()).strftime(_STAMP)}{BACKUP_SUFFIX}"


@writes(Topic.AUDIT)
def back_up(portfolio: Portfolio, out: str | os.PathLike[str], *, progress: Progress = no_progress,
            cancel: CancelCheck = never) -> BackupResult:
    """Check `portfolio` in full, copy it to `out` (a file, or a folder to put a dated file
    in), verify the copy and record BACKED_UP. Raises DamagedPortfolio when the portfolio fails
    its check (nothing written), BackupFailed when the copy cannot be written or verified,
    Cancelled when cancelled (nothing left behind)."""
    target = Path(out)
    if target.is_dir():
        target = target / default_backup_name(portfolio.path)
    if target.resolve() == Path(portfolio.path).resolve():
        raise BackupFailed(f"{target}: is the portfolio itself; back up to another file")
    progress(0.0, "checking")
    problems = check_integrity(portfolio)
    if problems:
        raise DamagedPortfolio(f"{portfolio.path}: not backed up: the full check found damage "
                               f"({len(problems)} problem(s)); keep your latest good backup")
    if cancel():
        raise Cancelled()
    _remove_stale_parts(target)
    temp = _temp_beside(target)
    with _removed_on_failure(temp):
        try:
            vacuum_into(portfolio, temp, progress=progress, cancel=cancel)
            fsync_file(temp)
            progress(0.96, "verifying")
            wrong = check_copy(portfolio, temp)
        except (DatabaseError, OSError) as error:
            raise _write_error(target, error) from None
        if wrong:
            raise BackupFailed(f"{target}: not written: the copy failed its check ({wrong[0][:120]})")
        if cancel():
            raise Cancelled()
        try:
            os.replace(temp, target)
            fsync_folder(target.parent)
        except OSError as error:
            raise _write_error(target, error) from None
    size = target.stat().st_size
    rows = sum(row_counts(portfolio.conn).values())
    try:
        audit.record(portfolio, action=AuditAction.BACKED_UP, target=target.name,
                     detail={"path": str(target), "bytes": size, "rows": rows})
    except DatabaseError as error:   # e.g. a read-only portfolio: the backup itself is good
        reason = str(explain_database_error(portfolio.path, error)).removeprefix(f"{portfolio.path}: ")
        raise BackupFailed(f"{target}: written and checked, but not recorded in the audit log "
                           f"({reason})") from None
    progress(1.0, "done")
    return BackupResult(target, size, rows)


@writes(Topic.AUDIT)
def auto_backup(portfolio: Portfolio, folder: str | os.PathLike[str], *, keep: int,
                now: dt.datetime | None = None) -> BackupResult:
    """A backup named by the time (`now`, default the clock) into `folder` (made if missing),
    then only the newest `keep` dated backups of this portfolio are kept there."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BackupFailed(f"{folder}: cannot make the backup folder ({error.strerror or error})") from None
    result = back_up(portfolio, folder / default_backup_name(portfolio.path, now))
    for old in dated_backups(folder, portfolio.path)[max(1, keep):]:
        old.unlink(missing_ok=True)
    return result


def dated_backups(folder: str | os.PathLike[str], portfolio_path: str | os.PathLike[str]) -> list[Path]:
    """This portfolio's dated backups in `folder`, newest first."""
    stem = re.escape(Path(portfolio_path).stem)
    pattern = re.compile(rf"{stem}-\d{{8}}-\d{{6}}{re.escape(BACKUP_SUFFIX)}")
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if pattern.fullmatch(p.name)), reverse=True)


def latest_backup(portfolio: Portfolio | None, *, folder: str | os.PathLike[str] = "",
                  portfolio_path: str | os.PathLike[str] = "") -> Path | None:
    """The newest backup known: the newest BACKED_UP row whose file still exists, else the
    newest dated backup in `folder`. Reading the audit log of a damaged portfolio may fail; the
    folder is asked then."""
    if portfolio is not None:
        try:
            rows = audit.list_audit(portfolio, action=AuditAction.BACKED_UP, limit=20)
        except DatabaseError:
            rows = None
        for detail in ([] if rows is None else rows["detail"]):
            path = audit.detail_of(detail)
            if isinstance(path, dict) and Path(str(path.get("path", ""))).is_file():
                return Path(path["path"])
    if folder and portfolio_path:
        found = dated_backups(folder, portfolio_path)
        return found[0] if found else None
    return None


# -- restore ---------------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class _State:
    """What a portfolio file holds, for comparing a backup with the file it would replace."""

    as_of: str
    changes_after: int      # rows (not unlock/lock/backup) newer than the compared time
    newest_at: str


def _newest_audit_at(portfolio: Portfolio) -> str:
    row = portfolio.conn.execute("SELECT MAX(at) FROM audit_log").fetchone()
    return str(row[0] or "")


def _changes_after(portfolio: Portfolio, at: str) -> int:
    exempt = sorted(a.value for a in _NOT_CHANGES)
    marks = ", ".join("?" * len(exempt))
    return int(portfolio.conn.execute(
        f"SELECT COUNT(*) FROM audit_log WHERE at > ? AND action NOT IN ({marks})",
        (at, *exempt)).fetchone()[0])


def _open_backup(path: Path, password: str) -> Portfolio:
    """Open and fully check a backup; refuses one that is damaged, tampered with, or made by a
    newer relmgr."""
    try:
        backup = open_portfolio(path, password, migrate=False)
    except WrongPassword:
        raise WrongPassword(f"{path}: wrong password for this backup (its password is the "
                            "portfolio's at the time of the backup)") from None
    except DamagedPortfolio:
        raise DamagedPortfolio(f"{path}: the backup is damaged or incomplete; not restored") from None
    try:
        if backup.schema_version > SCHEMA_VERSION:
            raise BackupFailed(f"{path}: made by a newer relmgr (schema {backup.schema_version}); not restored")
        try:
            problems = check_integrity(backup)
            broken = audit_chain.verify(backup.conn)
        except DatabaseError:
            problems, broken = ["a page failed its check"], None
        if problems:
            raise DamagedPortfolio(f"{path}: the backup is damaged ({len(problems)} problem(s) found "
                                   "by the full check); not restored")
        if broken:
            raise BackupFailed(f"{path}: the backup's audit log was tampered with ({broken}); not restored")
    except BaseException:
        backup.close()
        raise
    return backup


def _refusal(target: Path, backup: Portfolio, password: str) -> str | None:
    """Why the file at `target` must not be replaced by `backup` without --force, or None."""
    backup_at, backup_as_of = _newest_audit_at(backup), str(backup.get_meta("as_of") or "")
    try:
        current = open_portfolio(target, password, migrate=False)
    except PortfolioBusy:
        raise
    except WrongPassword:
        return (f"{target}: does not open with this password, so relmgr cannot tell whether it "
                "is newer than the backup; give --force to replace it (it is kept beside it)")
    except PortfolioError as error:
        return (f"{target}: cannot be read ({str(error).removeprefix(f'{target}: ')}), so relmgr "
                "cannot tell whether it is newer than the backup; give --force to replace it "
                "(it is kept beside it)")
    try:
        try:
            current.conn.execute("BEGIN EXCLUSIVE")
            current.conn.execute("ROLLBACK")
        except DatabaseError as error:
            raise explain_database_error(target, error) from None
        try:
            changes = _changes_after(current, backup_at)
            as_of = str(current.get_meta("as_of") or "")
        except DatabaseError:
            return (f"{target}: is damaged, so relmgr cannot tell whether it is newer than the "
                    "backup; give --force to replace it (it is kept beside it)")
    finally:
        current.close()
    if changes or as_of > backup_as_of:
        newer = [f"{changes} audit entries after {backup_at.replace('T', ' ')}"] if changes else []
        if as_of > backup_as_of:
            newer.append(f"data as of {as_of}, the backup's {backup_as_of or 'none'}")
        return (f"{target}: is newer than the backup ({'; '.join(newer)}); give --force to "
                "replace it (it is kept beside it)")
    return None


def _aside_name(target: Path) -> Path:
    return target.with_name(f"{target.name}.replaced-{dt.datetime.now().strftime(_STAMP)}")


def restore_backup(backup_path: str | os.PathLike[str], target_path: str | os.PathLike[str],
                   password: str, *, force: bool = False) -> RestoreResult:
    """Restore `backup_path` to `target_path` (see the module's docstring). Raises WrongPassword,
    DamagedPortfolio or BackupFailed, leaving every file as it was."""
    source, target = Path(backup_path), Path(target_path)
    if source.resolve() == target.resolve():
        raise BackupFailed(f"{target}: is the backup itself; restore to another file")
    if target.is_dir():
        raise BackupFailed(f"{target}: is a folder; give the portfolio file to restore to")
    backup = _open_backup(source, password)
    try:
        # Forced: the file is not even opened (opening would roll a hot journal into it); it
        # is moved aside with its journal as it is.
        if target.exists() and not force:
            reason = _refusal(target, backup, password)
            if reason:
                raise BackupFailed(reason)
        temp = _temp_beside(target)
        with _removed_on_failure(temp):
            try:
                vacuum_into(backup, temp)
                counts = row_counts(backup.conn)
            except (DatabaseError, OSError) as error:
                raise _write_error(target, error) from None
    finally:
        backup.close()
    replaced = _aside_name(target) if target.exists() else None
    with _removed_on_failure(temp):
        _seal_restored(temp, password, source=source, counts=counts, replaced=replaced)
        fsync_file(temp)
        try:
            if replaced is not None:
                os.replace(target, replaced)
                journal = target.with_name(target.name + "-journal")
                if journal.exists():   # a hot journal must stay with the file it belongs to
                    os.replace(journal, replaced.with_name(replaced.name + "-journal"))
            os.replace(temp, target)
            fsync_folder(target.parent)
        except OSError as error:
            raise _write_error(target, error) from None
    return RestoreResult(target, replaced, sum(counts.values()) + 1)


def _seal_restored(temp: Path, password: str, *, source: Path, counts: dict[str, int],
                   replaced: Path | None) -> None:
    """Record RESTORED in the copy that is about to become the portfolio, then check it: the
    file that appears at the target already says where it came from."""
    restored = open_portfolio(temp, password, migrate=False)
    try:
        audit.record(restored, action=AuditAction.RESTORED, target=source.name,
                     detail={"from": str(source), "replaced": str(replaced or "")})
        expected = {**counts, "audit_log": counts.get("audit_log", 0) + 1}
        problems = check_integrity(restored)
        got = row_counts(restored.conn)
        if problems or got != expected:
            raise BackupFailed(f"{temp}: the restored copy failed its check; nothing replaced")
    except DatabaseError as error:
        raise _write_error(temp, error) from None
    finally:
        restored.close()


# -- damage found after unlock ---------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class Damage:
    """The background check after unlock failed: the portfolio is now read-only for this session."""

    problems: int
    latest_backup: Path | None


def check_after_unlock(portfolio: Portfolio, *, backup_folder: str | os.PathLike[str] = "") -> Damage | None:
    """SQLCipher's check of every page's HMAC (0.2 s on a 2,000-customer portfolio), run on the
    database thread after the pages have loaded. When it fails, the connection is switched to
    read-only (PRAGMA query_only) so nothing is written on top of the damage, and the newest
    known backup is looked up. None when intact."""
    try:
        problems = len(portfolio.conn.execute("PRAGMA cipher_integrity_check").fetchall())
    except DatabaseError:
        problems = 1
    if not problems:
        return None
    portfolio.conn.execute("PRAGMA query_only = ON")
    return Damage(problems, latest_backup(portfolio, folder=backup_folder, portfolio_path=portfolio.path))
