"""Bulk actions on a selection of the demo's customers: the same contact and a follow-up task
for each, audited one row per customer, all or nothing; the selection exported masked and
audited."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from relmgr.domain.codes import AuditAction
from relmgr.domain.progress import Cancelled
from relmgr.services import bulk
from relmgr.services.audit import list_audit
from relmgr.services.consent import MarketingRefused, record_consent
from relmgr.storage import open_portfolio
from tests.conftest import DEMO_PASSWORD_FOR_TESTS


@pytest.fixture
def portfolio(writable_demo_portfolio):
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as opened:
        yield opened


def _three(portfolio) -> list[str]:
    return [str(r[0]) for r in portfolio.query("SELECT customer_id FROM customers ORDER BY customer_id LIMIT 3")]


def _count(portfolio, table: str) -> int:
    return int(portfolio.query(f"SELECT COUNT(*) FROM {table}")[0][0])


def test_one_contact_for_each_is_stored_and_audited(portfolio) -> None:
    ids = _three(portfolio)
    before = _count(portfolio, "interactions")
    made = bulk.bulk_log_contacts(portfolio, customer_ids=ids + [ids[0]], channel="PHONE",
                                  purpose="SERVICE", outcome="REACHED", note="季度回访",
                                  at=dt.datetime(2026, 12, 4, 10, 0))
    assert len(made) == 3 and _count(portfolio, "interactions") == before + 3    # each customer once
    rows = portfolio.query("SELECT customer_id, channel, outcome, note FROM interactions WHERE interaction_id IN "
                           f"({', '.join('?' * 3)}) ORDER BY interaction_id", made)
    assert rows == [(c, "PHONE", "REACHED", "季度回访") for c in ids]
    # The table's last contact follows at once (the same store call as the single contact).
    last = dict(portfolio.query("SELECT customer_id, last_contact_on FROM customer_summary WHERE customer_id IN "
                                f"({', '.join('?' * 3)})", ids))
    assert set(last.values()) == {"2026-12-04"}
    audited = list_audit(portfolio, action=AuditAction.BULK_CONTACT_LOGGED)
    assert sorted(audited["target"]) == sorted(ids)
    details = [json.loads(d) for d in audited["detail"]]
    assert sorted(d["interaction_id"] for d in details) == sorted(made)
    assert all(d["selection"] == 3 for d in details) and "季度回访" not in "".join(audited["detail"])


def test_one_task_for_each_is_stored_and_audited(portfolio) -> None:
    ids = _three(portfolio)
    made = bulk.bulk_create_tasks(portfolio, customer_ids=ids, kind="Follow-up call",
                                  due_on=dt.date(2026, 12, 11), note="带上理财资料")
    rows = portfolio.query("SELECT customer_id, title, due_on, status, note FROM tasks WHERE task_id IN "
                           f"({', '.join('?' * 3)}) ORDER BY task_id", made)
    assert rows == [(c, "Follow-up call", "2026-12-11", "OPEN", "带上理财资料") for c in ids]
    audited = list_audit(portfolio, action=AuditAction.BULK_TASK_CREATED)
    assert sorted(audited["target"]) == sorted(ids)
    assert sorted(json.loads(d)["task_id"] for d in audited["detail"]) == sorted(made)


@pytest.mark.parametrize("action", ["contacts", "tasks"])
def test_a_failure_in_the_middle_writes_nothing(portfolio, monkeypatch, action) -> None:
    ids = _three(portfolio)
    before = (_count(portfolio, "interactions"), _count(portfolio, "tasks"), _count(portfolio, "audit_log"))
    real = bulk.audit.record
    calls = []

    def failing_on_the_second(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(bulk.audit, "record", failing_on_the_second)
    with pytest.raises(RuntimeError):
        if action == "contacts":
            bulk.bulk_log_contacts(portfolio, customer_ids=ids, channel="PHONE", purpose="SERVICE",
                                   outcome="REACHED")
        else:
            bulk.bulk_create_tasks(portfolio, customer_ids=ids, kind="Visit", due_on="2026-12-20")
    assert len(calls) == 2                       # it failed after the first customer was written
    assert (_count(portfolio, "interactions"), _count(portfolio, "tasks"), _count(portfolio, "audit_log")) == before


def test_bad_input_and_cancel_write_nothing(portfolio) -> None:
    ids = _three(portfolio)
    before = (_count(portfolio, "interactions"), _count(portfolio, "tasks"), _count(portfolio, "audit_log"))
    with pytest.raises(ValueError, match="1 not in this portfolio"):
        bulk.bulk_create_tasks(portfolio, customer_ids=[*ids, "NO-SUCH"], kind="Visit", due_on="2026-12-20")
    with pytest.raises(ValueError, match="no customer selected"):
        bulk.bulk_log_contacts(portfolio, customer_ids=[], channel="PHONE", purpose="SERVICE", outcome="REACHED")
    with pytest.raises(ValueError, match="kind"):
        bulk.bulk_create_tasks(portfolio, customer_ids=ids, kind="  ", due_on="2026-12-20")
    with pytest.raises(ValueError, match="outcome"):
        bulk.bulk_log_contacts(portfolio, customer_ids=ids, channel="PHONE", purpose="SERVICE", outcome="MAYBE")
    with pytest.raises(Cancelled):
        bulk.bulk_create_tasks(portfolio, customer_ids=ids, kind="Visit", due_on="2026-12-20",
                               cancel=lambda: True)
    assert (_count(portfolio, "interactions"), _count(portfolio, "tasks"), _count(portfolio, "audit_log")) == before


def test_a_sales_contact_is_refused_for_the_whole_selection_when_one_declined(portfolio) -> None:
    ids = _three(portfolio)
    record_consent(portfolio, customer_id=ids[1], consent="DECLINED", decided_on=dt.date(2026, 1, 5))
    before = _count(portfolio, "interactions")
    with pytest.raises(MarketingRefused, match="1 of the selected customers"):
        bulk.bulk_log_contacts(portfolio, customer_ids=ids, channel="PHONE", purpose="SALES", outcome="REACHED")
    assert _count(portfolio, "interactions") == before
    # A service contact is still fine for the same selection.
    assert len(bulk.bulk_log_contacts(portfolio, customer_ids=ids, channel="PHONE", purpose="SERVICE",
                                      outcome="REACHED")) == 3


def test_the_selection_is_exported_masked_and_audited(portfolio, tmp_path) -> None:
    ids = _three(portfolio)
    name = str(portfolio.query("SELECT name FROM customers WHERE customer_id = ?", (ids[2],))[0][0])
    result = bulk.export_selection(portfolio, customer_ids=list(reversed(ids)), path=tmp_path / "sel.csv",
                                   language="en")
    assert result.rows == 3 and result.masked and result.list_name == "selection"
    text = (tmp_path / "sel.csv").read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    assert [line.split(",")[0] for line in lines[1:]] == list(reversed(ids))     # the selection's order
    assert name not in text
    detail = json.loads(list_audit(portfolio, action=AuditAction.EXPORTED)["detail"].iloc[-1])
    assert detail == {"list": "selection", "format": "csv", "rows": 3, "masked": True, "file": "sel.csv"}


def test_the_undo_of_a_bulk_log_takes_every_contact_back_and_the_last_contact_with_it(portfolio) -> None:
    ids = _three(portfolio)
    marks = ", ".join("?" * 3)
    before = dict(portfolio.query(f"SELECT customer_id, last_contact_on FROM customer_summary "
                                  f"WHERE customer_id IN ({marks})", ids))
    count = _count(portfolio, "interactions")
    made = bulk.bulk_log_contacts(portfolio, customer_ids=ids, channel="PHONE", purpose="SERVICE",
                                  outcome="REACHED", at=dt.datetime(2026, 12, 4, 10, 0))
    # One was already taken back on its own (Today's Undo): the bulk Undo skips it.
    portfolio.conn.execute("DELETE FROM interactions WHERE interaction_id = ?", (made[0],))
    undone = bulk.undo_bulk_contacts(portfolio, interaction_ids=made, day=dt.date(2026, 12, 4))
    assert undone == ids[1:] and _count(portfolio, "interactions") == count
    after = dict(portfolio.query(f"SELECT customer_id, last_contact_on FROM customer_summary "
                                 f"WHERE customer_id IN ({marks})", ids))
    assert {c: after[c] for c in ids[1:]} == {c: before[c] for c in ids[1:]}
    audited = list_audit(portfolio, action=AuditAction.CONTACT_UNDONE)
    assert sorted(audited["target"]) == sorted(ids[1:])
    assert sorted(json.loads(d)["interaction_id"] for d in audited["detail"]) == sorted(made[1:])


def test_the_undo_of_contacts_refuses_an_older_one_and_takes_none_back(portfolio) -> None:
    ids = _three(portfolio)
    today = bulk.bulk_log_contacts(portfolio, customer_ids=ids[:2], channel="PHONE", purpose="SERVICE",
                                   outcome="REACHED", at=dt.datetime(2026, 12, 4, 10, 0))
    older = bulk.bulk_log_contacts(portfolio, customer_ids=ids[2:], channel="PHONE", purpose="SERVICE",
                                   outcome="REACHED", at=dt.datetime(2026, 11, 30, 10, 0))
    count, audit_rows = _count(portfolio, "interactions"), _count(portfolio, "audit_log")
    with pytest.raises(ValueError, match=r"1 of these contacts were logged before 2026-12-04 .*none was taken back"):
        bulk.undo_bulk_contacts(portfolio, interaction_ids=today + older, day=dt.date(2026, 12, 4))
    assert (_count(portfolio, "interactions"), _count(portfolio, "audit_log")) == (count, audit_rows)
    with pytest.raises(ValueError, match="no contact"):
        bulk.undo_bulk_contacts(portfolio, interaction_ids=[], day=dt.date(2026, 12, 4))


def test_the_undo_of_a_bulk_create_removes_open_tasks_only(portfolio) -> None:
    ids = _three(portfolio)
    count = _count(portfolio, "tasks")
    made = bulk.bulk_create_tasks(portfolio, customer_ids=ids, kind="Visit", due_on=dt.date(2026, 12, 11))
    portfolio.conn.execute("UPDATE tasks SET status = 'DONE' WHERE task_id = ?", (made[1],))
    audit_rows = _count(portfolio, "audit_log")
    with pytest.raises(ValueError, match=r"1 of these tasks were done or closed since .*task \d+\), so none"):
        bulk.undo_bulk_tasks(portfolio, task_ids=made)
    assert (_count(portfolio, "tasks"), _count(portfolio, "audit_log")) == (count + 3, audit_rows)
    portfolio.conn.execute("UPDATE tasks SET status = 'OPEN' WHERE task_id = ?", (made[1],))
    assert bulk.undo_bulk_tasks(portfolio, task_ids=made) == ids
    assert _count(portfolio, "tasks") == count
    audited = list_audit(portfolio, action=AuditAction.TASK_UNDONE)
    assert sorted(json.loads(d)["task_id"] for d in audited["detail"]) == sorted(made)


def test_a_cancelled_undo_takes_nothing_back(portfolio) -> None:
    ids = _three(portfolio)
    made = bulk.bulk_create_tasks(portfolio, customer_ids=ids, kind="Visit", due_on=dt.date(2026, 12, 11))
    count = _count(portfolio, "tasks")
    with pytest.raises(Cancelled):
        bulk.undo_bulk_tasks(portfolio, task_ids=made, cancel=lambda: True)
    assert _count(portfolio, "tasks") == count
