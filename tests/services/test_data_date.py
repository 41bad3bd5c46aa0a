"""One data date (issue 12, item 6): services.data_date.as_of decides a portfolio's "as of" —
the last import's data date, then the newest transaction, then the newest exported date, never
the wall clock — and Today, Service tiers and Customers all count from it, `--today` overriding.

The portfolio here is a real-like one (no demo_seed): an exchange-format folder dated 1994-03-31
loaded by the importer, as the bank's export that once read "12,000 days overdue" on Today."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from relmgr.services import data_date
from relmgr.services.customers import load_customer_360, load_customer_list
from relmgr.services.daily import stale_analytics
from relmgr.services.demo import generate_demo_frames
from relmgr.services.importer import TABLES, import_folder
from relmgr.services.segment_views import load_segment_views
from relmgr.services.segments import refresh_segments
from relmgr.services.worklist import load_worklist, worklist_today
from relmgr.storage import create_portfolio, open_portfolio

OLD = dt.date(1994, 3, 31)
PASSWORD = "data-date-pw"


def _write(folder: Path, frames: dict[str, pd.DataFrame], tables: list[str]) -> Path:
    folder.mkdir(parents=True)
    for table in tables:
        frames[table].to_csv(folder / f"{table}.csv", index=False)
    return folder


@pytest.fixture(scope="module")
def frames() -> dict[str, pd.DataFrame]:
    return generate_demo_frames(customers=60, seed=5, as_of=OLD)


@pytest.fixture(scope="module")
def old_export(frames: dict[str, pd.DataFrame], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A portfolio holding the whole 1994 export, segments refreshed (read-only: tests copy it)."""
    root = tmp_path_factory.mktemp("old-export")
    path = root / "old.rmdb"
    with create_portfolio(path, PASSWORD) as portfolio:
        import_folder(portfolio, _write(root / "export", frames, [s.table for s in TABLES]))
        refresh_segments(portfolio)
    return path


@pytest.fixture
def portfolio(old_export: Path, tmp_path: Path):
    copy = tmp_path / "portfolio.rmdb"
    copy.write_bytes(old_export.read_bytes())
    with open_portfolio(copy, PASSWORD) as opened:
        yield opened


def _drop_meta(portfolio) -> None:
    with portfolio.transaction():
        portfolio.conn.execute("DELETE FROM meta WHERE key = 'as_of'")


# -- the order ----------------------------------------------------------------------------------
def test_the_import_records_its_data_date_and_as_of_reads_it(portfolio) -> None:
    assert portfolio.get_meta("demo_seed") is None            # a real portfolio, not the demo
    assert portfolio.get_meta("as_of") == OLD.isoformat()
    assert data_date.as_of(portfolio) == OLD
    assert data_date.as_of_text(portfolio) == "1994-03-31"    # what the status bar shows
    assert data_date.as_of(portfolio, dt.date(1994, 4, 30)) == dt.date(1994, 4, 30)   # --today


def test_meta_wins_over_the_newest_transaction(portfolio) -> None:
    with portfolio.transaction():
        portfolio.set_meta("as_of", "1994-03-15")
    assert data_date.as_of(portfolio) == dt.date(1994, 3, 15)


def test_without_meta_the_newest_transaction_then_the_newest_exported_date(portfolio) -> None:
    _drop_meta(portfolio)
    assert data_date.as_of(portfolio) == OLD                  # transactions run to 1994-03-31
    with portfolio.transaction():
        portfolio.conn.execute("DELETE FROM transactions")
        # A contact logged in the app carries the wall clock: it never dates the data.
        portfolio.conn.execute("UPDATE interactions SET occurred_at = '2031-01-01T09:00:00' "
                               "WHERE interaction_id = (SELECT MIN(interaction_id) FROM interactions)")
    newest = max(d for d in pd.concat([portfolio.read_frame(f"SELECT {c} AS d FROM {t}")["d"] for t, c in (
        ("customers", "opened_on"), ("customers", "closed_on"), ("holdings", "opened_on"),
        ("holdings", "closed_on"), ("offers", "offered_on"), ("offers", "responded_on"))]).dropna())
    assert data_date.as_of(portfolio) == dt.date.fromisoformat(newest[:10])
    assert data_date.as_of(portfolio) <= OLD


