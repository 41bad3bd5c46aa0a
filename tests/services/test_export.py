"""Follow-up list export: files read back (openpyxl, pandas), masking by default, the audit row
of every export, atomic writes (nothing partial on failure, a clear message where the folder
cannot be written), the named lists and the CLI contract. PDF text is checked in
tests/ui/test_pdf_text.py (Qt's PDF reader is the extractor at hand)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from relmgr.cli import main
from relmgr.domain.progress import Cancelled
from relmgr.services import export as ex
from relmgr.services.audit import list_audit
from relmgr.services.export import ExportMeta, ListUnavailable, WriteFailed, export_list, export_named_list
from relmgr.storage import open_portfolio
from tests.conftest import DEMO_AS_OF, DEMO_PASSWORD_FOR_TESTS

FRAME = pd.DataFrame({
    "rank": [1, 2, 3],
    "customer_id": ["C001", "C002", "C003"],
    "name": ["张小明", "欧阳娜娜", "李四"],
    "phone": ["13812345678", "15900001111", "18600002222"],
    "id_number": ["110105199001011234", "", "440301198512125678"],
    "priority": [82.5, 40.0, 12.25],
    "reasons": ["流失预警 50%（中）；联系逾期 20 天", "生日", "应于 2026-07-03 前联系"],
})
META = ExportMeta(branch="城东支行", rm="王经理", date=dt.date(2026, 6, 30))


def test_xlsx_has_a_bold_frozen_header_widths_and_masked_chinese(tmp_path: Path) -> None:
    result = export_list(FRAME, tmp_path / "today.xlsx", title="今日工作清单", meta=META)
    assert result.rows == 3 and result.masked and result.fmt == "xlsx"
    book = load_workbook(tmp_path / "today.xlsx")
    sheet = book.worksheets[0]
    assert sheet.title == "今日工作清单"
    assert sheet.freeze_panes == "A2"
    header = [c.value for c in sheet[1]]
    assert header == ["序号", "客户号", "姓名", "手机号", "证件号", "优先级", "原因"]
    assert all(c.font.bold for c in sheet[1])
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert len(rows) == 3
    assert rows[0][:5] == [1, "C001", "张*明", "138****5678", "110***********1234"]
    assert rows[1][2] == "欧**娜" and rows[1][4] == "—"      # no ID number: not provided
    assert rows[0][5] == 82.5                                  # numbers stay numbers
    assert rows[0][6] == "流失预警 50%（中）；联系逾期 20 天"
    assert sheet.column_dimensions["G"].width > sheet.column_dimensions["A"].width
    info = {r[0].value: r[1].value for r in book.worksheets[1].iter_rows(min_row=2)}
    assert info["网点"] == "城东支行" and info["客户经理"] == "王经理" and info["日期"] == "2026-06-30"
    assert info["敏感信息"] == "已脱敏"


def test_unmasked_only_when_asked(tmp_path: Path) -> None:
    export_list(FRAME, tmp_path / "full.xlsx", title="list", masked=False, language="en")
    sheet = load_workbook(tmp_path / "full.xlsx").worksheets[0]
    assert [c.value for c in sheet[1]][:3] == ["#", "Customer", "Name"]
    assert sheet["C2"].value == "张小明" and sheet["D2"].value == "13812345678"


def test_csv_is_utf8_with_bom_and_reads_back_with_pandas(tmp_path: Path) -> None:
    path = tmp_path / "today.csv"
    export_list(FRAME, path, title="今日工作清单", meta=META)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(back.columns) == ["序号", "客户号", "姓名", "手机号", "证件号", "优先级", "原因"]
    assert len(back) == 3
    assert list(back["姓名"]) == ["张*明", "欧**娜", "李*"]
    assert back["原因"][0] == "流失预警 50%（中）；联系逾期 20 天"


def test_pdf_is_written_with_pages(tmp_path: Path) -> None:
    path = tmp_path / "sheet.pdf"
    big = pd.concat([FRAME] * 20, ignore_index=True)
    export_list(big, path, title="今日工作清单", meta=META)
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?![s\w])", data)) == -(-60 // ex.rows_per_page()) > 1
    assert b"13812345678" not in data                          # the masked form only


def test_a_failed_export_leaves_nothing_and_keeps_the_old_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "today.xlsx"

    def broken(handle, **_: object) -> None:
        handle.write(b"PK\x03\x04 half a workbook")
        raise RuntimeError("disk full")

    monkeypatch.setattr(ex, "_write_xlsx", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        export_list(FRAME, target, title="t")
    assert list(tmp_path.iterdir()) == []                      # no target, no temp file
    target.write_bytes(b"yesterday's list")
    with pytest.raises(RuntimeError):
        export_list(FRAME, target, title="t")
    assert target.read_bytes() == b"yesterday's list"
    assert [p.name for p in tmp_path.iterdir()] == ["today.xlsx"]


def test_unwritable_places_give_a_clear_message(tmp_path: Path, monkeypatch) -> None:
    # Tests run as root, for whom chmod does not block writes; a missing folder, a file used as
    # a folder, and a PermissionError from the OS stand in for a folder the RM may not write.
    with pytest.raises(WriteFailed, match="no such folder"):
        export_list(FRAME, tmp_path / "missing" / "a.csv", title="t")
    (tmp_path / "plain").write_text("x")
    with pytest.raises(WriteFailed, match="a.csv"):
        export_list(FRAME, tmp_path / "plain" / "a.csv", title="t")

    def refuse(*_: object, **__: object):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("relmgr.services.files.tempfile.mkstemp", refuse)
    with pytest.raises(WriteFailed, match="no permission to write here"):
        export_list(FRAME, tmp_path / "a.csv", title="t")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plain"]


def test_format_comes_from_the_name_or_is_refused(tmp_path: Path) -> None:
    assert export_list(FRAME, tmp_path / "x.CSV", title="t").fmt == "csv"
    with pytest.raises(ValueError, match="cannot tell the format"):
        export_list(FRAME, tmp_path / "x.txt", title="t")
    with pytest.raises(ValueError, match="unknown format"):
        export_list(FRAME, tmp_path / "x.txt", fmt="docx", title="t")


# -- named lists, audited -----------------------------------------------------------------------
@pytest.fixture
def portfolio(writable_demo_portfolio: Path):
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as opened:
        yield opened


def test_every_export_is_audited_without_customer_data(portfolio, tmp_path: Path) -> None:
    masked = export_named_list(portfolio, list_name="today", path=tmp_path / "today.xlsx",
                               actor="rm-wang")
    full = export_named_list(portfolio, list_name="tasks", path=tmp_path / "tasks.csv",
                             unmasked=True, actor="rm-wang")
    audit = list_audit(portfolio, action="EXPORTED")
    assert len(audit) == 2
    newest, oldest = (json.loads(d) for d in audit["detail"])
    assert oldest == {"list": "today", "format": "xlsx", "rows": masked.rows, "masked": True,
                      "file": "today.xlsx"}
    assert newest == {"list": "tasks", "format": "csv", "rows": full.rows, "masked": False,
                      "file": "tasks.csv"}
    assert set(audit["actor"]) == {"rm-wang"} and list(audit["target"]) == ["tasks.csv", "today.xlsx"]
    names = [r[0] for r in portfolio.query("SELECT name FROM customers")]
    text = " ".join(audit.astype(str).to_numpy().ravel())
    assert not any(name in text for name in names) and str(tmp_path) not in text

    sheet = load_workbook(tmp_path / "today.xlsx").worksheets[0]
    assert sheet.max_row == masked.rows + 1 and masked.rows > 10
    assert all("*" in str(c.value) for c in sheet["C"][1:])   # every name masked
    back = pd.read_csv(tmp_path / "tasks.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert len(back) == full.rows and not back["姓名"].str.contains(r"\*").any()


def test_a_failed_named_export_writes_no_audit_row(portfolio, tmp_path: Path) -> None:
    with pytest.raises(WriteFailed):
        export_named_list(portfolio, list_name="today", path=tmp_path / "no" / "today.xlsx", actor="x")
    assert list_audit(portfolio, action="EXPORTED").empty


def test_a_cancelled_export_leaves_no_file_and_no_audit_row(portfolio, tmp_path: Path) -> None:
    calls = []

    def cancel_on_second_page() -> bool:
        calls.append(1)
        return len(calls) > 2

    frame = pd.concat([FRAME] * 20, ignore_index=True)
    steps = []
    with pytest.raises(Cancelled):
        ex.export_audited(portfolio, frame, tmp_path / "sheet.pdf", list_name="today", title="t",
                          actor="x", cancel=cancel_on_second_page,
                          progress=lambda f, step="": steps.append(step))
    assert "pages" in steps and len(calls) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["portfolio.rmdb"]  # no PDF, no temp file
    assert list_audit(portfolio).empty


def test_today_list_words_and_order(portfolio) -> None:
    frame = ex.named_list(portfolio, list_name="today", today=DEMO_AS_OF)
    assert list(frame.columns) == ["rank", "customer_id", "name", "phone", "tier", "priority",
                                   "reasons", "action"]
    assert list(frame["rank"]) == list(range(1, len(frame) + 1))
    assert set(frame["tier"]) <= {"私人银行", "财富", "贵宾", "大众"}
    assert frame["reasons"].str.len().gt(0).all()
    english = ex.named_list(portfolio, list_name="today", today=DEMO_AS_OF, language="en")
    assert english["action"].isin(["Retention call", "Complete the task", "Discuss the maturing funds",
                                   "Service call", "Complete the sale", "Birthday greeting"]).all()


def test_due_and_warnings_lists(portfolio) -> None:
    due = ex.named_list(portfolio, list_name="due", today=DEMO_AS_OF)
    assert len(due) > 0 and set(due["contact_status"]) <= {"逾期", "到期"}
    assert due["days_overdue"].astype(int).is_monotonic_decreasing
    with portfolio.transaction():
        portfolio.insert_rows(
            "churn_scores", ["customer_id", "run_id", "as_of", "probability", "band", "aum",
                             "value_at_risk", "reasons", "scored_at"],
            [("C0100001", 1, "2026-06-30", 0.8, "HIGH", 2e5, 1.6e5,
              json.dumps([{"code": "AUM_DROP_90D", "value": -0.62, "impact": 0.3}]), "2026-06-30T08:00:00"),
             ("C0100002", 1, "2026-06-30", 0.05, "LOW", 1e4, 500.0, "[]", "2026-06-30T08:00:00")])
    warnings = ex.named_list(portfolio, list_name="warnings", today=DEMO_AS_OF)
    assert list(warnings["customer_id"]) == ["C0100001"]
    assert warnings["reasons"].iloc[0] == "90 天内资产下降 62%" and warnings["band"].iloc[0] == "高"


def test_recommendations_list_names_products_and_masks_on_export(portfolio, tmp_path: Path) -> None:
    frame = ex.named_list(portfolio, list_name="recommendations", today=DEMO_AS_OF)
    assert list(frame.columns) == ["customer_id", "name", "phone", "rank", "product_id", "product",
                                   "score", "reason", "warning"]
    assert len(frame) > 0 and frame["product"].str.len().gt(0).all()
    result = export_named_list(portfolio, list_name="recommendations", path=tmp_path / "r.csv", actor="x")
    back = pd.read_csv(tmp_path / "r.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert len(back) == result.rows == len(frame) and back["手机号"].str.contains(r"\*{4}").all()


def test_lists_whose_data_is_missing_say_what_is_missing(portfolio, tmp_path: Path) -> None:
    with portfolio.transaction():
        portfolio.conn.execute("DROP TABLE churn_scores")
    with pytest.raises(ListUnavailable, match="churn_scores"):
        export_named_list(portfolio, list_name="warnings", path=tmp_path / "w.xlsx", actor="x")
    with pytest.raises(ValueError, match="unknown list"):
        ex.named_list(portfolio, list_name="vip", today=DEMO_AS_OF)
    assert not (tmp_path / "w.xlsx").exists() and list_audit(portfolio).empty


# -- CLI ----------------------------------------------------------------------------------------
def test_cli_today_and_export(writable_demo_portfolio: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("RELMGR_PASSWORD", DEMO_PASSWORD_FOR_TESTS)
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    assert main(["today", str(writable_demo_portfolio), "--json", "--limit", "3"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["as_of"] == "2026-06-30" and len(payload["plan"]) == 3
    assert all("*" in row["name"] for row in payload["plan"])

    out = tmp_path / "call-sheet.pdf"
    assert main(["export", str(writable_demo_portfolio), "--list", "tasks", "--format", "pdf",
                 "--out", str(out), "--branch", "城东支行", "--rm", "王经理"]) == 0
    assert out.read_bytes().startswith(b"%PDF") and "masked" in capsys.readouterr().out

    for bad in (["--list", "vip", "--out", str(tmp_path / "a.xlsx")],
                ["--list", "today", "--out", str(tmp_path / "a.txt")],
                ["--list", "today", "--format", "doc", "--out", str(tmp_path / "a.xlsx")],
                ["--list", "today", "--out", str(tmp_path / "nowhere" / "a.xlsx")]):
        assert main(["export", str(writable_demo_portfolio), *bad]) == 2
        err = capsys.readouterr().err.strip()
        assert err.startswith("relmgr: ") and "\n" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["call-sheet.pdf"]
