"""The exchange-format importer: a demo portfolio written as CSVs loads completely and
idempotently, increments move the data date, and every kind of bad input is rejected with its
file/row/column, without personal data in the message and without changing the portfolio file."""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from relmgr.domain.pii import id_check_char, id_number_problem
from relmgr.domain.progress import Cancelled
from relmgr.services.demo import build_demo_portfolio, generate_demo_frames
from relmgr.services.importer import (
    TABLES,
    ImportRejected,
    Problem,
    format_problems,
    import_folder,
)
from relmgr.services.importer.checks import id_number_reasons
from relmgr.storage import create_portfolio, open_portfolio
from relmgr.storage.exchange import table_columns

AS_OF = dt.date(2026, 6, 30)
DOC = Path(__file__).resolve().parents[2] / "docs" / "exchange-format.md"
SEED = 11
CUSTOMERS = 120
PASSWORD = "import-test-pw"
EXCHANGE = [spec.table for spec in TABLES]


# -- helpers ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def frames() -> dict[str, pd.DataFrame]:
    generated = generate_demo_frames(customers=CUSTOMERS, seed=SEED, as_of=AS_OF)
    return {t: generated[t] for t in EXCHANGE}


def write_folder(folder: Path, frames: dict[str, pd.DataFrame], **kwargs: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for table, frame in frames.items():
        frame.to_csv(folder / f"{table}.csv", index=False, **kwargs)
    return folder


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def loaded_file(frames: dict[str, pd.DataFrame], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A portfolio holding the whole demo import (read-only: tests copy it)."""
    root = tmp_path_factory.mktemp("loaded")
    path = root / "loaded.rmdb"
    with create_portfolio(path, PASSWORD) as portfolio:
        import_folder(portfolio, write_folder(root / "export", frames))
    return path


@pytest.fixture
def loaded(loaded_file: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "portfolio.rmdb"
    copy.write_bytes(loaded_file.read_bytes())
    return copy


def reject(path: Path, folder: Path) -> list[Problem]:
    """Import `folder` into the portfolio at `path`, expect a rejection, check the file is
    byte-for-byte unchanged, and return the problems."""
    before = sha256(path)
    with open_portfolio(path, PASSWORD) as portfolio:
        with pytest.raises(ImportRejected) as caught:
            import_folder(portfolio, folder)
    assert sha256(path) == before
    return list(caught.value.problems)


def _contents(path: Path) -> dict:
    """Every exchange table and meta value except the audit chain's head, and the audit actions."""
    with open_portfolio(path, PASSWORD) as portfolio:
        data = [portfolio.query(f"SELECT * FROM {table} ORDER BY 1") for table in EXCHANGE]
        data.append(portfolio.query("SELECT * FROM meta WHERE key <> 'audit_head' ORDER BY 1"))
        audit = [row[0] for row in portfolio.query("SELECT action FROM audit_log ORDER BY rowid")]
    return {"data": data, "audit": audit}


def counts(path: Path) -> dict[str, int]:
    with open_portfolio(path, PASSWORD) as portfolio:
        return portfolio.table_counts(EXCHANGE + ["audit_log"])


# -- the format and the schema agree ----------------------------------------------------------
def test_every_table_spec_matches_the_schema(tmp_path: Path) -> None:
    with create_portfolio(tmp_path / "p.rmdb", PASSWORD) as portfolio:
        for spec in TABLES:
            assert list(spec.column_names) == table_columns(portfolio, table=spec.table)
            pk = [r[1] for r in sorted(portfolio.query(f"PRAGMA table_info({spec.table})"),
                                       key=lambda r: r[5]) if r[5]]
            assert tuple(pk) == spec.key


def test_vectorised_id_check_agrees_with_the_domain_rule(frames: dict[str, pd.DataFrame]) -> None:
    rng = np.random.default_rng(3)
    good = frames["customers"]["id_number"].tolist()[:40]
    samples = list(good)
    for value in good:
        digits = list(value)
        digits[rng.integers(0, 17)] = str(rng.integers(0, 10))
        samples.append("".join(digits))                                 # often a bad check char
        samples.append(value[:10] + "1399" + value[14:17] + id_check_char(value[:10] + "1399" + value[14:17]))
        samples.append(value[:17])                                      # too short
        samples.append(value[:17] + "Y")
    reasons = id_number_reasons(pd.Series(samples, dtype=str))
    assert reasons.tolist() == [id_number_problem(s) for s in samples]
    assert reasons.isna().sum() >= 40 and reasons.notna().sum() >= 120


def test_documentation_covers_every_column_and_code() -> None:
    text = DOC.read_text(encoding="utf-8")
    for spec in TABLES:
        section = text.split(f"### {spec.file_name}\n", 1)[1].split("\n### ", 1)[0]
        for col in spec.columns:
            assert f"| `{col.name}` |" in section, (spec.table, col.name)
            for code in col.codes or ():
                assert f"`{code.value}`" in section, (spec.table, col.name, code)


def test_documented_examples_import_cleanly(tmp_path: Path) -> None:
    folder = tmp_path / "examples"
    folder.mkdir()
    by_header = {",".join(spec.column_names): spec.file_name for spec in TABLES}
    for block in re.findall(r"```csv\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S):
        (folder / by_header[block.splitlines()[0]]).write_text(block, encoding="utf-8")
    with create_portfolio(tmp_path / "p.rmdb", PASSWORD) as portfolio:
        report = import_folder(portfolio, folder)
        assert portfolio.get_meta("as_of") == "2026-06-28"
        assert portfolio.query("SELECT aum, liabilities FROM customer_summary") == [(50000.0, 3200.5)]
    assert len(report.tables) == len(TABLES)
    assert all(n.inserted >= 1 for n in report.tables.values())


# -- loading ----------------------------------------------------------------------------------
def test_import_into_empty_portfolio_matches_the_demo_build(
        frames: dict[str, pd.DataFrame], loaded_file: Path, tmp_path: Path) -> None:
    assert counts(loaded_file) == {**{t: len(f) for t, f in frames.items()}, "audit_log": 1}
    built = tmp_path / "built.rmdb"
    build_demo_portfolio(built, PASSWORD, customers=CUSTOMERS, seed=SEED, as_of=AS_OF)
    query = "SELECT * FROM customer_summary ORDER BY customer_id"
    with open_portfolio(loaded_file, PASSWORD) as imported, open_portfolio(built, PASSWORD) as demo:
        assert imported.get_meta("as_of") == AS_OF.isoformat()
        pd.testing.assert_frame_equal(imported.read_frame(query), demo.read_frame(query))
        customer = frames["customers"].iloc[7]
        assert imported.query("SELECT name, id_number, phone, risk_rating FROM customers "
                              "WHERE customer_id = ?", (customer["customer_id"],)) == [
            (customer["name"], customer["id_number"], customer["phone"], customer["risk_rating"])]
        txn = frames["transactions"].iloc[-1]
        assert imported.query("SELECT amount, kind, holding_id FROM transactions WHERE txn_id = ?",
                              (int(txn["txn_id"]),)) == [(txn["amount"], txn["kind"], txn["holding_id"])]
        product = imported.query("SELECT term_days, max_age FROM products WHERE product_id = 'CUR01'")
        assert product == [(None, None)]
        (actor, action, target, detail), = imported.query(
            "SELECT actor, action, target, detail FROM audit_log")
    assert (actor, action, target) == (getpass.getuser(), "IMPORTED", "export")
    assert json.loads(detail)["tables"]["transactions"]["inserted"] == len(frames["transactions"])
    assert customer["name"] not in detail and customer["customer_id"] not in detail


def test_reimport_is_idempotent(frames: dict[str, pd.DataFrame], loaded: Path, tmp_path: Path) -> None:
    before = counts(loaded)
    with open_portfolio(loaded, PASSWORD) as portfolio:
        report = import_folder(portfolio, write_folder(tmp_path / "again", frames))
    for table, frame in frames.items():
        n = report.tables[table]
        assert (n.inserted, n.updated, n.skipped) == (0, 0, len(frame)), table
    assert counts(loaded) == {**before, "audit_log": before["audit_log"] + 1}
    assert "transactions 0 new" in str(report) and "\n" not in str(report)


def test_snapshot_tables_are_updated_by_key(frames: dict[str, pd.DataFrame], loaded: Path,
                                            tmp_path: Path) -> None:
    holdings = frames["holdings"].copy()
    holdings.loc[3, "balance"] = 123456.78
    customers = frames["customers"].copy()
    customers.loc[5, "risk_rating"] = "C1" if customers.loc[5, "risk_rating"] != "C1" else "C2"
    folder = write_folder(tmp_path / "snapshot", {"customers": customers, "holdings": holdings})
    with open_portfolio(loaded, PASSWORD) as portfolio:
        report = import_folder(portfolio, folder)
        assert portfolio.query("SELECT balance FROM holdings WHERE holding_id = ?",
                               (holdings.loc[3, "holding_id"],)) == [(123456.78,)]
        assert portfolio.query("SELECT risk_rating FROM customers WHERE customer_id = ?",
                               (customers.loc[5, "customer_id"],)) == [(customers.loc[5, "risk_rating"],)]
    assert report.tables["holdings"].updated == 1 and report.tables["customers"].updated == 1
    assert report.tables["holdings"].skipped == len(holdings) - 1


def test_daily_increment_of_transactions_moves_as_of(frames: dict[str, pd.DataFrame],
                                                     tmp_path: Path) -> None:
    txns = frames["transactions"]
    last_day = txns["txn_date"].max()
    older, newest = txns[txns["txn_date"] < last_day], txns[txns["txn_date"] == last_day]
    assert len(newest) > 0
    path = tmp_path / "p.rmdb"
    with create_portfolio(path, PASSWORD) as portfolio:
        import_folder(portfolio, write_folder(tmp_path / "base", {**frames, "transactions": older}))
        assert portfolio.get_meta("as_of") == older["txn_date"].max()
        (increment := tmp_path / "daily").mkdir()
        newest.to_csv(increment / "transactions.csv", index=False)
        (increment / "README.txt").write_text("export notes", encoding="utf-8")
        report = import_folder(portfolio, increment)
        assert portfolio.get_meta("as_of") == last_day
        assert portfolio.query("SELECT MAX(last_txn_on) FROM customer_summary") == [(last_day,)]
        assert portfolio.table_counts(["transactions"])["transactions"] == len(txns)
        # The import folded its transactions into the monthly aggregates itself (migration 14),
        # in its own transaction: nothing is left for a read to catch up, and the rows are
        # those a rebuild from every transaction gives.
        from relmgr.storage.activity_months import rebuild_activity_months

        assert portfolio.query("SELECT through_txn_id, stale FROM activity_months_state") == \
            portfolio.query("SELECT MAX(txn_id), 0 FROM transactions")
        everything = "SELECT * FROM activity_months ORDER BY customer_id, month"
        imported = portfolio.query(everything)
        with portfolio.transaction():
            rebuild_activity_months(portfolio.conn)
        assert portfolio.query(everything) == imported and len(imported) > 100
    assert list(report.tables) == ["transactions"]
    assert report.tables["transactions"].inserted == len(newest)
    assert report.ignored == ("README.txt",) and "README.txt" in str(report)
    assert report.as_of == dt.date.fromisoformat(last_day)


def test_bom_and_padded_cells_are_accepted(frames: dict[str, pd.DataFrame], tmp_path: Path) -> None:
    products = frames["products"].copy()
    products["family"] = " " + products["family"].str.lower() + " "
    folder = write_folder(tmp_path / "bom", {"products": products}, encoding="utf-8-sig")
    with create_portfolio(tmp_path / "p.rmdb", PASSWORD) as portfolio:
        report = import_folder(portfolio, folder)
        assert portfolio.query("SELECT family FROM products WHERE product_id = 'CUR01'") == [("CURRENT",)]
    assert report.tables["products"].inserted == len(products)


# -- rejections -------------------------------------------------------------------------------
def _change(table: str, row: int, column: str, value: str) -> Callable[[dict], dict]:
    def apply(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
        frame = frames[table].astype(object)
        frame.loc[row, column] = value
        return {**frames, table: frame}
    return apply


def _bad_id_check(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    customers = frames["customers"].copy()
    good = customers.loc[4, "id_number"]
    wrong = next(c for c in "0123456789X" if c != good[17])
    customers.loc[4, "id_number"] = good[:17] + wrong
    return {**frames, "customers": customers}


def _duplicate_holding(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    again = frames["holdings"].iloc[[2]].assign(balance=1.0)
    return {**frames, "holdings": pd.concat([frames["holdings"], again], ignore_index=True)}


def _drop_column(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {**frames, "transactions": frames["transactions"].drop(columns=["channel"])}


BAD_INPUTS = {
    "id checksum": (_bad_id_check, "customers.csv", 6, "id_number", "check character does not match"),
    "bad date": (_change("transactions", 10, "txn_date", "2026-02-30"),
                 "transactions.csv", 12, "txn_date", "'2026-02-30' is not a real calendar date"),
    "date format": (_change("offers", 0, "offered_on", "30/06/2026"),
                    "offers.csv", 2, "offered_on", "is not a date (YYYY-MM-DD)"),
    "unknown code": (_change("transactions", 3, "kind", "GIFT"),
                     "transactions.csv", 5, "kind", "'GIFT' is not a TxnKind code"),
    "missing customer": (_change("holdings", 20, "customer_id", "C9999999"),
                         "holdings.csv", 22, "customer_id",
                         "'C9999999' is not in customers.csv nor in the portfolio"),
    "duplicate key": (_duplicate_holding, "holdings.csv", None, "holding_id", "(first on row 4)"),
    "missing column": (_drop_column, "transactions.csv", 1, "channel", "column is missing"),
    "bad key": (_change("transactions", 4, "txn_id", "T-5"),
                "transactions.csv", 6, "txn_id", "'T-5' is not a whole number"),
    "not a number": (_change("transactions", 0, "amount", "1,200.00"),
                     "transactions.csv", 2, "amount", "is not a number"),
    "negative balance": (_change("holdings", 1, "balance", "-5"),
                         "holdings.csv", 3, "balance", "must not be negative"),
    "bad phone": (_change("customers", 2, "phone", "0215550000"),
                  "customers.csv", 4, "phone", "must be 11 digits"),
    "empty name": (_change("customers", 0, "name", ""), "customers.csv", 2, "name", "required"),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_is_rejected_with_file_row_column(case: str, frames: dict[str, pd.DataFrame],
                                                    tmp_path: Path) -> None:
    mutate, file, row, column, reason = BAD_INPUTS[case]
    bad = mutate(frames)
    row = row or len(bad["holdings"]) + 1
    path = tmp_path / "p.rmdb"
    create_portfolio(path, PASSWORD).close()
    problems = reject(path, write_folder(tmp_path / "bad", bad))
    assert counts(path) == {**{t: 0 for t in EXCHANGE}, "audit_log": 0}
    matching = [p for p in problems if (p.file, p.row, p.column) == (file, row, column)]
    assert matching and reason in matching[0].reason, problems
    assert len(problems) == 1, problems


def test_messages_never_contain_personal_data(frames: dict[str, pd.DataFrame], tmp_path: Path) -> None:
    bad = _bad_id_check(frames)
    customers = bad["customers"].copy()
    customers.loc[6, "phone"] = "12" + customers.loc[6, "phone"][2:]
    customers.loc[8, ["id_number", "birth_date"]] = customers.loc[9, ["id_number", "birth_date"]]
    folder = write_folder(tmp_path / "bad", {**bad, "customers": customers})
    path = tmp_path / "p.rmdb"
    create_portfolio(path, PASSWORD).close()
    problems = reject(path, folder)
    text = "\n".join(format_problems(problems))
    assert [(p.row, p.column) for p in problems] == [(6, "id_number"), (8, "phone"), (11, "id_number")]
    assert "same ID number as row 10" in problems[2].reason
    for i in (4, 6, 8, 9):
        for column in ("name", "id_number", "phone"):
            assert customers.loc[i, column] not in text
            assert frames["customers"].loc[i, column] not in text
            assert customers.loc[i, column][-6:] not in text


def test_rejected_into_a_loaded_portfolio_changes_nothing(frames: dict[str, pd.DataFrame],
                                                          loaded: Path, tmp_path: Path) -> None:
    txns = frames["transactions"].copy()
    txns.loc[0, "amount"] = txns.loc[0, "amount"] + 1
    extra = txns.iloc[[1]].assign(txn_id=txns["txn_id"].max() + 1)
    customers = frames["customers"].iloc[1:]
    # An ID number already on file for another customer, under a new customer number.
    new_customer = frames["customers"].iloc[[0]].assign(customer_id="C0999999")
    folder = write_folder(tmp_path / "bad", {
        "customers": pd.concat([customers, new_customer], ignore_index=True),
        "transactions": pd.concat([txns, extra], ignore_index=True)})
    before = counts(loaded)
    problems = reject(loaded, folder)
    assert [(p.file, p.row, p.column) for p in problems] == [
        ("customers.csv", 2 + len(customers), "id_number"),
        ("transactions.csv", 2, "txn_id")]
    assert "already on file for customer " + frames["customers"].loc[0, "customer_id"] in problems[0].reason
    assert "imported before with other content (amount differ)" in problems[1].reason
    assert counts(loaded) == before


def test_transaction_on_another_customers_holding_is_rejected(frames: dict[str, pd.DataFrame],
                                                             tmp_path: Path) -> None:
    txns = frames["transactions"].copy()
    other = frames["holdings"].loc[frames["holdings"]["customer_id"] != txns.loc[5, "customer_id"],
                                   "holding_id"].iloc[0]
    txns.loc[5, "holding_id"] = other
    path = tmp_path / "p.rmdb"
    create_portfolio(path, PASSWORD).close()
    problems = reject(path, write_folder(tmp_path / "bad", {**frames, "transactions": txns}))
    assert [(p.file, p.row, p.column) for p in problems] == [("transactions.csv", 7, "holding_id")]
    assert "belongs to another customer" in problems[0].reason


def test_many_bad_rows_are_summed_up(frames: dict[str, pd.DataFrame], tmp_path: Path) -> None:
    txns = frames["transactions"].assign(txn_date="yesterday")
    path = tmp_path / "p.rmdb"
    create_portfolio(path, PASSWORD).close()
    problems = reject(path, write_folder(tmp_path / "bad", {**frames, "transactions": txns}))
    listed = [p for p in problems if p.row is not None]
    assert [p.row for p in listed] == list(range(2, 2 + len(listed)))
    assert sum(p.count for p in problems) == len(txns)
    lines = format_problems(problems)
    assert lines[0].startswith(f"import rejected, nothing was changed: {len(txns):,} problems")
    assert lines[-1].endswith("more rows with problems in this column")


def test_file_level_problems(frames: dict[str, pd.DataFrame], tmp_path: Path) -> None:
    path = tmp_path / "p.rmdb"
    create_portfolio(path, PASSWORD).close()
    folder = tmp_path / "bad"
    folder.mkdir()
    frames["products"].to_csv(folder / "products.csv", index=False, encoding="gb18030")
    (folder / "campaigns.csv").write_text("", encoding="utf-8")
    (folder / "offers.csv").write_text("offer_id,campaign_id\n1,2,3\n", encoding="utf-8")
    problems = reject(path, folder)
    assert [(p.file, p.row) for p in problems[:2]] == [("products.csv", None), ("campaigns.csv", None)]
    assert "UTF-8" in problems[0].reason and "empty" in problems[1].reason
    missing = {"customer_id", "arm", "offered_on", "outcome", "responded_on", "revenue"}
    assert {(p.file, p.row, p.column) for p in problems[2:]} == {("offers.csv", 1, c) for c in missing}
    assert all(p.reason == "column is missing from the header" for p in problems[2:])
    (folder / "holdings.csv").write_text(
        ",".join(["branch", *frames["holdings"].columns]) + "\n", encoding="utf-8")
    holdings = [p for p in reject(path, folder) if p.file == "holdings.csv"]
    assert [(p.row, p.column) for p in holdings] == [(1, "branch")]
    assert holdings[0].reason.startswith("unknown column")
    (empty := tmp_path / "nothing").mkdir()
    (empty / "notes.txt").write_text("x", encoding="utf-8")
    assert "no exchange-format files" in reject(path, empty)[0].reason


def test_cancel_during_writing_rolls_back(frames: dict[str, pd.DataFrame], tmp_path: Path) -> None:
    path = tmp_path / "p.rmdb"
    create_portfolio(path, PASSWORD).close()
    folder = write_folder(tmp_path / "export", frames)
    before = sha256(path)
    steps: list[tuple[float, str]] = []
    with open_portfolio(path, PASSWORD) as portfolio:
        with pytest.raises(Cancelled):
            import_folder(portfolio, folder, progress=lambda f, s: steps.append((f, s)),
                          cancel=lambda: any(s == "transactions" and f > 0.5 for f, s in steps))
        assert portfolio.table_counts(EXCHANGE) == {t: 0 for t in EXCHANGE}
    assert sha256(path) == before
    assert all(b[0] >= a[0] for a, b in zip(steps, steps[1:], strict=False))


# -- command line -----------------------------------------------------------------------------
def test_cli_import(frames: dict[str, pd.DataFrame], tmp_path: Path,
                    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from relmgr.cli import main

    monkeypatch.setenv("RELMGR_PASSWORD", PASSWORD)
    path = tmp_path / "p.rmdb"
    create_portfolio(path, PASSWORD).close()
    bad = write_folder(tmp_path / "bad", _bad_id_check(frames))
    before = _contents(path)
    assert main(["import", str(path), "--from", str(bad)]) == 2
    captured = capsys.readouterr()
    # Nothing of the import is written; the command line's unlock is audited (issue 13), so the
    # audit log gains that one row and nothing else.
    after = _contents(path)
    assert after["data"] == before["data"]
    assert after["audit"] == [*before["audit"], "UNLOCKED"]
    lines = captured.err.strip().splitlines()
    assert lines[0] == "customers.csv, row 6, column id_number: check character does not match"
    assert lines[-1].startswith("relmgr: import rejected, nothing was changed: 1 problem in customers.csv")
    assert _bad_id_check(frames)["customers"].loc[4, "id_number"] not in captured.err
    assert captured.out == ""

    good = write_folder(tmp_path / "good", frames)
    assert main(["import", str(path), "--from", str(good)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("imported good: customers 120 new")
    assert captured.out.count("\n") == 1
    assert counts(path)["transactions"] == len(frames["transactions"])

    assert main(["import", str(path), "--from", str(tmp_path / "missing")]) == 2
    assert "no such folder" in capsys.readouterr().err
