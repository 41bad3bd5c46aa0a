"""What the export and the monthly report dialogs share: a format, a file (suggested, browsed,
kept when the RM typed one, its suffix following the format), the checks before writing, the
question before replacing a file, and the run on the database thread through runner.run_long
(progress, Cancel) with its outcome said in the dialog, which stays open on a problem.

A subclass lays out its own rows (`_lay_out`), names its file (`_file_name`), starts its work
(`_run(path)`, with `self._done`, `self._failed` and `self._cancelled` as the callbacks) and
words the errors only it can meet (`_error_text`). The shared sentences are translated in the
context "SaveFileDialog" whichever subclass shows them (self.tr would look them up under the
subclass's name, where lupdate never puts them).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
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
from relmgr.services.files import WriteFailed
from relmgr.ui.shell.runner import TaskRunner

NAME_FILTERS = {"xlsx": "Excel (*.xlsx)", "csv": "CSV (*.csv)", "pdf": "PDF (*.pdf)"}


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


class SaveFileDialog(QDialog):
    """See the module docstring. `formats` are the file suffixes offered, in order."""

    #: The service's result, after the file and its audit row were written.
    exported = Signal(object)

    def __init__(self, runner: TaskRunner, *, formats: Sequence[str], folder: Path | None,
                 parent: QWidget | None, min_width: int) -> None:
        super().__init__(parent)
        self.runner = runner
        self.folder = folder or default_folder()
        self.result_value: Any = None
        self._running = False
        self._path_edited = False
        self.setModal(True)
        self.setMinimumWidth(min_width)

        self.format_combo = QComboBox()
        for code in formats:
            self.format_combo.addItem("", code)
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
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.format_combo.currentIndexChanged.connect(self._on_format_changed)
        self.format_caption, self.path_caption = QLabel(), QLabel()

    def _lay_out(self, before: Sequence[tuple[QLabel, QWidget]],
                 after: Sequence[QWidget] = ()) -> None:
        """The form: `before` rows, the format and the file, then `after` widgets without a
        caption; below it the masking note, the error line and the buttons."""
        form = QFormLayout()
        for caption, widget in before:
            form.addRow(caption, widget)
        form.addRow(self.format_caption, self.format_combo)
        where = QHBoxLayout()
        where.addWidget(self.path_edit, 1)
        where.addWidget(self.browse_button)
        form.addRow(self.path_caption, where)
        for widget in after:
            form.addRow("", widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.masking_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self._suggest_path()

    # -- what subclasses say -------------------------------------------------------------------
    def _file_name(self) -> str:
        raise NotImplementedError

    def _chooser_title(self) -> str:
        raise NotImplementedError

    def _run(self, path: Path) -> None:
        raise NotImplementedError

    def _error_text(self, error: BaseException) -> str:
        """The sentence for an error only this dialog's work raises (ValueError and the rest)."""
        raise NotImplementedError

    # -- choices -------------------------------------------------------------------------------
    def fmt(self) -> str:
        return str(self.format_combo.currentData())

    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def set_path(self, path: str | Path) -> None:
        """Use this file (its suffix picks the format when it names one)."""
        self._path_edited = True
        self.path_edit.setText(str(path))
        index = self.format_combo.findData(Path(path).suffix.lower().lstrip("."))
        if index >= 0 and index != self.format_combo.currentIndex():
            self.format_combo.setCurrentIndex(index)

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
        chooser = QFileDialog(self, self._chooser_title(), str(self.path()), NAME_FILTERS[self.fmt()])
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.fileSelected.connect(self._on_file_chosen)
        chooser.open()
        return chooser

    def _on_file_chosen(self, chosen: str) -> None:
        if chosen:
            self.set_path(chosen if Path(chosen).suffix else f"{chosen}.{self.fmt()}")

    # -- running -------------------------------------------------------------------------------
    def problem(self) -> str | None:
        if not self.path_edit.text().strip():
            return QCoreApplication.translate("SaveFileDialog", "Choose where to save the file.")
        path = self.path()
        if path.suffix.lower().lstrip(".") != self.fmt():
            return QCoreApplication.translate(
                "SaveFileDialog", "The file name must end in .{suffix} for this format.").format(
                suffix=self.fmt())
        if not path.parent.is_dir():
            return QCoreApplication.translate(
                "SaveFileDialog", "The folder {folder} does not exist.").format(folder=str(path.parent))
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
            ask_yes_no(self, QCoreApplication.translate("SaveFileDialog", "Replace the file?"),
                       QCoreApplication.translate(
                           "SaveFileDialog", "{name} already exists. Replace it?").format(name=path.name),
                       lambda yes: yes and self._start(path))
            return
        self._start(path)

    def _start(self, path: Path) -> None:
        if self._running:
            return
        self._running = True
        self.error_label.hide()
        self.buttons.setEnabled(False)
        self._run(path)

    def _done(self, result: Any) -> None:
        self._running = False
        self.buttons.setEnabled(True)
        self.result_value = result
        self.exported.emit(result)
        super().accept()

    def _cancelled(self) -> None:
        self._running = False
        self.buttons.setEnabled(True)
        self._show_error(QCoreApplication.translate("SaveFileDialog", "Cancelled; no file was written."))

    def _failed(self, error: BaseException) -> None:
        self._running = False
        self.buttons.setEnabled(True)
        if isinstance(error, Cancelled):
            self._cancelled()
        elif isinstance(error, WriteFailed):
            self._show_error(QCoreApplication.translate(
                "SaveFileDialog", "The file could not be written: {reason}").format(reason=str(error)))
        else:
            self._show_error(self._error_text(error))

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    # -- language ------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.format_caption.setText(QCoreApplication.translate("SaveFileDialog", "Format"))
        self.path_caption.setText(QCoreApplication.translate("SaveFileDialog", "File"))
        self.browse_button.setText(QCoreApplication.translate("SaveFileDialog", "Browse…"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
