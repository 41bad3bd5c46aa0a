"""Long work in three stages, so that model fitting never holds the database thread.

`read(portfolio, **options) -> snapshot` runs on the database thread and copies what the fit
needs into plain DataFrames; `fit(snapshot, *, progress, cancel) -> fitted` runs on a worker
thread and touches no connection (only the database thread may use the SQLCipher one);
`write(portfolio, fitted) -> result` runs on the database thread again, in one transaction, and
is the stage declared with @writes. Between the stages the database thread answers everything
else (a customer search, a 360 pane), so a 20 s retrain no longer blocks a look-up.

The window runs the stages through relmgr/ui/shell/runner.py `TaskRunner.run_staged`; the command
line and the tests run them in a row with `Staged.run`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from relmgr.domain.progress import CancelCheck, Progress, check_cancel, never, no_progress


@dataclasses.dataclass(frozen=True)
class Staged:
    read: Callable[..., Any]
    fit: Callable[..., Any]
    write: Callable[..., Any]

    def run(self, portfolio: Any, *, progress: Progress = no_progress, cancel: CancelCheck = never,
            **options: Any) -> Any:
        """All three stages on the calling thread (the command line, tests)."""
        snapshot = self.read(portfolio, **options)
        check_cancel(cancel)
        fitted = self.fit(snapshot, progress=progress, cancel=cancel)
        check_cancel(cancel)
        return self.write(portfolio, fitted)
