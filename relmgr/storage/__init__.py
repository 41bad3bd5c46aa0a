"""Encrypted portfolio storage: the only package that uses sqlcipher3.

A portfolio is one SQLCipher 4 database file (AES-256, SQLCipher's own PBKDF2 key derivation).
The password is handed to SQLCipher and never kept or written anywhere by us.
"""

from relmgr.storage.errors import (
    DamagedPortfolio,
    NotAPortfolio,
    PortfolioBusy,
    PortfolioError,
    PortfolioExists,
    PortfolioNotFound,
    PortfolioReadOnly,
    UpgradeFailed,
    WrongPassword,
)
from relmgr.storage.portfolio import (
    MIGRATION_NUMBERS,
    SCHEMA_VERSION,
    DatabaseError,
    Portfolio,
    check_integrity,
    create_portfolio,
    explain_database_error,
    open_portfolio,
)

__all__ = [
    "MIGRATION_NUMBERS",
    "SCHEMA_VERSION",
    "DamagedPortfolio",
    "DatabaseError",
    "NotAPortfolio",
    "Portfolio",
    "PortfolioBusy",
    "PortfolioError",
    "PortfolioExists",
    "PortfolioNotFound",
    "PortfolioReadOnly",
    "UpgradeFailed",
    "WrongPassword",
    "check_integrity",
    "create_portfolio",
    "explain_database_error",
    "open_portfolio",
]
