"""Message templates on the demo portfolio: birthday, maturity and risk-renewal messages filled
in from the customer's own dates (as of the data date), due when the date is near, greeting by
surname and title only, signed with branch and RM, in both languages."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from relmgr.domain.codes import MessageKind
from relmgr.services import data_date
from relmgr.services.message_templates import MATURITY_DAYS, customer_messages
from relmgr.storage import open_portfolio
from tests.conftest import DEMO_PASSWORD_FOR_TESTS


@pytest.fixture
def portfolio(writable_demo_portfolio):
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as opened:
        yield opened


def test_messages_use_the_customers_own_dates(portfolio) -> None:
    as_of = data_date.as_of(portfolio)
    holdings = portfolio.read_frame(
        "SELECT h.customer_id, h.maturity_on, p.name_zh FROM holdings AS h JOIN products AS p USING (product_id) "
        "WHERE h.status != 'CLOSED' AND h.maturity_on >= ? ORDER BY h.customer_id, h.maturity_on",
        (as_of.isoformat(),))
    first = holdings.groupby("customer_id").head(1)
    soon = first[pd.to_datetime(first["maturity_on"]).dt.date <= as_of + dt.timedelta(days=MATURITY_DAYS)]
    customer_id, maturity_on, product = soon.iloc[0][["customer_id", "maturity_on", "name_zh"]]
    (name, gender, birth, assessed), = portfolio.query(
        "SELECT name, gender, birth_date, risk_assessed_on FROM customers WHERE customer_id = ?", (customer_id,))

    messages = {m.kind: m for m in customer_messages(portfolio, customer_id, language="zh_CN",
                                                     branch="城东支行", rm="李经理")}
    maturity = messages[MessageKind.MATURITY]
    assert maturity.due and maturity.on.isoformat() == maturity_on
    assert product in maturity.text and maturity_on in maturity.text
    title = name[0] + ("先生" if gender == "M" else "女士")
    assert maturity.text.startswith(f"尊敬的{title}：") and name not in maturity.text.replace(title, "")
    assert maturity.text.endswith("——城东支行 客户经理李经理")
    birthday = messages[MessageKind.BIRTHDAY]
    assert birthday.on.strftime("%m-%d") == birth[5:10] and birthday.on >= as_of
    assert birthday.due == ((birthday.on - as_of).days <= 7)
    if assessed:
        renewal = messages[MessageKind.RISK_RENEWAL]
        expires = dt.date.fromisoformat(assessed) + dt.timedelta(days=365)
        assert renewal.on == expires and expires.isoformat() in renewal.text
        assert ("已于" in renewal.text) == (expires < as_of)
    # Due ones first.
    listed = customer_messages(portfolio, customer_id, language="en")
    assert [m.due for m in listed] == sorted((m.due for m in listed), reverse=True)
    assert all(m.text.startswith("Dear ") for m in listed)


def test_a_customer_with_nothing_on_record_gets_no_message(portfolio) -> None:
    customer_id = portfolio.query("SELECT customer_id FROM customers LIMIT 1")[0][0]
    with portfolio.transaction():
        portfolio.conn.execute("UPDATE customers SET risk_assessed_on = NULL, name = '' WHERE customer_id = ?",
                               (customer_id,))
        portfolio.conn.execute("UPDATE holdings SET maturity_on = NULL WHERE customer_id = ?", (customer_id,))
    kinds = [m.kind for m in customer_messages(portfolio, customer_id, language="en")]
    assert kinds == [MessageKind.BIRTHDAY]
    birthday, = customer_messages(portfolio, customer_id, language="en")
    assert birthday.text.startswith("Dear customer,") and "\n" not in birthday.text   # no signature set
    with pytest.raises(KeyError):
        customer_messages(portfolio, "NOPE", language="en")
