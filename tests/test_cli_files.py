"""`relmgr new`, `passwd`, `backup`, `restore` (issue 13): exit codes and one-line failures as in
tests/test_cli_failures.py, and what a kill in the middle leaves behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from relmgr.domain.codes import AuditAction
from relmgr.services.audit import list_audit, verify_chain
from relmgr.storage import WrongPassword, check_integrity, open_portfolio
from relmgr.storage.backup_copy import row_counts
from tests.conftest import DEMO_AS_OF, DEMO_PASSWORD_FOR_TESTS as PW

REPO = Path(__file__).resolve().parents[1]
STRONG = "Branch-2026-pass"


def run(*args: str, password: str | None = PW, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "RELMGR_PASSWORD"}
    if password is not None:
        env["RELMGR_PASSWORD"] = password
    return subprocess.run([sys.executable, "-m", "relmgr", *args], cwd=REPO, env=env, input=stdin,
                          capture_output=True, text=True, timeout=300,
                          stdin=None if stdin is not None else subprocess.DEVNULL)


def one_line(result: subprocess.CompletedProcess, code: int) -> str:
    assert result.returncode == code, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("relmgr: "), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


@pytest.fixture(scope="module")
def large_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2,000 customers (27 MB): a backup or a rekey takes long enough to be killed halfway."""
    from relmgr.services.demo import build_demo_portfolio

    path = tmp_path_factory.mktemp("large") / "large.rmdb"
    build_demo_portfolio(path, PW, customers=2000, seed=7, as_of=DEMO_AS_OF)
    return path


# -- new ---------------------------------------------------------------------------------------
def test_new_creates_an_empty_audited_portfolio(tmp_path: Path) -> None:
    path = tmp_path / "mine.rmdb"
    result = run("new", str(path), "--password-stdin", password=None, stdin=STRONG + "\n")
    assert result.returncode == 0, result.stderr
    assert "created" in result.stdout
    with open_portfolio(path, STRONG) as portfolio:
        assert portfolio.table_counts(["customers"]) == {"customers": 0}
        assert list(list_audit(portfolio)["action"]) == [AuditAction.PORTFOLIO_CREATED]
        assert verify_chain(portfolio) is None


@pytest.mark.parametrize("password", ["short1!", "alllowercaseletters"[:11], "12345678901"])
def test_new_refuses_a_weak_password(password: str, tmp_path: Path) -> None:
    path = tmp_path / "mine.rmdb"
    line = one_line(run("new", str(path), "--password-stdin", password=None, stdin=password + "\n"), 2)
    assert "too weak" in line and password not in line
    assert not path.exists()


def test_new_refuses_an_existing_file_and_no_password(writable_demo_portfolio: Path, tmp_path: Path) -> None:
    before = writable_demo_portfolio.read_bytes()
    line = one_line(run("new", str(writable_demo_portfolio), "--password-stdin", password=None,
                        stdin=STRONG + "\n"), 2)
    assert "already exists" in line
    assert writable_demo_portfolio.read_bytes() == before
    line = one_line(run("new", str(tmp_path / "x.rmdb"), password=None), 2)
    assert "--password-stdin" in line and not (tmp_path / "x.rmdb").exists()


# -- passwd ------------------------------------------------------------------------------------
def test_passwd_rekeys_and_audits(writable_demo_portfolio: Path) -> None:
    result = run("passwd", str(writable_demo_portfolio), "--password-stdin", password=None,
                 stdin=f"{PW}\n{STRONG}\n")
    assert result.returncode == 0, result.stderr
    with pytest.raises(WrongPassword):
        open_portfolio(writable_demo_portfolio, PW)
    with open_portfolio(writable_demo_portfolio, STRONG) as portfolio:
        assert list(list_audit(portfolio, limit=2)["action"]) == [AuditAction.PASSWORD_CHANGED,
                                                                  AuditAction.UNLOCKED]
        assert verify_chain(portfolio) is None
        assert check_integrity(portfolio) == []


@pytest.mark.parametrize("old, new, code, words", [
    ("not-the-password", STRONG, 3, "wrong current password"),
    (PW, "weakpass", 2, "too weak"),
    (PW, PW, 2, "same as the current"),
])
def test_passwd_refusals_are_one_line_and_change_nothing(old: str, new: str, code: int, words: str,
                                                         writable_demo_portfolio: Path) -> None:
    line = one_line(run("passwd", str(writable_demo_portfolio), "--password-stdin", password=None,
                        stdin=f"{old}\n{new}\n"), code)
    assert words in line and new not in line.split(": ", 1)[1] and old not in line.split(": ", 1)[1]
    with open_portfolio(writable_demo_portfolio, PW) as portfolio:
        assert AuditAction.PASSWORD_CHANGED not in set(list_audit(portfolio, limit=None)["action"])


