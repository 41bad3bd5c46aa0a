"""Encrypted portfolio storage: the only package that uses sqlcipher3.

A portfolio is one SQLCipher 4 database file (AES-256, SQLCipher's own PBKDF2 key derivation).
The password is handed to SQLCipher and never kept or written anywhere by us.
"""

from relmgr.storage.errors import (
    DamagedPortfolio,
    NotAPortfolio,
    PortfolioError,
    PortfolioExists,
    PortfolioNotFound,
    WrongPassword,
)
from relmgr.storage.portfolio import SCHEMA_VERSION, Portfolio, create_portfolio, open_portfolio

__all__ = [
    "SCHEMA_VERSION",
    "DamagedPortfolio",
    "NotAPortfolio",
    "Portfolio",
    "PortfolioError",
    "PortfolioExists",
    "PortfolioNotFound",
    "WrongPassword",
    "create_portfolio",
    "open_portfolio",
]
