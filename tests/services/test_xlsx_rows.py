"""The fast XLSX sheet reader (expat) gives the values openpyxl's read-only reader gives, on
workbooks written both ways openpyxl writes them (shared strings; streaming, with inline
strings and no recorded dimensions), and read_workbook reads both (issue 14)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from relmgr.services.mapping.sniff import read_workbook
from relmgr.services.mapping.xlsx_rows import rows_of, sheet_values

ROWS = [
    ["客户号", "开户日期", "余额", "时间", "有效", "备注"],
    ["C001", dt.date(2021, 3, 1), 1234.5, dt.datetime(2021, 3, 1, 9, 30), True, "代发 工资"],
    ["C002", dt.date(1999, 12, 31), 7, None, False, None],
    [None, None, None, None, None, None],
    ["C003", dt.date(2000, 2, 29), -0.25, dt.datetime(2020, 1, 2), None, "=not a formula"],
]


def _write(path: Path, *, streaming: bool) -> Path:
    book = Workbook(write_only=streaming)
    sheet = book.create_sheet("客户") if streaming else book.active
    if not streaming:
        sheet.title = "客户"
    for row in ROWS:
        sheet.append(row)
    other = book.create_sheet("空")
    if not streaming:
        other["C5"] = 3                       # a sheet with a gap above and beside its one cell
    else:
        other.append([None, None, 3])
    book.save(path)
    return path


@pytest.mark.parametrize("streaming", [False, True])
def test_the_fast_reader_gives_openpyxls_values(tmp_path: Path, streaming: bool) -> None:
    path = _write(tmp_path / "book.xlsx", streaming=streaming)
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        for sheet in book.worksheets:
            fast = sheet_values(book, sheet)
            slow = [list(row) for row in sheet.iter_rows(values_only=True)]
            # openpyxl pads rows to the recorded dimensions, and leaves them ragged without
            # (a streamed workbook); the fast reader pads every row to the widest.
            width = len(fast[0]) if fast else 0
            assert fast == [(r + [None] * width)[:width] for r in slow], sheet.title
            assert all(len(r) == width for r in fast)
            assert rows_of(book, sheet) == fast
    finally:
        book.close()
    raws = {r.name: r for r in read_workbook(path)}
    customers = raws["book.xlsx[客户]"]
    assert customers.header == ROWS[0]
    assert customers.rows[0] == ["C001", "2021-03-01", "1234.5", "2021-03-01T09:30:00", "True", "代发 工资"]
    assert customers.line_numbers == [2, 3, 5]          # the empty row 4 skipped, numbering kept

