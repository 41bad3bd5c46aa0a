"""File ▸ Import…: a bank's export files into the portfolio, through the same services as
`relmgr import --mapping` (relmgr/services/mapping).

Pages: the files (picked, a folder, or dropped; a saved mapping to start from) → how each is
written (encoding, separator, quote, header row; detected, with a preview and overrides) →
columns to relmgr's fields → codes → name and mode → the data-quality report of a dry run
(nothing written) → the import, with progress and Cancel, on the database thread like every
write. Reading runs on a worker thread; nothing here blocks the GUI thread on a file.

Opened with open(), never exec(): the auto-lock rejects it like any dialog, and what was read
is dropped then.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from relmgr.services.mapping.export_files import (
    ENCODING_CHOICES,
    QUOTE_CHOICES,
    SEPARATOR_CHOICES,
    expand,
)
from relmgr.services.mapping.model import MappingError, load_mapping, mappings_dir
from relmgr.services.mapping.sniff import MAX_HEADER_ROW
from relmgr.ui.importing.state import Reading, WizardState, personal_columns, preview, read_all

FILE_FILTER = "*.csv *.txt *.tsv *.dat *.xlsx"


def saved_mapping_names() -> list[str]:
    """The saved mappings, the one saved last at the end."""
    try:
        found = [(p.stat().st_mtime, p.stem) for p in mappings_dir().glob("*.json")]
    except OSError:
        return []
    return [name for _t, name in sorted(found)]


class Page(QWizardPage):
    """A wizard page with a line for what went wrong (one sentence, naming file and row)."""

    def __init__(self) -> None:
        super().__init__()
        self.message = QLabel()
        self.message.setObjectName("wizardMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")

    def show_message(self, text: str) -> None:
        self.message.setText(text)


class FilesList(QListWidget):
    """The picked files; files and folders dropped on it are added."""

    def __init__(self, on_drop: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDragDropMode(QListWidget.DragDropMode.DropOnly)
        self._on_drop = on_drop

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt API)
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self._on_drop(paths)


class FilesPage(Page):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.state = wizard.state
        self.list = FilesList(self.add_paths, self)
        self.add_files_button = QPushButton()
        self.add_folder_button = QPushButton()
        self.remove_button = QPushButton()
        self.add_files_button.clicked.connect(self._pick_files)
        self.add_folder_button.clicked.connect(self._pick_folder)
        self.remove_button.clicked.connect(self._remove)
        self.saved_combo = QComboBox()
        self.saved_label = QLabel()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.picker: QFileDialog | None = None
        buttons = QHBoxLayout()
        for b in (self.add_files_button, self.add_folder_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        saved = QHBoxLayout()
        saved.addWidget(self.saved_label)
        saved.addWidget(self.saved_combo, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addLayout(saved)
        layout.addWidget(self.message)

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        current = self.saved_combo.currentData()
        self.saved_combo.clear()
        self.saved_combo.addItem(self.tr("None: suggest from the column names"), None)
        names = saved_mapping_names()
        for name in names:
            self.saved_combo.addItem(name, name)
        # Offered next time: the mapping saved last is chosen already.
        chosen = current or (names[-1] if names and self.wizard().offer_saved else None)
        self.saved_combo.setCurrentIndex(max(0, self.saved_combo.findData(chosen)) if chosen else 0)

    def add_paths(self, paths: list[Path]) -> None:
        for path in expand(paths):
            if path not in self.state.paths:
                self.state.paths.append(path)
        self._show()

    def _show(self) -> None:
        self.list.clear()
        self.list.addItems([p.name for p in self.state.paths])
        self.completeChanged.emit()

    def _remove(self) -> None:
        rows = sorted((self.list.row(i) for i in self.list.selectedItems()), reverse=True)
        for row in rows:
            del self.state.paths[row]
        self._show()

    def _pick_files(self) -> None:
        self.picker = QFileDialog(self, self.tr("Export files"), "",
                                  self.tr("Bank exports ({patterns})").format(patterns=FILE_FILTER))
        self.picker.setFileMode(QFileDialog.FileMode.ExistingFiles)
        self.picker.filesSelected.connect(lambda files: self.add_paths([Path(f) for f in files]))
        self.picker.open()

    def _pick_folder(self) -> None:
        self.picker = QFileDialog(self, self.tr("Folder of export files"))
        self.picker.setFileMode(QFileDialog.FileMode.Directory)
        self.picker.fileSelected.connect(lambda folder: self.add_paths([Path(folder)]))
        self.picker.open()

    def isComplete(self) -> bool:  # noqa: N802 (Qt API)
        return bool(self.state.paths)

    def validatePage(self) -> bool:  # noqa: N802 (Qt API)
        name = self.saved_combo.currentData()
        self.state.saved = None
        if name:
            try:
                self.state.saved = load_mapping(name)
                self.state.name = name
                self.state.read_as_saved()
            except MappingError as error:
                self.wizard().say(str(error))
                return False
        return True

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Files"))
        self.setSubTitle(self.tr("Pick the export files (CSV, TXT, XLSX) or a folder, or drop them here."))
        self.add_files_button.setText(self.tr("Add files…"))
        self.add_folder_button.setText(self.tr("Add folder…"))
        self.remove_button.setText(self.tr("Remove"))
        self.saved_label.setText(self.tr("Saved mapping:"))
        self.hint.setText(self.tr("Nothing is written until the last step; the files stay where they are."))


class ReadingPage(Page):
    """How each file is written, detected; the RM may override each part and sees a preview
    (personal columns and long numbers masked)."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.state = wizard.state
        self.ready = False
        self.file_combo = QComboBox()
        self.detected = QLabel()
        self.detected.setWordWrap(True)
        self.encoding_combo = QComboBox()
        self.separator_combo = QComboBox()
        self.quote_combo = QComboBox()
        self.header_spin = QSpinBox()
        self.header_spin.setRange(0, MAX_HEADER_ROW)
        self.reread_button = QPushButton()
        self.reread_button.clicked.connect(self._reread)
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(5)]
        for label, widget in zip(self.labels, (self.file_combo, self.encoding_combo, self.separator_combo,
                                               self.quote_combo, self.header_spin), strict=True):
            self.form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.reread_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.detected)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        self.file_combo.currentIndexChanged.connect(self._show_file)

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        self._read()

    def _read(self) -> None:
        self.ready = False
        self.completeChanged.emit()
        self.wizard().run_reading(read_all, list(self.state.paths), dict(self.state.readings),
                                  on_done=self._read_done)

    def _read_done(self, outcome: Any) -> None:
        self.state.take(outcome)
        shown = self.file_combo.currentData()       # a re-read stays on its file
        self.file_combo.blockSignals(True)
        self.file_combo.clear()
        for path in self.state.paths:
            self.file_combo.addItem(path.name, str(path))
        self.file_combo.setCurrentIndex(max(0, self.file_combo.findData(shown)))
        self.file_combo.blockSignals(False)
        unreadable = [f"{p.name}: {why}" for p, why in self.state.problems.items()]
        self.show_message("\n".join(unreadable))
        self.ready = bool(self.state.raws)
        self._show_file()
        self.completeChanged.emit()

    def _path(self) -> Path | None:
        data = self.file_combo.currentData()
        return Path(data) if data else None

    def _show_file(self) -> None:
        path = self._path()
        if path is None:
            return
        how = self.state.readings.get(path, Reading())
        names = [n for n, p in self.state.origin.items() if p == path]
        found = self.state.raws[names[0]].dialect if names else None
        tab = {"\t": self.tr("tab")}
        self._fill(self.encoding_combo, ENCODING_CHOICES, how.encoding, found and found.encoding)
        self._fill(self.separator_combo, SEPARATOR_CHOICES, how.separator,
                   found and tab.get(found.separator, found.separator), shown=tab)
        self._fill(self.quote_combo, QUOTE_CHOICES, how.quote, found and found.quote)
        self.header_spin.setSpecialValueText(self.tr("detected: {value}").format(
            value=found.header_row if found else "—"))
        self.header_spin.setValue(how.header_row or 0)
        xlsx = path.suffix.lower() == ".xlsx"
        for widget in (self.encoding_combo, self.separator_combo, self.quote_combo, self.header_spin,
                       self.reread_button):
            widget.setEnabled(not xlsx)
        if path in self.state.problems:
            self.detected.setText(self.tr("Cannot be read: {reason}").format(reason=self.state.problems[path]))
            self.table.clear()
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            return
        if not names:
            return
        raw = self.state.raws[names[0]]
        text = self.tr("Detected: {dialect}; {rows:,} rows.").format(dialect=raw.dialect.describe(self.wizard().language),
                                                                    rows=len(raw.rows))
        if len(names) > 1:
            text += " " + self.tr("{count} sheets; the preview shows the first.").format(count=len(names))
        self.detected.setText(text)
        header, rows = preview(raw, personal_columns(self.state, names[0]))
        self.table.clear()
        self.table.setColumnCount(len(header))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels(header)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row[:len(header)]):
                self.table.setItem(r, c, QTableWidgetItem(cell))

    def _fill(self, combo: QComboBox, choices: tuple[str, ...], current: str | None,
              found: str | None, shown: dict[str, str] | None = None) -> None:
        combo.clear()
        combo.addItem(self.tr("detected: {value}").format(value=found or "—"), None)
        for choice in choices:
            combo.addItem((shown or {}).get(choice, choice), choice)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)

    def _reread(self) -> None:
        path = self._path()
        if path is None:
            return
        self.state.readings[path] = Reading(self.encoding_combo.currentData(),
                                            self.separator_combo.currentData(),
                                            self.quote_combo.currentData(),
                                            self.header_spin.value() or None)
        self._read()

    def isComplete(self) -> bool:  # noqa: N802 (Qt API)
        return self.ready

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("How the files are written"))
        self.setSubTitle(self.tr("relmgr detected each file's encoding, separator, quote and header row. "
                                 "Change what is wrong and read the file again."))
        for label, text in zip(self.labels, (self.tr("File:"), self.tr("Encoding:"), self.tr("Separator:"),
                                             self.tr("Quote:"), self.tr("Header on line:")), strict=True):
            label.setText(text)
        self.reread_button.setText(self.tr("Read again with these settings"))
        self.note.setText(self.tr("Names, ID numbers, phone numbers and long numbers are masked in the preview."))


