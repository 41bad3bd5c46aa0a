"""Backup and restore (issue 13): a backup is a checked, encrypted, consistent copy; a restore
checks the backup first, never replaces a newer portfolio unless forced, and keeps what it
replaced."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from relmgr.domain.codes import AuditAction
from relmgr.domain.progress import Cancelled
from relmgr.services import audit
from relmgr.services.backup import (
    BackupFailed,
    auto_backup,
    back_up,
    dated_backups,
    latest_backup,
    restore_backup,
)
from relmgr.storage import DamagedPortfolio, NotAPortfolio, WrongPassword, open_portfolio
from relmgr.storage.backup_copy import table_names
from tests.conftest import DEMO_PASSWORD_FOR_TESTS as PW

PAGE = 4096


def _tables(path: Path) -> dict[str, list[tuple]]:
    """Every table's rows, in a stable order."""
    with open_portfolio(path, PW, migrate=False) as portfolio:
        return {t: sorted(portfolio.query(f'SELECT * FROM "{t}"'), key=repr)
                for t in table_names(portfolio.conn)}


def _without_audit(tables: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """Every table but the audit log and its head (the backup and the restore add rows)."""
    return {t: [r for r in rows if not (t == "meta" and r[0] == "audit_head")]
            for t, rows in tables.items() if t != "audit_log"}


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x5A
    path.write_bytes(bytes(data))


def _actions(path: Path) -> list[str]:
    with open_portfolio(path, PW, migrate=False) as portfolio:
        return list(audit.list_audit(portfolio, limit=None)["action"])


def test_backup_then_restore_gives_identical_tables(writable_demo_portfolio: Path, tmp_path: Path) -> None:
    out = tmp_path / "backups" / "b.rmdb"
    out.parent.mkdir()
    with open_portfolio(writable_demo_portfolio, PW) as portfolio:
        before = _without_audit({t: sorted(portfolio.query(f'SELECT * FROM "{t}"'), key=repr)
                                 for t in table_names(portfolio.conn)})
        result = back_up(portfolio, out)
        rows = audit.list_audit(portfolio, limit=1)
    assert result.path == out and result.bytes == out.stat().st_size > 0
    assert rows["action"].iloc[0] == AuditAction.BACKED_UP and rows["target"].iloc[0] == "b.rmdb"
    assert audit.detail_of(rows["detail"].iloc[0])["path"] == str(out)
    # The backup opens with the same password and holds the same data.
    backed = _tables(out)
    assert _without_audit(backed) == before
    assert not out.read_bytes().startswith(b"SQLite format 3")
    assert list(out.parent.glob("*.part")) == []

    restored = tmp_path / "restored.rmdb"
    restore_backup(out, restored, PW)
    got = _tables(restored)
    assert _without_audit(got) == before
    # The restored audit log is the backup's, then one RESTORED row; the chain holds.
    assert sorted(got["audit_log"])[:-1] == sorted(backed["audit_log"])
    assert _actions(restored)[0] == AuditAction.RESTORED
    with open_portfolio(restored, PW) as portfolio:
        assert audit.verify_chain(portfolio) is None


def test_automatic_backups_are_dated_and_only_the_last_n_kept(writable_demo_portfolio: Path,
                                                              tmp_path: Path) -> None:
    folder = tmp_path / "auto"
    with open_portfolio(writable_demo_portfolio, PW) as portfolio:
        for day in range(1, 5):
            auto_backup(portfolio, folder, keep=2, now=dt.datetime(2026, 7, day, 8, 0, 0))
        newest = latest_backup(portfolio)
    kept = dated_backups(folder, writable_demo_portfolio)
    assert [p.name for p in kept] == ["portfolio-20260704-080000.rmdb", "portfolio-20260703-080000.rmdb"]
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in kept)
    assert newest == kept[0]
    assert latest_backup(None, folder=folder, portfolio_path=writable_demo_portfolio) == kept[0]


