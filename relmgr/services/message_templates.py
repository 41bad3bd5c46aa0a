"""The messages an RM copies into the bank's own messaging (issue 19): birthday greetings, the
notice of the next maturing holding, and the reminder to renew the risk assessment, filled in
for one customer as of the portfolio's data date (services/data_date.py).

Each message says whether it is due now (birthday within BIRTHDAY_DAYS, maturity within
MATURITY_DAYS, an assessment expired or expiring within RENEWAL_DAYS); one with nothing to say
(no maturing holding, no assessment date) is left out. relmgr sends nothing itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from relmgr.domain.codes import MessageKind
from relmgr.services import data_date
from relmgr.services.wording import customers as customer_words
from relmgr.services.wording import messages as words
from relmgr.storage import customers as store
from relmgr.storage.portfolio import Portfolio

BIRTHDAY_DAYS = 7
MATURITY_DAYS = 30
RENEWAL_DAYS = 30
ASSESSMENT_VALID_DAYS = 365        # as the suitability rule: an assessment older than a year has expired


@dataclass(frozen=True)
class CustomerMessage:
    kind: MessageKind
    on: dt.date           # the birthday, maturity or expiry the message is about
    due: bool             # whether to send it now
    text: str


def _next_birthday(birth: dt.date, as_of: dt.date) -> dt.date:
    for year in (as_of.year, as_of.year + 1):
        try:
            day = birth.replace(year=year)
        except ValueError:                        # 29 February in a common year
            day = dt.date(year, 3, 1)
        if day >= as_of:
            return day
    raise AssertionError("unreachable")


def _date(value: object) -> dt.date | None:
    if value is None or value != value or value == "":
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def customer_messages(portfolio: Portfolio, customer_id: str, *, language: str, branch: str = "",
                      rm: str = "") -> list[CustomerMessage]:
    """The messages for `customer_id`, due ones first. `branch` and `rm` sign them (empty:
    the portfolio's own 'branch' / 'rm' entries, as the call sheet's header). KeyError for an
    unknown customer."""
    row = store.read_customer(portfolio, customer_id)
    if row is None:
        raise KeyError(customer_id)
    as_of = data_date.as_of(portfolio)
    branch = branch or str(portfolio.get_meta("branch", "") or "")
    rm = rm or str(portfolio.get_meta("rm", "") or "")
    common = {"language": language, "branch": branch, "rm": rm,
              "salutation": words.salutation(row.get("name"), row.get("gender"), language=language)}
    found: list[CustomerMessage] = []

    birth = _date(row.get("birth_date"))
    if birth is not None:
        day = _next_birthday(birth, as_of)
        found.append(CustomerMessage(MessageKind.BIRTHDAY, day, (day - as_of).days <= BIRTHDAY_DAYS,
                                     words.message_text(MessageKind.BIRTHDAY, **common)))

    holdings = store.read_holdings(portfolio, customer_id)
    maturing = [(day, row) for day, row in zip((_date(v) for v in holdings["maturity_on"]),
                                                holdings.to_dict("records"), strict=True)
                if day is not None and day >= as_of and row["status"] != "CLOSED"]
    if maturing:
        day, first = min(maturing, key=lambda pair: pair[0])
        product = customer_words.product_name(first, language=language)
        found.append(CustomerMessage(
            MessageKind.MATURITY, day, (day - as_of).days <= MATURITY_DAYS,
            words.message_text(MessageKind.MATURITY, product=product, date=day.isoformat(), **common)))

    assessed = _date(row.get("risk_assessed_on"))
    if assessed is not None:
        expires = assessed + dt.timedelta(days=ASSESSMENT_VALID_DAYS)
        found.append(CustomerMessage(
            MessageKind.RISK_RENEWAL, expires, (expires - as_of).days <= RENEWAL_DAYS,
            words.message_text(MessageKind.RISK_RENEWAL, date=expires.isoformat(), expired=expires < as_of,
                               **common)))
    return sorted(found, key=lambda m: not m.due)
