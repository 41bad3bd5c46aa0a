"""The report as a printable A4 PDF (matplotlib's PDF backend, as the call sheet; no Qt).

`build_pages(data, language)` lays the report out as matplotlib Figures, one per page: a running
header with the report's title, branch and RM (blank when not set), month and data date, and the
masking note on every page; "page i of n" and the confidentiality line at the foot. Sections flow
from page to page (a table that does not fit continues on the next page under its header row).
Text is embedded as TrueType (pdf.fonttype 42) so it can be searched and copied.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any, BinaryIO

from relmgr.domain.progress import CancelCheck, Progress, check_cancel, never, no_progress
from relmgr.services.dashboard.figures import untiered_customers
from relmgr.services.dashboard.kpis import COUNTS
from relmgr.services.report.charts import LIGATURES_OFF, draw_chart, report_style
from relmgr.services.report.content import ReportData
from relmgr.services.wording import say
from relmgr.services.wording.alerts import DISCLAIMER, reason, signal_name
from relmgr.services.wording.churn import band, reason_sentence
from relmgr.services.wording.dashboard import DEFINITIONS, FIGURES, KPI_DEFINITIONS, KPI_TITLES, UNAVAILABLE
from relmgr.services.wording.exports import document_word
from relmgr.services.wording.money import summary_money
from relmgr.services.wording.report import (
    NOTHING,
    figure_lines,
    kpi_value,
    percent,
    signed_money,
    stage_word,
    warning_done,
    word,
)
from relmgr.services.wording.segments import tier

PAGE_W, PAGE_H = 8.27, 11.69          # A4 portrait, inches
MARGIN = 0.55
HEADER_H = 0.8                         # title and info lines under the top margin
FOOTER_H = 0.35
BODY_PT = 8.0
_CHAR_EM = 0.58                        # a narrow character's width, in ems, a little generous
_GLANCE = ("total_aum", "aum_mom", "aum_yoy", "net_inflow", "tiers", "stages", "stage_moves",
           "churn", "contacts", "recommendations", "tasks", "loans")


def _em(ch: str) -> float:
    """A character's width in ems, near enough for line breaking: CJK (and full-width) one,
    others a little over half."""
    return 1.0 if unicodedata.east_asian_width(ch) in "WF" else _CHAR_EM


def _capacity(inches: float, size: float) -> float:
    """Ems that fit in `inches` at `size` points."""
    return inches * 72 / size


def wrap(text: str, capacity: float) -> list[str]:
    """Lines of at most `capacity` ems: Latin text at its last space, text with Chinese at a
    space in the line's last third, else between any two characters (Chinese has no spaces)."""
    lines: list[str] = []
    for paragraph in str(text).split("\n"):
        line = ""
        for ch in paragraph:
            if line and sum(map(_em, line)) + _em(ch) > capacity:
                space = line.rfind(" ")
                latin = not any(_em(c) == 1.0 for c in line)
                if ch != " " and space > 0 and (latin or sum(map(_em, line[:space])) > capacity * 2 / 3):
                    lines.append(line[:space])
                    line = line[space + 1:]
                else:
                    lines.append(line.rstrip())
                    line = ""
                if ch == " ":
                    continue
            line += ch
        lines.append(line)
    return lines


