"""The report's figures as an XLSX workbook (openpyxl), one sheet per section, numbers as numbers
(money in full yuan, ratios as fractions formatted as percentages) so the branch can recompute
them; every text cell goes through services.export's formula neutralising, as every export does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, BinaryIO

from relmgr.domain.progress import CancelCheck, Progress, check_cancel, never, no_progress
from relmgr.services.dashboard.figures import untiered_customers
from relmgr.services.export import _sheet_title, _text_cell, neutralised
from relmgr.services.report.content import ReportData
from relmgr.services.wording import say
from relmgr.services.wording.alerts import DISCLAIMER, reason, signal_name
from relmgr.services.wording.campaigns import verdict
from relmgr.services.wording.churn import band, reason_sentence
from relmgr.services.wording.dashboard import DEFINITIONS, FIGURES, KPI_DEFINITIONS, KPI_TITLES, UNAVAILABLE
from relmgr.services.wording.report import ordered_stages, stage_word, warning_done, word
from relmgr.services.wording.segments import tier

_PERCENT = "0.0%"
_MONEY = "#,##0.00"
_RATIO_KPIS = ("aum_growth", "retention_at_risk", "contact_coverage", "conversion")


class _Book:
    def __init__(self, language: str) -> None:
        from openpyxl import Workbook

        self.language = language
        self.workbook = Workbook(write_only=True)

    def sheet(self, key: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], *,
              formats: dict[int, str] | None = None, note: str | None = None) -> None:
        """A sheet titled by the word `key`: an optional note line, the header, the rows."""
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font, PatternFill
        from openpyxl.utils import get_column_letter

        sheet = self.workbook.create_sheet(_sheet_title(word(key, language=self.language)))
        sheet.freeze_panes = "A3" if note else "A2"
        widths = [max(len(str(c)) * 2, 10) for c in columns]
        for row in rows[:200]:
            for i, value in enumerate(row):
                widths[i] = max(widths[i], min(len(str(value)) * (2 if isinstance(value, str) else 1) + 2, 60))
        for i, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(i)].width = width
        if note:
            sheet.append([_text_cell(sheet, neutralised(note))])
        bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE6F0")
        header = []
        for column in columns:
            cell = _text_cell(sheet, neutralised(str(column)))
            cell.font, cell.fill = bold, fill
            header.append(cell)
        sheet.append(header)
        for row in rows:
            cells = []
            for i, value in enumerate(row):
                if isinstance(value, str):
                    cells.append(_text_cell(sheet, neutralised(value)))
                elif formats and i in formats and value is not None:
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.number_format = formats[i]
                    cells.append(cell)
                else:
                    cells.append(value)
            sheet.append(cells)


def _figure_rows(data: ReportData, language: str) -> list[list[Any]]:
    """(figure, item, value, definition): every dashboard figure flattened to numbers."""
    dash, say_ = data.dashboard, (lambda pair: say(pair, language))
    rows: list[list[Any]] = []

    def add(code: str, item: str, value: Any) -> None:
        first = not rows or rows[-1][0] != say_(FIGURES[code])
        rows.append([say_(FIGURES[code]), item, value, say_(DEFINITIONS[code]) if first else ""])

    f = dash.figures
    for code in FIGURES:
        if code in dash.unavailable:
            add(code, say_(UNAVAILABLE[dash.unavailable[code]]), None)
        elif code == "total_aum":
            add(code, word("aum", language=language), f[code])
        elif code in ("aum_mom", "aum_yoy"):
            add(code, word("value", language=language), None if f[code] is None else f[code]["amount"])
            add(code, "%", None if f[code] is None else f[code]["ratio"])
        elif code == "net_inflow":
            for month in f[code]:
                add(code, month["month"], month["net"])
        elif code == "tiers":
            for row in f[code]:
                add(code, f"{tier(row['tier'], language=language)} · {word('customers', language=language)}",
                    row["customers"])
                add(code, f"{tier(row['tier'], language=language)} · {word('aum', language=language)}", row["aum"])
            add(code, word("not_tiered", language=language, count=untiered_customers(f)), untiered_customers(f))
        elif code == "stages":
            for stage_code, n in ordered_stages(f[code]):
                add(code, stage_word(stage_code, language=language), n)
        elif code == "stage_moves":
            for move in f[code] or [{"from": "", "to": "", "customers": 0}]:
                add(code, f"{stage_word(move['from'], language=language)} → {stage_word(move['to'], language=language)}"
                    if move["from"] else "", move["customers"])
        elif code == "churn":
            for row in f[code]["bands"]:
                add(code, f"{band(row['band'], language=language)} · {word('customers', language=language)}",
                    row["customers"])
                add(code, f"{band(row['band'], language=language)} · {word('value_at_risk', language=language)}",
                    row["value_at_risk"])
            add(code, word("value_at_risk", language=language), f[code]["value_at_risk"])
        elif code == "contacts":
            for row in f[code]:
                add(code, f"{tier(row['tier'], language=language)} · {word('made', language=language)}", row["made"])
                add(code, f"{tier(row['tier'], language=language)} · {word('due', language=language)}", row["due"])
        elif code == "recommendations":
            for key in ("answered", "accepted", "acceptance"):
                add(code, key, f[code][key])
        elif code == "tasks":
            for key in ("open", "overdue"):
                add(code, key, f[code][key])
        elif code == "loans":
            from relmgr.services.wording.loans import bucket

            add(code, word("past_due", language=language), f[code]["past_due"])
            add(code, f"{word('past_due', language=language)} · {word('outstanding', language=language)}",
                f[code]["outstanding"])
            for row in f[code]["buckets"]:
                label = bucket(row["bucket"], language=language)
                add(code, f"{label} · {word('loans_col', language=language)}", row["loans"])
                add(code, f"{label} · {word('outstanding', language=language)}", row["outstanding"])
            add(code, word("early_warnings", language=language), f[code]["early_warnings"])
            for month in f[code].get("trend", []):
                add(code, word("past_due_at", language=language, month=month["month"]), month["past_due"])
    return rows


def write_xlsx(handle: BinaryIO, data: ReportData, *, language: str, progress: Progress = no_progress,
               cancel: CancelCheck = never) -> int:
    """Write the workbook to `handle`; returns its sheet count."""
    lang = language
    book = _Book(lang)
    w = lambda *keys: [word(k, language=lang) for k in keys]  # noqa: E731
    title = word("heading", language=lang, title=word("title", language=lang), month=data.month)
    book.sheet("glance", w("figure", "item", "value", "definition"), _figure_rows(data, lang))
    book.sheet("net", w("month_col", "inflow", "outflow", "net"),
               [[m["month"], m["inflow"], m["outflow"], m["net"]] for m in data.dashboard.figures["net_inflow"]],
               formats={1: _MONEY, 2: _MONEY, 3: _MONEY})
    check_cancel(cancel)
    progress(0.4, "sheets")
    book.sheet("kpis", w("kpi", "target", "actual", "progress", "counted", "of_whole", "definition"),
               [[say(KPI_TITLES[k.code], lang), k.target, k.actual, k.progress, k.numerator, k.denominator,
                 say(KPI_DEFINITIONS[k.code], lang)] for k in data.kpis],
               formats={3: _PERCENT})
    states = data.warning_states
    note = (word("warnings_summary", language=lang, total=data.warnings_total, handled=states.get("HANDLED", 0),
                 snoozed=states.get("SNOOZED", 0), open=states.get("OPEN", 0), shown=len(data.warnings))
            if data.warnings else word("no_warnings", language=lang))
    book.sheet("warnings", w("rank", "customer", "name", "tier", "band", "probability", "aum", "value_at_risk",
                             "reason", "done"),
               [[x["rank"], x["customer_id"], x["name_masked"], tier(x["tier"], language=lang),
                 band(x["band"], language=lang), x["probability"], x["aum"], x["value_at_risk"],
                 reason_sentence(x["reasons"][0], language=lang) if x["reasons"] else "",
                 warning_done(x["state"], on=x["state_on"], until=x["snoozed_until"], language=lang)]
                for x in data.warnings], formats={5: _PERCENT, 6: _MONEY, 7: _MONEY}, note=note)
    book.sheet("moves", w("change", "from", "to", "customers"),
               [[word("up" if m["change"] == "UP" else "down", language=lang), tier(m["from"], language=lang),
                 tier(m["to"], language=lang), m["customers"]] for m in data.tier_moves],
               note=None if data.tier_moves else word("no_moves", language=lang, month=data.month))
    check_cancel(cancel)
    book.sheet("campaigns", w("campaign", "runs", "offered", "bought", "conversion", "control",
                              "control_bought", "control_conversion", "uplift", "verdict", "revenue",
                              "incremental_revenue", "cost", "roi"),
               [[c["name"], f"{c['start_on']} – {c['end_on']}", c["treated"], c["treated_converted"],
                 c["conversion"], c["control"], c["control_converted"], c["control_conversion"], c["uplift"],
                 verdict(c["verdict"], language=lang), c["revenue"], c["incremental_revenue"], c["cost"],
                 c["roi"]] for c in data.campaigns],
               formats={4: _PERCENT, 7: _PERCENT, 8: _PERCENT, 10: _MONEY, 11: _MONEY, 12: _MONEY, 13: _PERCENT},
               note=(word("campaigns_summary", language=lang, month=data.month, date=data.as_of.isoformat())
                     if data.campaigns else word("no_campaigns", language=lang, month=data.month)))
    day = data.as_of.isoformat()
    book.sheet("alerts", w("customer", "name", "date", "signal", "reason", "checked"),
               [[a["customer_id"], a["name_masked"], a["txn_date"], signal_name(a["signal"], language=lang),
                 reason(a, language=lang), word("yes" if a["checked"] else "no", language=lang)]
                for a in data.alerts],
               note=(word("alerts_summary", language=lang, total=data.alerts_total, date=day,
                          checked=data.alerts_checked, open=data.alerts_total - data.alerts_checked)
                     + " " + say(DISCLAIMER, lang)) if data.alerts_total else word("no_alerts", language=lang, date=day))
    book.sheet("info", w("figure", "value"),
               [[word("title", language=lang), title], [word("branch", language=lang), data.branch],
                [word("rm", language=lang), data.rm], [word("month", language=lang), data.month],
                [word("counted_to", language=lang), day], [word("masked", language=lang), word("yes", language=lang)],
                [word("made_on", language=lang), dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")]])
    book.workbook.properties.title = title
    progress(0.9, "saving")
    book.workbook.save(handle)
    return len(book.workbook.worksheets)
