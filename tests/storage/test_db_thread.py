"""The database thread owns the connection: every call runs on it, in order."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from relmgr.storage import WrongPassword, create_portfolio
from relmgr.storage.db_thread import DatabaseThread


@pytest.fixture
def db(tmp_path: Path):
    create_portfolio(tmp_path / "p.rmdb", "pw").close()
    thread = DatabaseThread()
    yield thread, tmp_path / "p.rmdb"
    thread.shutdown()


def test_calls_run_on_one_thread_other_than_the_caller(db) -> None:
    thread, path = db
    thread.open(path, "pw").result(timeout=10)
    names = {thread.submit(lambda p: threading.current_thread().name).result(timeout=10)
             for _ in range(5)}
    assert len(names) == 1
    assert names.pop() != threading.current_thread().name
    assert thread.portfolio_path == str(path)


def test_wrong_password_arrives_through_the_future(db) -> None:
    thread, path = db
    with pytest.raises(WrongPassword):
        thread.open(path, "bad").result(timeout=10)
    with pytest.raises(RuntimeError, match="locked"):
        thread.submit(lambda p: p.schema_version).result(timeout=10)


def test_close_locks(db) -> None:
    thread, path = db
    thread.open(path, "pw").result(timeout=10)
    assert thread.submit(lambda p: p.schema_version).result(timeout=10) >= 1
    thread.close().result(timeout=10)
    assert thread.portfolio_path is None
    with pytest.raises(RuntimeError, match="locked"):
        thread.submit(lambda p: p.schema_version).result(timeout=10)