class PageWriter:
    """Flows headings, paragraphs, tables and charts down A4 pages of matplotlib Figures."""

    def __init__(self, data: ReportData, language: str, *, cancel: CancelCheck = never) -> None:
        self.data, self.language, self.cancel = data, language, cancel
        self.pages: list[Any] = []
        self.y = 0.0                    # inches from the top of the current page
        self.usable = PAGE_W - 2 * MARGIN
        self.bottom = PAGE_H - MARGIN - FOOTER_H

    @property
    def page(self) -> Any:
        return self.pages[-1]

    def _at(self, x: float, y: float) -> tuple[float, float]:
        return x / PAGE_W, 1 - y / PAGE_H

    def text(self, x: float, y: float, text: str, *, size: float = BODY_PT, bold: bool = False,
             **kwargs: Any) -> None:
        # One weight only: a bold face would embed a second CJK font (seconds to subset for
        # every report), and faking it with a path effect turns the text into outlines that
        # cannot be searched. Headings stand out by size and colour, table headers by a band.
        del bold
        self.page.text(*self._at(x, y), text, fontsize=size, va="baseline", fontfeatures=LIGATURES_OFF,
                       **kwargs)

    def rule(self, y: float, *, light: bool = False) -> None:
        from matplotlib.lines import Line2D

        fraction = 1 - y / PAGE_H
        self.page.add_artist(Line2D([MARGIN / PAGE_W, 1 - MARGIN / PAGE_W], [fraction, fraction],
                                    transform=self.page.transFigure, linewidth=0.3 if light else 0.8,
                                    color="#aaaaaa" if light else "#333333"))

    def band(self, y: float, height: float) -> None:
        """A light band behind a table's header row."""
        from matplotlib.patches import Rectangle

        self.page.add_artist(Rectangle((MARGIN / PAGE_W, 1 - (y + height - 0.01) / PAGE_H), self.usable / PAGE_W,
                                       (height - 0.02) / PAGE_H, transform=self.page.transFigure,
                                       facecolor="#dde6f0", edgecolor="none", zorder=-1))

    # -- pages -------------------------------------------------------------------------------
    def new_page(self) -> None:
        from matplotlib.figure import Figure

        check_cancel(self.cancel)
        self.pages.append(Figure(figsize=(PAGE_W, PAGE_H)))
        lang, data = self.language, self.data
        field = document_word("field", language=lang)
        self.text(MARGIN, MARGIN + 0.22, word("heading", language=lang, title=word("title", language=lang),
                                              month=data.month), size=15, color="#1f3d5c")
        people = "    ".join(field.format(key=word(key, language=lang), value=value)
                             for key, value in (("branch", data.branch), ("rm", data.rm)))
        self.text(PAGE_W - MARGIN, MARGIN + 0.22, people, size=9, ha="right")
        info = "    ".join([field.format(key=word("month", language=lang), value=data.month),
                            field.format(key=word("counted_to", language=lang), value=data.as_of.isoformat()),
                            word("masked", language=lang)])
        self.text(MARGIN, MARGIN + 0.5, info, size=8.5, color="#444444")
        self.rule(MARGIN + 0.62)
        self.y = MARGIN + HEADER_H

    def room(self, height: float) -> bool:
        """Start a new page unless `height` inches fit; True when a page was started."""
        if not self.pages or self.y + height > self.bottom:
            self.new_page()
            return True
        return False

    def finish(self) -> list[Any]:
        total = len(self.pages)
        for number, page in enumerate(self.pages, start=1):
            y = 1 - (PAGE_H - MARGIN) / PAGE_H
            page.text(MARGIN / PAGE_W, y, document_word("confidential", language=self.language),
                      fontsize=7.5, color="#444444", fontfeatures=LIGATURES_OFF)
            page.text(0.5, y, document_word("page", language=self.language).format(i=number, n=total),
                      fontsize=8.5, ha="center", fontfeatures=LIGATURES_OFF)
        return self.pages

    # -- blocks ------------------------------------------------------------------------------
    def heading(self, text: str) -> None:
        self.room(1.3)   # a heading never ends a page: keep room for what follows it
        self.y += 0.3
        self.text(MARGIN, self.y, text, size=11.5, bold=True, color="#1f3d5c")
        self.y += 0.16

    def paragraph(self, text: str, *, size: float = BODY_PT, color: str = "#222222") -> None:
        height = size * 1.5 / 72
        for line in wrap(text, _capacity(self.usable, size)):
            self.room(height)
            self.y += height
            self.text(MARGIN, self.y - height * 0.25, line, size=size, color=color)
        self.y += 0.05

    def table(self, columns: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float],
              *, right: Sequence[int] = (), size: float = BODY_PT) -> None:
        """Rows of cells (a text, or a list of lines); `widths` are shares of the page's width;
        `right` the columns aligned right (numbers). Cells wrap; the header repeats on each page."""
        scale = self.usable / sum(widths)
        col_w = [w * scale for w in widths]
        col_x = [MARGIN + sum(col_w[:i]) for i in range(len(col_w))]
        line_h = size * 1.45 / 72
        pad = 0.07

        def cells(row: Sequence[Any]) -> list[list[str]]:
            out = []
            for value, w in zip(row, col_w, strict=True):
                lines = value if isinstance(value, list) else [value]
                out.append([piece for line in lines for piece in wrap(str(line), _capacity(w - 0.08, size))])
            return out

        def draw(row_cells: list[list[str]], *, bold: bool = False) -> None:
            height = max(len(c) for c in row_cells) * line_h + pad
            if bold:
                self.band(self.y, height)
            for i, (lines, x, w) in enumerate(zip(row_cells, col_x, col_w, strict=True)):
                for n, line in enumerate(lines, start=1):
                    y = self.y + n * line_h - line_h * 0.22
                    if i in right:
                        self.text(x + w - 0.04, y, line, size=size, bold=bold, ha="right")
                    else:
                        self.text(x + 0.04, y, line, size=size, bold=bold)
            self.y += height
            self.rule(self.y - pad / 2, light=not bold)

        header = cells(columns)
        header_h = max(len(c) for c in header) * line_h + pad
        self.room(header_h + line_h + pad)
        draw(header, bold=True)
        for row in rows:
            body = cells(row)
            if self.room(max(len(c) for c in body) * line_h + pad):
                draw(header, bold=True)
            draw(body)
        self.y += 0.08

    def charts(self, codes: Sequence[str], *, height: float = 2.55) -> None:
        """One row of charts side by side, `height` inches tall."""
        self.room(height)
        cell_w = self.usable / len(codes)
        for i, code in enumerate(codes):
            left, top = MARGIN + i * cell_w + 0.62, self.y + 0.32
            width, tall = cell_w - 0.62 - 0.2, height - 0.32 - 0.55
            axes = self.page.add_axes((left / PAGE_W, 1 - (top + tall) / PAGE_H, width / PAGE_W, tall / PAGE_H))
            draw_chart(axes, code, self.data, self.language)
        self.y += height


