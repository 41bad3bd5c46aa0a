"""What can go wrong when opening a portfolio, one class per message the user needs to see."""

from __future__ import annotations


class PortfolioError(Exception):
    """A problem the user can act on; str(error) is a one-line message naming the file."""


class PortfolioNotFound(PortfolioError):
    pass


class PortfolioExists(PortfolioError):
    pass


class WrongPassword(PortfolioError):
    pass


class NotAPortfolio(PortfolioError):
    pass


class DamagedPortfolio(PortfolioError):
    pass


class PortfolioBusy(PortfolioError):
    """Another relmgr holds the file (an import, a refresh); waiting did not help. Not damage."""


class PortfolioReadOnly(PortfolioError):
    """The file or its folder cannot be written, or the disk is full."""


class UpgradeFailed(PortfolioError):
    """A migration script failed on the file's schema (e.g. a table or index made outside
    relmgr clashes with one it adds); the upgrade's transaction left the file as it was. Not
    damage: the pages read fine."""
