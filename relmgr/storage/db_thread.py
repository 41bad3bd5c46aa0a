"""The database thread: one thread owns the connection to the unlocked portfolio.

sqlcipher3 connections must be used on the thread that opened them, and SQLite serialises
writers anyway, so every read and write of the GUI goes through this one thread as a queued
call `fn(portfolio, ...)`, answered by a `concurrent.futures.Future`. Callers never block the
GUI thread on it: the UI turns the future's completion into a queued Qt signal
(relmgr/ui/shell/runner.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from relmgr.storage.portfolio import Portfolio, create_portfolio, open_portfolio

T = TypeVar("T")


class DatabaseThread:
    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="relmgr-db")
        self._portfolio: Portfolio | None = None

    @property
    def portfolio_path(self) -> str | None:
        portfolio = self._portfolio
        return str(portfolio.path) if portfolio is not None else None

    def open(self, path: str | os.PathLike[str], password: str) -> Future[None]:
        """Unlock `path`; the future raises the storage error (WrongPassword, …) on failure."""
        return self._executor.submit(self._open, path, password, open_portfolio)

    def create(self, path: str | os.PathLike[str], password: str) -> Future[None]:
        return self._executor.submit(self._open, path, password, create_portfolio)

    def _open(self, path: str | os.PathLike[str], password: str,
              opener: Callable[[str | os.PathLike[str], str], Portfolio]) -> None:
        self._close()
        self._portfolio = opener(path, password)

    def submit(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> Future[T]:
        """Run `fn(portfolio, *args, **kwargs)` on the database thread."""
        return self._executor.submit(self._call, fn, args, kwargs)

    def _call(self, fn: Callable[..., T], args: tuple, kwargs: dict) -> T:
        if self._portfolio is None:
            raise RuntimeError("the portfolio is locked")
        return fn(self._portfolio, *args, **kwargs)

    def close(self) -> Future[None]:
        """Lock: close the connection; queued calls after this one fail with 'locked'."""
        return self._executor.submit(self._close)

    def _close(self) -> None:
        if self._portfolio is not None:
            self._portfolio.close()
            self._portfolio = None

    def shutdown(self) -> None:
        """Close the portfolio and stop the thread (waits for queued calls)."""
        self.close()
        self._executor.shutdown(wait=True)
