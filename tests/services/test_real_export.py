"""A real-shaped bank export (tests/services/real_export.py: GB18030, ';', YYMMDD, 借/贷, Chinese
headers and codes, no name/ID/phone/channel, no contacts, data from 2021) imported with
`relmgr import --mapping auto`, then every command runs on it without a traceback (issue 14)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from relmgr.cli import main
from relmgr.storage import create_portfolio, open_portfolio
from tests.services.real_export import AS_OF, frames, write_real_export

PASSWORD = "real-export-test-pw"


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("real")
    folder = write_real_export(root / "export")
    path = root / "real.rmdb"
    create_portfolio(path, PASSWORD).close()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RELMGR_PASSWORD", PASSWORD)
        patch.setenv("RELMGR_HOME", str(root / "home"))
        assert main(["import", str(path), "--from", str(folder), "--mapping", "auto",
                     "--report", str(root / "report.json"), "--save-mapping", "bank-a"]) == 0
    return path


@pytest.fixture
def portfolio_copy(imported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RELMGR_PASSWORD", PASSWORD)
    monkeypatch.setenv("RELMGR_HOME", str(tmp_path / "home"))
    copy = tmp_path / "p.rmdb"
    copy.write_bytes(imported.read_bytes())
    return copy


def test_the_import_stored_what_was_there_and_nothing_invented(imported: Path) -> None:
    report = json.loads((imported.parent / "report.json").read_text(encoding="utf-8"))
    assert report["outcome"] == "imported" and report["data_date"] == AS_OF.isoformat()
    files = {f["table"]: f for f in report["files"]}
    assert files["customers"]["not_provided"] == ["name", "id_number", "phone"]
    assert files["transactions"]["not_provided"] == ["channel"]
    assert all(f["rows_rejected"] == 0 and f["rows_accepted"] == f["rows_read"] for f in files.values())
    assert files["transactions"]["codes_translated"]["kind"] == files["transactions"]["rows_read"]
    assert (imported.parent / "home" / "mappings" / "bank-a.json").is_file()
    with open_portfolio(imported, PASSWORD) as portfolio:
        assert portfolio.query("SELECT COUNT(*) FROM customers WHERE name IS NOT NULL "
                               "OR id_number IS NOT NULL OR phone IS NOT NULL") == [(0,)]
        assert portfolio.query("SELECT COUNT(*) FROM transactions WHERE channel IS NOT NULL") == [(0,)]
        # The sign came from 借/贷: the demo's own signed amounts are back.
        signs = dict(portfolio.query("SELECT kind, MIN(amount) >= 0 FROM transactions GROUP BY kind"))
        assert signs["SALARY"] == 1 and signs["BILL_PAY"] == 0
        assert portfolio.get_meta("as_of") == AS_OF.isoformat()
        # YYMMDD read back with the century rule: the same dates as the demo's.
        stored = dict(portfolio.query("SELECT holding_id, opened_on FROM holdings"))
        birth = dict(portfolio.query("SELECT customer_id, birth_date FROM customers"))
    demo = frames()
    assert stored == dict(zip(demo["holdings"].holding_id, demo["holdings"].opened_on, strict=True))
    assert birth == dict(zip(demo["customers"].customer_id, demo["customers"].birth_date, strict=True))


def test_the_saved_mapping_imports_the_same_export_again(imported: Path, portfolio_copy: Path,
                                                         tmp_path: Path) -> None:
    home = imported.parent / "home"
    mapping = home / "mappings" / "bank-a.json"
    assert main(["import", str(portfolio_copy), "--from", str(imported.parent / "export"),
                 "--mapping", str(mapping)]) == 0


@pytest.mark.parametrize("argv", [
    ["stats", "P"], ["check", "P"], ["audit", "P", "--verify"], ["today", "P"], ["today", "P", "--json"],
    ["segments", "P", "--refresh"], ["segments", "P", "--json"], ["churn", "P", "--retrain"],
    ["churn", "P", "--json"], ["eval", "churn", "P"], ["eval", "recommend", "P"], ["recommend", "P"],
    ["recommend", "P", "--customer", "C0100002", "--explain"], ["alerts", "P"], ["dashboard", "P"],
    ["kpis", "P"], ["export", "P", "--list", "today", "--out", "OUT.xlsx"],
    ["export", "P", "--list", "recommendations", "--out", "OUT.pdf"],
    ["export", "P", "--list", "due", "--out", "OUT.csv"],
])
def test_every_command_works_on_it(argv: list[str], portfolio_copy: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    args = [str(portfolio_copy) if a == "P" else str(tmp_path / a) if a.startswith("OUT") else a
            for a in argv]
    assert main(args) == 0
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert captured.out.strip()


def test_not_provided_shows_as_a_dash(portfolio_copy: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "list.csv"
    assert main(["export", str(portfolio_copy), "--list", "today", "--out", str(out)]) == 0
    with out.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    name, phone = rows[0].index("姓名"), rows[0].index("手机号")
    assert {r[name] for r in rows[1:]} == {"—"} and {r[phone] for r in rows[1:]} == {"—"}
    capsys.readouterr()
    assert main(["today", str(portfolio_copy), "--json"]) == 0
    today = json.loads(capsys.readouterr().out)
    assert today["plan"] and {r["name"] for r in today["plan"]} == {"—"}


def test_a_customer_without_risk_rating_is_unassessed(portfolio_copy: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    with open_portfolio(portfolio_copy, PASSWORD) as portfolio, portfolio.transaction():
        portfolio.conn.execute("UPDATE customers SET risk_rating = NULL, risk_assessed_on = NULL")
    assert main(["recommend", str(portfolio_copy), "--json", "--top", "5"]) == 0
    panels = json.loads(capsys.readouterr().out)
    with open_portfolio(portfolio_copy, PASSWORD) as portfolio:
        levels = dict(portfolio.query("SELECT product_id, risk_level FROM products"))
    recommended = {p["product_id"] for p in panels if p["product_id"]}
    assert recommended and {levels[p] for p in recommended} == {"R1"}
    assert main(["recommend", str(portfolio_copy), "--customer", "C0100002"]) == 0
    panel = json.loads(capsys.readouterr().out)
    assert [a["code"] for a in panel["actions"]] == ["RENEW_RISK_ASSESSMENT"]


def test_a_9999_transaction_from_before_the_checks_is_survived_and_repaired(
        portfolio_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with open_portfolio(portfolio_copy, PASSWORD) as portfolio, portfolio.transaction():
        portfolio.conn.execute("UPDATE transactions SET txn_date = '9999-12-31' WHERE txn_id = 5")
        portfolio.set_meta("as_of", "9999-12-31")
    for argv in (["churn", "P", "--retrain"], ["today", "P"], ["eval", "churn", "P"]):
        assert main([str(portfolio_copy) if a == "P" else a for a in argv]) == 0
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err and AS_OF.isoformat() in captured.out
    export = tmp_path / "export"
    write_real_export(export)
    # The plain re-import refuses the corrected row (imported before with other content) ...
    assert main(["import", str(portfolio_copy), "--from", str(export), "--mapping", "auto"]) == 2
    assert "imported before with other content" in capsys.readouterr().err
    # ... replace mode swaps the event tables for the corrected export.
    assert main(["import", str(portfolio_copy), "--from", str(export), "--mapping", "auto",
                 "--mode", "replace"]) == 0
    with open_portfolio(portfolio_copy, PASSWORD) as portfolio:
        assert portfolio.get_meta("as_of") == AS_OF.isoformat()
        assert portfolio.query("SELECT MAX(txn_date) FROM transactions") == [(AS_OF.isoformat(),)]


def test_auto_that_cannot_match_exits_2_listing_why(portfolio_copy: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "x.csv").write_text("客户号;字段1;字段2\nC1;a;b\n", encoding="utf-8")
    assert main(["import", str(portfolio_copy), "--from", str(folder), "--mapping", "auto"]) == 2
    err = capsys.readouterr().err
    assert "x.csv" in err and "--mapping auto" in err and "Traceback" not in err
