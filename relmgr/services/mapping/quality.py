"""The data-quality report of a mapped import, built before anything is written.

Per file: rows read, accepted and rejected, values cleaned, codes translated, empty cells per
field, fields not provided, and per column and kind of problem a count with the first three
examples (row and column named). Problem reasons never hold a personal-data value (the
validator names the row instead), and customer and account numbers are masked.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from relmgr.services.importer.checks import Collector
from relmgr.services.mapping.convert import FileStats
from relmgr.services.wording import ENGLISH
from relmgr.services.wording.imports import quality_lines

EXAMPLES_SHOWN = 3
# Customer numbers and account numbers identify a customer at the bank: in the report (printed
# and saved) they are masked like a phone number, keeping what finds the row in the export.
_MASKED_COLUMNS = ("customer_id", "holding_id")
_QUOTED = re.compile(r"'([^']*)'")


def _mask_keys(column: str | None, reason: str) -> str:
    if column is None or not any(name in column for name in _MASKED_COLUMNS):
        return reason
    return _QUOTED.sub(lambda m: "'" + _masked(m.group(1)) + "'", reason)


def _masked(value: str) -> str:
    keep = min(3, len(value) // 3)
    return value[:keep] + "*" * (len(value) - keep)
_DUPLICATE = ("duplicate ", "the same ID number as row")
_FUTURE = ("after the data date", "is in the future")


@dataclass
class QualityReport:
    files: list[dict[str, Any]] = field(default_factory=list)
    data_date: str | None = None
    outcome: str = "not checked"          # rejected | dry run | imported
    duplicates: int = 0
    after_data_date: int = 0
    currency: dict[str, Any] | None = None   # {"from": "USD", "to": "CNY", "rate": 7.1}

    def as_json(self) -> dict[str, Any]:
        return {"data_date": self.data_date, "outcome": self.outcome, "duplicates": self.duplicates,
                "after_data_date": self.after_data_date, "currency": self.currency, "files": self.files}

    def lines(self, language: str = ENGLISH) -> list[str]:
        """A few lines per file, in `language`, for the terminal and the wizard."""
        return quality_lines(self.as_json(), language=language)


def build_report(stats: list[FileStats], out: Collector, data_date: dt.date | None,
                 outcome: str, *, currency: dict[str, Any] | None = None) -> QualityReport:
    report = QualityReport(data_date=data_date.isoformat() if data_date else None, outcome=outcome,
                           currency=currency)
    tally = out.tally()
    by_file: dict[str, list] = {}
    for file, column, kind, count, rows, reasons in tally:
        by_file.setdefault(file, []).append({
            "column": column, "kind": kind, "rows": count,
            "examples": [{"row": r, "column": column, "reason": _mask_keys(column, why)}
                         for r, why in zip(rows or [None] * len(reasons), reasons, strict=False)][:EXAMPLES_SHOWN]})
        if any(mark in kind for mark in _DUPLICATE):
            report.duplicates += count
        if any(mark in kind for mark in _FUTURE):
            report.after_data_date += count
    for s in stats:
        rejected = out.rejected_rows(s.file)
        report.files.append({
            "file": s.file, "table": s.table, "dialect": s.dialect.describe(),
            "reading": asdict(s.dialect), "rows_read": s.rows_read,
            "rows_accepted": s.rows_read - rejected, "rows_rejected": rejected,
            "values_cleaned": s.cleaned, "codes_translated": s.translated,
            "amounts_converted": s.converted,
            "missing_values": s.missing, "not_provided": s.not_provided,
            "problems": by_file.pop(s.file, [])})
    for file, problems in by_file.items():   # files that could not be read or mapped
        report.files.append({"file": file, "table": None, "dialect": "", "rows_read": 0,
                             "rows_accepted": 0, "rows_rejected": 0, "values_cleaned": {},
                             "codes_translated": {}, "missing_values": {}, "not_provided": [],
                             "problems": problems})
    return report
