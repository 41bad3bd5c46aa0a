"""The data-quality report of a mapped import in both languages (issue 14): the frame, how each
file is written, and the validator's reasons said in Chinese with their values; the JSON and the
English lines stay as they were."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from relmgr.services.importer import ImportRejected
from relmgr.services.importer.checks import Collector, check_table
from relmgr.services.importer.reading import RawTable
from relmgr.services.importer.spec import BY_TABLE
from relmgr.services.mapping import import_mapped, save_mapping
from relmgr.services.mapping.run import resolve_mapping
from relmgr.services.wording import CHINESE, ENGLISH
from relmgr.services.wording.imports import _REASONS, quality_lines, reading, reason
from relmgr.storage import create_portfolio, open_portfolio
from tests.services.real_export import write_real_export

PASSWORD = "quality-words-pw"


@pytest.fixture
def rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A real-shaped export (GB18030, ';') with a bad date and an unknown customer."""
    monkeypatch.setenv("RELMGR_HOME", str(tmp_path / "home"))
    portfolio_path = tmp_path / "p.rmdb"
    create_portfolio(portfolio_path, PASSWORD).close()
    folder = write_real_export(tmp_path / "export")
    # The mapping suggested for the clean export, used on a broken one (as next month's file).
    mapping = save_mapping(resolve_mapping(folder, "auto")[0], str(tmp_path / "bank.json"))
    accounts = folder / "账户信息.csv"
    lines = accounts.read_bytes().decode("gb18030").splitlines()
    cells = lines[2].split(";")
    cells[3] = '"not-a-date"'          # 开户日期
    lines[2] = ";".join(cells)
    accounts.write_bytes(("\r\n".join(lines) + "\r\n").encode("gb18030"))
    with open_portfolio(portfolio_path, PASSWORD) as portfolio, pytest.raises(ImportRejected) as caught:
        import_mapped(portfolio, folder, str(mapping))
    return caught.value.quality  # type: ignore[attr-defined]


def test_the_report_reads_in_chinese_with_its_numbers(rejected) -> None:
    english = "\n".join(rejected.lines(language=ENGLISH))
    chinese = "\n".join(rejected.lines(language=CHINESE))
    assert english.startswith("data-quality report (data date")
    assert "encoding gb18030, separator ';'" in english and "rows read" in english
    assert chinese.startswith("数据质量报告（数据日期")
    assert "编码 gb18030，分隔符 ';'" in chinese and "表头在第 1 行" in chinese
    assert "账户信息.csv -> 持有账户：读取 " in chinese
    assert "列 opened_on" in chinese and "第 3 行：" in chinese
    assert "'not-a-date' 不是 YYMMDD 格式的日期" in chinese
    # Nothing of the English frame is left in the Chinese report.
    for english_word in ("rows read", "accepted", "rejected", "values cleaned", "column ", "row ",
                         "is not", "encoding "):
        assert english_word not in chinese, english_word
    # The saved JSON keeps the validator's English reason (the rejected-rows CSV does too).
    problems = {p["column"]: p for f in rejected.as_json()["files"] for p in f["problems"]}
    assert problems["opened_on"]["examples"][0]["reason"] == "'not-a-date' is not a date in the format YYMMDD"


def test_the_validators_reasons_have_chinese_words() -> None:
    """Real reasons from the validator, kinds (values as '…', counts as N) included."""
    spec = BY_TABLE["customers"]
    frame = pd.DataFrame({c: [""] * 3 for c in spec.column_names})
    frame["customer_id"] = ["C1", "C1", "C2"]
    frame["gender"] = ["M", "Q", "F"]
    frame["birth_date"] = ["1980-02-30", "1980-01-01", "x"]
    out = Collector()
    check_table(RawTable(spec, "customers.csv", frame), out)
    tally = out.tally()
    assert len(tally) >= 4
    for _file, _column, kind, _count, _rows, reasons in tally:
        for text in (kind, *reasons):
            said = reason(text, language=CHINESE)
            assert said != text and not any(w in said for w in ("is not", "required", "duplicate")), text
            assert reason(text, language=ENGLISH) == text
    assert reason("'C1' is not in customers.csv nor in the portfolio", language=CHINESE) == \
        "'C1' 既不在 customers.csv 中，也不在组合中"
    assert reason("something new", language=CHINESE) == "something new"      # shown as it is
    assert all(chinese and english for english, chinese in _REASONS)


def test_reading_words_and_an_empty_report() -> None:
    tab = {"encoding": "utf-8", "separator": "\t", "quote": "'", "header_row": 3, "line_ending": "\r\n"}
    assert reading(tab, language=ENGLISH) == ("encoding utf-8, separator tab, quote ', header on line 3, "
                                               "line endings CRLF")
    assert reading(tab, language=CHINESE) == "编码 utf-8，分隔符 制表符，引号 '，表头在第 3 行，换行符 CRLF"
    assert reading({"encoding": "xlsx", "header_row": 2}, language=CHINESE) == "XLSX 工作表，表头在第 2 行"
    assert quality_lines({}, language=CHINESE) == ["数据质量报告（数据日期 未知）：重复 0 条，晚于数据日期的记录 0 条"]
