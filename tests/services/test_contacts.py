"""Contact log and tasks on a real encrypted portfolio: validation names the field and writes
nothing, history is newest first, the summary follows the log, tasks carry an overdue flag."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from relmgr.services.contacts import (
    cancel_task,
    complete_task,
    contact_history,
    create_task,
    list_tasks,
    log_contact,
    with_overdue,
)
from relmgr.storage import open_portfolio
from tests.conftest import DEMO_PASSWORD_FOR_TESTS

TODAY = dt.date(2026, 6, 30)


@pytest.fixture
def portfolio(writable_demo_portfolio: Path):
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as opened:
        yield opened


@pytest.fixture
def customer(portfolio) -> str:
    return portfolio.query("SELECT customer_id FROM customers WHERE closed_on IS NULL "
                           "ORDER BY customer_id LIMIT 1")[0][0]


def _count(portfolio, table: str) -> int:
    return portfolio.table_counts([table])[table]


def test_logged_contacts_come_back_newest_first_and_update_the_summary(portfolio, customer) -> None:
    first = log_contact(portfolio, customer_id=customer, channel="PHONE", purpose="CARE",
                        outcome="REACHED", note="生日问候", at=dt.datetime(2026, 7, 1, 10, 30))
    second = log_contact(portfolio, customer_id=customer, channel="VISIT", purpose="SALES",
                         outcome="INTERESTED", note="介绍大额存单", at="2026-07-03T15:00:00")
    history = contact_history(portfolio, customer_id=customer)
    assert list(history["interaction_id"][:2]) == [second, first]
    assert list(history.columns) == ["interaction_id", "customer_id", "occurred_at", "channel",
                                     "purpose", "outcome", "note"]
    assert history.iloc[0]["note"] == "介绍大额存单" and history.iloc[0]["channel"] == "VISIT"
    summary = portfolio.query("SELECT last_contact_on FROM customer_summary WHERE customer_id = ?",
                              (customer,))
    assert summary[0][0] == "2026-07-03"
    # An older contact logged late does not move the summary back.
    log_contact(portfolio, customer_id=customer, channel="SMS", purpose="SERVICE", outcome="REACHED",
                at=dt.date(2026, 1, 5))
    assert portfolio.query("SELECT last_contact_on FROM customer_summary WHERE customer_id = ?",
                           (customer,))[0][0] == "2026-07-03"


@pytest.mark.parametrize(("field", "kwargs"), [
    ("channel", {"channel": "PIGEON"}),
    ("purpose", {"purpose": "GOSSIP"}),
    ("outcome", {"outcome": "MAYBE"}),
    ("at", {"at": "yesterday"}),
    ("note", {"note": "x" * 2001}),
    ("customer_id", {"customer_id": "C9999999"}),
])
def test_bad_contacts_name_the_field_and_write_nothing(portfolio, customer, field, kwargs) -> None:
    before = _count(portfolio, "interactions")
    args = {"customer_id": customer, "channel": "PHONE", "purpose": "SERVICE", "outcome": "REACHED",
            "note": "", **kwargs}
    with pytest.raises(ValueError, match=field):
        log_contact(portfolio, **args)
    assert _count(portfolio, "interactions") == before


def test_tasks_are_created_completed_and_flagged_overdue(portfolio, customer) -> None:
    late = create_task(portfolio, customer_id=customer, title="送理财资料", due_on="2026-06-25",
                       note="客户要求纸质版")
    today = create_task(portfolio, customer_id=customer, title="回电", due_on=TODAY)
    general = create_task(portfolio, customer_id=None, title="整理网点活动名单",
                          due_on=dt.date(2026, 6, 1))
    tasks = list_tasks(portfolio, today=TODAY, customer_id=customer).set_index("task_id")
    assert bool(tasks.loc[late, "overdue"]) and tasks.loc[late, "days_overdue"] == 5
    assert not tasks.loc[today, "overdue"] and tasks.loc[today, "days_overdue"] == 0
    assert tasks.loc[late, "note"] == "客户要求纸质版"

    complete_task(portfolio, task_id=late, at=dt.datetime(2026, 6, 30, 16, 0))
    cancel_task(portfolio, task_id=general)
    open_ids = set(list_tasks(portfolio, today=TODAY)["task_id"])
    assert late not in open_ids and general not in open_ids and today in open_ids
    done = list_tasks(portfolio, today=TODAY, status="DONE").set_index("task_id")
    assert done.loc[late, "done_at"] == "2026-06-30T16:00:00"
    assert not done.loc[late, "overdue"]                       # done work is never overdue
    everything = list_tasks(portfolio, today=TODAY, status=None)
    assert {late, today, general} <= set(everything["task_id"])

    with pytest.raises(ValueError, match="already DONE"):
        complete_task(portfolio, task_id=late)
    with pytest.raises(ValueError, match="no task"):
        complete_task(portfolio, task_id=987654)


@pytest.mark.parametrize(("field", "kwargs"), [
    ("title", {"title": "   "}),
    ("due_on", {"due_on": "2026-02-30"}),
    ("customer_id", {"customer_id": "nobody"}),
])
def test_bad_tasks_name_the_field_and_write_nothing(portfolio, customer, field, kwargs) -> None:
    before = _count(portfolio, "tasks")
    args = {"customer_id": customer, "title": "回访", "due_on": "2026-07-01", **kwargs}
    with pytest.raises(ValueError, match=field):
        create_task(portfolio, **args)
    assert _count(portfolio, "tasks") == before


def test_overdue_flag_on_a_plain_frame() -> None:
    tasks = pd.DataFrame({"task_id": [1, 2, 3, 4], "status": ["OPEN", "OPEN", "DONE", "CANCELLED"],
                          "due_on": ["2026-06-29", "2026-07-01", "2026-01-01", "2026-01-01"]})
    flagged = with_overdue(tasks, today=TODAY)
    assert list(flagged["overdue"]) == [True, False, False, False]
    assert list(flagged["days_overdue"]) == [1, 0, 0, 0]