def test_a_damaged_portfolio_is_not_backed_up(writable_demo_portfolio: Path, tmp_path: Path) -> None:
    pages = writable_demo_portfolio.stat().st_size // PAGE
    _flip(writable_demo_portfolio, (pages // 2) * PAGE + 700)
    out = tmp_path / "b.rmdb"
    with open_portfolio(writable_demo_portfolio, PW) as portfolio:
        with pytest.raises(DamagedPortfolio, match="not backed up"):
            back_up(portfolio, out)
    assert not out.exists() and list(tmp_path.glob(".b.rmdb.*")) == []


def test_a_cancelled_backup_leaves_nothing(writable_demo_portfolio: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.rmdb"
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 2       # after the check, inside the copy

    with open_portfolio(writable_demo_portfolio, PW) as portfolio:
        with pytest.raises(Cancelled):
            back_up(portfolio, out, cancel=cancel)
        assert AuditAction.BACKED_UP not in list(audit.list_audit(portfolio, limit=None)["action"])
    assert not out.exists() and list(tmp_path.iterdir()) == [writable_demo_portfolio]


@pytest.mark.parametrize("damage", ["flipped mid-file", "truncated", "zero bytes"])
def test_a_damaged_backup_is_refused_and_nothing_is_replaced(damage: str, writable_demo_portfolio: Path,
                                                             tmp_path: Path) -> None:
    out = tmp_path / "b.rmdb"
    with open_portfolio(writable_demo_portfolio, PW) as portfolio:
        back_up(portfolio, out)
    pages = out.stat().st_size // PAGE
    if damage == "flipped mid-file":
        _flip(out, (pages // 2) * PAGE + 300)
    elif damage == "truncated":       # what a copy cut short looks like
        out.write_bytes(out.read_bytes()[:(pages // 2) * PAGE])
    else:
        out.write_bytes(b"")
    before = writable_demo_portfolio.read_bytes()
    with pytest.raises((DamagedPortfolio, NotAPortfolio)):
        restore_backup(out, writable_demo_portfolio, PW, force=True)
    assert writable_demo_portfolio.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.rmdb", "portfolio.rmdb"]


def test_restore_refuses_a_newer_portfolio_unless_forced(writable_demo_portfolio: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.rmdb"
    with open_portfolio(writable_demo_portfolio, PW) as portfolio:
        back_up(portfolio, out)
    # Unlocks, locks and the backup row itself are not changes: restoring over the source is fine.
    with open_portfolio(writable_demo_portfolio, PW) as portfolio:
        audit.record(portfolio, action=AuditAction.UNLOCKED)
    restore_backup(out, writable_demo_portfolio, PW)
    # An export after the backup is: refused, and nothing changes.
    with open_portfolio(writable_demo_portfolio, PW) as portfolio:
        audit.record(portfolio, action=AuditAction.EXPORTED, detail={"list": "due"},
                     actor="rm")
        portfolio.conn.execute("UPDATE audit_log SET at = '2999-01-01T00:00:00' WHERE audit_id = "
                               "(SELECT MAX(audit_id) FROM audit_log)")
    before = writable_demo_portfolio.read_bytes()
    with pytest.raises(BackupFailed, match="newer than the backup.*--force"):
        restore_backup(out, writable_demo_portfolio, PW)
    assert writable_demo_portfolio.read_bytes() == before
    result = restore_backup(out, writable_demo_portfolio, PW, force=True)
    assert result.replaced is not None and result.replaced.read_bytes() == before
    assert AuditAction.EXPORTED not in _actions(writable_demo_portfolio)[:1]


def test_restore_needs_force_over_a_file_it_cannot_read(writable_demo_portfolio: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.rmdb"
    with open_portfolio(writable_demo_portfolio, PW) as portfolio:
        back_up(portfolio, out)
    other = tmp_path / "other.rmdb"
    other.write_bytes(b"\0" * PAGE * 3)
    with pytest.raises(BackupFailed, match="cannot tell whether it is newer"):
        restore_backup(out, other, PW)
    assert other.read_bytes() == b"\0" * PAGE * 3
    with pytest.raises(WrongPassword):
        restore_backup(out, tmp_path / "new.rmdb", "not-the-password")
    assert not (tmp_path / "new.rmdb").exists()
    # A hot journal beside the replaced file goes with it, never next to the restored one.
    journal = other.with_name(other.name + "-journal")
    journal.write_bytes(b"journal")
    result = restore_backup(out, other, PW, force=True)
    assert not journal.exists()
    assert result.replaced.with_name(result.replaced.name + "-journal").read_bytes() == b"journal"
    assert _without_audit(_tables(other)) == _without_audit(_tables(out))
