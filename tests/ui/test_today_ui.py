"""The Today, Tasks and Audit pages and the contact and export dialogs on the demo portfolio: the
Today page shows exactly the worklist service's lines in its order with names masked; dismissing,
moving and logging a contact are written to the portfolio (read back through a second
connection); exports write the file masked unless the RM confirms otherwise, and the audit page
lists them; overdue tasks are flagged; clear() forgets every customer, even results that
arrive after it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from relmgr.domain.codes import AuditAction, ContactOutcome, TaskStatus
from relmgr.domain.pii import mask_name
from relmgr.services.audit import detail_of, list_audit
from relmgr.services.contacts import create_task, list_tasks
from relmgr.services.export import export_named_list
from relmgr.services.wording.exports import column_label
from relmgr.services.day_plan import load_day_plan
from relmgr.services.worklist import WorkReason, hidden_today, worklist_today
from relmgr.storage import open_portfolio
from relmgr.ui.common import export_dialog, texts
from relmgr.ui.today import texts as worklist_texts
from relmgr.ui.shell.i18n import current_language
from relmgr.ui.common.export_dialog import ExportDialog
from relmgr.ui.audit.page import AuditPage
from relmgr.ui.tasks.page import OVERDUE_COLOUR, TasksPage
from relmgr.ui.today.page import TodayPage
from tests.conftest import DEMO_PASSWORD_FOR_TESTS


def _open(path: Path):
    return open_portfolio(path, DEMO_PASSWORD_FOR_TESTS)


def _worklist(path: Path) -> tuple[dt.date, pd.DataFrame]:
    """The day's plan as stored: the lines the page shows (the backlog is collapsed)."""
    with _open(path) as portfolio:
        day = worklist_today(portfolio)
        return day, load_day_plan(portfolio, today=day).plan.reset_index(drop=True)


def _column(model, name: str) -> int:
    return [c[0] for c in model.columns].index(name)


def _shown_ids(model) -> list[str]:
    return [model.customer_id_at(row) for row in range(model.rowCount())]


def _ok(buttons: QDialogButtonBox):
    return buttons.button(QDialogButtonBox.StandardButton.Ok)


def _idle(runner, qtbot) -> None:
    """Wait until the database thread has delivered every pending result."""
    qtbot.waitUntil(lambda: runner._pending == 0, timeout=15_000)


@pytest.fixture
def today_page(runner_on_demo, qtbot):
    page = TodayPage(runner_on_demo)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=15_000):
        page.load()
    return page


def test_today_shows_the_worklist_in_order_with_masked_names(today_page, writable_demo_portfolio):
    day, expected = _worklist(writable_demo_portfolio)
    model = today_page.model
    assert len(expected) > 10
    assert _shown_ids(model) == list(expected["customer_id"])
    name_column, priority_column = _column(model, "name_masked"), _column(model, "priority")
    reasons_column = _column(model, "details")
    for row in range(len(expected)):
        full = expected["name"].iat[row]
        shown = model.index(row, name_column).data()
        assert shown == mask_name(full) and shown != full
        assert model.index(row, priority_column).data() == f"{expected['priority'].iat[row]:.1f}"
    assert "name" not in today_page.data.frame and "phone" not in today_page.data.frame
    # Reasons read as words with the line's numbers (a due date, days overdue), never as codes.
    first = model.index(0, reasons_column).data()
    assert first and not any(code.value in first for code in WorkReason)
    details = expected["details"].iat[0]
    numbers = [str(d.get("days_overdue") or d.get("due_on") or d.get("maturity_on") or d.get("on") or "")
               for d in details]
    assert all(n in first for n in numbers if n)
    assert today_page.day_label.text() and str(len(expected)) in today_page.count_label.text()


