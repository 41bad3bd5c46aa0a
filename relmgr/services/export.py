"""Export follow-up lists to XLSX, CSV and PDF (issue 7), masked by default, every export audited.

Two levels:
- `export_list(frame, path, fmt=, title=, masked=, meta=)` writes any list frame to a file: no
  portfolio, no audit. Columns named `name`, `phone`, `id_number` are masked (relmgr/domain/pii)
  unless masked=False; other columns are written as they are, headed by their label in the
  export language (relmgr.services.wording.exports).
- `export_named_list(portfolio, list_name=, path=, fmt=, unmasked=, actor=)` builds one of the
  named lists (today | due | warnings | recommendations | tasks; `named_list` returns the frame
  for a preview) and `export_audited` writes any frame and records the export in the audit log
  (who, when, which list, rows, masked or not, file name). The GUI's ad-hoc lists (a tier, a
  stage, a filter) go through `export_audited` too.

Exported files are read outside the app, so every cell that holds a code in the database holds
its words here, in the export's language, from the same wording modules the window uses
(relmgr.services.wording): tiers, stages, reasons with their numbers, actions, bands.

Formats:
- XLSX (openpyxl, write-only for speed): bold header, column widths from the content, header
  row frozen (freeze_panes 'A2'), a second sheet with branch / RM / date / masking.
- CSV: UTF-8 with BOM so Excel and WPS open Chinese correctly; header row then data.
- PDF: a printable A4 landscape call sheet drawn with matplotlib's PDF backend (no Qt: services
  must stay headless) in a CJK font embedded as TrueType (pdf.fonttype 42, so the text can be
  searched and copied): title, branch, RM, date, masking note, a blank column for notes, and
  "page i of n" on every page.

Every file goes through services.files.write_atomically: a temp file in the target folder, then
a rename; a failed export leaves no partial file, and a folder that cannot be written gives a
WriteFailed naming it.

The audit row records the file name, not the full path: folder names on a shared branch PC
often carry people's names (user profiles, "张三的资料"), and the audit log must hold no
customer data. Detail: {"list", "format", "rows", "masked", "file"}.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import os
import time
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO

import pandas as pd

from relmgr.domain.codes import AuditAction, TaskStatus
from relmgr.domain.pii import NOT_PROVIDED, mask_id_number, mask_name, mask_phone, shown
from relmgr.domain.progress import CancelCheck, Progress, check_cancel, never, no_progress
from relmgr.domain.segments import ContactStatus
from relmgr.services import audit, pdf_fonts
from relmgr.services.contacts import list_tasks
from relmgr.services.files import WriteFailed, write_atomically
from relmgr.services.wording import checked, churn, customers, exports, recommendations, segments, worklist
from relmgr.services.wording.exports import column_label, document_word
from relmgr.services.segment_lists import (
    STAGE_LISTS,
    TIER_LISTS,
    is_segment_list,
    segment_list,
    segment_list_title,
)
from relmgr.services.target_lists import TARGET_PREFIX, target_list_rows, target_list_title
from relmgr.services.loan_reasons import LOAN_LISTS, prospect_list_rows, prospect_list_title
from relmgr.services.day_plan import load_day_plan
from relmgr.services.worklist import (
    WorklistRules,
    handled_by_action,
    read_contact_due,
    read_tiers,
    team_tier_rules,
    worklist_today,
)
from relmgr.storage import worklist_store as store
from relmgr.storage.portfolio import Portfolio
from relmgr.services.changes import Topic, writes

__all__ = ["ExportFormat", "ExportMeta", "ExportResult", "ListUnavailable", "LIST_NAMES",
           "WriteFailed", "export_list", "export_audited", "export_named_list", "named_list",
           "format_from_path", "resolve_format"]


class ExportFormat(StrEnum):
    XLSX = "xlsx"
    CSV = "csv"
    PDF = "pdf"


LIST_NAMES = ("today", "due", "warnings", "recommendations", "tasks", *TIER_LISTS, *STAGE_LISTS, *LOAN_LISTS)
PII_MASKERS: dict[str, Callable[[str], str]] = {
    "name": mask_name, "phone": mask_phone, "id_number": mask_id_number}


class ListUnavailable(ValueError):
    """The named list needs data this portfolio does not have yet (the message says which)."""


@dataclasses.dataclass(frozen=True)
class ExportMeta:
    """Printed on the call sheet and the XLSX info sheet. `date`: the list's day."""

    branch: str = ""
    rm: str = ""
    date: dt.date | None = None

    @classmethod
    def of(cls, value: ExportMeta | Mapping[str, Any] | None) -> ExportMeta:
        if value is None:
            return cls()
        if isinstance(value, ExportMeta):
            return value
        date = value.get("date")
        if isinstance(date, str) and date:
            date = dt.date.fromisoformat(date)
        return cls(branch=str(value.get("branch") or ""), rm=str(value.get("rm") or ""),
                   date=date or None)