# -- sections --------------------------------------------------------------------------------
def _glance(writer: PageWriter) -> None:
    lang, dash = writer.language, writer.data.dashboard
    rows = []
    for code in _GLANCE:
        if code in dash.unavailable:
            value = [say(UNAVAILABLE[dash.unavailable[code]], lang)]
        else:
            value = figure_lines(code, dash.figures[code], language=lang)
            if code == "tiers":
                value += figure_lines("not_tiered", untiered_customers(dash.figures), language=lang)
        rows.append([say(FIGURES[code], lang), value, say(DEFINITIONS[code], lang)])
    writer.heading(word("glance", language=lang))
    writer.table([word(k, language=lang) for k in ("figure", "value", "definition")], rows, (0.22, 0.34, 0.44))


def counted(kpi: Any, *, language: str) -> str:
    """What a KPI counted, so the reader can check it: '12 / 15' for a ratio, the count
    otherwise, money for AUM growth (the change over the year's starting AUM)."""
    if kpi.numerator is None:
        return NOTHING
    if kpi.code == "aum_growth":
        return (f"{signed_money(kpi.numerator, language=language)} / "
                f"{summary_money(kpi.denominator, language=language)}")
    if kpi.denominator is None:
        return f"{kpi.numerator:,.0f}"
    return f"{kpi.numerator:,.0f} / {kpi.denominator:,.0f}"


def _kpis(writer: PageWriter) -> None:
    lang = writer.language
    rows = [[say(KPI_TITLES[k.code], lang), kpi_value(k.target, count=k.code in COUNTS),
             kpi_value(k.actual, count=k.code in COUNTS), percent(k.progress, 0), counted(k, language=lang),
             say(KPI_DEFINITIONS[k.code], lang)] for k in writer.data.kpis]
    writer.heading(word("kpis", language=lang))
    writer.table([word(k, language=lang) for k in ("kpi", "target", "actual", "progress", "counted", "definition")],
                 rows, (0.19, 0.08, 0.08, 0.09, 0.16, 0.40), right=(1, 2, 3, 4))


def _charts(writer: PageWriter) -> None:
    writer.new_page()
    writer.heading(word("charts", language=writer.language))
    writer.charts(["net_inflow"], height=2.6)
    writer.charts(["tiers", "stages"])
    writer.charts(["contacts", "churn"])


def _warnings(writer: PageWriter) -> None:
    lang, data = writer.language, writer.data
    writer.new_page()
    writer.heading(word("warnings", language=lang))
    if "churn" in data.dashboard.unavailable:
        writer.paragraph(say(UNAVAILABLE["churn"], lang))
        return
    if not data.warnings:
        writer.paragraph(word("no_warnings", language=lang))
        return
    states = data.warning_states
    writer.paragraph(word("warnings_summary", language=lang, total=data.warnings_total,
                          handled=states.get("HANDLED", 0), snoozed=states.get("SNOOZED", 0),
                          open=states.get("OPEN", 0), shown=len(data.warnings)))
    rows = [[str(w["rank"]), w["customer_id"], w["name_masked"], tier(w["tier"], language=lang),
             band(w["band"], language=lang), percent(w["probability"]),
             summary_money(w["value_at_risk"], language=lang),
             reason_sentence(w["reasons"][0], language=lang) if w["reasons"] else NOTHING,
             warning_done(w["state"], on=w["state_on"], until=w["snoozed_until"], language=lang)]
            for w in data.warnings]
    writer.table([word(k, language=lang) for k in ("rank", "customer", "name", "tier", "band", "probability",
                                                   "value_at_risk", "reason", "done")],
                 rows, (0.04, 0.1, 0.07, 0.09, 0.08, 0.08, 0.12, 0.24, 0.18), right=(0, 5, 6))


