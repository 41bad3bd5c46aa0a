"""Shared fixtures. Qt runs offscreen; the app's home folder is a temp dir per test session,
so tests never touch the user's real settings, logs or demo portfolio."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = tempfile.mkdtemp(prefix="relmgr-test-home-")
os.environ["RELMGR_HOME"] = _HOME

DEMO_PASSWORD_FOR_TESTS = "test-pass-1"
DEMO_AS_OF = dt.date(2026, 6, 30)


@pytest.fixture(scope="session")
def demo_portfolio_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 300-customer demo portfolio built once per session. Treat it as read-only:
    tests that write copy it first (see `writable_demo_portfolio`)."""
    from relmgr.services.demo import build_demo_portfolio

    path = tmp_path_factory.mktemp("demo") / "demo.rmdb"
    build_demo_portfolio(path, DEMO_PASSWORD_FOR_TESTS, customers=300, seed=7, as_of=DEMO_AS_OF)
    return path


@pytest.fixture
def writable_demo_portfolio(demo_portfolio_file: Path, tmp_path: Path) -> Path:
    """A private copy of the session demo portfolio that a test may change."""
    copy = tmp_path / "portfolio.rmdb"
    copy.write_bytes(demo_portfolio_file.read_bytes())
    return copy