@dataclasses.dataclass(frozen=True)
class ExportResult:
    path: Path
    fmt: str
    rows: int
    masked: bool
    list_name: str | None
    seconds: float


# -- writing ------------------------------------------------------------------------------------
def resolve_format(fmt: str | None, path: str | os.PathLike[str]) -> str:
    """The export format: `fmt` when given (xlsx / csv / pdf), else from the file name."""
    if not fmt:
        return format_from_path(path)
    try:
        return ExportFormat(str(fmt).lower()).value
    except ValueError:
        raise ValueError(f"unknown format {fmt!r}: choose xlsx, csv or pdf") from None


def format_from_path(path: str | os.PathLike[str]) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    try:
        return ExportFormat(suffix).value
    except ValueError:
        raise ValueError(f"{Path(path).name}: cannot tell the format from the file name; "
                         "use .xlsx, .csv or .pdf") from None


def _cell_text(value: Any) -> Any:
    """Numbers stay numbers; lists, tuples and dicts become readable text; missing is empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and math.isnan(value):
        return ""
    if isinstance(value, list | tuple):
        return "；".join(str(_cell_text(v)) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        return value.item()
    if value is pd.NA or value is pd.NaT:
        return ""
    return value


# OWASP "CSV injection": a text cell starting with one of these is evaluated by Excel, WPS and
# LibreOffice as a formula (`=cmd|' /C calc'!A0` runs a command). Tab and CR count because some
# spreadsheets strip them before looking at the first character.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value: Any) -> Any:
    """A text that a spreadsheet would evaluate, with a single quote in front (so it is shown
    as text); numbers, booleans and every other text are returned as they are. Applied after
    masking: a masked `=****0` is still a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _prepared(frame: pd.DataFrame, *, masked: bool, language: str) -> tuple[list[str], list[list[Any]]]:
    """Header labels and rows of plain Python values, PII masked when asked, every text that a
    spreadsheet would take for a formula neutralised."""
    columns = list(frame.columns)
    data = {}
    yes, no = document_word("yes", language=language), document_word("no", language=language)
    for column in columns:
        values = [_cell_text(v) for v in frame[column].tolist()]
        if column in PII_MASKERS:
            # A field the bank did not provide reads "—", masked or not (never a blank that
            # looks like a lost value).
            mask = PII_MASKERS[column] if masked else shown
            values = [mask(str(v)) if v != "" else NOT_PROVIDED for v in values]
        values = [yes if v is True else no if v is False else neutralised(v) for v in values]
        data[column] = values
    labels = [neutralised(column_label(c, language=language)) for c in columns]
    rows = [list(row) for row in zip(*(data[c] for c in columns), strict=True)] if columns else []
    return labels, rows


