"""A portfolio made by the first schema version opens and upgrades with today's code."""

from __future__ import annotations

import shutil
from pathlib import Path

from relmgr.storage import SCHEMA_VERSION, SCHEMA_VERSIONS, open_portfolio
from tests.fixtures.make_v1_portfolio import FIXTURE, V1_CUSTOMERS, V1_PASSWORD, V1_TABLES


def test_v1_portfolio_upgrades_with_data_intact(tmp_path: Path) -> None:
    copy = tmp_path / "v1.rmdb"
    shutil.copyfile(FIXTURE, copy)
    with open_portfolio(copy, V1_PASSWORD, migrate=False) as old:
        assert old.schema_version == 1
        counts_before = old.table_counts(V1_TABLES)
        aum_before = old.query(
            "SELECT SUM(h.balance) FROM holdings h JOIN products p USING (product_id) "
            "WHERE h.status != 'CLOSED' AND p.family NOT IN "
            "('CREDIT_CARD', 'MORTGAGE', 'CONSUMER_LOAN', 'BUSINESS_LOAN')")[0][0]
    assert counts_before["customers"] == V1_CUSTOMERS

    with open_portfolio(copy, V1_PASSWORD) as upgraded:
        assert upgraded.schema_version == SCHEMA_VERSION
        versions = [r[0] for r in upgraded.query("SELECT version FROM schema_version ORDER BY 1")]
        assert versions == list(SCHEMA_VERSIONS)
        assert upgraded.table_counts(V1_TABLES) == counts_before
        # the summary introduced by migration 2 is filled from the old data during the upgrade
        summary = upgraded.query("SELECT COUNT(*), SUM(aum) FROM customer_summary")[0]
    assert summary[0] == V1_CUSTOMERS
    assert abs(summary[1] - aum_before) < 0.01

    # a second open finds nothing to do
    with open_portfolio(copy, V1_PASSWORD) as again:
        assert again.schema_version == SCHEMA_VERSION


def test_the_committed_fixture_is_untouched_by_the_test_run() -> None:
    # The test works on a copy; the committed file must stay at version 1 for later runs.
    with open_portfolio(FIXTURE, V1_PASSWORD, migrate=False) as old:
        assert old.schema_version == 1
