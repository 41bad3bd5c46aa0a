"""Exports never carry a formula (issue 13): injection payloads put into every text a list can
show (customer names, product names, notes, tags, task titles) come out of every list, in every
format, masked or not, as text that no spreadsheet evaluates."""

from __future__ import annotations

import csv
import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from relmgr.services import export as ex
from relmgr.services.segments import refresh_segments
from relmgr.services.export import LIST_NAMES, export_list
from relmgr.storage import open_portfolio
from tests.conftest import DEMO_AS_OF, DEMO_PASSWORD_FOR_TESTS

PAYLOADS = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _unsafe_texts(texts: list[str]) -> list[str]:
    return [t for t in texts if t.startswith(DANGEROUS) and not _is_number(t)]


def _xlsx_problems(path: Path) -> list[str]:
    """Read the sheets' XML itself: any <f> element is a formula; any inline or shared string
    starting with a formula character would be evaluated when retyped or re-saved as CSV."""
    problems = []
    with zipfile.ZipFile(path) as book:
        for name in book.namelist():
            if not name.endswith(".xml"):
                continue
            xml = book.read(name).decode("utf-8")
            if re.search(r"<f[ >]", xml):
                problems.append(f"{name}: formula element")
            texts = re.findall(r"<t(?: [^>]*)?>(.*?)</t>", xml, flags=re.S)
            unescaped = [t.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                         .replace("&#13;", "\r").replace("&#9;", "\t").replace("_x000D_", "\r")
                         for t in texts]
            problems += [f"{name}: {t!r}" for t in _unsafe_texts(unescaped)]
    return problems


def _csv_problems(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    return [repr(t) for t in _unsafe_texts(cells)]


@pytest.fixture(scope="module")
def poisoned_portfolio(demo_portfolio_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("poison") / "poisoned.rmdb"
    path.write_bytes(demo_portfolio_file.read_bytes())
    with open_portfolio(path, DEMO_PASSWORD_FOR_TESTS) as portfolio, portfolio.transaction() as conn:
        def spread(table: str, key: str, columns: list[str]) -> None:
            keys = [r[0] for r in conn.execute(f"SELECT {key} FROM {table} ORDER BY {key}")]
            for i, k in enumerate(keys):
                payload = PAYLOADS[i % len(PAYLOADS)]
                sets = ", ".join(f"{c} = ?" for c in columns)
                conn.execute(f"UPDATE {table} SET {sets} WHERE {key} = ?", (*[payload] * len(columns), k))

        spread("customers", "customer_id", ["name", "tags"])
        spread("products", "product_id", ["name_zh", "name_en"])
        spread("interactions", "interaction_id", ["note"])
        spread("tasks", "task_id", ["title", "note"])
        conn.execute("UPDATE tasks SET status = 'OPEN'")
    with open_portfolio(path, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        refresh_segments(portfolio)  # the tier and stage lists
    return path


def test_neutralised_quotes_formula_starts_only() -> None:
    assert [ex.neutralised(p) for p in PAYLOADS] == ["'" + p for p in PAYLOADS]
    assert ex.neutralised("张三") == "张三" and ex.neutralised("a=b") == "a=b"
    assert ex.neutralised(-3) == -3 and ex.neutralised(-2.5) == -2.5 and ex.neutralised(True) is True


def test_negative_numbers_stay_numbers(tmp_path: Path) -> None:
    frame = pd.DataFrame({"name": ["=1+1"], "days_overdue": [-4], "priority": [-2.5]})
    export_list(frame, tmp_path / "n.xlsx", title="t", masked=False)
    from openpyxl import load_workbook

    row = [c.value for c in load_workbook(tmp_path / "n.xlsx").worksheets[0][2]]
    assert row == ["'=1+1", -4, -2.5]
    export_list(frame, tmp_path / "n.csv", title="t", masked=False)
    assert "'=1+1,-4,-2.5" in (tmp_path / "n.csv").read_text(encoding="utf-8-sig")


def test_meta_and_title_are_neutralised_too(tmp_path: Path) -> None:
    frame = pd.DataFrame({"note": ["ok"]})
    export_list(frame, tmp_path / "m.xlsx", title="=HYPERLINK(\"x\")",
                meta={"branch": "@evil", "rm": "+rm"}, masked=False)
    assert _xlsx_problems(tmp_path / "m.xlsx") == []


def test_every_list_in_every_format_is_free_of_formulas(poisoned_portfolio: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    pdf_rows: list[list] = []
    real_pdf = ex._write_pdf

    def recording_pdf(handle, *, rows, **kwargs):  # noqa: ANN001, ANN003
        pdf_rows.extend(rows)
        real_pdf(handle, rows=rows[:5], **kwargs)  # the drawing is the same for every row

    monkeypatch.setattr(ex, "_write_pdf", recording_pdf)
    seen_payload = 0
    exported = []
    with open_portfolio(poisoned_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        for list_name in LIST_NAMES:
            # Built once per list (the recommendations list takes seconds), written six ways.
            frame = ex.named_list(portfolio, list_name=list_name, today=DEMO_AS_OF)
            for unmasked in (False, True):
                for fmt in ("xlsx", "csv", "pdf"):
                    path = tmp_path / f"{list_name}-{int(unmasked)}.{fmt}"
                    export_list(frame, path, title=ex.list_title(list_name, language="zh_CN"),
                                masked=not unmasked)
                    exported.append(path.name)
                    if fmt == "xlsx":
                        assert _xlsx_problems(path) == [], path.name
                        with zipfile.ZipFile(path) as book:
                            seen_payload += sum(book.read(n).decode().count("&apos;=")
                                                + book.read(n).decode().count("'=")
                                                for n in book.namelist() if n.endswith(".xml"))
                    elif fmt == "csv":
                        assert _csv_problems(path) == [], path.name
                        seen_payload += path.read_text(encoding="utf-8-sig").count("'=")
    pdf_texts = [v for row in pdf_rows for v in row if isinstance(v, str)]
    assert _unsafe_texts(pdf_texts) == []
    assert any(t.startswith("'") for t in pdf_texts)
    # All 14 lists exported in 3 formats, masked and not; the payloads reached the files.
    assert len(exported) == len(LIST_NAMES) * 6
    assert seen_payload > 0