def _display_width(text: str) -> int:
    """Columns a text takes in a monospace sense: CJK and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _column_widths(labels: Sequence[str], rows: Sequence[Sequence[Any]], *, sample: int = 500,
                   lo: int = 6, hi: int = 60) -> list[int]:
    widths = [_display_width(str(label)) for label in labels]
    for row in rows[:sample]:
        for i, value in enumerate(row):
            widths[i] = max(widths[i], _display_width(str(value)))
    return [min(max(w + 2, lo), hi) for w in widths]


def _sheet_title(title: str) -> str:
    cleaned = "".join(ch for ch in title if ch not in '[]:*?/\\').strip() or "list"
    return cleaned[:31]


def _info_rows(meta: ExportMeta, *, masked: bool, rows: int, language: str) -> list[tuple[str, str]]:
    def word(key: str) -> str:
        return document_word(key, language=language)

    return [(word("branch"), neutralised(meta.branch)), (word("rm"), neutralised(meta.rm)),
            (word("date"), meta.date.isoformat() if meta.date else ""),
            (word("rows"), str(rows)),
            (word("masked"), word("masked_yes" if masked else "masked_no")),
            (word("exported"), dt.datetime.now().replace(microsecond=0).isoformat(sep=" "))]


_CHUNK_ROWS = 2_000


def _write_xlsx(handle: BinaryIO, *, title: str, labels: list[str], rows: list[list[Any]],
                meta: ExportMeta, masked: bool, language: str, progress: Progress = no_progress,
                cancel: CancelCheck = never) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_sheet_title(title))
    # Write-only sheets take layout before the first row: freeze the header, size the columns.
    sheet.freeze_panes = "A2"
    for i, width in enumerate(_column_widths(labels, rows), start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE6F0")
    header = []
    for label in labels:
        cell = WriteOnlyCell(sheet, value=label)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(vertical="center")
        header.append(cell)
    sheet.append(header)
    for i, row in enumerate(rows):
        if i % _CHUNK_ROWS == 0:
            check_cancel(cancel)
            progress(0.9 * i / max(len(rows), 1), "rows")
        sheet.append([_text_cell(sheet, v) if isinstance(v, str) else v for v in row])
    info = workbook.create_sheet(_sheet_title(document_word("info", language=language)))
    info.column_dimensions["A"].width, info.column_dimensions["B"].width = 16, 48
    info.append([_text_cell(info, neutralised(title))])
    for key, value in _info_rows(meta, masked=masked, rows=len(rows), language=language):
        info.append([_text_cell(info, key), _text_cell(info, value)])
    workbook.properties.title = title
    workbook.save(handle)


def _text_cell(sheet: Any, text: str) -> Any:
    """A cell that holds `text` as a string, whatever it starts with: openpyxl would otherwise
    store any text beginning with '=' as a formula (<f>)."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"
    return cell


def _write_csv(handle: BinaryIO, *, labels: list[str], rows: list[list[Any]]) -> None:
    # Rows arrive neutralised (_prepared); the title and meta are not part of a CSV.
    frame = pd.DataFrame(rows, columns=labels) if rows else pd.DataFrame(columns=labels)
    # utf-8-sig writes the BOM Excel and WPS need to read Chinese CSV as UTF-8.
    frame.to_csv(handle, index=False, encoding="utf-8-sig", lineterminator="\r\n")


# -- PDF call sheet -----------------------------------------------------------------------------
_PAGE_W, _PAGE_H = 11.69, 8.27         # A4 landscape, inches
_MARGIN = 0.45
_ROW_H = 0.25
_HEADER_H = 1.05                       # title and meta lines above the table
_FOOTER_H = 0.45
_BODY_PT, _HEAD_PT = 8.5, 9.0
_CHAR_PT = 0.52                        # width of one narrow character, in points per point of size


def _fit(text: str, capacity: float) -> str:
    if _display_width(text) <= capacity:
        return text
    out, used = [], 0
    for ch in text:
        w = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used + w > capacity - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def rows_per_page() -> int:
    return int((_PAGE_H - 2 * _MARGIN - _HEADER_H - _FOOTER_H) / _ROW_H) - 1


def _write_pdf(handle: BinaryIO, *, title: str, labels: list[str], rows: list[list[Any]],
               meta: ExportMeta, masked: bool, language: str, progress: Progress = no_progress,
               cancel: CancelCheck = never) -> None:
    import matplotlib
    from matplotlib.backends.backend_pdf import PdfPages

    with matplotlib.rc_context({"pdf.fonttype": 42, "pdf.compression": 6}):
        with PdfPages(handle, metadata={"Title": title, "Creator": "relmgr"}) as pdf:
            for figure in _sheet_pages(title=title, labels=labels, rows=rows, meta=meta, masked=masked,
                                       language=language, progress=progress, cancel=cancel):
                pdf.savefig(figure)


