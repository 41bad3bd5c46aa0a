"""Opening, creating, rekeying and rejecting portfolio files."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from relmgr.storage import (
    SCHEMA_VERSION,
    DamagedPortfolio,
    NotAPortfolio,
    PortfolioExists,
    PortfolioNotFound,
    WrongPassword,
    create_portfolio,
    open_portfolio,
)

PASSWORD = "correct horse 'battery' staple"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def portfolio_file(tmp_path: Path) -> Path:
    path = tmp_path / "p.rmdb"
    with create_portfolio(path, PASSWORD) as portfolio, portfolio.transaction():
        portfolio.insert_rows(
            "customers",
            ["customer_id", "name", "id_number", "phone", "gender", "birth_date", "risk_rating",
             "opened_on"],
            [("C1", "王小明", "11010519491231002X", "13812345678", "F", "1949-12-31", "C2",
              "2020-01-01")])
    return path


def test_create_then_open_at_latest_schema(portfolio_file: Path) -> None:
    with open_portfolio(portfolio_file, PASSWORD) as portfolio:
        assert portfolio.schema_version == SCHEMA_VERSION
        assert portfolio.query("SELECT name FROM customers") == [("王小明",)]


def test_file_has_no_sqlite_header_and_no_plaintext(portfolio_file: Path) -> None:
    raw = portfolio_file.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    for needle in ("王小明", "11010519491231002X", "13812345678", "customers"):
        assert needle.encode("utf-8") not in raw


@pytest.mark.parametrize("password", ["wrong", PASSWORD + " "])
def test_wrong_password_is_refused_and_file_unchanged(portfolio_file: Path, password: str) -> None:
    before = _digest(portfolio_file)
    with pytest.raises(WrongPassword, match="wrong password"):
        open_portfolio(portfolio_file, password)
    assert _digest(portfolio_file) == before
    assert sorted(p.name for p in portfolio_file.parent.iterdir()) == ["p.rmdb"]


def test_no_password(portfolio_file: Path) -> None:
    with pytest.raises(WrongPassword, match="no password"):
        open_portfolio(portfolio_file, "")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PortfolioNotFound, match="no such file"):
        open_portfolio(tmp_path / "nope.rmdb", PASSWORD)
    assert not (tmp_path / "nope.rmdb").exists()


def test_truncated_file_is_damaged_and_unchanged(portfolio_file: Path) -> None:
    portfolio_file.write_bytes(portfolio_file.read_bytes()[:6000])
    before = _digest(portfolio_file)
    with pytest.raises(DamagedPortfolio, match="damaged or truncated"):
        open_portfolio(portfolio_file, PASSWORD)
    assert _digest(portfolio_file) == before


def test_truncated_at_page_boundary_is_damaged(portfolio_file: Path) -> None:
    portfolio_file.write_bytes(portfolio_file.read_bytes()[: 4096 * 3])
    before = _digest(portfolio_file)
    with pytest.raises(DamagedPortfolio):
        with open_portfolio(portfolio_file, PASSWORD) as portfolio:
            portfolio.query("SELECT COUNT(*) FROM customers")
    assert _digest(portfolio_file) == before


def test_random_bytes_file(tmp_path: Path) -> None:
    path = tmp_path / "random.rmdb"
    path.write_bytes(os.urandom(10_000))
    before = _digest(path)
    with pytest.raises(DamagedPortfolio, match="not a portfolio"):
        open_portfolio(path, PASSWORD)
    assert _digest(path) == before


def test_random_bytes_in_whole_pages_cannot_be_told_from_a_wrong_password(tmp_path: Path) -> None:
    # Encrypted pages look random by design, so the message names both possibilities.
    path = tmp_path / "random.rmdb"
    path.write_bytes(os.urandom(8192))
    before = _digest(path)
    with pytest.raises(WrongPassword, match="not a relmgr portfolio"):
        open_portfolio(path, PASSWORD)
    assert _digest(path) == before


def test_plain_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "plain.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (name TEXT)")
    before = _digest(path)
    with pytest.raises(NotAPortfolio, match="unencrypted SQLite"):
        open_portfolio(path, PASSWORD)
    assert _digest(path) == before


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.rmdb"
    path.write_bytes(b"")
    with pytest.raises(NotAPortfolio, match="empty"):
        open_portfolio(path, PASSWORD)
    assert path.read_bytes() == b""


def test_encrypted_database_that_is_not_a_portfolio(tmp_path: Path) -> None:
    import sqlcipher3

    path = tmp_path / "other.db"
    conn = sqlcipher3.connect(str(path))
    conn.set_key(PASSWORD)
    conn.execute("CREATE TABLE something (x)")
    conn.commit()
    conn.close()
    with pytest.raises(NotAPortfolio, match="not a relmgr portfolio"):
        open_portfolio(path, PASSWORD)


def test_create_refuses_to_overwrite(portfolio_file: Path) -> None:
    before = _digest(portfolio_file)
    with pytest.raises(PortfolioExists):
        create_portfolio(portfolio_file, "another")
    assert _digest(portfolio_file) == before


def test_change_password(portfolio_file: Path) -> None:
    with open_portfolio(portfolio_file, PASSWORD) as portfolio:
        portfolio.change_password(new_password="n3w 'pass'")
    with pytest.raises(WrongPassword):
        open_portfolio(portfolio_file, PASSWORD)
    with open_portfolio(portfolio_file, "n3w 'pass'") as portfolio:
        assert portfolio.query("SELECT COUNT(*) FROM customers") == [(1,)]


def test_transaction_rolls_back_on_error(portfolio_file: Path) -> None:
    with open_portfolio(portfolio_file, PASSWORD) as portfolio:
        with pytest.raises(RuntimeError), portfolio.transaction():
            portfolio.set_meta("as_of", "2026-01-01")
            raise RuntimeError("boom")
        assert portfolio.get_meta("as_of") is None


def test_locked_portfolio_refuses_queries(portfolio_file: Path) -> None:
    portfolio = open_portfolio(portfolio_file, PASSWORD)
    portfolio.close()
    with pytest.raises(RuntimeError, match="locked"):
        portfolio.query("SELECT 1")
