"""Raw bank exports through a mapping: reading (encoding, separator, header), value formats,
mappings as JSON, auto-suggestion from Chinese and English headers, and the data-quality report."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest

from relmgr.services.importer import ImportRejected
from relmgr.services.importer.checks import Collector
from relmgr.services.mapping import (
    MappingError,
    MappingIncomplete,
    import_mapped,
    load_mapping,
    save_mapping,
)
from relmgr.services.mapping.convert import convert_file
from relmgr.services.mapping.model import Mapping, SignRule, TableMapping, mapping_from_json
from relmgr.services.mapping.sniff import Unreadable, read_raw, sniff
from relmgr.services.mapping.suggest import suggest
from relmgr.services.mapping.values import convert_amounts, convert_dates, guess_date_format
from relmgr.storage import create_portfolio, open_portfolio

PASSWORD = "mapping-test-pw"
HEADER = "客户号;性别;出生日期;开户日期;风险等级"
ROWS = ["C001;男;19800101;150301;稳健型", "C002;女;19751231;991120;C4"]


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _contents(path: Path) -> dict:
    with open_portfolio(path, PASSWORD) as portfolio:
        return {t: sorted(map(tuple, portfolio.query(f"SELECT * FROM {t}")))
                for t in ("customers", "products", "holdings", "transactions")}


@pytest.fixture
def empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RELMGR_HOME", str(tmp_path / "home"))
    path = tmp_path / "p.rmdb"
    create_portfolio(path, PASSWORD).close()
    return path


# -- reading ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("encoding", "expected"), [
    ("utf-8-sig", "utf-8-sig"), ("utf-8", "utf-8"), ("gb18030", "gb18030"), ("gbk", "gb18030")])
def test_encoding_is_detected(encoding: str, expected: str, tmp_path: Path) -> None:
    path = _write(tmp_path / "c.csv", "\r\n".join([HEADER, *ROWS]) + "\r\n", encoding)
    dialect = sniff(path)
    assert (dialect.encoding, dialect.separator, dialect.line_ending) == (expected, ";", "\r\n")
    raw = read_raw(path, dialect)
    assert raw.header[:2] == ["客户号", "性别"] and raw.rows[0][1] == "男"


def test_latin_text_falls_back_to_cp1252(tmp_path: Path) -> None:
    # é followed by a letter also decodes as GB18030, into characters no Chinese export holds.
    path = _write(tmp_path / "c.csv", "id,city\n1,Genève\n2,Zürich\n3,Besançon\n", "cp1252")
    dialect = sniff(path)
    assert dialect.encoding == "cp1252"
    assert read_raw(path, dialect).rows[0][1] == "Genève"


@pytest.mark.parametrize("separator", [",", ";", "\t", "|"])
def test_separator_and_title_line_are_detected(separator: str, tmp_path: Path) -> None:
    lines = ["客户信息表 导出日期 2021-03-31", separator.join(HEADER.split(";")),
             *(separator.join(r.split(";")) for r in ROWS)]
    path = _write(tmp_path / "c.txt", "\n".join(lines) + "\n")
    dialect = sniff(path)
    assert (dialect.separator, dialect.header_row) == (separator, 2)
    raw = read_raw(path, dialect)
    assert raw.header[0] == "客户号" and raw.line_numbers == [3, 4]


def test_quoted_cells_with_separators_inside(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.csv", '"a";"b"\n"x;y";"1,5"\n"z";"2"\n')
    raw = read_raw(path, sniff(path))
    assert raw.rows == [["x;y", "1,5"], ["z", "2"]]


def test_oversize_field_is_a_message_not_a_crash(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.csv", "a,b\n1,\"" + "x" * 200_000 + "\"\n")
    with pytest.raises(Unreadable, match="line 2: a field is longer than 131,072 characters"):
        read_raw(path, sniff(path))
    header = _write(tmp_path / "h.csv", "y" * 200_000 + ",b\n1,2\n")
    with pytest.raises(Unreadable, match="line 1"):
        read_raw(header, sniff(header))


def test_binary_and_empty_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(Unreadable, match="NUL"):
        sniff(_write(tmp_path / "b.csv", "a,b\n1,2\n", "utf-16"))
    with pytest.raises(Unreadable, match="empty"):
        sniff(_write(tmp_path / "e.csv", "  \n"))


# -- value formats ----------------------------------------------------------------------------
def test_date_formats() -> None:
    def one(value: str, form: str, **kw: object) -> str:
        out, bad = convert_dates(pd.Series([value]), form, **kw)
        return "BAD" if bad[0] else out[0]

    assert one("20240131", "YYYYMMDD") == "2024-01-31"
    assert one("240131", "YYMMDD", century_pivot=26) == "2024-01-31"
    assert one("270131", "YYMMDD", century_pivot=26) == "1927-01-31"
    assert one("2024/1/3", "YYYY/M/D") == "2024-01-03"
    assert one("31.12.2024", "DD.MM.YYYY") == "2024-12-31"
    assert one("2024年3月5日", "YYYY年M月D日") == "2024-03-05"
    assert one("45292", "EXCEL") == "2024-01-01"
    assert one("45292.5", "EXCEL", timestamp=True) == "2024-01-01T12:00:00"
    assert one("2024/1/3 9:05:07", "YYYY/M/D", timestamp=True) == "2024-01-03T09:05:07"
    assert one("20240131 10:30:00", "YYYYMMDD") == "2024-01-31"       # a date-time as a date
    assert one("202401", "YYYYMM", month=True) == "2024-01"
    assert one("2024-01-31", "YYYYMMDD") == "BAD"
    assert one("0", "EXCEL") == "BAD"
    assert guess_date_format(pd.Series(["150301", "991120"])) == "YYMMDD"
    assert guess_date_format(pd.Series(["20150301", "1999/11/20"])) is None


def test_amount_formats() -> None:
    values = pd.Series(["1,234.56", "¥1,234.56", "(1,234.56)", "1234.5-", "-5", "CNY 10", "12,34", "abc", ""])
    out, bad = convert_amounts(values)
    assert list(out[~bad]) == ["1234.56", "1234.56", "-1234.56", "-1234.5", "-5", "10", ""]
    assert list(values[bad]) == ["12,34", "abc"]
    out, bad = convert_amounts(pd.Series(["1.234,56", "12,5", "1 234,50"]), "1.234,56")
    assert list(out) == ["1234.56", "12.5", "1234.50"] and not bad.any()


def _customers_mapping(**overrides: object) -> TableMapping:
    base = dict(table="customers", file="c.csv",
                columns={"customer_id": "客户号", "gender": "性别", "birth_date": "出生日期",
                         "opened_on": "开户日期", "risk_rating": "风险等级"},
                not_provided=["name", "id_number", "phone"],
                formats={"birth_date": "YYYYMMDD", "opened_on": "YYMMDD"},
                codes={"gender": {"男": "M", "女": "F"}, "risk_rating": {"稳健型": "C2"}})
    base.update(overrides)
    return TableMapping(**base)  # type: ignore[arg-type]


def test_full_width_digits_are_read_and_other_digits_rejected_with_row_and_column(tmp_path: Path) -> None:
    text = "\n".join([HEADER, "C001;男;１９８００１０１;150301;稳健型", "C002;女;١٩٧٥١٢٣١;991120;C4",
                      "C003;女;19751231;99112;C4"]) + "\n"
    path = _write(tmp_path / "c.csv", text)
    out = Collector()
    table, stats = convert_file(read_raw(path, sniff(path)), _customers_mapping(), out, century_pivot=30)
    assert table is not None
    assert table.frame["birth_date"].tolist()[0] == "1980-01-01"
    assert stats.cleaned["birth_date"] == 1
    problems = [str(p) for p in out.problems(["c.csv"])]
    assert "c.csv, row 3, column birth_date: '١٩٧٥١٢٣١' holds a digit other than 0-9" in problems
    assert "c.csv, row 4, column opened_on: '99112' is not a date in the format YYMMDD" in problems


# -- mappings as JSON ---------------------------------------------------------------------------
def test_mapping_round_trips_and_is_found_by_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RELMGR_HOME", str(tmp_path / "home"))
    mapping = Mapping("bank-a", {"customers": _customers_mapping(),
                                 "transactions": TableMapping("transactions", "t*.txt", {"amount": "金额"},
                                                              sign=SignRule("借贷", {"借": -1, "贷": 1}))},
                      century_pivot=30)
    saved = save_mapping(mapping)
    assert saved == tmp_path / "home" / "mappings" / "bank-a.json"
    again = load_mapping("bank-a")
    assert again == mapping
    copy = tmp_path / "m.json"
    copy.write_text(saved.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_mapping(str(copy)) == mapping


@pytest.mark.parametrize(("body", "message"), [
    ('{"tables": {"clients": {"file": "a"}}}', "unknown table 'clients'"),
    ('{"tables": {"customers": {"file": "a", "columns": {"nam": "x"}}}}', "unknown field 'nam'"),
    ('{"tables": {"customers": {"file": "a", "not_provided": ["birth_date"]}}}', "relmgr needs it"),
    ('{"tables": {"customers": {"file": "a", "formats": {"opened_on": "MM/DD"}}}}', "unknown format 'MM/DD'"),
    ('{"tables": {"customers": {"file": "a", "codes": {"gender": {"男": "MALE"}}}}}', "'MALE' is not a relmgr code"),
    ('{"tables": ', "is not valid JSON"),
])
def test_bad_mapping_files_say_what_is_wrong(body: str, message: str) -> None:
    with pytest.raises(MappingError, match=message):
        mapping_from_json(body, where="m.json")


# -- suggestion -------------------------------------------------------------------------------
def test_suggestion_matches_chinese_and_english_headers(tmp_path: Path) -> None:
    path = _write(tmp_path / "cust.csv", "\n".join([HEADER, *ROWS]) + "\n")
    english = _write(tmp_path / "txn.csv", "txn_no,cust_id,acct_no,txn_date,txn_amt,dc_flag,txn_type,chnl\n"
                     "1,C001,A1,2021-03-01,100.00,C,SALARY,柜面\n")
    found = suggest([read_raw(p, sniff(p)) for p in (path, english)])
    assert found.problems() == []
    customers = found.mapping.tables["customers"]
    assert customers.columns["risk_rating"] == "风险等级"
    assert customers.codes["gender"] == {"男": "M", "女": "F"}
    assert customers.codes["risk_rating"]["稳健型"] == "C2"
    assert customers.formats == {"birth_date": "YYYYMMDD", "opened_on": "YYMMDD"}
    assert customers.not_provided == ["name", "id_number", "phone"]
    txns = found.mapping.tables["transactions"]
    assert txns.sign == SignRule("dc_flag", {"C": 1})
    assert txns.codes["channel"] == {"柜面": "BRANCH"}


def test_auto_lists_what_it_could_not_match(tmp_path: Path, empty: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    _write(folder / "cust.csv", "客户号;性别;生日;出生日期;风险等级\nC001;男;19800101;19800101;C1\n")
    with open_portfolio(empty, PASSWORD) as portfolio, pytest.raises(MappingIncomplete) as caught:
        import_mapped(portfolio, folder, "auto")
    lines = caught.value.lines
    assert any("field birth_date matches several columns (生日, 出生日期)" in line for line in lines)
    assert any("no column for required field opened_on" in line for line in lines)


# -- the data-quality report ----------------------------------------------------------------------
def test_report_shows_every_file_and_column_and_changes_nothing(tmp_path: Path, empty: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    bad_customers = [HEADER] + [f"C{i:03d};男;19800101;1503xx;稳健型" for i in range(400)]
    _write(folder / "客户.csv", "\n".join(bad_customers) + "\n")
    _write(folder / "交易.csv", "交易流水号;客户号;交易日期;交易金额;借贷标志;交易类型\n"
           "1;C001;210301;¥100.00;贷;代发工资\n2;C001;99991231x;¥5.00;借;缴费\n"
           "3;C001;210302;¥5.00;?;缴费\n4;C999;210302;¥5.00;借;缴费\n")
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"tables": {
        "customers": {"file": "客户.csv", "columns": _customers_mapping().columns,
                      "not_provided": ["name", "id_number", "phone"],
                      "formats": {"birth_date": "YYYYMMDD", "opened_on": "YYMMDD"},
                      "codes": {"gender": {"男": "M"}, "risk_rating": {"稳健型": "C2"}}},
        "transactions": {"file": "交易.csv", "columns": {
            "txn_id": "交易流水号", "customer_id": "客户号", "txn_date": "交易日期", "amount": "交易金额",
            "kind": "交易类型"}, "not_provided": ["channel"], "formats": {"txn_date": "YYMMDD"},
            "codes": {"kind": {"代发工资": "SALARY", "缴费": "BILL_PAY"}},
            "sign": {"column": "借贷标志", "codes": {"借": -1, "贷": 1}}}}}, ensure_ascii=False),
        encoding="utf-8")
    before = _contents(empty)
    with open_portfolio(empty, PASSWORD) as portfolio, pytest.raises(ImportRejected) as caught:
        import_mapped(portfolio, folder, str(mapping))
    assert _contents(empty) == before
    report = caught.value.quality.as_json()  # type: ignore[attr-defined]
    files = {f["file"]: f for f in report["files"]}
    customers, txns = files["客户.csv"], files["交易.csv"]
    assert (customers["rows_read"], customers["rows_rejected"]) == (400, 400)
    assert customers["problems"][0]["rows"] == 400
    assert len(customers["problems"][0]["examples"]) == 3
    # The second file's problems show in full although the first one has 400.
    kinds = {(p["column"], p["kind"]) for p in txns["problems"]}
    assert ("txn_date", "'…' is not a date in the format YYMMDD") in kinds
    assert any(c == "amount" and "debit/credit indicator" in k for c, k in kinds)
    assert any(c == "customer_id" and "nor in the portfolio" in k for c, k in kinds)
    unknown = next(p for p in txns["problems"] if p["column"] == "customer_id")
    assert unknown["examples"][0]["reason"].startswith("'C***' is not in")   # C999, masked
    assert txns["rows_rejected"] == 3 and txns["rows_accepted"] == 1
    assert txns["values_cleaned"]["amount"] == 4
    text = "\n".join(caught.value.quality.lines())  # type: ignore[attr-defined]
    assert "交易.csv -> transactions" in text and "column txn_date" in text


def test_dry_run_reports_and_writes_nothing(tmp_path: Path, empty: Path) -> None:
    from tests.services.real_export import write_real_export

    folder = write_real_export(tmp_path / "export", customers=15)
    before = _contents(empty)
    with open_portfolio(empty, PASSWORD) as portfolio:
        done = import_mapped(portfolio, folder, "auto", dry_run=True)
    assert done.report.dry_run and done.quality.outcome == "dry run"
    assert done.report.tables["customers"].inserted == 15
    assert _contents(empty) == before


def test_future_dates_are_rejected_through_a_mapping(tmp_path: Path, empty: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    _write(folder / "c.csv", "\n".join([HEADER, "C001;男;19800101;991231;稳健型"]) + "\n")
    _write(folder / "t.csv", "交易流水号;客户号;交易日期;交易金额;交易类型;交易渠道\n"
           "1;C001;2021-03-01;10;SALARY;SYSTEM\n2;C001;9999-12-31;10;SALARY;SYSTEM\n")
    with open_portfolio(empty, PASSWORD) as portfolio, pytest.raises(ImportRejected) as caught:
        import_mapped(portfolio, folder, "auto")
    assert caught.value.quality.after_data_date == 1  # type: ignore[attr-defined]
    assert any(p.column == "txn_date" and "in the future" in p.reason for p in caught.value.problems)
    assert dt.date.today().isoformat() in str(caught.value.problems)


def test_one_file_cannot_fill_the_problem_listing() -> None:
    from relmgr.services.importer import Problem, format_problems

    problems = [Problem("a.csv", row, "x", "bad") for row in range(2, 500)]
    problems += [Problem("b.csv", 3, "y", "worse"), Problem("c.csv", None, None, "broken")]
    lines = format_problems(problems, limit=10)
    assert "b.csv, row 3, column y: worse" in lines and "c.csv: broken" in lines
    assert lines[-1] == "… and 490 more problems not listed"


def test_xlsx_sheets_are_read_with_real_dates(tmp_path: Path, empty: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "客户"
    sheet.append(["客户信息 2021-03-31"])
    sheet.append(["客户号", "性别", "出生日期", "开户日期", "风险等级"])
    sheet.append(["C001", "男", dt.date(1980, 1, 1), dt.datetime(2015, 3, 1), "稳健型"])
    sheet.append(["C002", "女", dt.date(1975, 12, 31), dt.datetime(1999, 11, 20), "C4"])
    other = book.create_sheet("说明")
    other.append(["本文件由系统导出"])
    folder = tmp_path / "export"
    folder.mkdir()
    book.save(folder / "导出.xlsx")
    with open_portfolio(empty, PASSWORD) as portfolio:
        done = import_mapped(portfolio, folder, "auto")
    assert done.report.tables["customers"].inserted == 2
    assert done.quality.files[0]["file"] == "导出.xlsx[客户]"
    with open_portfolio(empty, PASSWORD) as portfolio:
        assert portfolio.query("SELECT customer_id, opened_on, risk_rating, name FROM customers "
                               "ORDER BY 1") == [("C001", "2015-03-01", "C2", None),
                                                 ("C002", "1999-11-20", "C4", None)]


def test_fuzzed_exports_never_crash_and_change_nothing_on_rejection(tmp_path: Path, empty: Path) -> None:
    """The exchange importer's fuzzer (test_importer_hardening) on the raw, mapped path."""
    import random
    import shutil

    from tests.services.real_export import write_real_export
    from tests.services.test_importer_hardening import _mutations

    clean = write_real_export(tmp_path / "clean", customers=6)
    with open_portfolio(empty, PASSWORD) as portfolio:
        mapping = import_mapped(portfolio, clean, "auto", dry_run=True).mapping
    saved = save_mapping(mapping, str(tmp_path / "bank.json"))
    rng = random.Random(15)
    outcomes = {"accepted": 0, "rejected": 0, "unusable": 0}
    with open_portfolio(empty, PASSWORD) as portfolio:
        for case in range(60):
            folder = tmp_path / f"case{case}"
            shutil.copytree(clean, folder)
            victim = folder / rng.choice(sorted(p.name for p in folder.iterdir()))
            victim.write_bytes(_mutations(rng, victim.read_bytes()))
            before = _contents(empty)
            try:
                import_mapped(portfolio, folder, str(saved) if case % 2 else "auto", dry_run=True)
                outcomes["accepted"] += 1
            except ImportRejected as error:
                outcomes["rejected"] += 1
                assert all(p.file for p in error.problems)
                assert error.quality.files  # type: ignore[attr-defined]
            except (MappingError, MappingIncomplete):
                outcomes["unusable"] += 1
            assert _contents(empty) == before, case
            shutil.rmtree(folder)
    assert outcomes["rejected"] + outcomes["unusable"] > 20, outcomes