def _sheet_pages(*, title: str, labels: list[str], rows: list[list[Any]], meta: ExportMeta,
                 masked: bool, language: str, progress: Progress = no_progress,
                 cancel: CancelCheck = never) -> Iterator[Any]:
    """The list's pages as matplotlib figures (A4 landscape): what the PDF holds, and what the
    printer draws (print_named_list)."""
    from matplotlib.figure import Figure
    regular, bold = pdf_fonts.font(), pdf_fonts.font(bold=True)
    labels = labels + [column_label("notes_blank", language=language)]
    texts = [[str(v) for v in row] + [""] for row in rows]
    # Column shares from content (capped), with room left for the handwritten notes column.
    widths = [float(min(w, 40)) for w in _column_widths(labels, texts, lo=4, hi=40)]
    widths[-1] = max(widths[-1], 22.0)
    usable = _PAGE_W - 2 * _MARGIN
    scale = usable / sum(widths)
    col_w = [w * scale for w in widths]
    col_x = [_MARGIN + sum(col_w[:i]) for i in range(len(col_w))]
    capacity = [w * 72 / (_BODY_PT * _CHAR_PT) for w in col_w]
    per_page = rows_per_page()
    pages = max(1, math.ceil(len(texts) / per_page))
    field = document_word("field", language=language)
    info = "    ".join(field.format(key=k, value=v)
                       for k, v in _info_rows(meta, masked=masked, rows=len(rows), language=language)[:5])
    for page in range(pages):
        check_cancel(cancel)
        progress(page / pages, "pages")
        figure = Figure(figsize=(_PAGE_W, _PAGE_H))

        def at(x: float, y_from_top: float) -> tuple[float, float]:
            return x / _PAGE_W, 1 - y_from_top / _PAGE_H

        figure.text(*at(_MARGIN, _MARGIN + 0.25), title, fontproperties=bold, fontsize=15)
        figure.text(*at(_MARGIN, _MARGIN + 0.6), info, fontproperties=regular, fontsize=9)
        top = _MARGIN + _HEADER_H
        figure.add_artist(_rule(figure, top - 0.08))
        for x, label, cap in zip(col_x, labels, capacity, strict=True):
            figure.text(*at(x + 0.03, top + 0.1), _fit(label, cap), fontproperties=bold,
                        fontsize=_HEAD_PT)
        figure.add_artist(_rule(figure, top + _ROW_H - 0.02))
        chunk = texts[page * per_page:(page + 1) * per_page]
        for r, row in enumerate(chunk, start=1):
            y = top + r * _ROW_H + 0.1
            for x, value, cap in zip(col_x, row, capacity, strict=True):
                if value:
                    figure.text(*at(x + 0.03, y), _fit(value, cap), fontproperties=regular,
                                fontsize=_BODY_PT)
            figure.add_artist(_rule(figure, top + (r + 1) * _ROW_H - 0.02, light=True))
        footer_y = _PAGE_H - _MARGIN
        figure.text(*at(_MARGIN, footer_y), document_word("confidential", language=language),
                    fontproperties=regular, fontsize=8)
        figure.text(0.5, 1 - footer_y / _PAGE_H,
                    document_word("page", language=language).format(i=page + 1, n=pages),
                    fontproperties=regular, fontsize=9, ha="center")
        yield figure


def _rule(figure: Any, y_from_top: float, *, light: bool = False) -> Any:
    from matplotlib.lines import Line2D

    y = 1 - y_from_top / _PAGE_H
    return Line2D([_MARGIN / _PAGE_W, 1 - _MARGIN / _PAGE_W], [y, y], transform=figure.transFigure,
                  linewidth=0.3 if light else 0.8, color="#999999" if light else "#333333")


def export_list(frame: pd.DataFrame, path: str | os.PathLike[str], *, fmt: str | None = None,
                title: str, masked: bool = True,
                meta: ExportMeta | Mapping[str, Any] | None = None,
                language: str = "zh_CN", progress: Progress = no_progress,
                cancel: CancelCheck = never) -> ExportResult:
    """Write `frame` to `path` as XLSX, CSV or PDF (fmt None: from the file name's suffix).
    Masks name / phone / id_number columns unless masked=False. Raises WriteFailed (naming the
    file or folder) when the file cannot be written, Cancelled when `cancel` says so; nothing
    partial is ever left behind. A PDF of thousands of rows takes a while (about 20 pages a
    second): run it off the GUI thread with progress and cancel."""
    started = time.perf_counter()
    fmt = resolve_format(fmt, path)
    language = checked(language)
    meta = ExportMeta.of(meta)
    labels, rows = _prepared(frame, masked=masked, language=language)
    if fmt == ExportFormat.XLSX:
        def write(handle: BinaryIO) -> None:
            _write_xlsx(handle, title=title, labels=labels, rows=rows, meta=meta, masked=masked,
                        language=language, progress=progress, cancel=cancel)
    elif fmt == ExportFormat.CSV:
        def write(handle: BinaryIO) -> None:
            _write_csv(handle, labels=labels, rows=rows)
    else:
        pdf_fonts.cjk_families()  # fail before touching the target folder without the font

        def write(handle: BinaryIO) -> None:
            _write_pdf(handle, title=title, labels=labels, rows=rows, meta=meta, masked=masked,
                       language=language, progress=progress, cancel=cancel)
    check_cancel(cancel)
    written = write_atomically(path, write)
    progress(1.0, "done")
    return ExportResult(path=written, fmt=fmt, rows=len(rows), masked=masked, list_name=None,
                        seconds=round(time.perf_counter() - started, 3))