def test_details_explain_the_priority(today_page, writable_demo_portfolio):
    _day, expected = _worklist(writable_demo_portfolio)
    multi = next(i for i, r in enumerate(expected["reasons"]) if len(r) > 1)
    today_page.view.selectRow(multi)
    details = expected["details"].iat[multi]
    table = today_page.detail_table
    assert table.rowCount() == len(details)
    for row, detail in enumerate(details):
        assert table.item(row, 0).text() == worklist_texts.reason_label(detail["reason"])
        assert table.item(row, 2).text() == f"{detail['points']:.1f}"
        assert table.item(row, 4).text() == f"{detail['weighted']:.1f}"
    assert f"{expected['priority'].iat[multi]:.1f}" in today_page.detail_total.text()
    assert f"{expected['tier_weight'].iat[multi]:g}" in today_page.detail_total.text()


def test_dismiss_removes_the_line_and_persists(today_page, runner_on_demo, writable_demo_portfolio, qtbot):
    today_page.view.selectRow(0)
    customer = today_page.selected_customer()
    following = today_page.model.customer_id_at(1)
    with qtbot.waitSignal(today_page.loaded, timeout=15_000):
        today_page.dismiss_button.click()
    assert today_page.model.row_of(customer) is None
    assert today_page.selected_customer() == following        # the RM keeps their place
    assert "(1)" in today_page.hidden_button.text()
    day, expected = _worklist(writable_demo_portfolio)
    assert customer not in set(expected["customer_id"])
    with _open(writable_demo_portfolio) as portfolio:
        assert customer in set(hidden_today(portfolio, day=day)["customer_id"])
    again = TodayPage(runner_on_demo)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.loaded, timeout=15_000):
        again.load()
    assert again.model.row_of(customer) is None
    # Restore from the hidden menu brings it back.
    with qtbot.waitSignal(today_page.loaded, timeout=15_000):
        today_page.hidden_menu.actions()[0].trigger()
    assert today_page.model.row_of(customer) is not None


def test_move_up_and_reset_order(today_page, writable_demo_portfolio, qtbot):
    third = today_page.model.customer_id_at(2)
    today_page.view.selectRow(2)
    with qtbot.waitSignal(today_page.loaded, timeout=15_000):
        today_page.up_button.click()
    assert _shown_ids(today_page.model)[1] == third
    assert today_page.selected_customer() == third
    _day, expected = _worklist(writable_demo_portfolio)
    assert list(expected["customer_id"])[1] == third and bool(expected["pinned"].iat[1])
    with qtbot.waitSignal(today_page.loaded, timeout=15_000):
        today_page.reset_button.click()
    _day, expected = _worklist(writable_demo_portfolio)
    assert _shown_ids(today_page.model) == list(expected["customer_id"])
    assert list(expected["customer_id"])[2] == third and not expected["pinned"].any()


def test_log_contact_in_two_clicks_writes_the_interaction(today_page, writable_demo_portfolio, qtbot):
    today_page.view.selectRow(0)
    customer = today_page.selected_customer()
    today_page.log_button.click()
    dialog = today_page._dialog
    assert dialog is not None and customer in dialog.heading.text()
    dialog.outcome_combo.setCurrentIndex(dialog.outcome_combo.findData(ContactOutcome.INTERESTED.value))
    dialog.note_edit.setPlainText("Discussed the maturing deposit")
    dialog.follow_up_check.setChecked(True)
    dialog.task_title_edit.setText("Send the renewal offer")
    with qtbot.waitSignal(today_page.loaded, timeout=15_000):
        _ok(dialog.buttons).click()
    day = today_page.today
    with _open(writable_demo_portfolio) as portfolio:
        rows = portfolio.query(
            "SELECT customer_id, channel, outcome, note FROM interactions WHERE customer_id = ? "
            "ORDER BY interaction_id DESC LIMIT 1", (customer,))
        tasks = list_tasks(portfolio, today=day, customer_id=customer)
    assert rows == [(customer, "PHONE", "INTERESTED", "Discussed the maturing deposit")]
    assert "Send the renewal offer" in set(tasks["title"])
    added = tasks[tasks["title"] == "Send the renewal offer"].iloc[0]
    assert added["due_on"] == (day + dt.timedelta(days=7)).isoformat()
    assert customer in today_page.status_label.text()


