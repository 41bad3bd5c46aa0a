"""File ▸ Monthly report…: which month, which format (PDF with charts, or the same figures as an
XLSX workbook), and where to. The report (relmgr.services.report.export_report) runs on the
database thread through runner.run_long (progress, Cancel) and writes its audit row; names are
always masked. A month the portfolio cannot report on and a file that cannot be written are
said in the dialog, which stays open."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relmgr.domain.progress import Cancelled
from relmgr.services.dashboard.figures import shift_month
from relmgr.services.files import WriteFailed
from relmgr.services.report import ReportResult, export_report
from relmgr.ui.common.export_dialog import ask_yes_no, default_folder
from relmgr.ui.common.texts import chinese_ui
from relmgr.ui.shell.runner import TaskRunner

MONTHS_OFFERED = 12


class ReportDialog(QDialog):
    """The monthly review report of one of the last MONTHS_OFFERED months up to `as_of` (the
    portfolio's data date, 'YYYY-MM-DD'; None: only the data date's month, whichever it is)."""

    #: The ReportResult, after the file and its audit row were written.
    exported = Signal(object)

    def __init__(self, runner: TaskRunner, *, as_of: str | None = None, settings: Any = None,
                 folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.settings = settings
        self.folder = folder or default_folder()
        self.result_value: ReportResult | None = None
        self._running = False
        self._path_edited = False
        self.setModal(True)
        self.setMinimumWidth(520)

        self.month_combo = QComboBox()
        if as_of:
            latest = as_of[:7]
            for back in range(MONTHS_OFFERED):
                month = shift_month(latest, -back)
                self.month_combo.addItem(month, month)
        else:
            self.month_combo.addItem("", None)
        self.format_combo = QComboBox()
        self.format_combo.addItem("", "pdf")
        self.format_combo.addItem("", "xlsx")
        self.path_edit = QLineEdit()
        self.path_edit.textEdited.connect(self._on_path_edited)
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self.browse)
        self.masking_label = QLabel()
        self.masking_label.setObjectName("hint")
        self.masking_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorMessage")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.month_combo.currentIndexChanged.connect(self._suggest_path)
        self.format_combo.currentIndexChanged.connect(self._on_format_changed)

        self.month_caption, self.format_caption, self.path_caption = QLabel(), QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.month_caption, self.month_combo)
        form.addRow(self.format_caption, self.format_combo)
        where = QHBoxLayout()
        where.addWidget(self.path_edit, 1)
        where.addWidget(self.browse_button)
        form.addRow(self.path_caption, where)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.masking_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self._suggest_path()

    # -- choices -----------------------------------------------------------------------------
    def month(self) -> str | None:
        return self.month_combo.currentData()

    def fmt(self) -> str:
        return str(self.format_combo.currentData())

    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def set_path(self, path: str | Path) -> None:
        self._path_edited = True
        self.path_edit.setText(str(path))
        index = self.format_combo.findData(Path(path).suffix.lower().lstrip("."))
        if index >= 0 and index != self.format_combo.currentIndex():
            self.format_combo.setCurrentIndex(index)

    def _suggest_path(self, _index: int = 0) -> None:
        if self._path_edited and self.path_edit.text().strip():
            return
        month = self.month() or dt.date.today().strftime("%Y-%m")
        self.path_edit.setText(str(self.folder / f"monthly-report_{month}.{self.fmt()}"))

    def _on_path_edited(self, _text: str) -> None:
        self._path_edited = True

    def _on_format_changed(self, _index: int) -> None:
        text = self.path_edit.text().strip()
        if self._path_edited and text:
            self.path_edit.setText(str(Path(text).with_suffix("." + self.fmt())))
        else:
            self._suggest_path()

    def browse(self) -> QFileDialog:
        """The file chooser, window-modal and non-blocking (see export_dialog.ask_yes_no)."""
        name_filter = {"xlsx": "Excel (*.xlsx)", "pdf": "PDF (*.pdf)"}[self.fmt()]
        chooser = QFileDialog(self, self.tr("Save the report as"), str(self.path()), name_filter)
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.fileSelected.connect(self._on_file_chosen)
        chooser.open()
        return chooser

    def _on_file_chosen(self, chosen: str) -> None:
        if chosen:
            self.set_path(chosen if Path(chosen).suffix else f"{chosen}.{self.fmt()}")

    # -- running -----------------------------------------------------------------------------
    def problem(self) -> str | None:
        if not self.path_edit.text().strip():
            return self.tr("Choose where to save the report.")
        path = self.path()
        if path.suffix.lower().lstrip(".") != self.fmt():
            return self.tr("The file name must end in .{suffix} for this format.").format(suffix=self.fmt())
        if not path.parent.is_dir():
            return self.tr("The folder {folder} does not exist.").format(folder=str(path.parent))
        return None

    def accept(self) -> None:
        if self._running:
            return
        problem = self.problem()
        if problem is not None:
            self._show_error(problem)
            return
        path = self.path()
        if path.exists():
            ask_yes_no(self, self.tr("Replace the file?"),
                       self.tr("{name} already exists. Replace it?").format(name=path.name),
                       lambda yes: yes and self._start(path))
            return
        self._start(path)

    def _start(self, path: Path) -> None:
        if self._running:
            return
        self._running = True
        self.error_label.hide()
        self.buttons.setEnabled(False)
        self.runner.run_long(
            export_report, title=self.tr("Writing the monthly report…"), parent=self, path=path,
            fmt=self.fmt(), month=self.month(), language="zh_CN" if chinese_ui() else "en",
            settings=self.settings, on_done=self._on_done, on_error=self._on_error,
            on_cancelled=self._on_cancelled)

    def _on_done(self, result: ReportResult) -> None:
        self._running = False
        self.buttons.setEnabled(True)
        self.result_value = result
        self.exported.emit(result)
        super().accept()

    def _on_cancelled(self) -> None:
        self._running = False
        self.buttons.setEnabled(True)
        self._show_error(self.tr("Cancelled; no file was written."))

    def _on_error(self, error: BaseException) -> None:
        self._running = False
        self.buttons.setEnabled(True)
        if isinstance(error, Cancelled):
            self._on_cancelled()
        elif isinstance(error, WriteFailed):
            self._show_error(self.tr("The file could not be written: {reason}").format(reason=str(error)))
        elif isinstance(error, ValueError):   # no data date, a month after it, a bad KPI rule
            self._show_error(self.tr("No report: {reason}").format(reason=str(error)))
        else:
            self._show_error(self.tr("No report ({kind}).").format(kind=type(error).__name__))

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    # -- language ----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Monthly portfolio review report"))
        if self.month_combo.currentData() is None and self.month_combo.count() == 1:
            self.month_combo.setItemText(0, self.tr("The data date's month"))
        self.format_combo.setItemText(0, self.tr("PDF with charts (.pdf)"))
        self.format_combo.setItemText(1, self.tr("Excel workbook, the same figures (.xlsx)"))
        self.month_caption.setText(self.tr("Month"))
        self.format_caption.setText(self.tr("Format"))
        self.path_caption.setText(self.tr("File"))
        self.browse_button.setText(self.tr("Browse…"))
        self.masking_label.setText(self.tr(
            "Customer names are masked (e.g. 张*明); the report carries the branch and RM names "
            "from Settings. It is recorded in the audit log."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Write report"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