@writes(Topic.AUDIT)
def export_audited(portfolio: Portfolio, frame: pd.DataFrame, path: str | os.PathLike[str], *,
                   list_name: str, title: str, fmt: str | None = None, unmasked: bool = False,
                   actor: str | None = None, meta: ExportMeta | Mapping[str, Any] | None = None,
                   language: str = "zh_CN", progress: Progress = no_progress,
                   cancel: CancelCheck = never) -> ExportResult:
    """`export_list` plus its audit row, as one unit: the row is written in the transaction
    that encloses the file write, so a failed write records nothing, and a file whose audit row
    cannot be committed is removed again."""
    path = Path(path)
    fmt = resolve_format(fmt, path)
    existed = path.exists()
    written = False
    try:
        with portfolio.transaction():
            audit.record(portfolio, action=AuditAction.EXPORTED, target=path.name, actor=actor,
                         detail={"list": list_name, "format": fmt, "rows": len(frame),
                                 "masked": not unmasked, "file": path.name})
            result = export_list(frame, path, fmt=fmt, title=title, masked=not unmasked,
                                 meta=meta, language=language, progress=progress, cancel=cancel)
            written = True
    except BaseException:
        if written and not existed:
            path.unlink(missing_ok=True)
        raise
    return dataclasses.replace(result, list_name=list_name)


# -- the named lists ----------------------------------------------------------------------------
def _contact_fields(portfolio: Portfolio, frame: pd.DataFrame) -> pd.DataFrame:
    if not len(frame):
        return frame.assign(name=pd.Series(dtype="str"), phone=pd.Series(dtype="str"))
    names = store.read_customer_contact_fields(portfolio, frame["customer_id"].astype("str"))
    return frame.merge(names[["customer_id", "name", "phone"]], on="customer_id", how="left")


def _catalogue(portfolio: Portfolio) -> dict[str, dict[str, Any]]:
    """{product_id: {product_id, name_zh, name_en}}: the names the wording picks from."""
    return {str(p["product_id"]): p for p in store.read_product_names(portfolio).to_dict("records")}


def _today_list(portfolio: Portfolio, *, today: dt.date, language: str) -> pd.DataFrame:
    # The day's plan (a call sheet of one or two pages), not the whole worklist behind it.
    frame = load_day_plan(portfolio, today=today).plan
    names = {p: customers.product_name(row, language=language) for p, row in _catalogue(portfolio).items()}
    return pd.DataFrame({
        "rank": frame["rank"], "customer_id": frame["customer_id"], "name": frame["name"],
        "phone": frame["phone"], "tier": [segments.tier(t, language=language) for t in frame["tier"]],
        "priority": frame["priority"],
        "reasons": [worklist.reasons_text(details, language=language, product_names=names)
                    for details in frame["details"]],
        "action": [worklist.action_label(a, language=language) for a in frame["action"]],
    })


def _due_list(portfolio: Portfolio, *, today: dt.date, language: str) -> pd.DataFrame:
    rules = team_tier_rules(portfolio)
    tiers, _ = read_tiers(portfolio, tier_rules=rules)
    due = read_contact_due(portfolio, today=today, tiers=tiers,
                           customers=store.read_customer_dates(portfolio), tier_rules=rules)
    due = due[due["status"].isin([ContactStatus.OVERDUE.value, ContactStatus.DUE.value]).to_numpy()]
    due = due.sort_values(["days_overdue", "due_on", "customer_id"], ascending=[False, True, True])
    frame = _contact_fields(portfolio, due.reset_index(drop=True))
    return pd.DataFrame({
        "customer_id": frame["customer_id"], "name": frame["name"], "phone": frame["phone"],
        "tier": [segments.tier(t, language=language) for t in frame["tier"]],
        "last_contact_on": frame["last_contact_on"], "due_on": frame["due_on"],
        "days_overdue": frame["days_overdue"],
        "contact_status": [segments.contact_status(s, language=language) for s in frame["status"]],
    })


