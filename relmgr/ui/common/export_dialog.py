"""The export dialog: which follow-up list (today, due, warnings, recommendations, tasks), which
format (XLSX, CSV, PDF), where to, and whether personal data stays masked (the default).

Exporting unmasked is an explicit choice: ticking the box shows what it means and asks for a
confirmation; a warning stays on screen while it is ticked. The export runs
relmgr.services.export.export_named_list on the database thread through runner.run_long
(progress, Cancel), which also writes the audit row. A list the portfolio cannot build yet
(ListUnavailable) and a file that cannot be written (WriteFailed) are shown in the dialog, which
stays open so the RM can pick another list or folder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relmgr.domain.progress import Cancelled
from relmgr.services.export import ExportResult, ListUnavailable, WriteFailed, export_named_list
from relmgr.services.settings import load_settings
from relmgr.ui.shell.runner import TaskRunner
from relmgr.ui.common.texts import chinese_ui

_CTX = "ExportDialog"
LIST_LABELS = {
    "today": QT_TRANSLATE_NOOP("ExportDialog", "Today's worklist"),
    "due": QT_TRANSLATE_NOOP("ExportDialog", "Customers due for contact"),
    "warnings": QT_TRANSLATE_NOOP("ExportDialog", "Churn warnings"),
    "recommendations": QT_TRANSLATE_NOOP("ExportDialog", "Product recommendations"),
    "tasks": QT_TRANSLATE_NOOP("ExportDialog", "Open tasks"),
    "tier-private": QT_TRANSLATE_NOOP("ExportDialog", "Tier list: Private banking"),
    "tier-wealth": QT_TRANSLATE_NOOP("ExportDialog", "Tier list: Wealth"),
    "tier-vip": QT_TRANSLATE_NOOP("ExportDialog", "Tier list: VIP"),
    "tier-mass": QT_TRANSLATE_NOOP("ExportDialog", "Tier list: Mass"),
    "stage-acquisition": QT_TRANSLATE_NOOP("ExportDialog", "Stage list: Acquisition"),
    "stage-growth": QT_TRANSLATE_NOOP("ExportDialog", "Stage list: Growth"),
    "stage-maturity": QT_TRANSLATE_NOOP("ExportDialog", "Stage list: Maturity"),
    "stage-decline": QT_TRANSLATE_NOOP("ExportDialog", "Stage list: Decline"),
    "stage-churned": QT_TRANSLATE_NOOP("ExportDialog", "Stage list: Churned"),
}
FORMATS = (("xlsx", QT_TRANSLATE_NOOP("ExportDialog", "Excel workbook (.xlsx)")),
           ("csv", QT_TRANSLATE_NOOP("ExportDialog", "CSV, UTF-8 for Excel and WPS (.csv)")),
           ("pdf", QT_TRANSLATE_NOOP("ExportDialog", "PDF call sheet (.pdf)")))


def ask_yes_no(parent: QWidget, title: str, text: str, on_answer: Callable[[bool], None]) -> QMessageBox:
    """A window-modal Yes/No question, No by default; `on_answer(yes)` is called when it closes.

    Never a blocking exec(): a nested event loop inside this dialog is what made the auto-lock
    abort the process (the lock deleted the dialog while the question's loop still ran on it).
    Without one, the lock can simply reject every open question, which answers No. Module-level
    so tests can answer it."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setObjectName("question")
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered(_code: int) -> None:
        clicked = box.clickedButton()
        on_answer(clicked is not None and box.standardButton(clicked) == QMessageBox.StandardButton.Yes)

    box.finished.connect(answered)
    box.open()
    return box


def default_folder() -> Path:
    """The RM's Documents folder, or the home folder where there is none."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder and Path(folder).is_dir() else Path.home()


class ExportDialog(QDialog):
    """Export one named list. `list_name` preselects the list; `today` is the list's day (None:
    the service's convention); `folder` is where the file goes by default."""

    #: The ExportResult, after the file and its audit row were written.
    exported = Signal(object)

    def __init__(self, runner: TaskRunner, *, list_name: str = "today", today: dt.date | None = None,
                 folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.today = today
        self.folder = folder or default_folder()
        self.result_value: ExportResult | None = None
        self._running = False
        self._path_edited = False
        self.setModal(True)
        self.setMinimumWidth(560)

        self.list_combo = QComboBox()
        for name in LIST_LABELS:
            self.list_combo.addItem("", name)
        self.list_combo.setCurrentIndex(max(self.list_combo.findData(list_name), 0))
        self.format_combo = QComboBox()
        for code, _label in FORMATS:
            self.format_combo.addItem("", code)
        self.path_edit = QLineEdit()
        self.path_edit.textEdited.connect(self._on_path_edited)
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self.browse)
        self.unmasked_check = QCheckBox()
        self.unmasked_check.toggled.connect(self._on_unmasked_toggled)
        self.masking_label = QLabel()
        self.masking_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorMessage")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list_combo.currentIndexChanged.connect(self._suggest_path)
        self.format_combo.currentIndexChanged.connect(self._on_format_changed)

        self.list_caption, self.format_caption, self.path_caption = QLabel(), QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.list_caption, self.list_combo)
        form.addRow(self.format_caption, self.format_combo)
        where = QHBoxLayout()
        where.addWidget(self.path_edit, 1)
        where.addWidget(self.browse_button)
        form.addRow(self.path_caption, where)
        form.addRow("", self.unmasked_check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.masking_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self._suggest_path()

    # -- choices -----------------------------------------------------------------------------
    def list_name(self) -> str:
        return str(self.list_combo.currentData())

    def fmt(self) -> str:
        return str(self.format_combo.currentData())

    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def set_path(self, path: str | Path) -> None:
        """Use this file (its suffix picks the format when it names one)."""
        self._path_edited = True
        self.path_edit.setText(str(path))
        suffix = Path(path).suffix.lower().lstrip(".")
        index = self.format_combo.findData(suffix)
        if index >= 0 and index != self.format_combo.currentIndex():
            self.format_combo.setCurrentIndex(index)

    def _file_name(self) -> str:
        day = (self.today or dt.date.today()).isoformat()
        return f"{self.list_name()}_{day}.{self.fmt()}"

    def _suggest_path(self, _index: int = 0) -> None:
        if self._path_edited and self.path_edit.text().strip():
            return
        self.path_edit.setText(str(self.folder / self._file_name()))

    def _on_path_edited(self, _text: str) -> None:
        self._path_edited = True

    def _on_format_changed(self, _index: int) -> None:
        text = self.path_edit.text().strip()
        if self._path_edited and text:
            # Keep the RM's folder and name; the suffix follows the format.
            self.path_edit.setText(str(Path(text).with_suffix("." + self.fmt())))
        else:
            self._suggest_path()

    def browse(self) -> QFileDialog:
        """The file chooser, window-modal and non-blocking (see ask_yes_no for why)."""
        name_filter = {"xlsx": "Excel (*.xlsx)", "csv": "CSV (*.csv)", "pdf": "PDF (*.pdf)"}[self.fmt()]
        chooser = QFileDialog(self, self.tr("Export to"), str(self.path()), name_filter)
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.fileSelected.connect(self._on_file_chosen)
        chooser.open()
        return chooser

    def _on_file_chosen(self, chosen: str) -> None:
        if chosen:
            if not Path(chosen).suffix:
                chosen += "." + self.fmt()
            self.set_path(chosen)

    def _on_unmasked_toggled(self, checked: bool) -> None:
        if not checked:
            self._show_masking()
            return
        # Unticked until the RM says Yes: an unanswered question never leaves it unmasked.
        self._set_unmasked(False)
        ask_yes_no(self, self.tr("Export unmasked?"), self.tr(
            "The file will contain full names and mobile numbers of customers, readable by "
            "anyone who gets the file. Bank rules require a business reason; the export is "
            "recorded in the audit log as unmasked.\n\nExport unmasked?"), self._set_unmasked)

    def _set_unmasked(self, unmasked: bool) -> None:
        self.unmasked_check.blockSignals(True)
        self.unmasked_check.setChecked(unmasked)
        self.unmasked_check.blockSignals(False)
        self._show_masking()

    def _show_masking(self) -> None:
        unmasked = self.unmasked_check.isChecked()
        self.masking_label.setObjectName("errorMessage" if unmasked else "hint")
        self.masking_label.setText(
            self.tr("Warning: names and mobile numbers are exported in full. Keep the file safe "
                    "and delete it when done.") if unmasked else
            self.tr("Names and mobile numbers are masked (e.g. 张*, 138****1234). Every export is "
                    "recorded in the audit log."))
        # The object name changed: re-apply the style sheet to this label.
        self.masking_label.style().unpolish(self.masking_label)
        self.masking_label.style().polish(self.masking_label)

    # -- running -----------------------------------------------------------------------------
    def problem(self) -> str | None:
        text = self.path_edit.text().strip()
        if not text:
            return self.tr("Choose where to save the file.")
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
            ask_yes_no(self, self.tr("Replace the file?"), self.tr(
                "{name} already exists. Replace it?").format(name=path.name),
                lambda yes: yes and self._start(path))
            return
        self._start(path)

    def _start(self, path: Path) -> None:
        if self._running:
            return
        self._running = True
        settings = load_settings()
        self.error_label.hide()
        self.buttons.setEnabled(False)
        self.runner.run_long(
            export_named_list, title=self.tr("Exporting {list}…").format(list=self.list_combo.currentText()),
            parent=self, list_name=self.list_name(), path=path, fmt=self.fmt(),
            unmasked=self.unmasked_check.isChecked(), today=self.today,
            language="zh_CN" if chinese_ui() else "en",
            # The header's branch and RM from Settings; empty ones fall back to the portfolio's.
            branch=settings.branch_name or None, rm=settings.rm_name or None,
            on_done=self._on_done, on_error=self._on_error, on_cancelled=self._on_cancelled)

    def _on_done(self, result: ExportResult) -> None:
        self._running = False
        self.buttons.setEnabled(True)
        self.result_value = result
        self.exported.emit(result)
        super().accept()

    def _on_cancelled(self) -> None:
        self._running = False
        self.buttons.setEnabled(True)
        self._show_error(self.tr("Export cancelled; no file was written."))

    def _on_error(self, error: BaseException) -> None:
        self._running = False
        self.buttons.setEnabled(True)
        if isinstance(error, Cancelled):
            self._on_cancelled()
        elif isinstance(error, ListUnavailable):
            self._show_error(self.tr("This list cannot be exported from this portfolio yet: {reason}")
                             .format(reason=str(error)))
        elif isinstance(error, WriteFailed):
            self._show_error(self.tr("The file could not be written: {reason}").format(reason=str(error)))
        elif isinstance(error, ValueError):
            self._show_error(self.tr("Not exported: {reason}").format(reason=str(error)))
        else:
            self._show_error(self.tr("Not exported ({kind}).").format(kind=type(error).__name__))

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    # -- language ----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Export a follow-up list"))
        for i, name in enumerate(LIST_LABELS):
            self.list_combo.setItemText(i, QCoreApplication.translate(_CTX, LIST_LABELS[name]))
        for i, (_code, label) in enumerate(FORMATS):
            self.format_combo.setItemText(i, QCoreApplication.translate(_CTX, label))
        self.list_caption.setText(self.tr("List"))
        self.format_caption.setText(self.tr("Format"))
        self.path_caption.setText(self.tr("File"))
        self.browse_button.setText(self.tr("Browse…"))
        self.unmasked_check.setText(self.tr("Export unmasked (full names and mobile numbers)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self._show_masking()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def exported_message(result: ExportResult) -> str:
    """One status line about a finished export, for the page that opened the dialog."""
    source = (QT_TRANSLATE_NOOP("ExportDialog", "Exported {rows:,} rows to {file} (masked).") if result.masked
              else QT_TRANSLATE_NOOP("ExportDialog", "Exported {rows:,} rows to {file} (UNMASKED)."))
    return QCoreApplication.translate(_CTX, source).format(rows=result.rows, file=result.path.name)

