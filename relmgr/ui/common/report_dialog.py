"""File ▸ Monthly report…: which month, which format (PDF with charts, or the same figures as an
XLSX workbook), and where to. The report (relmgr.services.report.export_report) writes its
audit row; names are always masked. Running it and saying what went wrong is
save_dialog.SaveFileDialog's, as for the export dialog."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QWidget

from relmgr.services.dashboard.figures import shift_month
from relmgr.services.report import ReportResult, export_report
from relmgr.ui.common.save_dialog import SaveFileDialog
from relmgr.ui.common.texts import chinese_ui
from relmgr.ui.shell.runner import TaskRunner

MONTHS_OFFERED = 12


class ReportDialog(SaveFileDialog):
    """The monthly review report of one of the last MONTHS_OFFERED months up to `as_of` (the
    portfolio's data date, 'YYYY-MM-DD'; None: only the data date's month, whichever it is)."""

    def __init__(self, runner: TaskRunner, *, as_of: str | None = None, settings: Any = None,
                 folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(runner, formats=["pdf", "xlsx"], folder=folder, parent=parent, min_width=520)
        self.settings = settings
        self.result_value: ReportResult | None = None
        self.month_combo = QComboBox()
        if as_of:
            latest = as_of[:7]
            for back in range(MONTHS_OFFERED):
                month = shift_month(latest, -back)
                self.month_combo.addItem(month, month)
        else:
            self.month_combo.addItem("", None)
        self.month_combo.currentIndexChanged.connect(self._suggest_path)
        self.month_caption = QLabel()
        self._lay_out([(self.month_caption, self.month_combo)])

    def month(self) -> str | None:
        return self.month_combo.currentData()

    def _file_name(self) -> str:
        month = self.month() or dt.date.today().strftime("%Y-%m")
        return f"monthly-report_{month}.{self.fmt()}"

    def _chooser_title(self) -> str:
        return self.tr("Save the report as")

    def _run(self, path: Path) -> None:
        self.runner.run_long(
            export_report, title=self.tr("Writing the monthly report…"), parent=self, path=path,
            fmt=self.fmt(), month=self.month(), language="zh_CN" if chinese_ui() else "en",
            settings=self.settings, on_done=self._done, on_error=self._failed,
            on_cancelled=self._cancelled)

    def _error_text(self, error: BaseException) -> str:
        if isinstance(error, ValueError):   # no data date, a month after it, a bad KPI rule
            return self.tr("No report: {reason}").format(reason=str(error))
        return self.tr("No report ({kind}).").format(kind=type(error).__name__)

    # -- language ----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Monthly portfolio review report"))
        if self.month_combo.currentData() is None and self.month_combo.count() == 1:
            self.month_combo.setItemText(0, self.tr("The data date's month"))
        self.format_combo.setItemText(0, self.tr("PDF with charts (.pdf)"))
        self.format_combo.setItemText(1, self.tr("Excel workbook, the same figures (.xlsx)"))
        self.month_caption.setText(self.tr("Month"))
        self.masking_label.setText(self.tr(
            "Customer names are masked (e.g. 张*明); the report carries the branch and RM names "
            "from Settings. It is recorded in the audit log."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Write report"))