def _warnings_list(portfolio: Portfolio, *, today: dt.date, language: str) -> pd.DataFrame:
    columns = store.table_columns(portfolio, "churn_scores")
    needed = ["customer_id", "probability", "band", "value_at_risk", "reasons"]
    if not columns or any(c not in columns for c in needed):
        raise ListUnavailable(
            "the warnings list needs the churn_scores table (churn warnings, issue 5) with "
            f"{', '.join(needed)}; this portfolio has " + ("an older one" if columns else "none"))
    rules = WorklistRules()
    scores = store.read_columns(
        portfolio, "churn_scores", needed, "WHERE band IN ('HIGH', 'MEDIUM') OR probability >= ? "
        "ORDER BY value_at_risk DESC, customer_id", (rules.churn_min_probability,))
    handled = handled_by_action(scores, store.read_latest_churn_actions(portfolio), today=today)
    frame = _contact_fields(portfolio, scores.assign(handled=handled))
    return pd.DataFrame({
        "customer_id": frame["customer_id"], "name": frame["name"], "phone": frame["phone"],
        "probability": [round(float(p), 3) for p in frame["probability"]],
        "band": [churn.band(b, language=language) for b in frame["band"]],
        "value_at_risk": [round(float(v), 2) for v in frame["value_at_risk"]],
        "reasons": [churn.reasons_text(r, language=language, top=None) for r in frame["reasons"]],
        "handled": frame["handled"].astype(bool),
    })


def _recommendations_list(portfolio: Portfolio, *, today: dt.date, language: str) -> pd.DataFrame:
    # Imported here: the recommender is heavy and only this list needs it.
    from relmgr.services.recommendations import recommend_all

    if not store.table_columns(portfolio, "recommendation_outcomes"):
        raise ListUnavailable("the recommendations list needs the recommendation_outcomes table "
                              "(issue 6); open the portfolio with this relmgr to upgrade it")
    table = recommend_all(portfolio, top=3, today=today)
    rows = table[(table["kind"] == "PRODUCT").to_numpy()].reset_index(drop=True)
    products = _catalogue(portfolio)
    frame = _contact_fields(portfolio, rows)
    return pd.DataFrame({
        "customer_id": frame["customer_id"], "name": frame["name"], "phone": frame["phone"],
        "rank": frame["rank"], "product_id": frame["product_id"],
        "product": [recommendations.name_of(p, products, language=language) for p in frame["product_id"]],
        "score": [round(float(v), 3) for v in frame["score"]],
        "reason": [recommendations.reason_text(r if isinstance(r, dict) else None, products, language=language)
                   for r in frame["reason"]],
        "warning": [recommendations.warning(w, language=language) for w in frame["warning"]],
    })


def _tasks_list(portfolio: Portfolio, *, today: dt.date, language: str) -> pd.DataFrame:
    tasks = list_tasks(portfolio, today=today, status=TaskStatus.OPEN)
    frame = _contact_fields(portfolio, tasks.assign(customer_id=tasks["customer_id"].fillna("")))
    return pd.DataFrame({
        "task_id": frame["task_id"], "due_on": frame["due_on"], "overdue": frame["overdue"],
        "days_overdue": frame["days_overdue"], "customer_id": frame["customer_id"],
        "name": frame["name"].fillna(""), "phone": frame["phone"].fillna(""),
        "title": frame["title"], "note": frame["note"],
    })


_BUILDERS: dict[str, Callable[..., pd.DataFrame]] = {
    "today": _today_list, "due": _due_list, "warnings": _warnings_list,
    "recommendations": _recommendations_list, "tasks": _tasks_list,
}


