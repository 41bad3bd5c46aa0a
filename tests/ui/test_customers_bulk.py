"""Multi-select on the Customers table (issue 19): three rows selected stay selected by customer
across sorting, search and the reload after a write; the 360 pane shows the current row; each
bulk action (log contact, create tasks, export) stores and audits a row per customer."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json

from PySide6.QtCore import QItemSelectionModel, Qt

from relmgr.services.consent import record_consent
from relmgr.storage import open_portfolio
from relmgr.ui.shell.i18n import CHINESE, ENGLISH
from tests.conftest import DEMO_PASSWORD_FOR_TESTS


def _select_three(page, qtbot) -> list[str]:
    """Click row 4, then Ctrl-click rows 7 and 9, as the RM would (the last click is current)."""
    page.table.selectRow(4)
    model, selection_model = page.model, page.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (7, 9):
        selection_model.setCurrentIndex(model.index(row, 0), flags)
    ids = [model.customer_id_at(r) for r in (4, 7, 9)]
    qtbot.waitUntil(lambda: page.pane.view is not None and page.pane.view.customer_id == ids[-1], timeout=10_000)
    return ids


def _stored(path, sql: str, params=()) -> list[tuple]:
    with open_portfolio(path, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        return portfolio.query(sql, params)


def _audited(path, action: str) -> list[tuple[str, dict]]:
    return [(t, json.loads(d)) for t, d in _stored(
        path, "SELECT target, detail FROM audit_log WHERE action = ? ORDER BY audit_id", (action,))]


def test_the_selection_is_kept_by_customer_across_sort_and_search(unlocked_window, qtbot) -> None:
    page = unlocked_window.customers_page
    ids = _select_three(page, qtbot)
    assert page.selected_customer_ids() == ids and page.selection_label.text() == "3 selected"
    assert page.bulk_contact_button.isEnabled() and page.bulk_export_button.isEnabled()
    # Sorting reorders the rows: the same customers stay selected, the pane's one stays current.
    page.table.horizontalHeader().setSortIndicator(6, Qt.SortOrder.DescendingOrder)
    assert sorted(page.selected_customer_ids()) == sorted(ids)
    current = page.table.selectionModel().currentIndex()
    assert page.model.customer_id_at(current.row()) == ids[-1]
    # A search that hides one of them: the others stay selected; clearing it brings none back
    # that the RM did not select again, and the pane did not move.
    page.search_edit.setText(ids[0])
    assert page.selected_customer_ids() == [ids[0]] and page.selection_label.text() == "1 selected"
    page.search_edit.clear()
    assert page.selected_customer_ids() == [ids[0]]
    assert page.pane.view.customer_id == ids[-1]
    page.table.clearSelection()
    assert not page.bulk_task_button.isEnabled() and page.selection_label.text() == ""


def test_each_bulk_action_stores_and_audits_one_row_per_customer(unlocked_window, writable_demo_portfolio,
                                                                 qtbot, tmp_path) -> None:
    page = unlocked_window.customers_page
    ids = _select_three(page, qtbot)
    marks = ", ".join("?" * 3)

    dialog = page.log_contact_for_selection()
    assert dialog.isVisible() and dialog.heading.text() == "The same contact for each selected customer (3)"
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData("WECHAT"))
    dialog.note_edit.setPlainText("第19号批量回访")
    dialog.accept()
    # Closed and deleted once stored: the page's status line says so.
    qtbot.waitUntil(lambda: page.status_label.text() == "Contact logged for 3 customers.", timeout=15_000)
    rows = _stored(writable_demo_portfolio, "SELECT customer_id, channel, purpose, outcome, note FROM interactions "
                   f"WHERE customer_id IN ({marks}) AND note = '第19号批量回访'", ids)
    assert sorted(rows) == sorted((c, "WECHAT", "SERVICE", "REACHED", "第19号批量回访") for c in ids)
    assert sorted(t for t, _d in _audited(writable_demo_portfolio, "BULK_CONTACT_LOGGED")) == sorted(ids)
    # The write reloaded the list (its last contact changed): the selection is still the three.
    qtbot.waitUntil(lambda: all(page.model.frame.set_index("customer_id").loc[ids, "last_contact_on"].notna()),
                    timeout=10_000)
    assert page.selected_customer_ids() == ids

    dialog = page.create_tasks_for_selection()
    dialog.kind_combo.setCurrentIndex(1)                     # "Visit"
    dialog.note_edit.setPlainText("第19号批量任务")
    due = dialog.values()["due_on"]
    dialog.accept()
    qtbot.waitUntil(lambda: page.status_label.text() == "Follow-up task created for 3 customers.",
                    timeout=15_000)
    rows = _stored(writable_demo_portfolio, "SELECT customer_id, title, due_on, status, note FROM tasks "
                   f"WHERE customer_id IN ({marks}) AND note = '第19号批量任务'", ids)
    assert sorted(rows) == sorted((c, "Visit", due.isoformat(), "OPEN", "第19号批量任务") for c in ids)
    assert sorted(t for t, _d in _audited(writable_demo_portfolio, "BULK_TASK_CREATED")) == sorted(ids)
    qtbot.waitUntil(lambda: page.selected_customer_ids() == ids, timeout=10_000)

    dialog = page.export_selection()
    assert dialog.list_combo.currentText() == "Selected customers (3)" and not dialog.list_combo.isEnabled()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("csv"))
    dialog.set_path(tmp_path / "three.csv")
    dialog.accept()
    qtbot.waitUntil(lambda: "Exported 3 rows" in page.status_label.text(), timeout=15_000)
    with open(tmp_path / "three.csv", encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert [line[0] for line in lines[1:]] == ids
    names = [r[0] for r in _stored(writable_demo_portfolio,
                                   f"SELECT name FROM customers WHERE customer_id IN ({marks})", ids)]
    assert not any(name in cell for name in names for line in lines for cell in line)   # masked
    _target, detail = _audited(writable_demo_portfolio, "EXPORTED")[-1]
    assert detail == {"list": "selection", "format": "csv", "rows": 3, "masked": True, "file": "three.csv"}


def test_undo_takes_a_bulk_write_back(unlocked_window, writable_demo_portfolio, qtbot) -> None:
    page = unlocked_window.customers_page
    ids = _select_three(page, qtbot)
    marks = ", ".join("?" * 3)
    last_before = _stored(writable_demo_portfolio, "SELECT customer_id, last_contact_on FROM customer_summary "
                          f"WHERE customer_id IN ({marks}) ORDER BY customer_id", ids)
    assert page.undo_bulk_button.isHidden()
    dialog = page.log_contact_for_selection()
    dialog.note_edit.setPlainText("误记的批量联系")
    dialog.accept()
    qtbot.waitUntil(lambda: page.status_label.text() == "Contact logged for 3 customers.", timeout=15_000)
    assert not page.undo_bulk_button.isHidden() and page.undo_bulk_button.text() == "Undo"
    page.undo_bulk_button.click()
    qtbot.waitUntil(lambda: page.status_label.text() == "Contact taken back for 3 customers.", timeout=15_000)
    assert page.undo_bulk_button.isHidden()
    assert _stored(writable_demo_portfolio, "SELECT COUNT(*) FROM interactions WHERE note = '误记的批量联系'") == [(0,)]
    assert _stored(writable_demo_portfolio, "SELECT customer_id, last_contact_on FROM customer_summary "
                   f"WHERE customer_id IN ({marks}) ORDER BY customer_id", ids) == last_before
    assert sorted(t for t, _d in _audited(writable_demo_portfolio, "CONTACT_UNDONE")) == sorted(ids)

    qtbot.waitUntil(lambda: page.selected_customer_ids() == ids, timeout=10_000)
    dialog = page.create_tasks_for_selection()
    dialog.note_edit.setPlainText("误建的批量任务")
    dialog.accept()
    qtbot.waitUntil(lambda: page.status_label.text() == "Follow-up task created for 3 customers.", timeout=15_000)
    created = [r[0] for r in _stored(writable_demo_portfolio, "SELECT task_id FROM tasks WHERE note = '误建的批量任务'")]
    assert len(created) == 3
    # One of them is done before the RM thinks better of it: the Undo says so and removes none.
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        portfolio.conn.execute("UPDATE tasks SET status = 'DONE' WHERE task_id = ?", (created[0],))
    page.undo_bulk_button.click()
    qtbot.waitUntil(lambda: page.status_label.text().startswith("Nothing taken back: 1 of these tasks"),
                    timeout=15_000)
    assert _stored(writable_demo_portfolio, "SELECT COUNT(*) FROM tasks WHERE note = '误建的批量任务'") == [(3,)]
    assert page.undo_bulk_button.isHidden()


def test_a_refused_bulk_contact_keeps_the_dialog_open_and_writes_nothing(unlocked_window, writable_demo_portfolio,
                                                                        qtbot) -> None:
    page = unlocked_window.customers_page
    ids = _select_three(page, qtbot)
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        record_consent(portfolio, customer_id=ids[1], consent="DECLINED", decided_on=dt.date(2026, 1, 5))
    before = _stored(writable_demo_portfolio, "SELECT COUNT(*) FROM interactions")
    dialog = page.log_contact_for_selection()
    dialog.purpose_combo.setCurrentIndex(dialog.purpose_combo.findData("SALES"))
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=15_000)
    assert dialog.isVisible() and "1 of the selected customers" in dialog.error_label.text()
    assert _stored(writable_demo_portfolio, "SELECT COUNT(*) FROM interactions") == before
    dialog.reject()


def test_the_bulk_dialogs_in_chinese(unlocked_window, qtbot) -> None:
    window = unlocked_window
    page = window.customers_page
    window.apply_settings(dataclasses.replace(window.settings, language=CHINESE))
    try:
        qtbot.waitUntil(lambda: page.bulk_task_button.text() == "批量建任务…", timeout=5_000)
        _select_three(page, qtbot)
        assert page.selection_label.text() == "已选 3 位"
        dialog = page.create_tasks_for_selection()
        assert dialog.windowTitle() == "为选中客户创建任务" and dialog.kind_combo.currentText() == "跟进回访"
        dialog.kind_combo.setEditText("")
        dialog.accept()
        assert dialog.error_label.text() == "请填写跟进任务内容。"
        dialog.kind_combo.setCurrentIndex(0)
        dialog.note_edit.setPlainText("长" * 2001)
        dialog.accept()
        assert dialog.error_label.text() == "备注太长（最多 2,000 个字符）。"     # the shared base's words
        dialog.reject()
        dialog = page.log_contact_for_selection()
        assert dialog.heading.text() == "为选中的 3 位客户分别记录同一次联系"
        dialog.reject()
        dialog = page.export_selection()
        assert dialog.list_combo.currentText() == "选中客户（3 位）"
        dialog.reject()
    finally:                     # the language is a saved setting: the next test starts in English
        window.apply_settings(dataclasses.replace(window.settings, language=ENGLISH))
