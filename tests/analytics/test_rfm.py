"""RFM: the eight segments from median splits, customer-initiated activity only, AUM as M."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from relmgr.analytics.activity import ActivityIndex, customer_index
from relmgr.analytics.rfm import compute_rfm
from relmgr.domain.segments import RfmSegment
from tests.analytics.segment_frames import Book

AS_OF = dt.date(2026, 6, 30)


def _days_before(days: int) -> str:
    return (AS_OF - dt.timedelta(days=days)).isoformat()


def _corner(book: Book, cid: str, *, recent: bool, frequent: bool) -> None:
    """Last own transaction 5 (recent) or 200 days ago; ~50 or 2 in the last year."""
    book.customer(cid, opened_on="2018-01-01")
    last = 5 if recent else 200
    if frequent:
        book.txns_every(cid, first=_days_before(last + 49 * 3), last=_days_before(last), days=3)
    else:
        book.txn(cid, _days_before(300)).txn(cid, _days_before(last))
    # Interest credited yesterday is the bank's doing, not the customer's: never "recent".
    book.txn(cid, _days_before(1), kind="INTEREST", channel="SYSTEM")


def _rfm(book: Book, monetary: dict[str, float]) -> pd.DataFrame:
    frames = book.frames()
    ids = customer_index(frames["customers"], as_of=AS_OF)
    activity = ActivityIndex.build(frames["transactions"], customers=ids, as_of=AS_OF)
    return compute_rfm(activity=activity, monetary=pd.Series(monetary), as_of=AS_OF).set_index(
        "customer_id")


def test_each_corner_gets_its_classic_segment() -> None:
    book = Book()
    expected, money = {}, {}
    for recent in (True, False):
        for frequent in (True, False):
            for valuable in (True, False):
                cid = f"{'R' if recent else 'r'}{'F' if frequent else 'f'}{'M' if valuable else 'm'}"
                _corner(book, cid, recent=recent, frequent=frequent)
                money[cid] = 1_000_000.0 if valuable else 10_000.0
                expected[cid] = RfmSegment.from_flags(recent=recent, frequent=frequent,
                                                      valuable=valuable).value
    rfm = _rfm(book, money)
    assert rfm["rfm_segment"].to_dict() == expected
    assert expected["RFM"] == "IMPORTANT_VALUE" and expected["RfM"] == "IMPORTANT_DEVELOP"
    assert expected["rFM"] == "IMPORTANT_RETAIN" and expected["rfM"] == "IMPORTANT_WINBACK"
    assert expected["rfm"] == "GENERAL_WINBACK" and expected["RFm"] == "GENERAL_VALUE"
    assert rfm.loc["RFM", "recency_days"] == 5 and rfm.loc["rfM", "recency_days"] == 200
    assert rfm.loc["RFM", "frequency"] == 50 and rfm.loc["Rfm", "frequency"] == 2
    assert rfm.loc["RFM", "monetary"] == 1_000_000.0
    # Scores: more recent / more frequent / richer never scores lower.
    assert rfm.loc["RFM", "r_score"] > rfm.loc["rFM", "r_score"]
    assert rfm.loc["RFM", "f_score"] > rfm.loc["RfM", "f_score"]
    assert rfm.loc["RFM", "m_score"] > rfm.loc["RFm", "m_score"]
    assert set(rfm["r_score"]) <= {1, 2, 3, 4, 5}


def test_transactions_older_than_a_year_do_not_count_towards_frequency() -> None:
    book = Book().customer("C1", opened_on="2018-01-01").txns_every(
        "C1", first=_days_before(700), last=_days_before(366), days=1).txn("C1", _days_before(10))
    rfm = _rfm(book, {"C1": 5.0})
    assert rfm.loc["C1", "frequency"] == 1


def test_customer_without_transactions_or_aum_is_general_winback() -> None:
    book = Book()
    _corner(book, "A", recent=True, frequent=True)
    book.customer("Q", opened_on="2018-01-01")
    rfm = _rfm(book, {"A": 100.0})
    assert pd.isna(rfm.loc["Q", "recency_days"])
    assert rfm.loc["Q", "rfm_segment"] == "GENERAL_WINBACK"
    assert rfm.loc["Q", "monetary"] == 0.0
    assert rfm.loc["A", "rfm_segment"] == "IMPORTANT_VALUE"


def test_most_customers_without_activity_do_not_make_none_frequent() -> None:
    book = Book()
    for i in range(5):
        book.customer(f"Q{i}", opened_on="2018-01-01")
    _corner(book, "A", recent=True, frequent=False)
    rfm = _rfm(book, {})
    # median frequency is 0: a customer with no transactions is still not 'frequent'
    assert not rfm.loc["Q0", "f_high"]
    assert rfm.loc["A", "f_high"]
