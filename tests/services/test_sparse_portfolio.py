"""A portfolio as a real bank export fills it: customers, products, holdings and transactions,
but no contact log, no monthly balances, no campaigns and no churner-rich history. Every command
must work on it or say plainly what it cannot do (issue 14)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from relmgr.services.demo import generate_demo_frames
from relmgr.services.importer import import_folder
from relmgr.storage import create_portfolio

PASSWORD = "sparse-test-pw"
PROVIDED = ("customers", "products", "holdings", "transactions")


@pytest.fixture(scope="module")
def sparse_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sparse")
    frames = generate_demo_frames(customers=60, seed=14, as_of=dt.date(2021, 3, 31))
    folder = root / "export"
    folder.mkdir()
    for table in PROVIDED:
        frames[table].to_csv(folder / f"{table}.csv", index=False)
    path = root / "sparse.rmdb"
    with create_portfolio(path, PASSWORD) as portfolio:
        import_folder(portfolio, folder)
        assert portfolio.table_counts(["interactions", "monthly_balances"]) == {
            "interactions": 0, "monthly_balances": 0}
    return path


@pytest.mark.parametrize("argv", [
    ["churn", "P", "--retrain"], ["churn", "P"], ["eval", "churn", "P"], ["today", "P"],
    ["segments", "P"], ["recommend", "P"], ["stats", "P"],
])
def test_commands_work_without_contact_log(argv: list[str], sparse_file: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    from relmgr.cli import main

    path = tmp_path / "p.rmdb"
    path.write_bytes(sparse_file.read_bytes())
    monkeypatch.setenv("RELMGR_PASSWORD", PASSWORD)
    assert main([str(path) if a == "P" else a for a in argv]) == 0
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert "Warning" not in captured.err  # no numpy noise such as "All-NaN slice encountered"
    assert captured.out.strip()


def test_churn_model_card_says_why_it_fell_back(sparse_file: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    from relmgr.cli import main

    path = tmp_path / "p.rmdb"
    path.write_bytes(sparse_file.read_bytes())
    monkeypatch.setenv("RELMGR_PASSWORD", PASSWORD)
    assert main(["eval", "churn", str(path), "--json"]) == 0
    card = json.loads(capsys.readouterr().out)
    assert card["kind"] == "RULE_BASELINE"
    assert "churners in the training cutoffs" in card["note"]
