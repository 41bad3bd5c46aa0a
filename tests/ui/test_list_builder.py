"""The target list builder on the demo portfolio, opened from the Marketing page: criteria
combined by AND and OR counted live (the count is the service's), saved by name, reopened to
reuse, exported masked and audited through the Export dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from relmgr.services.customers import load_customer_list
from relmgr.services.target_lists import build_target_frame, count, saved_lists
from relmgr.ui.marketing.list_builder import ChoiceList, RangeEdit
from relmgr.ui.marketing.page import MarketingPage

NOT_HOLDING_WEALTH = {"combine": "AND", "criteria": [
    {"field": "tier", "op": "in", "value": ["WEALTH", "VIP"]},   # in the tiers' order
    {"field": "products", "op": "not_holds", "value": ["WM-FI"]},
    {"field": "age", "op": "between", "value": [30.0, None]},
]}


def _on_db(runner, qtbot, fn, **kwargs):
    out = []
    runner.run_db(fn, **kwargs, on_done=out.append)
    qtbot.waitUntil(lambda: bool(out), timeout=20_000)
    return out[0]


def _tick(row, *codes: str) -> None:
    choices = row.value_widget
    assert isinstance(choices, ChoiceList)
    for i in range(choices.count()):
        item = choices.item(i)
        if item.data(Qt.ItemDataRole.UserRole) in codes:
            item.setCheckState(Qt.CheckState.Checked)


def _open(page, qtbot, name=None):
    dialog = page.open_list_builder(name)
    qtbot.waitUntil(lambda: dialog.data is not None, timeout=20_000)
    return dialog


def test_build_count_save_reuse_and_export_a_target_list(runner_on_demo, qtbot, tmp_path) -> None:
    runner = runner_on_demo
    page = MarketingPage(runner)
    qtbot.addWidget(page)
    dialog = _open(page, qtbot)
    everyone = dialog.last_count
    assert everyone == _on_db(runner, qtbot, lambda p: count(build_target_frame(p), {"criteria": []}))
    assert "customer(s) on this list" in dialog.count_label.text()

    tier = dialog.add_criterion()
    assert dialog.criteria()["criteria"] == []          # nothing ticked yet: left out
    _tick(tier, "VIP", "WEALTH")
    products = dialog.add_criterion()
    products.field_combo.setCurrentIndex(products.field_combo.findData("products"))
    products.op_combo.setCurrentIndex(products.op_combo.findData("not_holds"))
    _tick(products, "WM-FI")
    age = dialog.add_criterion()
    age.field_combo.setCurrentIndex(age.field_combo.findData("age"))
    assert isinstance(age.value_widget, RangeEdit)
    # The count follows the typing, after a short pause.
    with qtbot.waitSignal(dialog.counted, timeout=5_000) as counted:
        qtbot.keyClicks(age.value_widget.low_edit, "30")
    assert dialog.criteria() == NOT_HOLDING_WEALTH
    expected = _on_db(runner, qtbot, lambda p: count(build_target_frame(p), NOT_HOLDING_WEALTH))
    assert counted.args == [expected] and 0 < expected < everyone
    assert f"{expected:,} customer(s)" in dialog.count_label.text()

    with qtbot.waitSignal(dialog.counted, timeout=5_000) as either:
        dialog.combine_combo.setCurrentIndex(dialog.combine_combo.findData("OR"))
    assert either.args[0] > expected
    dialog.combine_combo.setCurrentIndex(dialog.combine_combo.findData("AND"))

    # Saving needs a name; then it is in the portfolio.
    assert dialog.save() is False and "name" in dialog.status_label.text()
    dialog.name_edit.setText("贵宾未持有固收")
    with qtbot.waitSignal(dialog.saved, timeout=20_000):
        dialog.save_button.click()
    assert _on_db(runner, qtbot, saved_lists) == {"贵宾未持有固收": NOT_HOLDING_WEALTH}
    dialog.close()

    # Reopened by name, it is the list as saved, with the same count.
    again = _open(page, qtbot, "贵宾未持有固收")
    assert again.saved_combo.currentData() == "贵宾未持有固收"
    assert again.criteria() == NOT_HOLDING_WEALTH and again.last_count == expected

    # Export goes through the Export dialog: masked by default, audited.
    with qtbot.waitSignal(again.saved, timeout=20_000):
        again.export_button.click()
    export = again.export_dialog
    qtbot.waitUntil(export.isVisible, timeout=5_000)
    assert export.list_name() == "target:贵宾未持有固收"
    assert export.list_combo.currentText() == "Target list: 贵宾未持有固收"
    assert export.path_edit.text().endswith(".xlsx") and ":" not in export.path_edit.text().split("/")[-1]
    export.format_combo.setCurrentIndex(export.format_combo.findData("csv"))
    target = tmp_path / "wealthy.csv"
    export.set_path(target)
    with qtbot.waitSignal(export.exported, timeout=30_000) as done:
        export.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert done.args[0].rows == expected and done.args[0].masked
    lines = target.read_text(encoding="utf-8-sig").strip().splitlines()
    assert len(lines) == expected + 1
    names = _on_db(runner, qtbot, lambda p: {r[0] for r in p.query("SELECT name FROM customers")})
    assert not any(name in "\n".join(lines) for name in names)
    audited = _on_db(runner, qtbot, lambda p: p.query(
        "SELECT detail FROM audit_log WHERE action = 'EXPORTED' ORDER BY rowid DESC LIMIT 1"))
    assert "target:贵宾未持有固收" in audited[0][0] and '"masked": true' in audited[0][0]
    assert f"Exported {expected:,} customers to wealthy.csv." == again.status_label.text()

    # Made a rule tag, the list's name becomes a tag of the customers it chooses.
    again.tag_check.setChecked(True)
    with qtbot.waitSignal(again.saved, timeout=20_000):
        again.save_button.click()
    assert _on_db(runner, qtbot, saved_lists)["贵宾未持有固收"] == {**NOT_HOLDING_WEALTH, "tag": True}
    tagged = _on_db(runner, qtbot, lambda p: load_customer_list(p))
    tagged = tagged[tagged["tags"].str.contains("贵宾未持有固收")]
    assert len(tagged) >= expected                  # the marketable ones, and any who declined

    # Deleting a saved list takes it out of the portfolio and the choice.
    again.saved_combo.setCurrentIndex(again.saved_combo.findData("贵宾未持有固收"))
    again.delete_button.click()
    qtbot.waitUntil(lambda: again.saved_combo.findData("贵宾未持有固收") == -1, timeout=20_000)
    assert _on_db(runner, qtbot, saved_lists) == {}


def test_a_list_without_criteria_is_not_saved_and_dates_count_the_never_contacted(
        runner_on_demo, qtbot) -> None:
    page = MarketingPage(runner_on_demo)
    qtbot.addWidget(page)
    dialog = _open(page, qtbot)
    dialog.name_edit.setText("everyone")
    dialog.add_criterion()                                   # nothing ticked: not a criterion yet
    assert dialog.save() is False and "at least one criterion" in dialog.status_label.text()
    assert _on_db(runner_on_demo, qtbot, saved_lists) == {}
    dialog.rows[0].field_combo.setCurrentIndex(dialog.rows[0].field_combo.findData("last_contact"))
    criterion = dialog.criteria()["criteria"][0]
    # Three months before the data date, and "before" counts those never contacted too.
    assert criterion["op"] == "before" and criterion["value"] == "2026-04-01"
    expected = _on_db(runner_on_demo, qtbot, lambda p: count(build_target_frame(p), dialog.criteria()))
    assert dialog.recount() == expected > 0


def test_create_tasks_for_the_list_skips_who_declined_and_reloads_the_tasks(runner_on_demo, qtbot) -> None:
    import datetime as dt

    from relmgr.services.changes import Topic
    from relmgr.services.consent import record_consent
    from relmgr.services.target_lists import members
    from relmgr.ui.marketing.list_tasks_dialog import ListTasksDialog

    runner = runner_on_demo
    active = {"combine": "AND", "criteria": [{"field": "txn_count_30d", "op": "between", "value": [2.0, None]}]}
    chosen = _on_db(runner, qtbot, lambda p: list(members(build_target_frame(p), active)["customer_id"]))
    _on_db(runner, qtbot, lambda p: record_consent(p, customer_id=chosen[0], consent="DECLINED",
                                                   decided_on=dt.date(2026, 6, 30)))
    page = MarketingPage(runner)
    qtbot.addWidget(page)
    dialog = _open(page, qtbot)
    dialog.name_edit.setText("Active this month")
    row = dialog.add_criterion()
    row.field_combo.setCurrentIndex(row.field_combo.findData("txn_count_30d"))
    row.value_widget.set_value([2, None])
    assert dialog.criteria() == active
    assert dialog.recount() == len(chosen) - 1          # the one who declined is never on the list
    assert dialog.tasks_button.text() == "Create tasks…"
    with qtbot.waitSignal(dialog.saved, timeout=20_000):
        dialog.tasks_button.click()
    qtbot.waitUntil(lambda: isinstance(getattr(dialog, "tasks_dialog", None), ListTasksDialog), timeout=20_000)
    tasks = dialog.tasks_dialog
    qtbot.waitUntil(lambda: tasks.plan is not None and tasks.ok_button.isEnabled(), timeout=20_000)
    # The demo's own refusals that the criteria choose, and the one recorded here.
    declined = tasks.plan.declined
    assert declined >= 1 and tasks.plan.created == len(chosen) - 1 - tasks.plan.held_out
    assert f"{declined:,} customer(s) who declined marketing are skipped: service call only." \
        in tasks.summary_label.text()
    assert tasks.due_edit.date().toString("yyyy-MM-dd") == "2026-07-03"
    assert "They join Today's plan on 2026-07-03." in tasks.summary_label.text()
    # Today lines from the list: one click makes the tasks due on the data date.
    tasks.today_button.click()
    assert tasks.due_edit.date().toString("yyyy-MM-dd") == "2026-06-30"
    qtbot.waitUntil(lambda: "Due today: they join Today's plan" in tasks.summary_label.text(), timeout=20_000)
    tasks.kind_combo.setCurrentIndex(tasks.kind_combo.findData("VISIT"))
    tasks.note_edit.setText("bring the new rates")
    seen = []
    runner.changed.connect(seen.append)
    with qtbot.waitSignal(tasks.created, timeout=20_000) as made:
        tasks.ok_button.click()
    assert made.args[0].created == tasks.plan.created
    qtbot.waitUntil(lambda: bool(seen), timeout=5_000)
    assert seen[0].touches({Topic.TASKS})
    assert "follow-up task(s) made" in dialog.status_label.text() and f"{declined + tasks.plan.held_out:,} skipped" in dialog.status_label.text()
    rows = _on_db(runner, qtbot, lambda p: p.query(
        "SELECT customer_id, note FROM tasks WHERE title = 'Visit: Active this month'"))
    assert len(rows) == made.args[0].created and chosen[0] not in {r[0] for r in rows}
    assert {r[1] for r in rows} == {"bring the new rates"}
