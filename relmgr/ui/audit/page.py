"""Audit log page (审计日志): who did what to the portfolio and when — unlocks, locks, password
changes, imports, revealed ID numbers and phones, exports (which list, format, rows, masked or
not, file name) — newest first, filtered by action. Read through
relmgr.services.audit.list_audit on the database thread. The log holds no customer data (a
target is at most a customer number or a file name), so nothing here needs masking. A banner line
says whether the hash chain is intact (relmgr.storage.audit_chain) and, if not, which row it
breaks at: checked in the same database-thread load, so every reload (including the one after a
write, through Topic.AUDIT) checks it again.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from relmgr.domain.codes import AuditAction
from relmgr.services.audit_view import ROW_LIMIT, AuditPageData, load_audit_page
from relmgr.services.changes import Topic
from relmgr.storage.audit_chain import ChainBreak
from relmgr.ui.common import formatting, texts
from relmgr.ui.common.table_model import LEFT, FrameTableModel
from relmgr.ui.shell.runner import TaskRunner
from relmgr.ui.common.widgets import ListView, follow_changes, section_title

_CTX = "AuditPage"
UNMASKED_COLOUR = QColor("#9a5b00")
_LIST_NAMES = {
    "today": QT_TRANSLATE_NOOP("AuditPage", "Today's worklist"),
    "due": QT_TRANSLATE_NOOP("AuditPage", "Customers due for contact"),
    "warnings": QT_TRANSLATE_NOOP("AuditPage", "Churn warnings"),
    "recommendations": QT_TRANSLATE_NOOP("AuditPage", "Product recommendations"),
    "tasks": QT_TRANSLATE_NOOP("AuditPage", "Open tasks"),
    "selection": QT_TRANSLATE_NOOP("AuditPage", "Selected customers"),
}


def detail_text(value: Any) -> str:
    """An audit detail in words; export details read as '{list}: {rows} rows, XLSX, masked'."""
    if isinstance(value, dict) and {"list", "rows", "format"} <= set(value):
        name = _LIST_NAMES.get(str(value["list"]))
        list_label = QCoreApplication.translate(_CTX, name) if name else str(value["list"])
        source = (QT_TRANSLATE_NOOP("AuditPage", "{list}: {rows:,} rows, {format}, masked, file {file}")
                  if value.get("masked", True) else
                  QT_TRANSLATE_NOOP("AuditPage", "{list}: {rows:,} rows, {format}, UNMASKED, file {file}"))
        return QCoreApplication.translate(_CTX, source).format(
            list=list_label, rows=int(value["rows"]), format=str(value["format"]).upper(),
            file=value.get("file", ""))
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return formatting.text(value)


COLUMNS = (
    ("at_text", QT_TRANSLATE_NOOP("AuditPage", "When"), formatting.text, LEFT),
    ("actor", QT_TRANSLATE_NOOP("AuditPage", "Who"), formatting.text, LEFT),
    ("action", QT_TRANSLATE_NOOP("AuditPage", "What"), texts.audit_action, LEFT),
    ("target", QT_TRANSLATE_NOOP("AuditPage", "Target"), formatting.text, LEFT),
    ("detail_value", QT_TRANSLATE_NOOP("AuditPage", "Details"), detail_text, LEFT),
)


class AuditTableModel(FrameTableModel):
    """Audit rows; unmasked exports stand out in amber."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, context=_CTX, parent=parent)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # type: ignore[override]
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            value = self.frame["detail_value"].iat[int(self.visible_rows()[index.row()])]
            if isinstance(value, dict) and value.get("masked") is False:
                return UNMASKED_COLOUR
        return super().data(index, role)


