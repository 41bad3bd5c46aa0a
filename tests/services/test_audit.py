"""The audit log service: rows join the caller's transaction, structured details, filters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from relmgr.domain.codes import AuditAction
from relmgr.services.audit import detail_of, list_audit, record, recent
from relmgr.storage import open_portfolio
from tests.conftest import DEMO_PASSWORD_FOR_TESTS


@pytest.fixture
def portfolio(writable_demo_portfolio: Path):
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as opened:
        yield opened


def test_rows_filters_and_details(portfolio) -> None:
    record(portfolio, action=AuditAction.UNLOCKED, actor="rm-li")
    record(portfolio, action="EXPORTED", target="today.xlsx", actor="rm-li",
           detail={"list": "today", "rows": 3, "masked": True, "file": "today.xlsx"})
    record(portfolio, action=AuditAction.REVEAL_PHONE, target="C0100001")
    everything = list_audit(portfolio)
    assert list(everything["action"]) == ["REVEAL_PHONE", "EXPORTED", "UNLOCKED"]
    assert everything["actor"].iloc[0]                         # the OS login by default
    exported = list_audit(portfolio, action=AuditAction.EXPORTED)
    assert len(exported) == 1 and detail_of(exported["detail"].iloc[0])["rows"] == 3
    assert detail_of("plain words") == "plain words"
    today = dt.date.today()
    assert len(list_audit(portfolio, since=today, until=today)) == 3
    assert list_audit(portfolio, until=today - dt.timedelta(days=1)).empty
    assert len(list_audit(portfolio, limit=2)) == 2 and len(recent(portfolio, limit=1)) == 1
    with pytest.raises(ValueError):
        record(portfolio, action="DELETED_EVERYTHING")


def test_a_row_written_in_a_transaction_rolls_back_with_it(portfolio) -> None:
    with pytest.raises(RuntimeError):
        with portfolio.transaction():
            record(portfolio, action=AuditAction.EXPORTED, target="x.csv")
            raise RuntimeError("the export failed")
    assert list_audit(portfolio).empty
