"""`relmgr import --rejected PATH`: the rejected rows as a CSV of file, row, column and reason,
never a row's values (issue 14); and `relmgr ... | head` ends without a traceback."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

from relmgr.cli import main
from relmgr.services.importer.problems import Problem
from relmgr.services.mapping.rejected import rejected_rows_text, value_free
from relmgr.storage import create_portfolio, open_portfolio
from tests.conftest import DEMO_PASSWORD_FOR_TESTS
from tests.services.real_export import write_real_export

PW = "rejected-rows-pw"


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))


def test_reasons_lose_the_values_they_quote() -> None:
    assert value_free("'张三丰' is not a date in the format YYMMDD") == "'…' is not a date in the format YYMMDD"
    assert value_free("'x' is not in holdings.csv nor in the portfolio") == "'…' is not in holdings.csv nor in the portfolio"
    assert "C0100001" not in value_free("this ID number is already on file for customer C0100001")
    text = rejected_rows_text([Problem("a.csv", 3, "txn_date", "'99/99' is not a date"),
                               Problem("a.csv", None, "txn_date", "and 7 more rows", count=7)])
    assert "99/99" not in text and text.splitlines()[2].endswith(",7")


def test_the_cli_writes_the_rejected_rows_and_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RELMGR_PASSWORD", PW)
    folder = write_real_export(tmp_path / "export", customers=12)
    accounts = folder / "交易流水.txt"
    lines = accounts.read_bytes().decode("gb18030").split("\r\n")
    for i in (2, 5):
        cells = lines[i].split(";")
        cells[3] = '"201399"'                  # 交易日期: YYMMDD-shaped, month 13 day 99
        lines[i] = ";".join(cells)
    accounts.write_bytes("\r\n".join(lines).encode("gb18030"))
    path = tmp_path / "p.rmdb"
    create_portfolio(path, PW).close()
    target = tmp_path / "rejected.csv"
    code = main(["import", str(path), "--from", str(folder), "--mapping", "auto",
                 "--rejected", str(target)])
    assert code == 2
    rows = _rows(target)
    assert [(r["file"], r["row"], r["column"]) for r in rows] == [("交易流水.txt", "3", "txn_date"),
                                                                 ("交易流水.txt", "6", "txn_date")]
    written = target.read_text(encoding="utf-8-sig")
    assert "201399" not in written and "2020-13-99" not in written
    assert all("date" in r["reason"] for r in rows), rows
    with open_portfolio(path, PW) as portfolio:
        assert portfolio.query("SELECT COUNT(*) FROM customers") == [(0,)]


def test_an_accepted_import_writes_a_header_only_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RELMGR_PASSWORD", PW)
    folder = write_real_export(tmp_path / "export", customers=8)
    path = tmp_path / "p.rmdb"
    create_portfolio(path, PW).close()
    target = tmp_path / "rejected.csv"
    assert main(["import", str(path), "--from", str(folder), "--mapping", "auto",
                 "--rejected", str(target)]) == 0
    assert target.read_text(encoding="utf-8-sig").splitlines() == ["file,row,column,reason,rows"]


def test_a_closed_pipe_ends_the_command_without_a_traceback(writable_demo_portfolio: Path) -> None:
    # A copy: the command records its unlock, and `today` keeps the day's plan in the file.
    env = {**os.environ, "RELMGR_PASSWORD": DEMO_PASSWORD_FOR_TESTS}
    proc = subprocess.Popen([sys.executable, "-m", "relmgr", "today", str(writable_demo_portfolio), "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    proc.stdout.close()                          # `| head` that has read enough: gone before it writes
    _out, err = proc.communicate(timeout=120)
    assert b"Traceback" not in err and b"BrokenPipe" not in err, err.decode()[-2000:]
