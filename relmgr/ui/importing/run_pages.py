"""The wizard's last pages: the mapping's name and the mode, the data-quality report of a dry
run (every check, nothing written), then the import itself, all or nothing, with progress and
Cancel on the database thread. Cancel rolls the transaction back: the portfolio is exactly as
it was."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizard,
)

from relmgr.domain.progress import Cancelled
from relmgr.services.files import WriteFailed
from relmgr.services.importer.problems import ImportRejected, format_problems
from relmgr.services.mapping.model import MappingError, check_currency, save_mapping
from relmgr.services.mapping.rejected import write_rejected_rows
from relmgr.services.mapping.run import import_read
from relmgr.ui.importing.wizard import Page, saved_mapping_names


def check_import(portfolio: Any, mapping: Any, raws: Any, **options: Any) -> Any:
    """A dry run: every check and the data-quality report, rolled back. Not declared a write
    (it changes nothing), so no page reloads after it."""
    return import_read(portfolio, mapping, raws, dry_run=True, **options)


class OptionsPage(Page):
    def __init__(self, wizard: Any) -> None:
        super().__init__()
        self.state = wizard.state
        self.name_combo = QComboBox()
        self.name_combo.setEditable(True)
        self.save_check = QCheckBox()
        self.save_check.setChecked(True)
        self.upsert_radio = QRadioButton()
        self.replace_radio = QRadioButton()
        self.amend_radio = QRadioButton()
        self.upsert_radio.setChecked(True)
        self.currency_edit = QLineEdit()
        self.currency_edit.setMaxLength(3)
        self.currency_edit.setPlaceholderText("CNY")
        self.rate_spin = QDoubleSpinBox()
        self.rate_spin.setDecimals(6)
        self.rate_spin.setRange(0.000001, 1_000_000.0)
        self.rate_spin.setValue(1.0)
        self.name_label, self.mode_label = QLabel(), QLabel()
        self.currency_label, self.rate_label = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.name_label, self.name_combo)
        form.addRow("", self.save_check)
        form.addRow(self.mode_label, self.upsert_radio)
        form.addRow("", self.replace_radio)
        form.addRow("", self.amend_radio)
        form.addRow(self.currency_label, self.currency_edit)
        form.addRow(self.rate_label, self.rate_spin)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.message)

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        self.name_combo.clear()
        self.name_combo.addItems(sorted(saved_mapping_names()))
        first = next(iter(self.state.paths), None)
        self.name_combo.setEditText(self.state.name or (first.parent.name if first else "bank-export"))
        if self.state.saved is not None and self.state.saved.currency:
            self.currency_edit.setText(self.state.saved.currency)
            self.rate_spin.setValue(self.state.saved.exchange_rate or 1.0)

    def validatePage(self) -> bool:  # noqa: N802 (Qt API)
        name = self.name_combo.currentText().strip()
        if self.save_check.isChecked() and (not name or any(c in name for c in "/\\:") or name.startswith(".")):
            self.show_message(self.tr("A mapping name is letters, digits, '-' and '_'."))
            return False
        currency = self.currency_edit.text().strip().upper()
        try:
            self.state.currency, self.state.exchange_rate = check_currency(
                currency or None, self.rate_spin.value() if currency and currency != "CNY" else None,
                where=self.tr("Currency"))
        except MappingError as error:
            self.show_message(str(error))
            return False
        self.state.name = name or "import"
        self.state.save = self.save_check.isChecked()
        self.state.mode = ("replace" if self.replace_radio.isChecked() else
                           "amend" if self.amend_radio.isChecked() else "upsert")
        return True

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Mapping and mode"))
        self.setSubTitle(self.tr("Save the mapping by name to use it again next time."))
        self.name_label.setText(self.tr("Mapping name:"))
        self.save_check.setText(self.tr("Save the mapping after the import"))
        self.mode_label.setText(self.tr("Mode:"))
        self.upsert_radio.setText(self.tr("Update: customers and accounts updated by key, new events added"))
        self.replace_radio.setText(self.tr("Replace: the imported event tables are emptied first "
                                           "(a corrected export replaces the earlier one)"))
        self.currency_label.setText(self.tr("Currency of the amounts:"))
        self.currency_edit.setToolTip(self.tr("Empty or CNY: no conversion. Another code (USD, HKD…): "
                                              "amounts are converted to CNY at the rate below."))
        self.rate_label.setText(self.tr("CNY per unit:"))
        self.amend_radio.setText(self.tr("Amend: events already imported with other content are "
                                         "corrected by key (audited)"))


class CheckPage(Page):
    """The data-quality report before anything is written; rejected rows can be saved."""

    def __init__(self, wizard: Any) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.state = wizard.state
        self.passed = False
        self.problems: tuple = ()
        self.quality: Any = None        # the data-quality report shown, said again on a language switch
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.save_rejected_button = QPushButton()
        self.save_rejected_button.clicked.connect(self._pick_rejected_file)
        self.save_rejected_button.hide()
        self.picker: QFileDialog | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.save_rejected_button)
        layout.addWidget(self.message)

    def options(self) -> dict[str, Any]:
        first = next(iter(self.state.paths), None)
        return {"label": first.parent.name if first else "import", "mode": self.state.mode}

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        self.passed = False
        self.problems = ()
        self.quality = None
        self.report.clear()
        self.summary.setText(self.tr("Checking…"))
        self.save_rejected_button.hide()
        self.show_message("")
        self.completeChanged.emit()
        self.wizard_.runner.run_long(check_import, self.state.mapping(), self.state.raws_by_table(),
                                     title=self.tr("Checking the export…"), parent=self.wizard_,
                                     on_done=self._checked, on_error=self._failed,
                                     on_cancelled=lambda: self.summary.setText(self.tr("Check cancelled.")),
                                     **self.options())

    def _checked(self, done: Any) -> None:
        self.passed = True
        self.quality = done.quality
        self._show_report()
        self.summary.setText(self.tr("Every row passed. Nothing is written yet: Next imports. {report}").format(
            report=str(done.report).replace("dry run, nothing written; would import", "").strip()))
        self.completeChanged.emit()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ImportRejected):
            self.problems = error.problems
            self.quality = getattr(error, "quality", None)
            if self.quality is not None:
                self._show_report()
            else:
                self.report.setPlainText("\n".join(format_problems(error.problems)[1:]))
            self.summary.setText(self.tr("Not imported: fix the export or the mapping (Back). {first}").format(
                first=format_problems(error.problems)[0]))
            self.save_rejected_button.show()
        elif isinstance(error, MappingError):
            self.summary.setText(str(error))
        else:
            self.summary.setText(self.tr("The check failed: {error}").format(error=type(error).__name__))

    def _show_report(self) -> None:
        self.report.setPlainText("\n".join(self.quality.lines(language=self.wizard_.language)))

    def _pick_rejected_file(self) -> None:
        self.picker = QFileDialog(self, self.tr("Save the rejected rows"), "rejected-rows.csv",
                                  self.tr("CSV (*.csv)"))
        self.picker.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        self.picker.setDefaultSuffix("csv")
        self.picker.fileSelected.connect(self.save_rejected)
        self.picker.open()

    def save_rejected(self, path: str) -> None:
        try:
            written = write_rejected_rows(self.problems, path)
        except WriteFailed as error:
            self.show_message(str(error))
            return
        self.show_message(self.tr("Saved {file}: file, row, column and reason of each problem; "
                                  "no values from the rows.").format(file=written.name))

    def isComplete(self) -> bool:  # noqa: N802 (Qt API)
        return self.passed

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Data-quality report"))
        if self.quality is not None:
            self._show_report()
        self.setSubTitle(self.tr("Every check has run on the whole export; nothing has been written."))
        self.save_rejected_button.setText(self.tr("Save the rejected rows as CSV…"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Import"))


class ImportPage(Page):
    def __init__(self, wizard: Any) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.state = wizard.state
        self.done = False
        self.result: Any = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.retry_button = QPushButton()
        self.retry_button.clicked.connect(self.initializePage)
        self.retry_button.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.retry_button)
        layout.addStretch(1)
        layout.addWidget(self.message)

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        self.done = False
        self.retry_button.hide()
        self.summary.setText(self.tr("Importing…"))
        self.completeChanged.emit()
        self.wizard_.runner.run_long(import_read, self.state.mapping(), self.state.raws_by_table(),
                                     title=self.tr("Importing the export…"), parent=self.wizard_,
                                     on_done=self._imported, on_error=self._failed,
                                     on_cancelled=self._cancelled,
                                     **self.wizard_.check_page.options())

    def _imported(self, done: Any) -> None:
        self.result = done
        text = str(done.report)
        if self.state.save:
            try:
                saved = save_mapping(done.mapping, self.state.name)
                text += "\n" + self.tr("Mapping saved as {name}.").format(name=saved.stem)
            except (MappingError, OSError) as error:
                text += "\n" + self.tr("The mapping was not saved: {error}").format(error=error)
        self.summary.setText(text)
        self.done = True
        self.completeChanged.emit()

    def _cancelled(self) -> None:
        self.summary.setText(self.tr("Import cancelled: nothing was changed."))
        self.retry_button.show()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ImportRejected):
            text = format_problems(error.problems)[0]
        elif isinstance(error, Cancelled):
            text = self.tr("Import cancelled: nothing was changed.")
        else:
            text = self.tr("Not imported, nothing was changed: {error}").format(error=type(error).__name__)
        self.summary.setText(text)
        self.retry_button.show()

    def isComplete(self) -> bool:  # noqa: N802 (Qt API)
        return self.done

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Import"))
        self.setSubTitle(self.tr("All or nothing: Cancel leaves the portfolio exactly as it was."))
        self.retry_button.setText(self.tr("Try again"))
