"""Incremental segment refresh: after a day of transactions (and contacts) it must store exactly
what a full refresh stores for tiers, RFM and lifecycle stages; clusters are assigned with the
stored centroids; whenever the shortcut would not be exact it falls back to a full refresh."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest

from relmgr.services.demo import build_demo_portfolio
from relmgr.services.importer import import_folder
from relmgr.services.segments import (
    load_segments,
    refresh_segments,
    refresh_segments_incremental,
)
from relmgr.storage import open_portfolio
from relmgr.storage.rules import set_rule

PASSWORD = "incremental-test"
BASE_AS_OF = dt.date(2026, 6, 15)
TXN_COLUMNS = ["txn_id", "customer_id", "holding_id", "txn_date", "amount", "kind", "channel"]


@pytest.fixture(scope="module")
def base_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 300-customer demo as of mid-June, fully refreshed (so the incremental state exists)."""
    path = tmp_path_factory.mktemp("incremental") / "base.rmdb"
    build_demo_portfolio(path, PASSWORD, customers=300, seed=7, as_of=BASE_AS_OF)
    with open_portfolio(path, PASSWORD) as portfolio:
        refresh_segments(portfolio)
    return path


@pytest.fixture
def copy(base_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "portfolio.rmdb"
    shutil.copyfile(base_file, target)
    return target


def _add_day(path: Path, day: dt.date, *, customers: int = 25, seed: int = 0,
             contacts: bool = False) -> None:
    """One day of transactions for some open customers (customer-initiated kinds on several
    channels, and an interest booking that must not count), and the data date moved to `day`."""
    with open_portfolio(path, PASSWORD) as portfolio:
        ids = [r[0] for r in portfolio.query(
            "SELECT customer_id FROM customers WHERE closed_on IS NULL ORDER BY customer_id")]
        (top,), = portfolio.query("SELECT MAX(txn_id) FROM transactions")
        chosen = ids[seed::max(1, len(ids) // customers)][:customers]
        kinds = ["CARD_SPEND", "DEPOSIT", "INTEREST", "BILL_PAY", "TRANSFER_OUT"]
        channels = ["MOBILE", "BRANCH", "ONLINE", "ATM"]
        rows = [(top + 1 + i, cid, None, day.isoformat(), -50.0 - i, kinds[i % len(kinds)],
                 channels[i % len(channels)]) for i, cid in enumerate(chosen)]
        # A busy customer: several transactions the same day.
        rows += [(top + 1 + len(rows) + j, chosen[0], None, day.isoformat(), -5.0, "CARD_SPEND",
                  "MOBILE") for j in range(6)]
        with portfolio.transaction():
            portfolio.insert_rows("transactions", TXN_COLUMNS, rows)
            if contacts:
                portfolio.insert_rows(
                    "interactions", ["customer_id", "occurred_at", "channel", "outcome"],
                    [(chosen[1], f"{day.isoformat()}T10:00:00", "PHONE", "REACHED"),
                     (chosen[2], f"{day.isoformat()}T11:00:00", "PHONE", "NO_ANSWER")])
            portfolio.set_meta("as_of", day.isoformat())


def _stored(path: Path):
    with open_portfolio(path, PASSWORD) as portfolio:
        stored = load_segments(portfolio)
    assert stored is not None
    return stored


def _assert_same_as_full(incremental_path: Path, full_path: Path) -> None:
    with open_portfolio(full_path, PASSWORD) as portfolio:
        assert refresh_segments(portfolio).mode == "full"
    got, want = _stored(incremental_path), _stored(full_path)
    assert got.as_of == want.as_of
    drop = ["computed_at", "cluster"]
    pd.testing.assert_frame_equal(got.customers.drop(columns=drop), want.customers.drop(columns=drop))
    for name in ("tier_history", "stage_history", "stage_flow"):
        pd.testing.assert_frame_equal(getattr(got, name), getattr(want, name))


def test_one_day_of_transactions_gives_the_full_refresh_result(copy: Path, tmp_path: Path) -> None:
    day = BASE_AS_OF + dt.timedelta(days=1)
    _add_day(copy, day)
    full = tmp_path / "full.rmdb"
    shutil.copyfile(copy, full)
    with open_portfolio(copy, PASSWORD) as portfolio:
        result = refresh_segments_incremental(portfolio)
    assert result.mode == "incremental" and result.full_because == ""
    assert result.as_of == day
    _assert_same_as_full(copy, full)


def test_successive_days_with_contacts_stay_exact(copy: Path, tmp_path: Path) -> None:
    for offset, seed in ((1, 0), (2, 3), (4, 5)):  # the 19th skips a day: two days at once
        day = BASE_AS_OF + dt.timedelta(days=offset)
        _add_day(copy, day, seed=seed, contacts=offset == 2)
        with open_portfolio(copy, PASSWORD) as portfolio:
            assert refresh_segments_incremental(portfolio).mode == "incremental"
    full = tmp_path / "full.rmdb"
    shutil.copyfile(copy, full)
    _assert_same_as_full(copy, full)
    contacted = _stored(copy).customers.set_index("customer_id")["last_contact_on"]
    assert (contacted == (BASE_AS_OF + dt.timedelta(days=2)).isoformat()).sum() >= 1


def test_clusters_are_assigned_with_the_stored_centroids(copy: Path) -> None:
    before = _stored(copy)
    _add_day(copy, BASE_AS_OF + dt.timedelta(days=1))
    with open_portfolio(copy, PASSWORD) as portfolio:
        result = refresh_segments_incremental(portfolio)
    after = _stored(copy)
    assert result.mode == "incremental"
    assert after.cluster_k == before.cluster_k
    assert after.silhouette == before.silhouette  # not refitted
    clusters = after.customers["cluster"].dropna()
    assert clusters.between(1, after.cluster_k).all()
    assert after.cluster_profiles["size"].sum() == len(clusters)
    # One day moves few customers across a centroid boundary.
    same = (before.customers.set_index("customer_id")["cluster"]
            == after.customers.set_index("customer_id")["cluster"]).mean()
    assert same > 0.9


@pytest.mark.parametrize("change, because", [
    ("month_end", "month end"),
    ("backdated", "dated on or before"),
    ("holding", "holdings"),
    ("rules", "rules"),
    ("same_day", "not after"),
    ("edited", "transactions changed"),
])
def test_falls_back_to_a_full_refresh_when_not_exact(copy: Path, change: str, because: str) -> None:
    day = BASE_AS_OF + dt.timedelta(days=1)
    if change == "month_end":
        day = dt.date(2026, 6, 30)
    if change != "same_day":
        _add_day(copy, day)
    with open_portfolio(copy, PASSWORD) as portfolio, portfolio.transaction():
        if change == "backdated":
            (top,), = portfolio.query("SELECT MAX(txn_id) FROM transactions")
            cid = portfolio.query("SELECT customer_id FROM customers LIMIT 1")[0][0]
            portfolio.insert_rows("transactions", TXN_COLUMNS,
                                  [(top + 1, cid, None, "2026-06-10", -1.0, "CARD_SPEND", "MOBILE")])
        elif change == "holding":
            portfolio.conn.execute("UPDATE holdings SET closed_on = ? WHERE rowid = "
                                   "(SELECT MIN(rowid) FROM holdings WHERE closed_on IS NULL)",
                                   (day.isoformat(),))
        elif change == "edited":
            portfolio.conn.execute("UPDATE transactions SET amount = amount - 1 "
                                   "WHERE txn_id = (SELECT MIN(txn_id) FROM transactions)")
        elif change == "rules":
            set_rule(portfolio, "segments.tiers", {"downgrade_months": 2})
    with open_portfolio(copy, PASSWORD) as portfolio:
        result = refresh_segments_incremental(portfolio)
    assert result.mode == "full"
    assert because in result.full_because
    # The fallback stored a fresh base, from which the next day is incremental again.
    if change != "month_end":
        _add_day(copy, day + dt.timedelta(days=1), seed=7)
        with open_portfolio(copy, PASSWORD) as portfolio:
            assert refresh_segments_incremental(portfolio).mode == "incremental"


def test_a_name_change_does_not_force_a_full_refresh(copy: Path) -> None:
    _add_day(copy, BASE_AS_OF + dt.timedelta(days=1))
    with open_portfolio(copy, PASSWORD) as portfolio, portfolio.transaction():
        portfolio.conn.execute("UPDATE customers SET phone = phone, name = name || '' "
                               "WHERE rowid = 1")
    with open_portfolio(copy, PASSWORD) as portfolio:
        assert refresh_segments_incremental(portfolio).mode == "incremental"


def _import_transactions(path: Path, folder: Path, rows: list[tuple]) -> None:
    folder.mkdir()
    frame = pd.DataFrame(rows, columns=TXN_COLUMNS)
    frame.to_csv(folder / "transactions.csv", index=False)
    with open_portfolio(path, PASSWORD) as portfolio:
        import_folder(portfolio, folder)


def test_an_import_numbered_below_the_highest_txn_id_forces_a_full_refresh(
        copy: Path, tmp_path: Path) -> None:
    """New transactions are found by txn_id above the last refresh's highest; one imported with
    a lower number (filling a gap) would be missed, so the importer counts it as a change."""
    day = BASE_AS_OF + dt.timedelta(days=1)
    with open_portfolio(copy, PASSWORD) as portfolio:
        (top,), = portfolio.query("SELECT MAX(txn_id) FROM transactions")
        cid = portfolio.query("SELECT customer_id FROM customers WHERE closed_on IS NULL "
                              "LIMIT 1")[0][0]
    row = (cid, "", day.isoformat(), -20.0, "CARD_SPEND", "MOBILE")
    _import_transactions(copy, tmp_path / "day1", [(top + 10, *row)])
    with open_portfolio(copy, PASSWORD) as portfolio:
        assert refresh_segments_incremental(portfolio).mode == "incremental"
    _import_transactions(copy, tmp_path / "gap", [(top + 5, *row)])
    with open_portfolio(copy, PASSWORD) as portfolio:
        result = refresh_segments_incremental(portfolio)
    assert result.mode == "full" and "transactions changed" in result.full_because
