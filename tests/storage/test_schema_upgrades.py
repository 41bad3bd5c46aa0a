"""Old portfolios keep opening: a committed portfolio of every schema version upgrades to the
current one with today's open path, its rows intact (issue 12 item 10).

The fixtures are tests/fixtures/schemas/portfolio_v{N}.rmdb, made by make_fixtures.py there
(its docstring says when and how to add one). Each test works on a copy in tmp_path.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from relmgr.storage import MIGRATION_NUMBERS, SCHEMA_VERSION, create_portfolio, open_portfolio
from tests.fixtures.schemas.make_fixtures import (
    FIXTURE_PASSWORD,
    FOLDER,
    expected_rows,
    fixture_path,
)

VERSIONS = MIGRATION_NUMBERS


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _schema(portfolio) -> list[tuple]:
    return portfolio.query(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
        "ORDER BY type, name")


@pytest.fixture
def copy_of(tmp_path: Path):
    """Copy fixture version N into tmp_path; checks at teardown that the original is unchanged."""
    originals: list[tuple[Path, str]] = []

    def make(version: int) -> Path:
        original = fixture_path(version)
        originals.append((original, _digest(original)))
        copy = tmp_path / original.name
        shutil.copyfile(original, copy)
        return copy

    yield make
    for original, digest in originals:
        assert _digest(original) == digest, f"{original.name} was modified by the test"


def test_a_fixture_exists_for_every_schema_version() -> None:
    # A new migration without its portfolio_v{N}.rmdb fails here: run make_fixtures.py.
    found = sorted(int(m.group(1)) for p in FOLDER.iterdir()
                   if (m := re.fullmatch(r"portfolio_v(\d+)\.rmdb", p.name)))
    assert found == VERSIONS, (
        f"fixtures for versions {found}, schema versions {VERSIONS}: "
        "run `.venv/bin/python tests/fixtures/schemas/make_fixtures.py` and commit the new file")


@pytest.mark.parametrize("version", VERSIONS)
def test_fixture_is_frozen_at_its_version(version: int, copy_of) -> None:
    copy = copy_of(version)
    with open_portfolio(copy, FIXTURE_PASSWORD, migrate=False) as old:
        assert old.schema_version == version
        assert [r[0] for r in old.query("SELECT version FROM schema_version ORDER BY 1")] == \
            [n for n in MIGRATION_NUMBERS if n <= version]
        assert old.table_counts(expected_rows(version)) == expected_rows(version)
    assert copy.stat().st_size < 400_000  # stays small: a few pages per table and index


@pytest.mark.parametrize("version", VERSIONS)
def test_fixture_upgrades_to_the_current_schema_with_rows_intact(version: int, copy_of) -> None:
    copy = copy_of(version)
    with open_portfolio(copy, FIXTURE_PASSWORD, migrate=False) as old:
        applied_before = old.query("SELECT version, applied_at FROM schema_version ORDER BY 1")
        counts_before = old.table_counts(expected_rows(version))

    with open_portfolio(copy, FIXTURE_PASSWORD) as upgraded:
        assert upgraded.schema_version == SCHEMA_VERSION
        applied = upgraded.query("SELECT version, applied_at FROM schema_version ORDER BY 1")
        assert [v for v, _ in applied] == VERSIONS
        assert applied[:len(applied_before)] == applied_before  # earlier steps are not re-run
        assert upgraded.table_counts(expected_rows(version)) == counts_before
        assert upgraded.query("PRAGMA integrity_check") == [("ok",)]
        assert upgraded.query("PRAGMA foreign_key_check") == []

        assert upgraded.query("SELECT name, phone FROM customers ORDER BY customer_id") == [
            ("测试甲", "13000000001"), ("测试乙", "13000000002"),
            ("测试丙", "13000000003"), ("测试丁", "13000000004")]
        assert upgraded.query("SELECT closed_on FROM customers WHERE customer_id = 'TEST-0004'") \
            == [("2025-06-30",)]
        assert upgraded.query("SELECT balance, status FROM holdings WHERE holding_id = 'TEST-H01'") \
            == [(12345.67, "ACTIVE")]
        assert upgraded.query("SELECT COUNT(*), ROUND(SUM(amount), 2) FROM transactions") == \
            [(8, -35397.89)]
        assert upgraded.query("SELECT note FROM interactions WHERE interaction_id = 1") == \
            [("测试备注：虚构联系",)]
        assert upgraded.get_meta("as_of") == "2025-12-31"
        # The summary (migration 2) is complete whether the upgrade filled it (from v1) or the
        # file already had it.
        assert upgraded.query(
            "SELECT customer_id, aum, liabilities, product_count, last_contact_on "
            "FROM customer_summary ORDER BY customer_id") == [
            ("TEST-0001", 62345.67, 800.0, 3, "2025-11-20"),
            ("TEST-0002", 2222.22, 0.0, 1, "2025-07-01"),
            ("TEST-0003", 333.33, 0.0, 1, "2025-12-15"),
            ("TEST-0004", 0.0, 0.0, 0, None)]
        # The RM's own records that later versions added survive, from their version on.
        if version >= 4:
            assert upgraded.query("SELECT customer_id, action, until FROM churn_actions") == \
                [("TEST-0002", "SNOOZED", "2026-01-30")]
        if version >= 5:
            assert upgraded.query(
                "SELECT customer_id, product_id, outcome FROM recommendation_outcomes") == \
                [("TEST-0002", "TEST-WM", "DECLINED")]
        if version >= 6:
            assert upgraded.query("SELECT customer_id, until FROM worklist_marks") == \
                [("TEST-0003", "2026-01-07")]
            assert upgraded.query("SELECT customer_id, position FROM worklist_positions") == \
                [("TEST-0001", 1)]
        # The audit rows are hash-chained (migration 9 chains the rows of older files).
        from relmgr.storage import audit_chain

        assert audit_chain.verify(upgraded.conn) is None
        assert all(h for (h,) in upgraded.query("SELECT row_hash FROM audit_log"))
        # The monthly activity aggregates (migration 14) hold every customer-initiated
        # transaction once folded in, whether the upgrade filled them or the file had them.
        from relmgr.storage.activity_months import KINDS, update_activity_months

        update_activity_months(upgraded)
        assert upgraded.query("SELECT SUM(txns) FROM activity_months") == upgraded.query(
            f"SELECT COUNT(*) FROM transactions WHERE kind IN ({', '.join('?' * len(KINDS))})", KINDS)
        # And the monthly flows (migration 15) every transaction's amount, as the upgrade filled them.
        assert upgraded.query(
            "SELECT round(TOTAL(inflow) - TOTAL(outflow) + TOTAL(matured), 2) FROM flow_months") == upgraded.query(
            "SELECT round(TOTAL(CASE WHEN kind IN ('INTEREST', 'FEE') THEN 0 ELSE abs(amount) * "
            "(CASE WHEN kind = 'MATURITY' OR amount > 0 THEN 1 ELSE -1 END) END), 2) FROM transactions")
        # With the days money left the bank (the fixture's two withdrawals), for the loan analytics.
        assert upgraded.query("SELECT month, customer_id, out_days FROM flow_months WHERE out_days != '' "
                              "ORDER BY month") == [("2025-03", "TEST-0002", "15" + "%013d" % 10_000),
                                                    ("2025-06", "TEST-0004", "30" + "%013d" % 99_900)]
        # The triggers of migrations 7 and 8 work on the upgraded file.
        with upgraded.transaction():
            upgraded.conn.execute("UPDATE holdings SET opened_on = '2015-01-02' "
                                  "WHERE holding_id = 'TEST-H01'")
        assert upgraded.query("SELECT changes FROM reco_input_changes") != [(0,)]
    upgraded_digest = _digest(copy)

    # A second open finds nothing to do and writes nothing.
    with open_portfolio(copy, FIXTURE_PASSWORD) as again:
        assert again.schema_version == SCHEMA_VERSION
        assert again.query("SELECT version, applied_at FROM schema_version ORDER BY 1") == applied
    assert _digest(copy) == upgraded_digest


@pytest.mark.parametrize("version", VERSIONS)
def test_upgraded_schema_matches_a_new_portfolio(version: int, copy_of, tmp_path: Path) -> None:
    with create_portfolio(tmp_path / "new.rmdb", FIXTURE_PASSWORD) as new:
        expected = _schema(new)
    with open_portfolio(copy_of(version), FIXTURE_PASSWORD) as upgraded:
        assert _schema(upgraded) == expected


def test_an_upgrade_that_clashes_with_a_hand_made_index_says_so_and_changes_nothing(copy_of) -> None:
    """Migration 0016 adds monthly_balances_by_month; a file where someone made an index of that
    name by hand failed with 'the file is damaged'. It is an upgrade that could not run: named
    as such, with the schema number and SQLite's words, and the file left byte for byte."""
    from relmgr.storage import DamagedPortfolio, UpgradeFailed

    copy = copy_of(15)
    with open_portfolio(copy, FIXTURE_PASSWORD, migrate=False) as old:
        with old.transaction() as conn:
            conn.execute("CREATE INDEX monthly_balances_by_month ON monthly_balances (customer_id)")
    before = _digest(copy)
    with pytest.raises(UpgradeFailed) as raised:
        open_portfolio(copy, FIXTURE_PASSWORD)
    assert not isinstance(raised.value, DamagedPortfolio)
    assert "upgraded to schema 16" in str(raised.value) and "already exists" in str(raised.value)
    assert _digest(copy) == before