def test_a_rekey_killed_halfway_leaves_one_password_and_a_matching_audit(large_demo: Path,
                                                                         tmp_path: Path) -> None:
    """The PASSWORD_CHANGED row and the re-encrypted pages commit together: whatever moment the
    kill comes, the file opens with exactly one of the passwords, and has the row iff new."""
    path = tmp_path / "p.rmdb"
    path.write_bytes(large_demo.read_bytes())
    journal = path.with_name(path.name + "-journal")
    child = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        from relmgr.services.password import change_portfolio_password
        from relmgr.storage import open_portfolio
        p = open_portfolio({str(path)!r}, {PW!r})
        change_portfolio_password(p, old_password={PW!r}, new_password={STRONG!r})
        """)], cwd=REPO)
    deadline = time.monotonic() + 60
    while not journal.exists() and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.001)
    child.send_signal(signal.SIGKILL)
    child.wait()
    opened = []
    for password in (PW, STRONG):
        try:
            with open_portfolio(path, password) as portfolio:
                actions = set(list_audit(portfolio, limit=None)["action"])
                opened.append((password, AuditAction.PASSWORD_CHANGED in actions,
                               check_integrity(portfolio)))
        except WrongPassword:
            pass
    assert len(opened) == 1, opened
    password, audited, problems = opened[0]
    assert problems == [] and audited == (password == STRONG)


# -- backup and restore ------------------------------------------------------------------------
def test_backup_and_restore_on_the_command_line(writable_demo_portfolio: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.rmdb"
    result = run("backup", str(writable_demo_portfolio), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "backed up" in result.stdout and out.is_file()
    target = tmp_path / "restored.rmdb"
    result = run("restore", str(out), "--to", str(target))
    assert result.returncode == 0, result.stderr
    line = one_line(run("restore", str(out), "--to", str(target), password="wrong-password"), 3)
    assert "wrong password" in line
    # A newer portfolio: refused in one line naming --force; forced, the old file is kept.
    run("export", str(target), "--list", "due", "--out", str(tmp_path / "due.csv"))
    with open_portfolio(target, PW) as portfolio:   # the export, dated after the backup
        portfolio.conn.execute("UPDATE audit_log SET at = '2999-01-01T00:00:00' WHERE action = 'EXPORTED'")
    before = target.read_bytes()
    line = one_line(run("restore", str(out), "--to", str(target)), 2)
    assert "newer than the backup" in line and "--force" in line
    assert target.read_bytes() == before
    result = run("restore", str(out), "--to", str(target), "--force")
    assert result.returncode == 0 and "kept as" in result.stdout


@pytest.mark.parametrize("what", ["missing", "a folder", "random bytes"])
def test_backup_and_restore_of_bad_files_are_one_line(what: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.rmdb"
    if what == "a folder":
        bad.mkdir()
    elif what == "random bytes":
        bad.write_bytes(os.urandom(4096 * 4))
    one_line(run("backup", str(bad), "--out", str(tmp_path / "b.rmdb")), 2 if what != "random bytes" else 3)
    one_line(run("restore", str(bad), "--to", str(tmp_path / "r.rmdb")), 2 if what != "random bytes" else 3)
    assert not (tmp_path / "b.rmdb").exists() and not (tmp_path / "r.rmdb").exists()


def test_backup_to_a_missing_folder_is_one_line(writable_demo_portfolio: Path, tmp_path: Path) -> None:
    line = one_line(run("backup", str(writable_demo_portfolio), "--out", str(tmp_path / "no" / "b.rmdb")), 2)
    assert "no such folder" in line


def test_a_backup_killed_halfway_leaves_the_portfolio_intact_and_no_backup(large_demo: Path,
                                                                          tmp_path: Path) -> None:
    path = tmp_path / "p.rmdb"
    path.write_bytes(large_demo.read_bytes())
    with open_portfolio(path, PW) as portfolio:
        counts = row_counts(portfolio.conn)
    out = tmp_path / "backups" / "b.rmdb"
    out.parent.mkdir()
    env = dict(os.environ, RELMGR_PASSWORD=PW)
    child = subprocess.Popen([sys.executable, "-m", "relmgr", "backup", str(path), "--out", str(out)],
                             cwd=REPO, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    partial: list[Path] = []
    deadline = time.monotonic() + 120
    while child.poll() is None and time.monotonic() < deadline:
        partial = [p for p in out.parent.glob(".b.rmdb.*.part") if p.stat().st_size > 64 * 4096]
        if partial:
            break
        time.sleep(0.001)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert partial, "the backup finished before it could be killed halfway"
    assert not out.exists()
    with open_portfolio(path, PW) as portfolio:
        assert check_integrity(portfolio) == []
        after = row_counts(portfolio.conn)
    assert {t: n for t, n in after.items() if t != "audit_log"} == \
        {t: n for t, n in counts.items() if t != "audit_log"}
    # The partial copy is never taken for a backup: a restore from it is refused...
    line = one_line(run("restore", str(partial[0]), "--to", str(tmp_path / "r.rmdb")), 2)
    assert any(words in line for words in ("damaged", "not a relmgr portfolio", "truncated"))
    assert not (tmp_path / "r.rmdb").exists()
    # ...and the next backup replaces it with a whole one.
    result = run("backup", str(path), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.parent.iterdir()) == ["b.rmdb"]