class AuditPage(QWidget):
    #: What it shows: the audit log.
    READS = frozenset({Topic.AUDIT})
    open_customer = Signal(str)
    loaded = Signal(int)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        follow_changes(self, runner, self.READS)
        self._generation = 0
        self._has_data = False
        self._broken: ChainBreak | None = None
        self._chain_checked = False  # no banner until a load has checked the chain
        self.title = section_title()
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")
        self.action_caption = QLabel()
        self.action_combo = QComboBox()
        self.action_combo.currentIndexChanged.connect(lambda _i: self.load() if self._has_data else None)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.load)
        self.model = AuditTableModel(self)
        self.view = ListView(self.model)
        self.view.open_customer.connect(self.open_customer)
        self.chain_label = QLabel()
        self.chain_label.setObjectName("hint")
        self.chain_label.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setObjectName("hint")
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.count_label)
        filters = QHBoxLayout()
        filters.addWidget(self.action_caption)
        filters.addWidget(self.action_combo)
        filters.addStretch(1)
        filters.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(header)
        layout.addLayout(filters)
        layout.addWidget(self.chain_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status_label)
        self.retranslate_ui()

    def action_filter(self) -> str | None:
        return self.action_combo.currentData() or None

    def load(self) -> None:
        self.live = True
        self._generation += 1
        generation = self._generation
        self._has_data = True
        self.runner.run_db(load_audit_page, action=self.action_filter(),
                           on_done=lambda data: self._show(data, generation),
                           on_error=lambda error: self._failed(error, generation))

    def clear(self) -> None:
        self.live = False
        self._generation += 1
        self._has_data = False
        self.model.clear()
        self.count_label.clear()
        self.status_label.clear()
        self._broken = None
        self._chain_checked = False
        self._render_chain()

    def _show(self, data: AuditPageData, generation: int) -> None:
        if generation != self._generation:
            return
        frame: pd.DataFrame = data.rows
        self._broken = data.broken
        self._chain_checked = True
        self._render_chain()
        self.model.set_frame(frame.reset_index(drop=True))
        for column, width in enumerate((150, 110, 150, 200)):
            self.view.setColumnWidth(column, width)
        self._render_count()
        self.loaded.emit(len(frame))

    def _failed(self, error: BaseException, generation: int) -> None:
        if generation == self._generation:
            self.status_label.setText(self.tr("The audit log could not be read ({kind}).").format(
                kind=type(error).__name__))

    def _render_count(self) -> None:
        if not self._has_data:
            self.count_label.clear()
            return
        count = self.model.rowCount()
        if count >= ROW_LIMIT:
            text = self.tr("The latest {count:,} entries").format(count=count)
        elif count == 1:
            text = self.tr("1 entry")
        else:
            text = self.tr("{count:,} entries").format(count=count)
        self.count_label.setText(text)

    def chain_text(self) -> str:
        """The banner line: intact, or where the chain breaks (row ids only, no personal data)."""
        found = self._broken
        if found is None:
            return self.tr("Audit chain intact: no entry has been changed, removed or reordered.")
        if found.kind == "gap":
            return self.tr("Audit chain BROKEN at entry {row}: an entry before it was removed, "
                           "inserted or moved.").format(row=found.audit_id)
        if found.kind == "changed":
            return self.tr("Audit chain BROKEN at entry {row}: it was changed after it was "
                           "written.").format(row=found.audit_id)
        return self.tr("Audit chain BROKEN: the log ends after {rows:,} entries but the file "
                       "recorded a later one, so the newest entries were removed.").format(rows=found.rows)

    def _render_chain(self) -> None:
        if not self._chain_checked:
            self.chain_label.clear()
            return
        self.chain_label.setText(self.chain_text())
        name = "hint" if self._broken is None else "errorMessage"
        if self.chain_label.objectName() != name:
            # The style sheet picks the colour by object name; re-polish so the change shows.
            self.chain_label.setObjectName(name)
            self.chain_label.style().unpolish(self.chain_label)
            self.chain_label.style().polish(self.chain_label)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Audit log"))
        self.action_caption.setText(self.tr("Action"))
        self.refresh_button.setText(self.tr("Refresh"))
        current = self.action_combo.currentData()
        self.action_combo.blockSignals(True)
        self.action_combo.clear()
        self.action_combo.addItem(self.tr("All actions"), "")
        for action in AuditAction:
            self.action_combo.addItem(texts.audit_action(action), action.value)
        self.action_combo.setCurrentIndex(max(self.action_combo.findData(current or ""), 0))
        self.action_combo.blockSignals(False)
        self.model.retranslate()
        self._render_count()
        self._render_chain()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