def test_no_data_at_all_says_so_in_a_sentence(tmp_path: Path) -> None:
    with create_portfolio(tmp_path / "empty.rmdb", PASSWORD) as empty:
        with pytest.raises(data_date.NoDataDate, match="holds no data yet.*import"):
            data_date.as_of(empty)
        assert data_date.as_of_or_none(empty) is None and data_date.as_of_text(empty) is None
        assert data_date.as_of(empty, OLD) == OLD                     # --today still works
        assert stale_analytics(empty) == []                           # nothing to bring forward
        assert load_customer_list(empty).empty


def test_a_stored_date_that_is_not_a_date_is_an_error_not_a_guess(portfolio) -> None:
    with portfolio.transaction():
        portfolio.set_meta("as_of", "31/03/1994")
    with pytest.raises(ValueError, match="not YYYY-MM-DD"):
        data_date.as_of(portfolio)
    assert data_date.as_of_text(portfolio) is None


def test_the_first_load_without_transactions_takes_its_newest_activity_date(
        frames: dict[str, pd.DataFrame], tmp_path: Path) -> None:
    with create_portfolio(tmp_path / "p.rmdb", PASSWORD) as portfolio:
        import_folder(portfolio, _write(tmp_path / "export", frames, ["customers", "products", "holdings"]))
        assert portfolio.get_meta("as_of") is not None
        assert data_date.as_of(portfolio) == dt.date.fromisoformat(portfolio.get_meta("as_of"))
        assert data_date.as_of(portfolio) <= OLD


# -- every page counts from it -------------------------------------------------------------------
def _overdue_on_today(portfolio, day: dt.date) -> dict[str, int]:
    frame = load_worklist(portfolio, today=day).frame
    return {c: d["days_overdue"] for c, details in zip(frame["customer_id"], frame["details"], strict=True)
            for d in details if d["reason"] == "CONTACT_OVERDUE"}


def test_today_tiers_and_customers_count_from_the_same_data_date(portfolio) -> None:
    day = worklist_today(portfolio)
    assert day == data_date.as_of(portfolio) == OLD              # not the calendar date

    # Today: overdue days counted from 1994-03-31 (once "12,000 days overdue").
    today = _overdue_on_today(portfolio, day)
    frame = load_worklist(portfolio, today=day).frame
    details = [d for ds in frame["details"] for d in ds if d["reason"] == "CONTACT_OVERDUE"]
    assert today and max(today.values()) < 2 * 365
    for d in details:
        assert d["days_overdue"] == (OLD - dt.date.fromisoformat(d["due_on"])).days

    # Service tiers: the same customers overdue by the same days, and counts that match.
    views = load_segment_views(portfolio)
    assert views is not None and views.as_of == OLD
    tiers = views.customers.set_index("customer_id")
    overdue = tiers[tiers["contact_status"] == "OVERDUE"]
    assert set(overdue.index) == set(today)
    assert {c: int(overdue.at[c, "days_overdue"]) for c in today} == today
    assert int(views.tiers["overdue"].sum()) == len(today)

    # Customers: days since the last contact, in the list and in the 360 view.
    customers = load_customer_list(portfolio)
    contacted = customers[customers["last_contact_on"].notna()]
    assert len(contacted) > 10
    expected = [(OLD - dt.date.fromisoformat(s[:10])).days for s in contacted["last_contact_on"]]
    assert contacted["days_since_contact"].tolist() == expected
    assert max(expected) < 3 * 365
    first = contacted.iloc[0]
    profile = load_customer_360(portfolio, first["customer_id"]).profile
    assert profile["days_since_contact"] == expected[0]
    assert load_customer_360(portfolio, first["customer_id"]).as_of == OLD


def test_today_overrides_the_data_date(portfolio) -> None:
    later = OLD + dt.timedelta(days=30)
    assert worklist_today(portfolio, later) == later
    before, after = _overdue_on_today(portfolio, OLD), _overdue_on_today(portfolio, later)
    assert before and all(after[c] == days + 30 for c, days in before.items())


def test_a_contact_logged_in_the_app_counts_as_made_on_the_data_date(portfolio) -> None:
    from relmgr.services.contacts import log_contact

    customer = next(iter(_overdue_on_today(portfolio, OLD)))
    log_contact(portfolio, customer_id=customer, channel="PHONE", outcome="REACHED", purpose="SERVICE",
                note="called")                                    # stamped with the wall clock
    assert customer not in _overdue_on_today(portfolio, OLD)
    row = load_customer_list(portfolio).set_index("customer_id").loc[customer]
    assert row["days_since_contact"] == 0