def test_contact_dialog_refuses_a_follow_up_without_title(today_page, writable_demo_portfolio, qtbot):
    today_page.view.selectRow(0)
    customer = today_page.selected_customer()
    dialog = today_page.log_contact()
    dialog.follow_up_check.setChecked(True)
    dialog.task_title_edit.clear()
    _ok(dialog.buttons).click()
    assert not dialog.error_label.isHidden() and dialog.isVisible()
    with _open(writable_demo_portfolio) as portfolio:
        assert portfolio.query("SELECT COUNT(*) FROM interactions WHERE customer_id = ? AND occurred_at >= ?",
                               (customer, dt.date.today().isoformat()))[0][0] == 0


def _export(dialog: ExportDialog, target: Path, qtbot) -> None:
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("csv"))
    dialog.set_path(target)
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        _ok(dialog.buttons).click()


def _name_label() -> str:
    return column_label("name", language=current_language())


def test_export_csv_is_masked_and_audited(runner_on_demo, writable_demo_portfolio, tmp_path, qtbot):
    day, expected = _worklist(writable_demo_portfolio)
    dialog = ExportDialog(runner_on_demo, list_name="today", today=day, folder=tmp_path)
    qtbot.addWidget(dialog)
    assert not dialog.unmasked_check.isChecked()
    target = tmp_path / "today.csv"
    _export(dialog, target, qtbot)
    frame = pd.read_csv(target, encoding="utf-8-sig", dtype=str)
    assert len(frame) == len(expected)
    assert list(frame[_name_label()]) == [mask_name(n) for n in expected["name"]]
    assert not set(frame[_name_label()]) & set(expected["name"])
    with _open(writable_demo_portfolio) as portfolio:
        audit = list_audit(portfolio, action=AuditAction.EXPORTED)
    detail = detail_of(audit["detail"].iat[0])
    assert detail == {"list": "today", "format": "csv", "rows": len(expected), "masked": True, "file": "today.csv"}


