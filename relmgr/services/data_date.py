"""A portfolio's data date ("as of"): the one day every page, list, export and command counts from.

`as_of(portfolio, override)` decides it, in this order:

1. `override` when given (the CLI's `--today`, a test's fixed day);
2. meta 'as_of', the data date of the last import: the importer sets it to the later of its
   previous value and the newest `txn_date` loaded (a first load without transactions: the newest
   activity date in it), the demo builder to the day the demo was built for;
3. without it (a portfolio written by other means, or before any data date was stored): the
   newest transaction's booking date;
4. without transactions: the newest date of the exported rows themselves (customers' and
   holdings' openings and closings, offers) — not the contact log, whose rows logged in the app
   carry the wall clock;
5. otherwise the portfolio holds no data: `NoDataDate`, with a sentence saying so.

A date after LATEST (9899-12-06) is no data date: a transaction dated 9999-12-31 imported
before the importer checked dates would leave no room for "data date + N days"; it is skipped
in steps 2-4, so the pages count from the newest real date and a corrected re-import
(`relmgr import --mode replace`) repairs the portfolio.

Never the wall clock, for a demo and a real portfolio alike: on an export dated 1994-03-31 a
contact last made on 1993-10-18 is 164 days old on every page, not 12,000. The RM's own writes
(contacts, tasks, audit entries) keep their real timestamps; pages that compare them with the data
date treat one logged after it as made on it (services.worklist.read_contact_due).
"""

from __future__ import annotations

import datetime as dt

from relmgr.storage.data_dates import newest_export_date, newest_transaction_date
from relmgr.storage.portfolio import Portfolio

__all__ = ["LATEST", "NO_DATA", "NoDataDate", "as_of", "as_of_or_none", "as_of_text", "usable"]

# A century of headroom below the calendar's end, for every "data date + N days" there is.
LATEST = dt.date.max - dt.timedelta(days=36_600)

NO_DATA = ("this portfolio holds no data yet, so it has no data date: "
           "import the bank's export first (relmgr import FILE --from FOLDER)")


class NoDataDate(ValueError):
    """The portfolio holds nothing to date: no stored data date, no transactions, no dated rows."""

    def __init__(self, message: str = NO_DATA) -> None:
        super().__init__(message)


def _parse(text: str, source: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise ValueError(f"the portfolio's data date {text!r} ({source}) is not YYYY-MM-DD") from None


def as_of_or_none(portfolio: Portfolio, override: dt.date | None = None) -> dt.date | None:
    """`as_of`, or None when the portfolio holds no data at all."""
    if override is not None:
        return override
    stored = portfolio.get_meta("as_of")
    if stored and usable(stored):
        return _parse(stored, "meta 'as_of'")
    newest = newest_transaction_date(portfolio, until=LATEST.isoformat())
    if newest:
        return _parse(newest, "the newest transaction")
    newest = newest_export_date(portfolio, until=LATEST.isoformat())
    return _parse(newest, "the newest dated row") if newest else None


def usable(text: str | None) -> bool:
    """Whether a stored data date is one to count from (not after LATEST)."""
    return bool(text) and str(text)[:10] <= LATEST.isoformat()


def as_of(portfolio: Portfolio, override: dt.date | None = None) -> dt.date:
    """The portfolio's data date (see the module's docstring for the order); raises NoDataDate
    when it holds no data, ValueError when the stored date is not a date."""
    day = as_of_or_none(portfolio, override)
    if day is None:
        raise NoDataDate()
    return day


def as_of_text(portfolio: Portfolio) -> str | None:
    """The data date as YYYY-MM-DD for the window's status bar, or None without data (or with a
    stored date that is not one: the pages that count from it say so)."""
    try:
        day = as_of_or_none(portfolio)
    except ValueError:
        return None
    return day.isoformat() if day else None
