"""The Today page as a day's plan (issue 19), on the analysed demo portfolio: the plan's lines
with "done today: k of N" and the backlog collapsed; a logged contact strikes its line through
in place and Undo reopens it; the details follow the selected line after sorting; the catch-up
after unlock waits for the RM's Reload; status lines speak the window's language; the PDF call
sheet is the plan with the branch and RM from Settings in its header."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from relmgr.services.changes import Changes, Topic
from relmgr.services.settings import Settings, load_settings, save_settings
from relmgr.ui.common.export_dialog import ExportDialog
from relmgr.ui.shell.i18n import Translations
from relmgr.ui.today.page import TodayPage

QtPdf = pytest.importorskip("PySide6.QtPdf")


def _ok(buttons: QDialogButtonBox):
    return buttons.button(QDialogButtonBox.StandardButton.Ok)


@pytest.fixture
def page(runner_on_demo, qtbot) -> TodayPage:
    today = TodayPage(runner_on_demo)
    qtbot.addWidget(today)
    with qtbot.waitSignal(today.loaded, timeout=15_000):
        today.load()
    return today


def _column(model, name: str) -> int:
    return [c[0] for c in model.columns].index(name)


def _open_row(page: TodayPage) -> int:
    """A plan line not done yet whose only reason a contact settles (it leaves the worklist)."""
    frame = page.model.frame
    return next(row for row in range(page.model.rowCount())
                if not page.model.flag(row, "done")
                and frame["reason_codes"].iat[int(page.model.visible_rows()[row])] == "CONTACT_OVERDUE")


def _log_contact(page: TodayPage, qtbot) -> None:
    page.log_button.click()
    with qtbot.waitSignal(page.loaded, timeout=15_000):
        _ok(page._dialog.buttons).click()


def test_the_plan_shows_capacity_lines_and_the_backlog_on_request(page, qtbot) -> None:
    data = page.data
    assert page.model.rowCount() == data.capacity == 30 and data.backlog_count > 0
    assert page.count_label.text() == f"Done today: {data.done_today} of 30"
    assert page.backlog_button.text() == f"Backlog: {data.backlog_count:,} more"
    page.backlog_button.click()
    assert page.model.rowCount() == 30 + data.backlog_count
    assert page.backlog_button.text() == "Hide the backlog"
    assert not page.model.flag(30, "in_plan") and page.model.flag(29, "in_plan")
    page.view.selectRow(30)                         # backlog lines do not move
    assert not page.up_button.isEnabled() and not page.down_button.isEnabled()
    page.backlog_button.click()
    assert page.model.rowCount() == 30


def test_a_logged_contact_strikes_the_line_through_in_place_and_undo_reopens_it(page, qtbot) -> None:
    row = _open_row(page)
    order = [page.model.customer_id_at(r) for r in range(page.model.rowCount())]
    page.view.selectRow(row)
    customer = page.selected_customer()
    assert not page.undo_button.isEnabled()
    before = page.data.done_today
    _log_contact(page, qtbot)
    assert [page.model.customer_id_at(r) for r in range(page.model.rowCount())] == order
    assert page.selected_customer() == customer and page.model.flag(row, "done")
    name = page.model.index(row, _column(page.model, "name_masked"))
    assert name.data(Qt.ItemDataRole.FontRole).strikeOut()
    assert name.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert page.count_label.text() == f"Done today: {before + 1} of 30"
    assert page.status_label.text() == f"Contact logged for {customer}: the line is done."
    assert page.undo_button.isEnabled()
    with qtbot.waitSignal(page.loaded, timeout=15_000):
        page.undo_button.click()
    assert not page.model.flag(row, "done") and page.selected_customer() == customer
    assert page.count_label.text() == f"Done today: {before} of 30"
    assert not page.undo_button.isEnabled()
    assert not page.model.index(row, 1).data(Qt.ItemDataRole.FontRole)


def _select_rows(page: TodayPage, rows: list[int]) -> list[str]:
    """Click the first row, then Ctrl-click the others, as the RM would (the last is current)."""
    from PySide6.QtCore import QItemSelectionModel
    page.view.selectRow(rows[0])
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows[1:]:
        page.view.selectionModel().setCurrentIndex(page.model.index(row, 0), flags)
    return [page.model.customer_id_at(r) for r in rows]


def test_several_lines_are_logged_done_and_undone_in_one_write(page, runner_on_demo, qtbot) -> None:
    open_rows = [r for r in range(page.model.rowCount()) if not page.model.flag(r, "done")][:3]
    customers = _select_rows(page, open_rows)
    assert page.selected_customers() == customers
    assert page.log_button.text() == "Log contact for 3…" and not page.undo_button.isEnabled()
    assert not page.up_button.isEnabled() and not page.down_button.isEnabled()     # one line moves at a time
    before = page.data.done_today
    page.log_button.click()
    dialog = page._dialog
    assert dialog.heading.text() == "The same contact for each selected customer (3)"
    with qtbot.waitSignal(page.loaded, timeout=15_000):
        _ok(dialog.buttons).click()
    assert all(page.model.flag(r, "done") for r in open_rows)
    assert page.status_label.text() == "Contact logged for 3 lines: they are done."
    assert page.count_label.text() == f"Done today: {before + 3} of 30"
    assert page.selected_customers() == customers            # the selection survives the reload
    assert page.undo_button.isEnabled() and not page.log_button.isEnabled()
    with qtbot.waitSignal(page.loaded, timeout=15_000):
        page.undo_button.click()
    assert not any(page.model.flag(r, "done") for r in open_rows)
    assert page.status_label.text() == "3 contacts taken back: the lines are open again."
    assert page.count_label.text() == f"Done today: {before} of 30"
    # A sort keeps the selection by customer.
    page.view.horizontalHeader().setSortIndicator(_column(page.model, "customer_id"), Qt.SortOrder.AscendingOrder)
    assert sorted(page.selected_customers()) == sorted(customers)


def test_several_lines_are_dismissed_together(page, qtbot) -> None:
    customers = _select_rows(page, [2, 4])
    hidden = len(page.data.hidden)
    with qtbot.waitSignal(page.loaded, timeout=15_000):
        page.dismiss_button.click()
    assert not {page.model.customer_id_at(r) for r in range(page.model.rowCount())} & set(customers)
    assert len(page.data.hidden) == hidden + 2 and page.status_label.text() == "2 lines dismissed for today."
    assert page.model.rowCount() == 30                        # the backlog filled the plan
    page.snooze_button.click()
    assert page._dialog is not None and page._dialog.windowTitle() == "Snooze until…"
    page._dialog.reject()


def test_the_details_follow_the_selected_line_after_sorting(page, qtbot) -> None:
    page.view.selectRow(3)
    customer = page.selected_customer()
    assert customer in page.detail_title.text()
    page.view.horizontalHeader().setSortIndicator(_column(page.model, "customer_id"),
                                                 Qt.SortOrder.DescendingOrder)
    assert page.model.customer_id_at(3) != customer          # the line moved
    assert page.selected_customer() == customer and customer in page.detail_title.text()
    assert page.model.customer_id_at(page.view.currentIndex().row()) == customer


def test_the_catch_up_after_unlock_waits_for_reload(page, runner_on_demo, qtbot) -> None:
    page.view.selectRow(5)
    customer = page.selected_customer()
    order = [page.model.customer_id_at(r) for r in range(page.model.rowCount())]
    with qtbot.assertNotEmitted(page.loaded, wait=700):
        runner_on_demo.changed.emit(Changes.of(Topic.SEGMENTS, Topic.SCORES, Topic.MODEL))
    assert page.updated_bar.isVisibleTo(page) and page.selected_customer() == customer
    assert [page.model.customer_id_at(r) for r in range(page.model.rowCount())] == order
    with qtbot.waitSignal(page.loaded, timeout=15_000):
        page.reload_button.click()
    assert not page.updated_bar.isVisibleTo(page)
    # The RM's own writes still show at once.
    with qtbot.waitSignal(page.loaded, timeout=15_000):
        runner_on_demo.changed.emit(Changes.of(Topic.CONTACTS))


def test_status_lines_speak_chinese_in_the_chinese_window(qapp, runner_on_demo, qtbot, tmp_path) -> None:
    translations = Translations(qapp)
    try:
        translations.apply("zh_CN")
        page = TodayPage(runner_on_demo)
        qtbot.addWidget(page)
        with qtbot.waitSignal(page.loaded, timeout=15_000):
            page.load()
        assert page.count_label.text().startswith("今日已完成：")
        page.view.selectRow(_open_row(page))
        customer = page.selected_customer()
        _log_contact(page, qtbot)
        assert page.status_label.text() == f"已记录与 {customer} 的联系：该条已完成。"
        dialog = page.export()
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("csv"))
        dialog.set_path(tmp_path / "today.csv")
        with qtbot.waitSignal(dialog.exported, timeout=30_000):
            _ok(dialog.buttons).click()
        assert page.status_label.text() == "已导出 30 行到 today.csv（已脱敏）。"
        # Switched back, the line reads in English, as a line made in English would.
        translations.apply("en")
        qtbot.waitUntil(lambda: page.status_label.text().startswith("Exported 30 rows"), timeout=5_000)
    finally:
        translations.apply("en")


def test_the_call_sheet_is_the_plan_with_branch_and_rm_from_settings(runner_on_demo, qtbot, tmp_path) -> None:
    saved = load_settings()
    try:
        save_settings(Settings(branch_name="城东支行", rm_name="王晓明"))
        dialog = ExportDialog(runner_on_demo, list_name="today", folder=tmp_path)
        qtbot.addWidget(dialog)
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
        target = tmp_path / "plan.pdf"
        dialog.set_path(target)
        with qtbot.waitSignal(dialog.exported, timeout=60_000):
            _ok(dialog.buttons).click()
    finally:
        save_settings(saved)
    assert dialog.result_value.rows == 30
    document = QtPdf.QPdfDocument()
    assert document.load(str(target)) == QtPdf.QPdfDocument.Error.None_
    pages = [document.getAllText(p).text() for p in range(document.pageCount())]
    document.close()
    assert 1 <= len(pages) <= 2
    assert "城东支行" in pages[0] and "王晓明" in pages[0]


def test_settings_dialog_edits_the_branch_and_rm(runner_on_demo, qtbot) -> None:
    from relmgr.ui.shell.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings(head_office_url="https://hq.example"), runner=runner_on_demo)
    qtbot.addWidget(dialog)
    dialog.branch_edit.setText("  城东支行 ")
    dialog.rm_edit.setText("王晓明")
    chosen = dialog.result_settings()
    assert (chosen.branch_name, chosen.rm_name, chosen.head_office_url) == ("城东支行", "王晓明", "https://hq.example")
    assert dialog.branch_label.text() == "Branch name" and dialog.rm_label.text() == "Relationship manager"
    with pytest.raises(ValueError, match="branch_name"):
        Settings(branch_name="x" * 61)
