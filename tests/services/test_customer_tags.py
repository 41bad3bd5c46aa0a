"""A customer's tags on the demo portfolio: added and removed in customers.tags (';'-separated,
what target lists read), audited with counts only, and bad tags refused with nothing changed."""

from __future__ import annotations

import pytest

from relmgr.domain.codes import AuditAction
from relmgr.services.audit import list_audit
from relmgr.services.customer_tags import MAX_TAG_CHARS, MAX_TAGS, change_tags, split_tags, tags_of
from relmgr.storage import open_portfolio
from tests.conftest import DEMO_PASSWORD_FOR_TESTS


@pytest.fixture
def portfolio(writable_demo_portfolio):
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as opened:
        yield opened


def _customer(portfolio) -> str:
    """A customer the demo gave no tags (it tags by occupation)."""
    return str(portfolio.query("SELECT customer_id FROM customers WHERE COALESCE(tags, '') = '' "
                               "ORDER BY customer_id LIMIT 1")[0][0])


def test_add_and_remove_are_stored_and_audited(portfolio) -> None:
    customer = _customer(portfolio)
    assert tags_of(portfolio, customer) == []
    assert change_tags(portfolio, customer_id=customer, add=["高净值", " golf ", "高净值"]) == ["高净值", "golf"]
    assert portfolio.query("SELECT tags FROM customers WHERE customer_id = ?", (customer,)) == [("高净值;golf",)]
    assert change_tags(portfolio, customer_id=customer, remove=["高净值"], add=["退休"]) == ["golf", "退休"]
    assert tags_of(portfolio, customer) == ["golf", "退休"]
    audited = list_audit(portfolio, action=AuditAction.TAGS_CHANGED)
    assert audited["target"].tolist() == [customer, customer]
    assert "高净值" not in "".join(audited["detail"]) and '"removed": 1' in audited["detail"].iloc[0]
    # Nothing to change: no write and no audit row.
    assert change_tags(portfolio, customer_id=customer, add=["golf"], remove=["never held"]) == ["golf", "退休"]
    assert len(list_audit(portfolio, action=AuditAction.TAGS_CHANGED)) == 2


@pytest.mark.parametrize("bad", ["", "   ", "a;b", "甲；乙", "x" * (MAX_TAG_CHARS + 1)])
def test_a_bad_tag_changes_nothing(portfolio, bad) -> None:
    customer = _customer(portfolio)
    change_tags(portfolio, customer_id=customer, add=["kept"])
    with pytest.raises(ValueError, match="tag"):
        change_tags(portfolio, customer_id=customer, add=["fine", bad])
    assert tags_of(portfolio, customer) == ["kept"]


def test_limits_and_unknown_customer(portfolio) -> None:
    customer = _customer(portfolio)
    change_tags(portfolio, customer_id=customer, add=[f"t{i}" for i in range(MAX_TAGS)])
    with pytest.raises(ValueError, match=f"at most {MAX_TAGS}"):
        change_tags(portfolio, customer_id=customer, add=["one more"])
    with pytest.raises(ValueError, match="no customer"):
        change_tags(portfolio, customer_id="NOPE", add=["x"])
    assert len(tags_of(portfolio, customer)) == MAX_TAGS
    # An imported column with blanks and repeats reads cleanly.
    assert split_tags(" a; ;b;a ;") == ["a", "b"]
