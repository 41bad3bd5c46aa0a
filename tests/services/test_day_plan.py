"""The day's plan on the seeded demo portfolio (issue 19): as many lines as the daily capacity
(a team rule), the must-do lines first and the rest by priority, customers who have left as
win-back lines low in the order, done today counted from the contact log and undone with an
audited Undo, the plan kept for the day and a contacted line off tomorrow's plan, and the
command's JSON."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from relmgr.cli import main
from relmgr.domain.codes import AuditAction
from relmgr.services.audit import list_audit
from relmgr.services.contacts import log_contact, undo_contact
from relmgr.services.day_plan import (
    CAPACITY_RULE,
    DEFAULT_CAPACITY,
    daily_capacity,
    load_day_plan,
    remake_day_plan,
    set_daily_capacity,
)
from relmgr.services.wording import CHINESE, ENGLISH
from relmgr.services.wording import worklist as words
from relmgr.services.worklist import WorkReason, load_worklist
from relmgr.storage import open_portfolio
from relmgr.storage.rules import set_rule
from tests.conftest import DEMO_AS_OF, DEMO_PASSWORD_FOR_TESTS


@pytest.fixture
def portfolio(writable_demo_portfolio: Path):
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as opened:
        yield opened


def _contact(portfolio, customer_id: str, *, at: dt.date | dt.datetime = DEMO_AS_OF) -> int:
    return log_contact(portfolio, customer_id=customer_id, channel="PHONE", purpose="SERVICE",
                       outcome="REACHED", at=at)


def test_the_plan_holds_the_daily_capacity_and_the_rest_is_the_backlog(portfolio) -> None:
    assert daily_capacity(portfolio) == DEFAULT_CAPACITY == 30
    worklist = load_worklist(portfolio, today=DEMO_AS_OF).frame
    assert len(worklist) > DEFAULT_CAPACITY
    plan = load_day_plan(portfolio, today=DEMO_AS_OF)
    assert len(plan.plan) == DEFAULT_CAPACITY
    assert plan.backlog_count == len(worklist) - DEFAULT_CAPACITY
    assert list(plan.frame["rank"]) == list(range(1, len(worklist) + 1))
    assert set(plan.frame["customer_id"]) == set(worklist["customer_id"])
    # The capacity is a team rule: lowered during the day, today's plan gives up its last lines.
    set_daily_capacity(portfolio, capacity=12)
    smaller = load_day_plan(portfolio, today=DEMO_AS_OF)
    assert len(smaller.plan) == 12
    assert list(smaller.plan["customer_id"]) == list(plan.plan["customer_id"])[:12]
    with portfolio.transaction():
        set_rule(portfolio, CAPACITY_RULE, 0)
    with pytest.raises(ValueError, match="today.capacity"):
        load_day_plan(portfolio, today=DEMO_AS_OF)
    with pytest.raises(ValueError, match="whole number"):
        set_daily_capacity(portfolio, capacity=2.5)


def test_must_do_lines_first_then_by_priority_and_win_backs_low(portfolio) -> None:
    plan = load_day_plan(portfolio, today=DEMO_AS_OF)
    frame = plan.frame
    must = frame["must_do"].to_numpy()
    # Every due task of the day is a must-do line, and all of them are in the plan, first.
    with_task = frame["reasons"].map(lambda r: WorkReason.TASK_DUE.value in r).to_numpy()
    assert with_task.any() and (must == with_task).all()
    assert must.sum() <= plan.capacity and must[:must.sum()].all()
    rest = frame[~must]
    assert rest["priority"].is_monotonic_decreasing
    # A customer who has left (closed in the last 90 days here) is a win-back line with its own
    # reason, in words, and not near the top.
    win_back = frame[frame["reasons"].map(lambda r: r[0] == WorkReason.WIN_BACK.value)]
    assert len(win_back) and (win_back["action"] == "WIN_BACK_CALL").all() and not win_back["must_do"].any()
    assert win_back["rank"].min() > len(frame) // 2
    detail = win_back["details"].iat[0][0]
    english = words.reason_sentence(detail, language=ENGLISH)
    chinese = words.reason_sentence(detail, language=CHINESE)
    assert english.startswith("Left the bank on ") and detail["closed_on"] in english
    assert "销户" in chinese and "挽回" in chinese
    assert words.action_label("WIN_BACK_CALL", language=CHINESE) == "挽回联系"


def test_a_contact_marks_its_line_done_in_place_and_undo_takes_it_back(portfolio) -> None:
    first = load_day_plan(portfolio, today=DEMO_AS_OF)
    order = list(first.plan["customer_id"])
    # A line not done yet whose only reason the contact settles: it leaves the worklist itself.
    line = first.plan[~first.plan["done"] & (first.plan["reason_codes"] == "CONTACT_OVERDUE")].iloc[0]
    customer = line["customer_id"]
    before = first.done_today
    interaction = _contact(portfolio, customer)
    assert customer not in set(load_worklist(portfolio, today=DEMO_AS_OF).frame["customer_id"])
    again = load_day_plan(portfolio, today=DEMO_AS_OF)
    assert list(again.plan["customer_id"]) == order                # nothing moved
    done = again.plan.set_index("customer_id").loc[customer]
    assert bool(done["done"]) and int(done["contact_id"]) == interaction
    # Its name and phone are still there although the worklist no longer has it.
    assert portfolio.query("SELECT name, phone FROM customers WHERE customer_id = ?", (customer,)) == [
        (done["name"], done["phone"])]
    assert again.frame["name"].notna().all() and again.frame["phone"].notna().all()
    assert again.done_today == before + 1
    # A contact logged before the plan's day cannot be undone from it; nothing changes.
    old = _contact(portfolio, customer, at=DEMO_AS_OF - dt.timedelta(days=3))
    with pytest.raises(ValueError, match="only today's contacts"):
        undo_contact(portfolio, interaction_id=old, day=DEMO_AS_OF)
    assert undo_contact(portfolio, interaction_id=interaction, day=DEMO_AS_OF) == customer
    assert not portfolio.query("SELECT 1 FROM interactions WHERE interaction_id = ?", (interaction,))
    last = portfolio.query("SELECT last_contact_on FROM customer_summary WHERE customer_id = ?", (customer,))
    assert last == [((DEMO_AS_OF - dt.timedelta(days=3)).isoformat(),)]
    undone = list_audit(portfolio, action=AuditAction.CONTACT_UNDONE)
    assert len(undone) == 1 and undone["target"].iat[0] == customer
    after = load_day_plan(portfolio, today=DEMO_AS_OF)
    assert after.done_today == before and list(after.plan["customer_id"]) == order
    assert not bool(after.plan.set_index("customer_id").loc[customer, "done"])
    with pytest.raises(ValueError, match="no contact"):
        undo_contact(portfolio, interaction_id=interaction, day=DEMO_AS_OF)


def test_a_contacted_line_leaves_tomorrows_plan_and_a_remade_plan_keeps_done_lines(portfolio) -> None:
    today = load_day_plan(portfolio, today=DEMO_AS_OF)
    # A churn warning or a due task stays on the worklist after a call: the plan still moves on.
    customer = today.plan[~today.plan["done"]]["customer_id"].iat[0]
    _contact(portfolio, customer)
    assert customer in set(load_worklist(portfolio, today=DEMO_AS_OF + dt.timedelta(days=1)).frame["customer_id"])
    tomorrow = load_day_plan(portfolio, today=DEMO_AS_OF + dt.timedelta(days=1))
    assert customer not in set(tomorrow.plan["customer_id"]) and len(tomorrow.plan) == today.capacity
    assert customer in set(tomorrow.backlog["customer_id"])
    # Asking for today's plan again (after the catch-up) keeps what was done, first.
    kept_for = load_day_plan(portfolio, today=DEMO_AS_OF + dt.timedelta(days=2))
    done_ids = set(kept_for.plan[kept_for.plan["done"]]["customer_id"])
    kept = remake_day_plan(portfolio, today=DEMO_AS_OF + dt.timedelta(days=2))
    remade = load_day_plan(portfolio, today=DEMO_AS_OF + dt.timedelta(days=2))
    assert kept == len(done_ids)
    assert set(remade.plan["customer_id"].iloc[:kept]) == done_ids and len(remade.plan) == remade.capacity


def test_today_json_is_the_plan_with_reasons_in_words(writable_demo_portfolio: Path, monkeypatch,
                                                      capsys) -> None:
    monkeypatch.setenv("RELMGR_PASSWORD", DEMO_PASSWORD_FOR_TESTS)
    assert main(["today", str(writable_demo_portfolio), "--json", "--language", "zh_CN"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert {"plan", "capacity", "done_today", "backlog_count", "as_of"} <= set(payload)
    assert payload["as_of"] == DEMO_AS_OF.isoformat() and payload["capacity"] == 30
    assert len(payload["plan"]) == 30 and payload["backlog_count"] > 0
    assert payload["done_today"] == sum(line["done"] for line in payload["plan"])
    codes = {reason.value for reason in WorkReason}
    for line in payload["plan"]:
        assert {"customer_id", "priority", "reasons", "action"} <= set(line)
        assert line["reasons"] and all(isinstance(r, str) and r not in codes for r in line["reasons"])
        assert "*" in line["name"] and "title" not in json.dumps(line["details"])
    assert any("逾期" in r for line in payload["plan"] for r in line["reasons"])
    # The readable form says the same in lines a person reads.
    assert main(["today", str(writable_demo_portfolio), "--limit", "2"]) == 0
    text = capsys.readouterr().out.splitlines()
    assert text[0].startswith(f"today {DEMO_AS_OF.isoformat()}: done {payload['done_today']} of 30")
    assert len(text) == 3 and "Complete the task" in text[1]
    # A capacity the team rules cannot hold is one clear sentence, not a traceback.
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as opened, opened.transaction():
        set_rule(opened, CAPACITY_RULE, "many")
    assert main(["today", str(writable_demo_portfolio)]) != 0
    assert "today.capacity must be a whole number" in capsys.readouterr().err
