"""The monthly portfolio review report (月度客户经营报告, issue 18): the dashboard figures and
charts, KPIs against targets with their definitions, the top churn warnings and what was done,
tier movements, campaign results and the unusual activity checked, for the month's review with
the branch manager; as a PDF (A4, charts) or the same figures as an XLSX workbook.

The figures are services.dashboard's, computed once (content.load_report) and shared with the
Home page and `relmgr dashboard` / `relmgr kpis`. Names are masked before anything is laid out.
The branch and RM printed on every page come from Settings (branch_name / rm_name) when it has
them, else the portfolio's meta 'branch' / 'rm' (as the list exports), else stay blank.
`export_report` writes the file atomically and records the export in the audit log in the same
transaction, as services.export does for lists.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import time
from pathlib import Path
from typing import Any

from relmgr.domain.codes import AuditAction
from relmgr.domain.progress import CancelCheck, Progress, check_cancel, never, no_progress
from relmgr.services import audit
from relmgr.services.changes import Topic, writes
from relmgr.services.files import write_atomically
from relmgr.services.report.content import ReportData, load_report
from relmgr.services.wording import checked
from relmgr.storage.portfolio import Portfolio

__all__ = ["REPORT_FORMATS", "ReportData", "ReportResult", "branch_and_rm", "export_report",
           "load_report", "report_format"]

REPORT_FORMATS = ("pdf", "xlsx")
REPORT_LIST = "monthly-report"   # the audit row's "list": what was exported


@dataclasses.dataclass(frozen=True)
class ReportResult:
    path: Path
    fmt: str
    month: str
    parts: int        # pages of the PDF, sheets of the workbook
    seconds: float


def report_format(fmt: str | None, path: str | os.PathLike[str]) -> str:
    """'pdf' or 'xlsx': `fmt` when given, else from the file name; ValueError otherwise."""
    chosen = (fmt or Path(path).suffix.lstrip(".")).lower()
    if chosen not in REPORT_FORMATS:
        raise ValueError(f"{Path(path).name}: the report is written as .pdf or .xlsx")
    return chosen


def branch_and_rm(portfolio: Portfolio, settings: Any = None) -> tuple[str, str]:
    """The branch and RM names printed on the report (see the module docstring)."""
    branch = str(getattr(settings, "branch_name", "") or "") or str(portfolio.get_meta("branch", "") or "")
    rm = str(getattr(settings, "rm_name", "") or "") or str(portfolio.get_meta("rm", "") or "")
    return branch, rm


def render_report(handle: Any, data: ReportData, *, fmt: str, language: str,
                  progress: Progress = no_progress, cancel: CancelCheck = never) -> int:
    """Write `data` to an open binary file; returns its pages (PDF) or sheets (XLSX)."""
    if fmt == "pdf":
        from relmgr.services.report.pdf import write_pdf

        return write_pdf(handle, data, language=language, progress=progress, cancel=cancel)
    from relmgr.services.report.xlsx import write_xlsx

    return write_xlsx(handle, data, language=language, progress=progress, cancel=cancel)


@writes(Topic.AUDIT)
def export_report(portfolio: Portfolio, *, path: str | os.PathLike[str], fmt: str | None = None,
                  month: str | None = None, language: str = "zh_CN", settings: Any = None,
                  branch: str | None = None, rm: str | None = None, actor: str | None = None,
                  today: dt.date | None = None, progress: Progress = no_progress,
                  cancel: CancelCheck = never) -> ReportResult:
    """Build the report of `month` (default: the data date's) and write it to `path`, audited.
    Raises ValueError (no data date, a month after it, a bad name), WriteFailed (the folder),
    Cancelled; a failed or cancelled report leaves no file and no audit row."""
    started = time.perf_counter()
    path = Path(path)
    fmt = report_format(fmt, path)
    language = checked(language)
    if fmt == "pdf":
        from relmgr.services.pdf_fonts import cjk_families

        cjk_families()   # no Chinese font: say so before reading anything
    progress(0.0, "reading")
    default_branch, default_rm = branch_and_rm(portfolio, settings)
    data = load_report(portfolio, month=month, today=today,
                       branch=default_branch if branch is None else branch,
                       rm=default_rm if rm is None else rm)
    check_cancel(cancel)
    progress(0.2, "laying out")
    parts: list[int] = []
    existed = path.exists()
    written = False
    try:
        with portfolio.transaction():
            audit.record(portfolio, action=AuditAction.EXPORTED, target=path.name, actor=actor,
                         detail={"list": REPORT_LIST, "month": data.month, "format": fmt,
                                 "language": language, "masked": True, "file": path.name})
            write_atomically(path, lambda handle: parts.append(render_report(
                handle, data, fmt=fmt, language=language, progress=progress, cancel=cancel)))
            written = True
    except BaseException:
        if written and not existed:
            path.unlink(missing_ok=True)
        raise
    progress(1.0, "done")
    return ReportResult(path=path, fmt=fmt, month=data.month, parts=parts[0],
                        seconds=round(time.perf_counter() - started, 3))
