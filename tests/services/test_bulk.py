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
