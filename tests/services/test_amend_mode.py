"""`relmgr import --mode amend [--delete KEYS.csv]`: events imported wrong are corrected or
deleted by key, audited, all or nothing (issue 14: before, a corrected row was refused as
"imported before with other content" and there was no repair)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from relmgr.cli import main
from relmgr.storage import create_portfolio, open_portfolio
from tests.services.real_export import write_real_export

PW = "amend-mode-pw"


@pytest.fixture
def imported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.setenv("RELMGR_PASSWORD", PW)
    folder = write_real_export(tmp_path / "export", customers=8)
    path = tmp_path / "p.rmdb"
    create_portfolio(path, PW).close()
    assert main(["import", str(path), "--from", str(folder), "--mapping", "auto"]) == 0
    return path, folder


def _correct_first_amount(folder: Path) -> int:
    """Change the first transaction's amount in the export; returns its txn_id."""
    file = folder / "交易流水.txt"
    lines = file.read_bytes().decode("gb18030").split("\r\n")
    cells = lines[1].split(";")
    cells[4] = '"¥123,456.78"'
    lines[1] = ";".join(cells)
    file.write_bytes("\r\n".join(lines).encode("gb18030"))
    return int(cells[0].strip('"'))


def _state(path: Path) -> tuple:
    with open_portfolio(path, PW) as portfolio:
        return (portfolio.query("SELECT * FROM transactions ORDER BY txn_id"),
                portfolio.query("SELECT COUNT(*) FROM audit_log WHERE action = 'IMPORTED'"), portfolio.get_meta("as_of"))


def test_a_corrected_event_is_refused_in_upsert_and_corrected_in_amend(imported, capsys) -> None:
    path, folder = imported
    txn = _correct_first_amount(folder)
    before = _state(path)
    assert main(["import", str(path), "--from", str(folder), "--mapping", "auto"]) == 2
    assert "imported before with other content" in capsys.readouterr().err
    assert _state(path) == before
    assert main(["import", str(path), "--from", str(folder), "--mapping", "auto", "--mode", "amend"]) == 0
    assert "1 corrected" in capsys.readouterr().out
    with open_portfolio(path, PW) as portfolio:
        assert abs(portfolio.query("SELECT amount FROM transactions WHERE txn_id = ?", (txn,))[0][0]) == 123456.78
        assert portfolio.query("SELECT COUNT(*) FROM transactions")[0][0] == len(before[0])
        detail = json.loads(portfolio.query("SELECT detail FROM audit_log WHERE action = 'IMPORTED' "
                                            "ORDER BY rowid DESC LIMIT 1")[0][0])
    assert detail["mode"] == "amend" and detail["tables"]["transactions"]["updated"] == 1


def test_delete_by_key_is_audited_and_a_key_not_on_file_changes_nothing(imported, tmp_path: Path, capsys) -> None:
    path, folder = imported
    before = _state(path)
    ids = [row[0] for row in before[0]]
    wrong = tmp_path / "wrong.csv"
    wrong.write_text(f"table,key\ntransactions,{ids[0]}\ntransactions,999999999\n", encoding="utf-8")
    assert main(["import", str(path), "--from", str(folder), "--mapping", "auto", "--mode", "amend",
                 "--delete", str(wrong)]) == 2
    assert "1 transactions key(s) to delete are not on file" in capsys.readouterr().err
    assert _state(path) == before
    keys = tmp_path / "keys.csv"
    keys.write_text(f"table,key\ntransactions,{ids[0]}\ntransactions,{ids[1]}\n", encoding="utf-8")
    (folder / "交易流水.txt").unlink()       # the export no longer holds them
    assert main(["import", str(path), "--from", str(folder), "--mapping", "auto", "--mode", "amend",
                 "--delete", str(keys)]) == 0
    assert "2 deleted" in capsys.readouterr().out
    with open_portfolio(path, PW) as portfolio:
        assert portfolio.query("SELECT COUNT(*) FROM transactions")[0][0] == len(ids) - 2
        detail = json.loads(portfolio.query("SELECT detail FROM audit_log WHERE action = 'IMPORTED' "
                                            "ORDER BY rowid DESC LIMIT 1")[0][0])
    assert detail["tables"]["transactions"]["deleted"] == 2


def test_delete_needs_amend_and_a_well_formed_file(imported, tmp_path: Path, capsys) -> None:
    path, folder = imported
    keys = tmp_path / "keys.csv"
    keys.write_text("table,key\ncustomers,C1\n", encoding="utf-8")
    assert main(["import", str(path), "--from", str(folder), "--mapping", "auto", "--delete", str(keys)]) == 2
    assert "--delete needs --mode amend" in capsys.readouterr().err
    assert main(["import", str(path), "--from", str(folder), "--mapping", "auto", "--mode", "amend",
                 "--delete", str(keys)]) == 2
    assert "events are deleted from" in capsys.readouterr().err