def test_unmasked_export_needs_the_confirmation(runner_on_demo, writable_demo_portfolio, tmp_path, qtbot,
                                                monkeypatch):
    asked: list[str] = []
    answer = {"yes": False}

    def fake_ask(_parent, title, _text, on_answer):
        asked.append(title)
        on_answer(answer["yes"])

    monkeypatch.setattr(export_dialog, "ask_yes_no", fake_ask)
    dialog = ExportDialog(runner_on_demo, list_name="tasks", folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.unmasked_check.setChecked(True)
    assert len(asked) == 1 and not dialog.unmasked_check.isChecked()      # declined: stays masked
    answer["yes"] = True
    dialog.unmasked_check.setChecked(True)
    assert len(asked) == 2 and dialog.unmasked_check.isChecked()
    assert dialog.masking_label.objectName() == "errorMessage"
    target = tmp_path / "tasks.csv"
    _export(dialog, target, qtbot)
    frame = pd.read_csv(target, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    with _open(writable_demo_portfolio) as portfolio:
        tasks = list_tasks(portfolio, today=worklist_today(portfolio))
        names = portfolio.read_frame("SELECT customer_id, name FROM customers")
        audit = list_audit(portfolio, action=AuditAction.EXPORTED)
    full = dict(zip(names["customer_id"], names["name"], strict=True))
    assert list(frame[_name_label()]) == [full.get(c, "") for c in tasks["customer_id"].fillna("")]
    assert detail_of(audit["detail"].iat[0])["masked"] is False


def test_export_failure_is_shown_and_writes_nothing(runner_on_demo, tmp_path, qtbot):
    dialog = ExportDialog(runner_on_demo, list_name="today", folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.set_path(tmp_path / "missing" / "today.xlsx")
    _ok(dialog.buttons).click()
    assert not dialog.error_label.isHidden() and "missing" in dialog.error_label.text()
    assert not (tmp_path / "missing").exists()


def test_tasks_page_flags_overdue(runner_on_demo, writable_demo_portfolio, qtbot):
    with _open(writable_demo_portfolio) as portfolio:
        day = worklist_today(portfolio)
        customer = portfolio.query("SELECT customer_id FROM customers ORDER BY customer_id LIMIT 1")[0][0]
        late_id = create_task(portfolio, customer_id=customer, title="Overdue call back",
                              due_on=day - dt.timedelta(days=5))
        expected = list_tasks(portfolio, today=day)
    page = TasksPage(runner_on_demo)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=15_000):
        page.load()
    model = page.model
    ids = [model.task_id_at(r) for r in range(model.rowCount())]
    assert ids == list(expected["task_id"])
    overdue_column = _column(model, "days_overdue")
    for row, (flag, days) in enumerate(zip(expected["overdue"], expected["days_overdue"], strict=True)):
        index = model.index(row, overdue_column)
        assert (index.data(Qt.ItemDataRole.ForegroundRole) == OVERDUE_COLOUR) == bool(flag)
        assert bool(index.data(Qt.ItemDataRole.FontRole) and index.data(Qt.ItemDataRole.FontRole).bold()) == bool(flag)
        assert index.data() == (str(int(days)) if flag else "")
    row = ids.index(late_id)
    assert model.index(row, overdue_column).data() == "5"
    assert model.index(row, _column(model, "name_masked")).data() != ""
    # Mark it done: it leaves the open list and is DONE in the portfolio.
    page.view.selectRow(row)
    with qtbot.waitSignal(page.loaded, timeout=15_000):
        page.done_button.click()
    assert late_id not in [model.task_id_at(r) for r in range(model.rowCount())]
    with _open(writable_demo_portfolio) as portfolio:
        done = list_tasks(portfolio, today=day, status=TaskStatus.DONE)
    assert late_id in set(done["task_id"])


def test_audit_page_lists_the_export(runner_on_demo, writable_demo_portfolio, tmp_path, qtbot):
    with _open(writable_demo_portfolio) as portfolio:
        result = export_named_list(portfolio, list_name="today", path=tmp_path / "calls.xlsx")
    page = AuditPage(runner_on_demo)
    qtbot.addWidget(page)
    page.action_combo.setCurrentIndex(page.action_combo.findData(AuditAction.EXPORTED.value))
    with qtbot.waitSignal(page.loaded, timeout=15_000):
        page.load()
    model = page.model
    assert model.rowCount() == 1
    assert model.index(0, _column(model, "target")).data() == "calls.xlsx"
    assert model.index(0, _column(model, "action")).data() == texts.audit_action(AuditAction.EXPORTED)
    detail = model.index(0, _column(model, "detail_value")).data()
    assert f"{result.rows:,}" in detail and "XLSX" in detail


def test_clear_empties_every_page(runner_on_demo, today_page, qtbot):
    tasks, audit = TasksPage(runner_on_demo), AuditPage(runner_on_demo)
    for page in (tasks, audit):
        qtbot.addWidget(page)
        with qtbot.waitSignal(page.loaded, timeout=15_000):
            page.load()
    today_page.view.selectRow(0)
    assert today_page.model.rowCount() and tasks.model.rowCount() and today_page.detail_table.rowCount()
    for page in (today_page, tasks, audit):
        page.clear()
    assert today_page.model.rowCount() == 0 and len(today_page.model.frame) == 0
    assert today_page.data is None and today_page.detail_table.rowCount() == 0
    assert all(not a.isEnabled() for a in today_page.hidden_menu.actions())
    assert tasks.model.rowCount() == 0 and tasks.data is None and audit.model.rowCount() == 0
    # Results asked for before the lock and delivered after it are dropped.
    for page in (today_page, tasks, audit):
        page.load()
        page.clear()
    _idle(runner_on_demo, qtbot)
    assert today_page.model.rowCount() == 0 and tasks.model.rowCount() == 0 and audit.model.rowCount() == 0


def test_a_never_contacted_customer_reads_as_no_contact_since_the_due_date(qapp) -> None:
    detail = {"reason": "CONTACT_OVERDUE", "due_on": "2014-07-01", "days_overdue": 4372,
              "cadence_days": 180, "last_contact_on": None}
    sentence = worklist_texts.reason_sentence(detail)
    assert sentence == "No contact on record; due since 2014-07-01 (every 180 days)"
    contacted = {"reason": "CONTACT_OVERDUE", "due_on": "2026-05-01", "days_overdue": 60,
                 "cadence_days": 90, "last_contact_on": "2026-01-31"}
    assert "60 days overdue" in worklist_texts.reason_sentence(contacted)
