"""The importer against the malformed input issue 14 names: short and cut-off rows, Unicode
digits, oversize fields, far-future and pre-1900 dates, misaligned personal data, another
separator; and a small deterministic fuzzer holding the properties: no traceback, a message with
file (and row and column where there is one), no personal data echoed, nothing changed on
rejection."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import shutil
from pathlib import Path

import pandas as pd
import pytest

from relmgr.services.demo import generate_demo_frames
from relmgr.services.importer import ImportRejected, Problem, format_problems, import_folder
from relmgr.services.importer.spec import TABLES
from relmgr.storage import Portfolio, create_portfolio

PASSWORD = "hardening-test-pw"
AS_OF = dt.date(2024, 6, 30)
EXCHANGE = [spec.table for spec in TABLES]
FUZZ_CASES = 120


@pytest.fixture(scope="module")
def frames() -> dict[str, pd.DataFrame]:
    generated = generate_demo_frames(customers=8, seed=5, as_of=AS_OF)
    return {t: generated[t].astype(str).replace({"nan": "", "None": "", "<NA>": ""})
            for t in EXCHANGE}


def write(folder: Path, frames: dict[str, pd.DataFrame]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for table, frame in frames.items():
        frame.to_csv(folder / f"{table}.csv", index=False)
    return folder


def checksum(portfolio: Portfolio) -> str:
    digest = hashlib.sha256()
    for table in [*EXCHANGE, "audit_log", "meta"]:
        digest.update(repr(portfolio.query(f"SELECT * FROM {table} ORDER BY 1")).encode())
    return digest.hexdigest()


@pytest.fixture
def portfolio(tmp_path: Path):
    with create_portfolio(tmp_path / "p.rmdb", PASSWORD) as opened:
        yield opened


def rejected(portfolio: Portfolio, folder: Path) -> list[Problem]:
    before = checksum(portfolio)
    with pytest.raises(ImportRejected) as caught:
        import_folder(portfolio, folder)
    assert checksum(portfolio) == before
    return list(caught.value.problems)


def with_cell(frames: dict[str, pd.DataFrame], table: str, row: int, column: str,
              value: str) -> dict[str, pd.DataFrame]:
    frame = frames[table].copy()
    frame.loc[row, column] = value
    return {**frames, table: frame}


def at(problems: list[Problem], file: str, row: int | None, column: str | None) -> Problem:
    found = [p for p in problems if (p.file, p.row, p.column) == (file, row, column)]
    assert found, problems
    return found[0]


# -- dates outside what the export can hold ------------------------------------------------------
def test_far_future_transaction_is_rejected_and_does_not_move_the_data_date(
        frames: dict[str, pd.DataFrame], portfolio: Portfolio, tmp_path: Path) -> None:
    bad = with_cell(frames, "transactions", 3, "txn_date", "9999-12-31")
    problems = rejected(portfolio, write(tmp_path / "x", bad))
    assert "is in the future" in at(problems, "transactions.csv", 5, "txn_date").reason
    assert portfolio.get_meta("as_of") is None
    # The corrected row then imports: nothing of the bad attempt was kept.
    import_folder(portfolio, write(tmp_path / "good", frames))
    assert portfolio.get_meta("as_of") == frames["transactions"]["txn_date"].max()


def test_records_after_the_data_date_are_rejected(frames: dict[str, pd.DataFrame],
                                                  portfolio: Portfolio, tmp_path: Path) -> None:
    newest = frames["transactions"]["txn_date"].max()
    later = (dt.date.fromisoformat(newest) + dt.timedelta(days=4 * 365)).isoformat()
    bad = with_cell(frames, "holdings", 2, "opened_on", later)
    bad = with_cell(bad, "customers", 1, "birth_date", "1850-01-01")
    problems = rejected(portfolio, write(tmp_path / "x", bad))
    reason = at(problems, "holdings.csv", 4, "opened_on").reason
    assert f"is after the data date {newest}" in reason
    assert "before 1900-01-01" in at(problems, "customers.csv", 3, "birth_date").reason
    # A maturity date lies ahead by nature.
    ahead = with_cell(frames, "holdings", 2, "maturity_on", later)
    assert import_folder(portfolio, write(tmp_path / "ahead", ahead)).tables["holdings"].inserted


# -- rows that are not whole --------------------------------------------------------------------
def test_short_row_is_rejected_not_completed_with_defaults(
        frames: dict[str, pd.DataFrame], portfolio: Portfolio, tmp_path: Path) -> None:
    folder = write(tmp_path / "x", {"products": frames["products"]})
    lines = (folder / "products.csv").read_text(encoding="utf-8").splitlines()
    lines[3] = ",".join(lines[3].split(",")[:6])  # min_amount and after are missing
    (folder / "products.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = rejected(portfolio, folder)
    assert at(problems, "products.csv", 4, None).reason == "has 6 fields, the header has 10"
    assert len(problems) == 1, problems


def test_file_cut_in_the_middle_of_a_row_is_rejected(
        frames: dict[str, pd.DataFrame], portfolio: Portfolio, tmp_path: Path) -> None:
    folder = write(tmp_path / "x", {"products": frames["products"]})
    text = (folder / "products.csv").read_text(encoding="utf-8").rstrip("\n")
    (folder / "products.csv").write_text(text[:-1], encoding="utf-8")
    problems = rejected(portfolio, folder)
    assert "cut off" in at(problems, "products.csv", len(frames["products"]) + 1, None).reason


def test_misaligned_customer_row_does_not_echo_the_name(
        frames: dict[str, pd.DataFrame], portfolio: Portfolio, tmp_path: Path) -> None:
    folder = write(tmp_path / "x", {"customers": frames["customers"]})
    lines = (folder / "customers.csv").read_text(encoding="utf-8").splitlines()
    cells = lines[2].split(",")
    lines[2] = ",".join(cells[:1] + cells[2:])  # the name cell is lost: everything shifts left
    (folder / "customers.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = rejected(portfolio, folder)
    text = "\n".join(format_problems(problems))
    header = len(frames["customers"].columns)
    assert at(problems, "customers.csv", 3, None).reason == f"has {header - 1} fields, the header has {header}"
    for column in ("name", "id_number", "phone"):
        assert frames["customers"].loc[1, column] not in text


# -- characters and sizes -----------------------------------------------------------------------
def test_full_width_digits_are_normalised(frames: dict[str, pd.DataFrame], portfolio: Portfolio,
                                          tmp_path: Path) -> None:
    wide = str.maketrans("0123456789-", "０１２３４５６７８９－")
    customers = frames["customers"].copy()
    customers.loc[0, "id_number"] = customers.loc[0, "id_number"].translate(wide)
    customers.loc[0, "opened_on"] = customers.loc[0, "opened_on"].translate(wide)
    import_folder(portfolio, write(tmp_path / "x", {"customers": customers}))
    stored = portfolio.query("SELECT id_number, opened_on FROM customers WHERE customer_id = ?",
                             (customers.loc[0, "customer_id"],))
    assert stored == [(frames["customers"].loc[0, "id_number"], frames["customers"].loc[0, "opened_on"])]


def test_other_unicode_digits_are_rejected(frames: dict[str, pd.DataFrame], portfolio: Portfolio,
                                           tmp_path: Path) -> None:
    arabic = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
    value = frames["transactions"].loc[2, "txn_date"].translate(arabic)
    bad = with_cell(frames, "transactions", 2, "txn_date", value)
    bad = with_cell(bad, "customers", 0, "id_number", frames["customers"].loc[0, "id_number"].translate(arabic))
    problems = rejected(portfolio, write(tmp_path / "x", bad))
    assert "is not a date (YYYY-MM-DD)" in at(problems, "transactions.csv", 4, "txn_date").reason
    assert "must be 17 digits" in at(problems, "customers.csv", 2, "id_number").reason


def test_oversize_fields_get_a_message(frames: dict[str, pd.DataFrame], portfolio: Portfolio,
                                       tmp_path: Path) -> None:
    folder = write(tmp_path / "x", {"products": frames["products"]})
    big = "x" * 200_000
    (folder / "products.csv").write_text(f'"{big}"\n1\n', encoding="utf-8")
    problems = rejected(portfolio, folder)
    assert at(problems, "products.csv", 1, None).reason.startswith("the header is not a readable CSV row")
    bad = with_cell(frames, "products", 0, "name_en", big)
    problems = rejected(portfolio, write(tmp_path / "y", {"products": bad["products"]}))
    assert "a field is longer than 131,072 characters" in at(problems, "products.csv", 2, None).reason
    bad = with_cell(frames, "products", 1, "name_en", "y" * 5_000)
    problems = rejected(portfolio, write(tmp_path / "z", {"products": bad["products"]}))
    assert "is longer than 1,000 characters" in at(problems, "products.csv", 3, "name_en").reason


def test_other_separator_gets_one_line(frames: dict[str, pd.DataFrame], portfolio: Portfolio,
                                       tmp_path: Path) -> None:
    folder = tmp_path / "x"
    folder.mkdir()
    frames["products"].to_csv(folder / "products.csv", index=False, sep=";")
    problems = rejected(portfolio, folder)
    assert len(problems) == 1
    assert "the separator looks like ';'" in problems[0].reason


# -- fuzzing --------------------------------------------------------------------------------------
def _mutations(rng: random.Random, data: bytes) -> bytes:
    choice = rng.randrange(10)
    at = rng.randrange(max(1, len(data)))
    if choice == 0:  # truncated anywhere
        return data[:at]
    if choice == 1:  # a random byte changed
        return data[:at] + bytes([rng.randrange(256)]) + data[at + 1:]
    if choice == 2:  # a separator dropped or added
        commas = [i for i, b in enumerate(data) if b == ord(",")]
        i = rng.choice(commas) if commas else at
        return data[:i] + data[i + 1:] if rng.random() < 0.5 else data[:i] + b"," + data[i:]
    if choice == 3:
        return data[:at] + b"\x00" + data[at:]
    if choice == 4:  # full-width or Arabic-Indic digits
        digit = rng.choice(["５", "٣", "۷", "१"]).encode()
        return data[:at] + digit + data[at + 1:]
    if choice == 5:
        return data[:at] + b"9999-12-31" + data[at:]
    if choice == 6:
        return data[:at] + b"x" * rng.choice([1_500, 140_000]) + data[at:]
    if choice == 7:  # another encoding
        return data.decode("utf-8", "replace").encode("gb18030", "replace")
    if choice == 8:  # a line break inside a row
        return data[:at] + b"\n" + data[at:]
    return data[:at] + b'"' + data[at:]  # a stray quote


def test_fuzzed_folders_never_crash_and_change_nothing_on_rejection(
        frames: dict[str, pd.DataFrame], portfolio: Portfolio, tmp_path: Path) -> None:
    rng = random.Random(14)
    small = {t: frames[t] for t in ("customers", "products", "holdings")}
    small["transactions"] = frames["transactions"].head(60)
    clean = write(tmp_path / "clean", small)
    personal = [v for col in ("name", "id_number", "phone") for v in frames["customers"][col]]
    outcomes = {"accepted": 0, "rejected": 0}
    for case in range(FUZZ_CASES):
        folder = tmp_path / f"case{case}"
        shutil.copytree(clean, folder)
        victim = folder / rng.choice(sorted(p.name for p in folder.iterdir()))
        victim.write_bytes(_mutations(rng, victim.read_bytes()))
        before = checksum(portfolio)
        try:
            import_folder(portfolio, folder)
            outcomes["accepted"] += 1
        except ImportRejected as error:
            outcomes["rejected"] += 1
            assert checksum(portfolio) == before, case
            text = "\n".join(format_problems(error.problems, limit=10_000))
            assert all(p.file for p in error.problems)
            assert not [v for v in personal if v and v in text], (case, text)
        shutil.rmtree(folder)
    assert outcomes["rejected"] > FUZZ_CASES // 2, outcomes