def _moves(writer: PageWriter) -> None:
    lang, data = writer.language, writer.data
    writer.heading(word("moves", language=lang))
    if "tiers" in data.dashboard.unavailable:
        writer.paragraph(say(UNAVAILABLE["segments"], lang))
        return
    up = sum(m["customers"] for m in data.tier_moves if m["change"] == "UP")
    down = sum(m["customers"] for m in data.tier_moves if m["change"] == "DOWN")
    if not data.tier_moves:
        writer.paragraph(word("no_moves", language=lang, month=data.month))
    else:
        writer.paragraph(word("moves_summary", language=lang, up=up, down=down, month=data.month))
        writer.table([word(k, language=lang) for k in ("change", "from", "to", "customers")],
                     [[word("up" if m["change"] == "UP" else "down", language=lang),
                       tier(m["from"], language=lang), tier(m["to"], language=lang), f"{m['customers']:,}"]
                      for m in data.tier_moves], (0.15, 0.25, 0.25, 0.15), right=(3,))
    writer.heading(word("stage_moves", language=lang))
    moves = data.dashboard.figures["stage_moves"] or []
    if not moves:
        writer.paragraph(word("no_stage_moves", language=lang, month=data.month))
        return
    writer.table([word(k, language=lang) for k in ("from_stage", "to_stage", "customers")],
                 [[stage_word(m["from"], language=lang), stage_word(m["to"], language=lang), f"{m['customers']:,}"]
                  for m in moves], (0.3, 0.3, 0.2), right=(2,))


def _campaigns(writer: PageWriter) -> None:
    lang, data = writer.language, writer.data
    writer.heading(word("campaigns", language=lang))
    if not data.campaigns:
        writer.paragraph(word("no_campaigns", language=lang, month=data.month))
        return
    writer.paragraph(word("campaigns_summary", language=lang, month=data.month, date=data.as_of.isoformat()),
                     size=7.5, color="#444444")
    rows = [[c["name"], f"{c['start_on']} – {c['end_on']}", f"{c['treated']:,}", f"{c['treated_converted']:,}",
             percent(c["conversion"]), percent(c["control_conversion"]),
             NOTHING if c["uplift"] is None else word("points", language=lang, value=c["uplift"] * 100),
             summary_money(c["revenue"], language=lang),
             NOTHING if c["incremental_revenue"] is None else summary_money(c["incremental_revenue"], language=lang),
             summary_money(c["cost"], language=lang), NOTHING if c["roi"] is None else percent(c["roi"], 0)]
            for c in data.campaigns]
    writer.table([word(k, language=lang) for k in ("campaign", "runs", "offered", "bought", "conversion",
                                                   "control_conversion", "uplift", "revenue",
                                                   "incremental_revenue", "cost", "roi")],
                 rows, (0.14, 0.15, 0.07, 0.06, 0.07, 0.08, 0.09, 0.09, 0.1, 0.08, 0.07),
                 right=(2, 3, 4, 5, 6, 7, 8, 9, 10))


def _alerts(writer: PageWriter) -> None:
    lang, data = writer.language, writer.data
    writer.heading(word("alerts", language=lang))
    day = data.as_of.isoformat()
    if not data.alerts_total:
        writer.paragraph(word("no_alerts", language=lang, date=day))
        return
    writer.paragraph(word("alerts_summary", language=lang, total=data.alerts_total, date=day,
                          checked=data.alerts_checked, open=data.alerts_total - data.alerts_checked))
    writer.paragraph(say(DISCLAIMER, lang), size=7.5, color="#444444")
    rows = [[a["customer_id"], a["name_masked"], a["txn_date"], signal_name(a["signal"], language=lang),
             reason(a, language=lang), word("yes" if a["checked"] else "no", language=lang)]
            for a in data.alerts]
    writer.table([word(k, language=lang) for k in ("customer", "name", "date", "signal", "reason", "checked")],
                 rows, (0.1, 0.07, 0.1, 0.13, 0.48, 0.08))
    if data.alerts_total > len(data.alerts):
        writer.paragraph(word("more", language=lang, n=data.alerts_total - len(data.alerts)))


SECTIONS = (_glance, _kpis, _charts, _warnings, _moves, _campaigns, _alerts)


def build_pages(data: ReportData, *, language: str, cancel: CancelCheck = never) -> list[Any]:
    """The report's pages as matplotlib Figures. Call inside charts.report_style(language)."""
    writer = PageWriter(data, language, cancel=cancel)
    for section in SECTIONS:
        section(writer)
    return writer.finish()


def write_pdf(handle: BinaryIO, data: ReportData, *, language: str, progress: Progress = no_progress,
              cancel: CancelCheck = never) -> int:
    """Write the report's PDF to `handle`; returns its page count."""
    from matplotlib.backends.backend_pdf import PdfPages

    with report_style(language):
        pages = build_pages(data, language=language, cancel=cancel)
        title = word("heading", language=language, title=word("title", language=language), month=data.month)
        with PdfPages(handle, metadata={"Title": title, "Creator": "relmgr"}) as pdf:
            for number, page in enumerate(pages):
                check_cancel(cancel)
                progress(0.3 + 0.7 * number / len(pages), "pages")
                pdf.savefig(page)
    return len(pages)
