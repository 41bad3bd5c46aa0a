"""Follow-up tasks for a saved target list, in bulk, and the dated criteria (issue 17), on the
demo portfolio: one task per customer who may be marketed to, those who declined (or are held out
in a running campaign's control group) skipped and counted, one transaction with its audit row;
the 30-day activity and time-deposit maturity criteria agree with the raw tables."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from relmgr.cli import main
from relmgr.domain.codes import AuditAction, TxnKind
from relmgr.services.audit import detail_of, list_audit
from relmgr.services.changes import Topic, changes_of
from relmgr.services.consent import record_consent
from relmgr.services.list_tasks import MAX_TASKS, create_list_tasks, preview, task_title
from relmgr.services.segments import refresh_segments
from relmgr.services.target_lists import build_target_frame, members, save_list
from relmgr.storage import open_portfolio
from tests.conftest import DEMO_AS_OF, DEMO_PASSWORD_FOR_TESTS

ACTIVE = {"combine": "AND", "criteria": [{"field": "txn_count_30d", "op": "between", "value": [2, None]}]}
MATURING = {"combine": "AND", "criteria": [{"field": "td_maturity_days", "op": "between", "value": [0, 30]}]}


def test_the_dated_criteria_agree_with_the_transactions_and_holdings(writable_demo_portfolio) -> None:
    kinds = [k.value for k in TxnKind if k.customer_initiated]
    first = (DEMO_AS_OF - dt.timedelta(days=29)).isoformat()
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        target = build_target_frame(portfolio)
        active = set(members(target, ACTIVE)["customer_id"])
        maturing = set(members(target, MATURING)["customer_id"])
        counts = dict(portfolio.query(
            f"SELECT customer_id, COUNT(*) FROM transactions WHERE kind IN ({', '.join('?' * len(kinds))}) "
            "AND substr(txn_date, 1, 10) BETWEEN ? AND ? GROUP BY customer_id",
            (*kinds, first, DEMO_AS_OF.isoformat())))
        soon = {r[0] for r in portfolio.query(
            "SELECT h.customer_id FROM holdings AS h JOIN products AS p USING (product_id) "
            "WHERE p.family IN ('TIME_DEPOSIT', 'LARGE_CD') AND h.status != 'CLOSED' "
            "AND h.maturity_on BETWEEN ? AND ?", (DEMO_AS_OF.isoformat(), (DEMO_AS_OF + dt.timedelta(days=30)).isoformat()))}
        eligible = set(target.customers["customer_id"][target.eligible])
    assert active and maturing
    assert active == {c for c, n in counts.items() if n >= 2} & eligible
    assert maturing == soon & eligible


def test_tasks_for_a_list_skip_who_declined_and_are_one_audited_transaction(writable_demo_portfolio) -> None:
    due = DEMO_AS_OF + dt.timedelta(days=3)
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        refresh_segments(portfolio)
        save_list(portfolio, name="活跃客户", criteria=ACTIVE)
        chosen = list(members(build_target_frame(portfolio), ACTIVE)["customer_id"])
        refuser = chosen[0]
        record_consent(portfolio, customer_id=refuser, consent="DECLINED", decided_on=DEMO_AS_OF)
        existing = portfolio.query("SELECT MAX(task_id), COUNT(*) FROM tasks")[0]
        before = preview(portfolio, name="活跃客户", due_on=due)
        assert before.declined >= 1 and before.created == len(chosen) - 1 - before.held_out
        # A bad kind writes nothing, not even part of the batch.
        with pytest.raises(ValueError, match="kind"):
            create_list_tasks(portfolio, name="活跃客户", kind="FAX", due_on=due)
        with pytest.raises(KeyError):
            create_list_tasks(portfolio, name="nope", kind="PHONE", due_on=due)
        assert portfolio.query("SELECT MAX(task_id), COUNT(*) FROM tasks")[0] == existing
        made = create_list_tasks(portfolio, name="活跃客户", kind="PHONE", due_on=due, note="理财到期提醒",
                                 language="zh_CN")
        tasks = portfolio.query("SELECT customer_id, title, due_on, status, note FROM tasks WHERE task_id > ?",
                                (existing[0] or 0,))
        (row,) = list_audit(portfolio, action=AuditAction.LIST_TASKS_CREATED).itertuples()
    assert changes_of(create_list_tasks).topics >= {Topic.TASKS, Topic.AUDIT}
    assert made.created == len(tasks) == before.created == len(made.task_ids)
    assert refuser not in {t[0] for t in tasks}
    assert len({t[0] for t in tasks}) == len(tasks)          # one task per customer
    assert {t[1:] for t in tasks} == {("电话：活跃客户", due.isoformat(), "OPEN", "理财到期提醒")}
    detail = detail_of(row.detail)
    assert row.target == "活跃客户" and detail["created"] == made.created
    assert detail["skipped_declined"] == made.declined and "理财" not in row.detail
    assert task_title("VIP", "VISIT", language="en") == "Visit: VIP"
    assert MAX_TASKS >= 1000


def test_the_command_line_makes_the_tasks_and_says_who_was_skipped(writable_demo_portfolio, monkeypatch,
                                                                    capsys) -> None:
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        save_list(portfolio, name="maturing", criteria=MATURING)
        (name,) = portfolio.query("SELECT name FROM customers LIMIT 1")[0]
    monkeypatch.setenv("RELMGR_PASSWORD", DEMO_PASSWORD_FOR_TESTS)
    assert main(["lists", str(writable_demo_portfolio), "--name", "maturing", "--tasks", "phone"]) == 2
    assert "--due" in capsys.readouterr().err
    assert main(["lists", str(writable_demo_portfolio), "--name", "maturing", "--tasks", "phone",
                 "--due", "2026-07-03", "--json"]) == 0
    out = capsys.readouterr().out
    payload = json.loads(out)
    assert payload["tasks"]["created"] == payload["lists"][0]["count"] - payload["tasks"]["skipped_held_out"] > 0
    assert name not in out
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        assert portfolio.query("SELECT COUNT(*) FROM tasks WHERE title = 'Phone call: maturing'")[0][0] == \
            payload["tasks"]["created"]


def test_a_lists_tasks_due_today_are_todays_lines_first_on_the_plan(writable_demo_portfolio) -> None:
    """A target list turned into Today lines: its tasks due today are TASK_DUE lines of the
    worklist, must-do, so the next day's plan takes them before every line that is not."""
    from relmgr.services.day_plan import load_day_plan, set_daily_capacity
    from relmgr.services.worklist import WorkReason, load_worklist

    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        refresh_segments(portfolio)
        save_list(portfolio, name="到期客户", criteria=MATURING)
        made = create_list_tasks(portfolio, name="到期客户", kind="PHONE", due_on=DEMO_AS_OF, language="zh_CN")
        listed = {r[0] for r in portfolio.query(
            f"SELECT customer_id FROM tasks WHERE task_id IN ({', '.join('?' * len(made.task_ids))})",
            made.task_ids)}
        worklist = load_worklist(portfolio, today=DEMO_AS_OF).frame
        with_task = worklist[[WorkReason.TASK_DUE.value in codes for codes in worklist["reason_codes"]]]
        must_do = int(worklist["must_do"].sum())
        set_daily_capacity(portfolio, capacity=must_do)      # room for the must-do lines only
        plan = load_day_plan(portfolio, today=DEMO_AS_OF).plan
    assert made.created == len(listed) > 0
    assert listed <= set(with_task["customer_id"]) and with_task["must_do"].all()
    assert listed <= set(plan["customer_id"]) and plan["must_do"].all()
