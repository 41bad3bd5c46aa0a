"""The contract of long-running work: plain functions that report progress and can be cancelled.

A long operation is `fn(..., *, progress: Progress = no_progress, cancel: CancelCheck = never)`.
It calls `progress(fraction, step)` now and then (fraction in 0..1, step a short code such as
"transactions"), and checks `cancel()` between chunks of work, raising `Cancelled` when it
returns True, after undoing anything half-done. The UI runs such functions off the GUI thread
(relmgr/ui/shell/runner.py); the command line runs them directly.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[float, str], None]
CancelCheck = Callable[[], bool]


class Cancelled(Exception):
    """The user cancelled; whatever the operation was writing has been rolled back."""


def no_progress(fraction: float, step: str = "") -> None:
    """Default progress sink: report nowhere."""


def never() -> bool:
    """Default cancel check: never cancelled."""
    return False


def check_cancel(cancel: CancelCheck) -> None:
    if cancel():
        raise Cancelled()
