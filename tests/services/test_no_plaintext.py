"""No customer data in plaintext on disk: the portfolio file, its journal, the app's logs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from relmgr.storage import open_portfolio
from tests.conftest import DEMO_PASSWORD_FOR_TESTS


def _secrets(path: Path, count: int = 12) -> list[bytes]:
    with open_portfolio(path, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        rows = portfolio.query(
            "SELECT name, id_number, phone FROM customers ORDER BY customer_id LIMIT ?", (count,))
    assert len(rows) == count
    needles = []
    for name, id_number, phone in rows:
        needles += [name.encode("utf-8"), id_number.encode(), phone.encode(),
                    id_number[-8:].encode(), phone[-8:].encode()]
    return needles


def _files_next_to(path: Path) -> list[Path]:
    return [p for p in path.parent.iterdir() if p.name.startswith(path.name)]


def test_portfolio_and_journal_hold_no_plaintext(writable_demo_portfolio: Path) -> None:
    needles = _secrets(writable_demo_portfolio)
    # Write something, so that any journal the engine keeps has existed and been exercised.
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        with portfolio.transaction():
            portfolio.set_meta("touched", "1")
        files = _files_next_to(writable_demo_portfolio)
    for file in files:
        raw = file.read_bytes()
        assert not raw.startswith(b"SQLite format 3"), file
        hits = [n for n in needles if n in raw]
        assert hits == [], f"{file.name} holds customer data in plaintext"


def test_logs_hold_no_customer_data(demo_portfolio_file: Path, tmp_path: Path) -> None:
    """Run real commands with the app's logging on, against a private home folder, then scan
    every file the app wrote there."""
    needles = _secrets(demo_portfolio_file)
    home = tmp_path / "home"
    env = dict(os.environ, RELMGR_HOME=str(home), RELMGR_PASSWORD=DEMO_PASSWORD_FOR_TESTS)
    copy = tmp_path / "copy.rmdb"
    copy.write_bytes(demo_portfolio_file.read_bytes())
    for args, password in ((["stats", str(copy), "--json"], DEMO_PASSWORD_FOR_TESTS),
                           (["stats", str(copy)], "wrong-password"),
                           (["demo", "--out", str(tmp_path / "d.rmdb"), "--customers", "40"],
                            DEMO_PASSWORD_FOR_TESTS)):
        subprocess.run([sys.executable, "-m", "relmgr", *args], env=dict(env, RELMGR_PASSWORD=password),
                       capture_output=True, stdin=subprocess.DEVNULL, timeout=300, check=False)
    written = [f for f in home.rglob("*") if f.is_file()]
    logs = [f for f in written if f.suffix == ".log"]
    assert logs and all(f.stat().st_size > 0 for f in logs), "the commands wrote no log"
    for file in written:
        raw = file.read_bytes()
        assert [n for n in needles if n in raw] == [], f"{file.name} holds customer data"


def test_log_filter_masks_id_and_phone_numbers(tmp_path: Path, monkeypatch) -> None:
    # The second line of defence: a careless log message with an ID or a phone is masked.
    import logging

    from relmgr.services.logs import configure_logging

    monkeypatch.setenv("RELMGR_HOME", str(tmp_path))
    handler = configure_logging()
    try:
        logging.getLogger("relmgr.test").warning("customer %s phone %s", "11010519491231002X",
                                                 "13812345678")
        handler.flush()
        text = (tmp_path / "logs" / "relmgr.log").read_text(encoding="utf-8")
    finally:
        logging.getLogger("relmgr").removeHandler(handler)
        handler.close()
    assert "11010519491231002X" not in text and "13812345678" not in text
    assert "110***********002X" in text and "138****5678" in text
