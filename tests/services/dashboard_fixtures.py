"""A demo portfolio with its segmentation and churn scores stored, shared by the dashboard, KPI
and report tests (module-scoped copies are made from it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DEMO_PASSWORD_FOR_TESTS


@pytest.fixture(scope="session")
def scored_demo_file(demo_portfolio_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The session demo with `relmgr segments` and `relmgr churn` run once. Read-only."""
    from relmgr.services.churn import churn_report
    from relmgr.services.segments import segments_report
    from relmgr.storage import open_portfolio

    path = tmp_path_factory.mktemp("scored") / "scored.rmdb"
    path.write_bytes(demo_portfolio_file.read_bytes())
    with open_portfolio(path, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        segments_report(portfolio)
        churn_report(portfolio)
    return path


@pytest.fixture
def scored_copy(scored_demo_file: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "scored.rmdb"
    copy.write_bytes(scored_demo_file.read_bytes())
    return copy
