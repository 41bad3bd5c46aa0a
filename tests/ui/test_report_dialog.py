"""File ▸ Monthly report… on the demo portfolio: the dialog offers the data date's month and the
eleven before it, writes the PDF or the workbook off the GUI thread, audits it, and says in the
dialog when the folder is missing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox
from openpyxl import load_workbook

from relmgr.domain.codes import AuditAction
from relmgr.services.audit import detail_of, list_audit
from relmgr.ui.common.report_dialog import ReportDialog

TIMEOUT = 60_000


def _settled(window, qtbot) -> None:
    qtbot.waitUntil(lambda: not window.runner.is_busy, timeout=TIMEOUT)
    qtbot.wait(30)
    qtbot.waitUntil(lambda: not window.runner.is_busy, timeout=TIMEOUT)


def test_monthly_report_from_the_file_menu(unlocked_window, qtbot, tmp_path: Path) -> None:
    window = unlocked_window
    _settled(window, qtbot)
    qtbot.waitUntil(lambda: window._as_of is not None, timeout=TIMEOUT)
    assert window.report_action in window.file_menu.actions() and window.report_action.isEnabled()
    window.report_action.trigger()
    dialog = next(w for w in window.findChildren(ReportDialog) if w.isVisible())
    months = [dialog.month_combo.itemData(i) for i in range(dialog.month_combo.count())]
    assert months[0] == "2026-06" and months[-1] == "2025-07" and len(months) == 12

    dialog.set_path(tmp_path / "missing" / "review.pdf")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and "does not exist" in dialog.error_label.text()

    dialog.month_combo.setCurrentIndex(1)
    dialog.set_path(tmp_path / "review.xlsx")
    assert dialog.fmt() == "xlsx"
    with qtbot.waitSignal(dialog.exported, timeout=TIMEOUT) as done:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    result = done.args[0]
    assert result.month == "2026-05" and result.path == tmp_path / "review.xlsx"
    book = load_workbook(result.path, read_only=True)
    assert "KPIs against targets" in book.sheetnames
    qtbot.waitUntil(lambda: "review.xlsx" in window.statusBar().currentMessage(), timeout=5_000)

    exports = window.runner.run_db(list_audit, action=AuditAction.EXPORTED, limit=1).result(timeout=30)
    assert detail_of(exports.iloc[0]["detail"])["list"] == "monthly-report"
    assert detail_of(exports.iloc[0]["detail"])["month"] == "2026-05"
