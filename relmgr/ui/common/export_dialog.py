"""The export dialog: which follow-up list (today, due, warnings, recommendations, tasks), which
format (XLSX, CSV, PDF), where to, and whether personal data stays masked (the default).

Exporting unmasked is an explicit choice: ticking the box shows what it means and asks for a
confirmation; a warning stays on screen while it is ticked. The export
(relmgr.services.export.export_named_list) also writes the audit row. Running it, and saying in
the dialog what went wrong (a list the portfolio cannot build yet, ListUnavailable, or a file
that cannot be written) while it stays open, is save_dialog.SaveFileDialog's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialogButtonBox, QLabel, QWidget

from relmgr.services.bulk import SELECTION_LIST, export_selection
from relmgr.services.export import ExportResult, ListUnavailable, export_named_list
from relmgr.services.settings import load_settings
from relmgr.services.target_lists import TARGET_PREFIX
from relmgr.ui.common.save_dialog import SaveFileDialog, ask_yes_no
from relmgr.ui.common.texts import chinese_ui
from relmgr.ui.shell.runner import TaskRunner

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
    "loan-mortgage": QT_TRANSLATE_NOOP("ExportDialog", "Loan prospects: Mortgage"),
    "loan-consumer": QT_TRANSLATE_NOOP("ExportDialog", "Loan prospects: Consumer loan"),
    "loan-business": QT_TRANSLATE_NOOP("ExportDialog", "Loan prospects: Business loan"),
    "loan-credit_card": QT_TRANSLATE_NOOP("ExportDialog", "Loan prospects: Credit card"),
}
FORMATS = (("xlsx", QT_TRANSLATE_NOOP("ExportDialog", "Excel workbook (.xlsx)")),
           ("csv", QT_TRANSLATE_NOOP("ExportDialog", "CSV, UTF-8 for Excel and WPS (.csv)")),
           ("pdf", QT_TRANSLATE_NOOP("ExportDialog", "PDF call sheet (.pdf)")))


class ExportDialog(SaveFileDialog):
    """Export one named list. `list_name` preselects the list; `today` is the list's day (None:
    the service's convention); `folder` is where the file goes by default. With `customer_ids`
    (the Customers table's selection) it exports those customers instead of a named list."""

    def __init__(self, runner: TaskRunner, *, list_name: str = "today", today: dt.date | None = None,
                 folder: Path | None = None, customer_ids: Sequence[str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, formats=[code for code, _label in FORMATS], folder=folder,
                         parent=parent, min_width=560)
        self.today = today
        self.result_value: ExportResult | None = None
        self.customer_ids = None if customer_ids is None else list(customer_ids)
        self.list_combo = QComboBox()
        if self.customer_ids is not None:
            # The selection is the one thing this dialog exports: no named list to choose.
            list_name = SELECTION_LIST
            self.list_combo.addItem("", SELECTION_LIST)
            self.list_combo.setEnabled(False)
        for name in () if self.customer_ids is not None else LIST_LABELS:
            self.list_combo.addItem("", name)
        # A saved target list (the list builder's Export…) is offered by its own name.
        self.target_list = list_name[len(TARGET_PREFIX):] if list_name.startswith(TARGET_PREFIX) else None
        if self.target_list is not None:
            self.list_combo.addItem("", list_name)
        self.list_combo.setCurrentIndex(max(self.list_combo.findData(list_name), 0))
        self.list_combo.currentIndexChanged.connect(self._suggest_path)
        self.unmasked_check = QCheckBox()
        self.unmasked_check.toggled.connect(self._on_unmasked_toggled)
        self.list_caption = QLabel()
        self._lay_out([(self.list_caption, self.list_combo)], after=[self.unmasked_check])

    def list_name(self) -> str:
        return str(self.list_combo.currentData())

    def _file_name(self) -> str:
        day = (self.today or dt.date.today()).isoformat()
        name = self.list_name()
        if name.startswith(TARGET_PREFIX):
            # The RM's own name, with what a file name cannot hold (":", "/", ...) made "-".
            name = "target-" + (re.sub(r"[^\w-]+", "-", name[len(TARGET_PREFIX):]).strip("-") or "list")
        return f"{name}_{day}.{self.fmt()}"

    def _chooser_title(self) -> str:
        return self.tr("Export to")

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
    def _run(self, path: Path) -> None:
        settings = load_settings()
        if self.customer_ids is not None:
            export, target = export_selection, {"customer_ids": self.customer_ids}
        else:
            export, target = export_named_list, {"list_name": self.list_name()}
        self.runner.run_long(
            export, title=self.tr("Exporting {list}…").format(list=self.list_combo.currentText()),
            parent=self, **target, path=path, fmt=self.fmt(),
            unmasked=self.unmasked_check.isChecked(), today=self.today,
            language="zh_CN" if chinese_ui() else "en",
            # The header's branch and RM from Settings; empty ones fall back to the portfolio's.
            branch=settings.branch_name or None, rm=settings.rm_name or None,
            on_done=self._done, on_error=self._failed, on_cancelled=self._cancelled)

    def _error_text(self, error: BaseException) -> str:
        if isinstance(error, ListUnavailable):
            return self.tr("This list cannot be exported from this portfolio yet: {reason}").format(
                reason=str(error))
        if isinstance(error, ValueError):
            return self.tr("Not exported: {reason}").format(reason=str(error))
        return self.tr("Not exported ({kind}).").format(kind=type(error).__name__)

    # -- language ----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Export a follow-up list") if self.customer_ids is None
                            else self.tr("Export the selected customers"))
        if self.customer_ids is not None:
            self.list_combo.setItemText(0, self.tr("Selected customers ({count:,})").format(
                count=len(self.customer_ids)))
        for i, name in enumerate(() if self.customer_ids is not None else LIST_LABELS):
            self.list_combo.setItemText(i, QCoreApplication.translate(_CTX, LIST_LABELS[name]))
        if self.target_list is not None:
            self.list_combo.setItemText(len(LIST_LABELS), self.tr("Target list: {name}").format(name=self.target_list))
        for i, (_code, label) in enumerate(FORMATS):
            self.format_combo.setItemText(i, QCoreApplication.translate(_CTX, label))
        self.list_caption.setText(self.tr("List"))
        self.unmasked_check.setText(self.tr("Export unmasked (full names and mobile numbers)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self._show_masking()


def exported_message(result: ExportResult) -> str:
    """One status line about a finished export, for the page that opened the dialog."""
    source = (QT_TRANSLATE_NOOP("ExportDialog", "Exported {rows:,} rows to {file} (masked).") if result.masked
              else QT_TRANSLATE_NOOP("ExportDialog", "Exported {rows:,} rows to {file} (UNMASKED)."))
    return QCoreApplication.translate(_CTX, source).format(rows=result.rows, file=result.path.name)