class ImportWizard(QWizard):
    """The wizard; `window` is the main window (its runner, language and status bar)."""

    offer_saved = True                 # start from the mapping saved last, if any

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        from relmgr.ui.importing.mapping_pages import CodesPage, ColumnsPage
        from relmgr.ui.importing.run_pages import CheckPage, ImportPage, OptionsPage

        self.window_ = window
        self.state = WizardState()
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(1200, 700)
        self.files_page = FilesPage(self)
        self.reading_page = ReadingPage(self)
        self.columns_page = ColumnsPage(self)
        self.codes_page = CodesPage(self)
        self.options_page = OptionsPage(self)
        self.check_page = CheckPage(self)
        self.import_page = ImportPage(self)
        self.pages = (self.files_page, self.reading_page, self.columns_page, self.codes_page,
                      self.options_page, self.check_page, self.import_page)
        for page in self.pages:
            self.addPage(page)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.finished.connect(lambda _r: self.state.clear())
        self.retranslate_ui()

    @property
    def runner(self) -> Any:
        return self.window_.runner

    @property
    def language(self) -> str:
        return self.window_.translations.language

    def say(self, text: str) -> None:
        page = self.currentPage()
        if hasattr(page, "show_message"):
            page.show_message(text)

    def run_reading(self, fn: Any, *args: Any, on_done: Any) -> None:
        """Read files on a thread of their own, with progress and Cancel (Cancel keeps the
        wizard on the page; nothing was read)."""
        self.runner.run_long(fn, *args, title=self.tr("Reading the files…"), parent=self,
                             needs_portfolio=False, on_done=on_done,
                             on_error=lambda e: self.say(str(e)), on_cancelled=lambda: None)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Import a bank export"))
        for page in self.pages:
            page.retranslate_ui()
