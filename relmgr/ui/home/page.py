"""Home page (首页): the portfolio at a glance (issue 18).

A grid of tiles, one per dashboard figure (title, value, a short line; the figure's definition as
the tooltip), and the KPI table (KPI, target, actual, progress). Everything comes from
relmgr.services.dashboard, which reads stored results only, so loading it is a handful of
aggregate queries on the database thread. Titles, definitions and money words come from
relmgr.services.wording (dashboard, money) in the UI's current language.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relmgr.services.changes import Topic
from relmgr.services.dashboard import Dashboard
from relmgr.services.dashboard.figures import untiered_customers
from relmgr.services.dashboard.kpis import COUNTS, Kpi, compute_kpis
from relmgr.services.wording import loans as loan_words
from relmgr.services.wording import say
from relmgr.services.wording.dashboard import DEFINITIONS, FIGURES, KPI_DEFINITIONS, KPI_TITLES, UNAVAILABLE
from relmgr.services.wording.money import summary_money
from relmgr.ui.churn import texts as churn_texts
from relmgr.ui.common import texts
from relmgr.ui.common.widgets import follow_changes, section_title
from relmgr.ui.shell.i18n import current_language
from relmgr.ui.shell.runner import TaskRunner

TILES = ("total_aum", "aum_mom", "aum_yoy", "net_inflow", "tiers", "stages", "stage_moves",
         "churn", "contacts", "recommendations", "tasks", "loans")
COLUMNS = 4
NOTHING = "–"
#: The list behind each tile, opened by a click (MainWindow.open_home_list knows the pages):
#: the customers for the AUM figures, the risk band's warnings, the overdue tasks, and so on.
TILE_LISTS = {"total_aum": "customers", "aum_mom": "customers", "aum_yoy": "customers",
              "net_inflow": "customers", "tiers": "tiers", "stages": "lifecycle",
              "stage_moves": "lifecycle", "churn": "warnings-high", "contacts": "contacts-due",
              "recommendations": "recommendations", "tasks": "tasks-overdue",
              "loans": "loans"}


_BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[int]) -> str:
    """One bar per value, from the lowest (▁) to the highest (█); all level: middle bars."""
    low, high = min(values), max(values)
    if high == low:
        return _BARS[3] * len(values)
    return "".join(_BARS[round((v - low) / (high - low) * (len(_BARS) - 1))] for v in values)


def _money(amount: Any) -> str:
    return summary_money(amount, language=current_language())


def _signed_money(amount: float) -> str:
    return ("+" if amount > 0 else "") + _money(amount)


def _percent(ratio: float | None, places: int = 1) -> str:
    return NOTHING if ratio is None else f"{ratio:.{places}%}"


class Tile(QFrame):
    """One figure: its title, its value in large type, and one short line under it; a click
    (left button, released over the tile) asks for the list behind it."""

    clicked = Signal(str)

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = code
        self.setObjectName("homeTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        self.title.setObjectName("hint")
        self.title.setWordWrap(True)
        self.value = QLabel()
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        layout.addStretch(1)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit(self.code)
        super().mouseReleaseEvent(event)

    def show_figure(self, value: str, caption: str = "") -> None:
        self.value.setText(value)
        self.caption.setText(caption)

    def retitle(self, language: str, hint: str) -> None:
        self.title.setText(say(FIGURES[self.code], language))
        self.setToolTip(f"{say(DEFINITIONS[self.code], language)}\n{hint}")


class HomePage(QWidget):
    #: What it shows: every stored result the dashboard and KPIs read.
    READS = frozenset({Topic.CUSTOMERS, Topic.CONTACTS, Topic.TASKS, Topic.SCORES, Topic.SEGMENTS,
                       Topic.RECOMMENDATIONS, Topic.RULES, Topic.LOANS})
    #: Not emitted (tiles open lists, not one customer); present for the page contract.
    open_customer = Signal(str)
    #: A tile was clicked: the TILE_LISTS name of the list behind it.
    open_list = Signal(str)
    #: Emitted when the figures are on screen.
    loaded = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        follow_changes(self, runner, self.READS)
        self.dashboard: Dashboard | None = None
        self.kpis: list[Kpi] = []
        self._generation = 0
        self._error: str | None = None

        self.title = section_title()
        self.status_label = QLabel()
        self.status_label.setObjectName("hint")
        self.tiles = {code: Tile(code) for code in TILES}
        for tile in self.tiles.values():
            tile.clicked.connect(lambda code: self.open_list.emit(TILE_LISTS[code]))
        grid = QGridLayout()
        grid.setSpacing(8)
        for index, code in enumerate(TILES):
            grid.addWidget(self.tiles[code], index // COLUMNS, index % COLUMNS)
        for column in range(COLUMNS):
            grid.setColumnStretch(column, 1)
        self.kpi_title = section_title()
        self.kpi_table = QTableWidget(0, 4)
        self.kpi_table.verticalHeader().hide()
        self.kpi_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.kpi_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.kpi_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.kpi_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.kpi_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 8, 0)
        column.addLayout(grid)
        column.addWidget(self.kpi_title)
        column.addWidget(self.kpi_table)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.status_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        self.retranslate_ui()

    # -- loading -----------------------------------------------------------------------------
    def load(self) -> None:
        self.live = True
        generation = self._generation
        if self.dashboard is None:
            self.status_label.setText(self.tr("Loading…"))
        self.runner.run_db(compute_kpis, on_done=lambda result: self._arrived(generation, result),
                           on_error=lambda error: self._failed(generation, error))

    def _arrived(self, generation: int, result: tuple[Dashboard, list[Kpi]]) -> None:
        if generation != self._generation:
            return
        self._error = None
        self.dashboard, self.kpis = result
        self._render()
        self.loaded.emit()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        # A ValueError is one sentence already (no data date, bad KPI targets); anything else
        # is named by its kind only: never a traceback on a page.
        self._error = str(error) if isinstance(error, ValueError) else type(error).__name__
        self._render()

    def clear(self) -> None:
        self.live = False
        self._generation += 1
        self.dashboard, self.kpis, self._error = None, [], None
        self._render()

    # -- rendering ---------------------------------------------------------------------------
    def _render(self) -> None:
        dash = self.dashboard
        if self._error is not None:
            self.status_label.setText(self.tr("Could not load the figures: {error}").format(error=self._error))
        elif dash is None:
            self.status_label.clear()
        else:
            self.status_label.setText(self.tr("Month {month}, counted to {date}").format(
                month=dash.month, date=dash.as_of.isoformat()))
        language = current_language()
        for code, tile in self.tiles.items():
            if dash is None:
                tile.show_figure(NOTHING)
            elif code in dash.unavailable:
                tile.show_figure(NOTHING, say(UNAVAILABLE[dash.unavailable[code]], language))
            else:
                tile.show_figure(*self._figure_text(code, dash.figures[code]))
        self._fill_kpis(language)

    def _figure_text(self, code: str, value: Any) -> tuple[str, str]:
        """(value, caption) of one figure."""
        if code == "total_aum":
            return _money(value), ""
        if code in ("aum_mom", "aum_yoy"):
            if value is None:
                return NOTHING, self.tr("No balances for the month to compare with.")
            ratio = value["ratio"]
            return _signed_money(value["amount"]), "" if ratio is None else f"{ratio:+.2%}"
        if code == "net_inflow":
            latest = value[-1]
            year = sum(month["net"] for month in value)
            return _signed_money(latest["net"]), self.tr("{month}; 12 months: {total}").format(
                month=latest["month"], total=_signed_money(year))
        # One tier (move) per line: a wrapped Chinese line would break inside an amount.
        if code == "tiers":
            customers = sum(row["customers"] for row in value)
            lines = [f"{texts.tier(row['tier'])} {row['customers']:,} · {_money(row['aum'])}" for row in value]
            # Customers who left the bank keep their stage (churned) but have no tier: say so,
            # or the tile's count reads short of the portfolio's.
            untiered = untiered_customers(self.dashboard.figures) if self.dashboard else None
            if untiered:
                lines.append(self.tr("{count:,} left the bank, not tiered").format(count=untiered))
            return self.tr("{count:,} customers").format(count=customers), "\n".join(lines)
        if code == "stages":
            return (self.tr("{count:,} customers").format(count=sum(value.values())),
                    "\n".join(f"{texts.stage(stage)} {count:,}" for stage, count in value.items()))
        if code == "stage_moves":
            moved = sum(row["customers"] for row in value)
            top = [f"{self._stage(row['from'])} → {self._stage(row['to'])} {row['customers']:,}"
                   for row in value[:3]]
            return self.tr("{count:,} customers").format(count=moved), "\n".join(top)
        if code == "churn":
            high = next((b["customers"] for b in value["bands"] if b["band"] == "HIGH"), 0)
            return _money(value["value_at_risk"]), self.tr("{band}: {count:,} customers; scored {date}").format(
                band=churn_texts.band("HIGH"), count=high, date=value["scored_on"])
        if code == "contacts":
            made, due = sum(r["made"] for r in value), sum(r["due"] for r in value)
            coverage = made / due if due else None
            shown = self.tr("{made:,} of {due:,}").format(made=made, due=due)
            if coverage is not None:
                shown += f" ({_percent(coverage)})"
            return shown, "\n".join(f"{texts.tier(r['tier'])} {r['made']:,}/{r['due']:,}" for r in value)
        if code == "recommendations":
            return _percent(value["acceptance"]), self.tr("{accepted:,} accepted of {answered:,} answered").format(
                accepted=value["accepted"], answered=value["answered"])
        if code == "tasks":
            return f"{value['overdue']:,}", self.tr("{open:,} open tasks").format(open=value["open"])
        if code == "loans":
            # One bucket per line, as the tiers: a wrapped line would break inside an amount.
            lines = [self.tr("{bucket}: {count:,} · {amount}").format(
                bucket=loan_words.bucket(b["bucket"], language=current_language()), count=b["loans"],
                amount=_money(b["outstanding"])) for b in value["buckets"]]
            lines.append(self.tr("{count:,} early warnings on {customers:,} customers").format(
                count=value["early_warnings"], customers=value["early_customers"]))
            counts = [m["past_due"] for m in value.get("trend") or []]
            if len(counts) > 1:
                lines.append(self.tr("Past due at the last {months} month ends: {bars} ({first:,} → {last:,})").format(
                    months=len(counts), bars=sparkline(counts), first=counts[0], last=counts[-1]))
            return self.tr("{count:,} past due · {amount}").format(
                count=value["past_due"], amount=_money(value["outstanding"])), "\n".join(lines)
        return str(value), ""

    def _stage(self, code: str) -> str:
        # NEW is the dashboard's word for "not in the portfolio at the month before's end".
        return self.tr("New") if code == "NEW" else texts.stage(code)

    def _fill_kpis(self, language: str) -> None:
        self.kpi_table.setRowCount(len(self.kpis))
        for row, kpi in enumerate(self.kpis):
            def shown(value: float | None) -> str:
                if value is None:
                    return NOTHING
                return f"{value:,.0f}" if kpi.code in COUNTS else _percent(value)
            cells = [say(KPI_TITLES[kpi.code], language), shown(kpi.target), shown(kpi.actual),
                     _percent(kpi.progress, 0)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(say(KPI_DEFINITIONS[kpi.code], language))
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.kpi_table.setItem(row, column, item)
        # As tall as its rows: the page scrolls, the table does not.
        height = self.kpi_table.horizontalHeader().sizeHint().height() + 2 * self.kpi_table.frameWidth()
        height += sum(self.kpi_table.rowHeight(r) for r in range(self.kpi_table.rowCount()))
        self.kpi_table.setFixedHeight(height)

    # -- language ----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        language = current_language()
        self.title.setText(self.tr("Home"))
        self.kpi_title.setText(self.tr("KPIs this month"))
        self.kpi_table.setHorizontalHeaderLabels([self.tr("KPI"), self.tr("Target"), self.tr("Actual"),
                                                  self.tr("Progress")])
        for tile in self.tiles.values():
            tile.retitle(language, self.tr("Click to open the list behind it."))
        self._render()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
