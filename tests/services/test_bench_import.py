"""The import bench runs end to end at a tiny size: the three imports of the same rows land the
same transactions, and every figure it prints is there (speed itself is shown by relmgr bench,
not asserted here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from relmgr.bench_import import _base_portfolio, _transactions, _write_files, bench_import


def test_the_bank_export_and_the_exchange_file_hold_the_same_rows(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from relmgr.bench_import import PASSWORD, STEPS
    from relmgr.storage import open_portfolio

    monkeypatch.setenv("RELMGR_HOME", str(tmp_path / "home"))
    base, holdings = _base_portfolio(tmp_path)
    txns = _transactions(holdings, 400)
    files = _write_files(tmp_path, txns)
    stored = {}
    for step, args in (("strict", (files["strict"],)), ("mapped", (files["bank"], files["mapping"]))):
        copy = tmp_path / f"{step}.rmdb"
        copy.write_bytes(base.read_bytes())
        STEPS[step](copy, *args)
        with open_portfolio(copy, PASSWORD) as portfolio:
            stored[step] = portfolio.query("SELECT txn_id, customer_id, holding_id, txn_date, amount, kind, "
                                           "channel FROM transactions ORDER BY txn_id")
    assert len(stored["mapped"]) == 400 and stored["mapped"] == stored["strict"]


def test_the_bench_reports_every_figure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RELMGR_HOME", str(tmp_path / "home"))
    result = bench_import(rows=300, repeats=1, xlsx_rows=50)
    for key in ("import_floor_s", "import_strict_s", "import_mapped_s", "import_mapped_ratio",
                "import_mapped_vs_strict", "import_mapped_peak_rss_mb", "xlsx_read_s"):
        assert result[key] > 0, key
    assert set(result["targets"]) == {"import_mapped_ratio", "import_mapped_peak_rss_mb", "xlsx_read_s"}
