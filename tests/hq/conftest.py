"""The collector's fixtures: a database per test on SQLite and on a real PostgreSQL server
(the URL in RELMGR_HQ_TEST_PG, which .ci/run always sets), signed summaries of the seeded demo
portfolio, and throw-away TLS certificates."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from relmgr.services.sync import branch, outbox
from relmgr.services.sync.summary import build_summary
from relmgr.storage import open_portfolio
from relmgr_hq import store, tls
from tests.conftest import DEMO_PASSWORD_FOR_TESTS

PG_VARIABLE = "RELMGR_HQ_TEST_PG"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty collector database's URL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hq.db'}"
    url = os.environ.get(PG_VARIABLE)
    if not url:
        pytest.skip(f"{PG_VARIABLE} is not set: no PostgreSQL server to test against "
                    "(.ci/run starts one and sets it)")
    engine = store.open_db(url)
    store.metadata.drop_all(engine)
    engine.dispose()
    return url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = store.open_db(db_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def branch_portfolio(demo_portfolio_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hq-branch") / "branch.rmdb"
    shutil.copy(demo_portfolio_file, path)
    with open_portfolio(path, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        branch.set_branch_id(portfolio, "BR-WEST")
    return path


@pytest.fixture(scope="session")
def envelopes(branch_portfolio: Path) -> tuple[list[dict], str]:
    """Three successive signed summaries of the demo branch BR-WEST, and its public key."""
    with open_portfolio(branch_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        summary = build_summary(portfolio, k=branch.k_of(portfolio))
        return [outbox.envelope(portfolio, summary) for _ in range(3)], branch.public_key(portfolio)


@pytest.fixture(scope="session")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return tls.make_test_certificates(tmp_path_factory.mktemp("hq-tls"))