def named_list(portfolio: Portfolio, *, list_name: str, today: dt.date,
               language: str = "zh_CN") -> pd.DataFrame:
    """The rows of a named list as they are exported (UNMASKED; export masks them). Raises
    ValueError for an unknown name and ListUnavailable when the portfolio lacks its data."""
    if is_segment_list(list_name):
        frame = segment_list(portfolio, list_name=list_name, today=today, language=checked(language))
        if frame is None:
            raise ListUnavailable("tiers and lifecycle stages have not been computed yet: "
                                  "refresh the segments first")
        return frame
    if list_name in LOAN_LISTS:
        return prospect_list_rows(portfolio, list_name=list_name, language=checked(language))
    if list_name.startswith(TARGET_PREFIX):
        try:
            return target_list_rows(portfolio, name=list_name[len(TARGET_PREFIX):], language=checked(language))
        except KeyError:
            raise ListUnavailable("no saved target list of that name (relmgr lists FILE shows them)") from None
    if list_name not in _BUILDERS:
        raise ValueError(f"unknown list {list_name!r}: choose {', '.join(LIST_NAMES)}, or target:NAME")
    return _BUILDERS[list_name](portfolio, today=today, language=checked(language))


def list_title(list_name: str, *, language: str) -> str:
    """The title an exported file carries for a named list."""
    if is_segment_list(list_name):
        return segment_list_title(list_name, language=language)
    if list_name in LOAN_LISTS:
        return prospect_list_title(list_name, language=language)
    if list_name.startswith(TARGET_PREFIX):
        return target_list_title(list_name[len(TARGET_PREFIX):], language=language)
    return exports.list_title(list_name, language=language)


@writes(Topic.AUDIT)
def export_named_list(portfolio: Portfolio, *, list_name: str, path: str | os.PathLike[str],
                      fmt: str | None = None, unmasked: bool = False, actor: str | None = None,
                      today: dt.date | None = None, branch: str | None = None,
                      rm: str | None = None, language: str = "zh_CN",
                      progress: Progress = no_progress, cancel: CancelCheck = never) -> ExportResult:
    """Build and export a named list, audited. `today` defaults to services.worklist's
    convention (a demo's data date, else the calendar date); branch and RM default to the
    portfolio's meta 'branch' / 'rm' (empty when not set)."""
    fmt = resolve_format(fmt, path)
    language = checked(language)
    day = today or worklist_today(portfolio)
    progress(0.0, "reading")
    frame = named_list(portfolio, list_name=list_name, today=day, language=language)
    check_cancel(cancel)
    meta = ExportMeta(branch=branch if branch is not None else portfolio.get_meta("branch", "") or "",
                      rm=rm if rm is not None else portfolio.get_meta("rm", "") or "", date=day)
    return export_audited(portfolio, frame, path, list_name=list_name,
                          title=list_title(list_name, language=language), fmt=fmt, unmasked=unmasked,
                          actor=actor, meta=meta, language=language,
                          progress=lambda f, step="": progress(0.2 + 0.8 * f, step), cancel=cancel)


PRINT_DPI = 200       # sharp on paper, without a page image of hundreds of megabytes


@dataclasses.dataclass(frozen=True)
class PageImage:
    """One page of a call sheet drawn for the printer: `width` x `height` pixels, RGBA bytes."""

    width: int
    height: int
    rgba: bytes


@writes(Topic.AUDIT)
def print_named_list(portfolio: Portfolio, *, list_name: str, today: dt.date | None = None,
                     branch: str | None = None, rm: str | None = None, language: str = "zh_CN",
                     actor: str | None = None) -> list[PageImage]:
    """A named list's call sheet, masked, as page images for the printer (Print… on Today): the
    same pages as its PDF, drawn in memory at PRINT_DPI (no PDF renderer needed: the bundle
    leaves QtPdf out), never on disk. Audited as PRINTED when the sheet is made, since it then
    leaves the app for the printer."""
    language = checked(language)
    day = today or worklist_today(portfolio)
    frame = named_list(portfolio, list_name=list_name, today=day, language=language)
    meta = ExportMeta(branch=branch if branch is not None else portfolio.get_meta("branch", "") or "",
                      rm=rm if rm is not None else portfolio.get_meta("rm", "") or "", date=day)
    labels, rows = _prepared(frame, masked=True, language=language)
    pdf_fonts.cjk_families()
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    pages = []
    for figure in _sheet_pages(title=list_title(list_name, language=language), labels=labels, rows=rows,
                               meta=meta, masked=True, language=language):
        figure.set_dpi(PRINT_DPI)
        canvas = FigureCanvasAgg(figure)
        canvas.draw()
        width, height = canvas.get_width_height()
        pages.append(PageImage(width=width, height=height, rgba=bytes(canvas.buffer_rgba())))
    audit.record(portfolio, action=AuditAction.PRINTED, target=list_name, actor=actor,
                 detail={"list": list_name, "rows": len(frame), "masked": True})
    return pages
