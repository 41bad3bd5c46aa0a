"""A real-shaped export whose customer file needs the RM's reading overrides (issue 14): quoted
with ' instead of ", and a title line as wide as the data above the header, so relmgr detects
the quote and the header row wrongly. Shared by the mapping and wizard tests."""

from __future__ import annotations

import csv
import io
from pathlib import Path

CUSTOMERS = "客户信息.csv"


def quote_with_apostrophes_under_a_title(folder: Path) -> Path:
    """Rewrite `folder`/客户信息.csv (as tests/services/real_export.py writes it): ' quotes and
    a title line of the export's width above the header (so the header is on line 2)."""
    path = folder / CUSTOMERS
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("gb18030"), newline=""), delimiter=";"))
    title = ["客户信息导出", "分行", "2021-03-31", "第1页"] + ["-"] * (len(rows[0]) - 4)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", quotechar="'", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(title)
    writer.writerows(rows)
    path.write_bytes(out.getvalue().encode("gb18030"))
    return path
