"""Tamper-evident audit log (issue 13): rows deleted, edited, reordered or inserted with plain
SQL (with the password) are found by `relmgr audit FILE --verify`; the unlock of every command
is recorded with the OS account, whatever LOGNAME says."""

from __future__ import annotations

import os
import pwd
from pathlib import Path

import pytest

from relmgr.cli import main
from relmgr.services.audit import list_audit, verify_chain
from relmgr.storage import open_portfolio
from tests.conftest import DEMO_PASSWORD_FOR_TESTS


@pytest.fixture
def audited(writable_demo_portfolio: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RELMGR_PASSWORD", DEMO_PASSWORD_FOR_TESTS)
    monkeypatch.setenv("LOGNAME", "branch-manager")
    monkeypatch.setenv("USER", "branch-manager")
    for _ in range(3):
        assert main(["stats", str(writable_demo_portfolio)]) == 0
    assert main(["export", str(writable_demo_portfolio), "--list", "due", "--unmasked",
                 "--out", str(writable_demo_portfolio.parent / "due.csv")]) == 0
    return writable_demo_portfolio


def _verify(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["audit", str(path), "--verify"])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_cli_unlocks_are_recorded_as_the_os_account(audited: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    with open_portfolio(audited, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        rows = list_audit(portfolio, limit=None)
        assert verify_chain(portfolio) is None
    unlocks = rows[rows["action"] == "UNLOCKED"]
    assert len(unlocks) >= 4
    assert set(rows["actor"].tail(5)) | set(unlocks["actor"]) == {pwd.getpwuid(os.getuid()).pw_name}
    assert "branch-manager" not in set(rows["actor"])
    code, text = _verify(audited, capsys)
    assert code == 0 and "intact" in text


TAMPERING = {
    "delete a middle row": "DELETE FROM audit_log WHERE audit_id = (SELECT MIN(audit_id) + 1 FROM audit_log)",
    "delete the newest row": "DELETE FROM audit_log WHERE audit_id = (SELECT MAX(audit_id) FROM audit_log)",
    "edit an actor": "UPDATE audit_log SET actor = 'someone-else' WHERE audit_id = (SELECT MIN(audit_id) + 1 FROM audit_log)",
    "backdate a row": "UPDATE audit_log SET at = '2020-01-01T00:00:00' WHERE audit_id = (SELECT MAX(audit_id) - 1 FROM audit_log)",
    "reorder two rows": "UPDATE audit_log SET audit_id = CASE audit_id WHEN (SELECT MIN(audit_id) FROM audit_log) "
                        "THEN -1 ELSE audit_id END; UPDATE audit_log SET audit_id = (SELECT MIN(audit_id) FROM audit_log WHERE audit_id > 0) "
                        "WHERE audit_id = -2",
    "insert a row": "INSERT INTO audit_log (audit_id, at, actor, action, target, detail, prev_hash, row_hash) "
                    "SELECT MAX(audit_id) + 1, '2026-01-01T00:00:00', 'x', 'IMPORTED', '', '', row_hash, 'forged' "
                    "FROM audit_log",
    "insert between rows": "UPDATE audit_log SET audit_id = audit_id * 10; "
                           "INSERT INTO audit_log (audit_id, at, actor, action, target, detail) "
                           "VALUES (15, '2026-01-01T00:00:00', 'x', 'IMPORTED', '', '')",
}


def _swap_first_two(conn) -> None:  # noqa: ANN001
    first, second = [r[0] for r in conn.execute("SELECT audit_id FROM audit_log ORDER BY audit_id LIMIT 2")]
    conn.execute("UPDATE audit_log SET audit_id = -1 WHERE audit_id = ?", (first,))
    conn.execute("UPDATE audit_log SET audit_id = ? WHERE audit_id = ?", (first, second))
    conn.execute("UPDATE audit_log SET audit_id = ? WHERE audit_id = -1", (second,))


@pytest.mark.parametrize("tampering", sorted(TAMPERING))
def test_each_tampering_is_detected(tampering: str, audited: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    with open_portfolio(audited, DEMO_PASSWORD_FOR_TESTS) as portfolio, portfolio.transaction() as conn:
        if tampering == "reorder two rows":
            _swap_first_two(conn)
        else:
            for statement in TAMPERING[tampering].split("; "):
                conn.execute(statement)
    code, text = _verify(audited, capsys)
    assert code == 2 and "tampered" in text, (tampering, text)
    assert "audit row" in text or "newest audit rows" in text
