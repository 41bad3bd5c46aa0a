"""Bringing the stored analytics up to the data date from the window, without holding the
database thread: the window's counterpart of relmgr/services/daily.py `refresh_stale_analytics`.

Segments first (churn filters use tier and stage), then churn scores. Segments move forward
incrementally when they can (about a second at branch scale, on the database thread); a full
refresh and the scoring (with a training when no model is current) run in stages
(relmgr/services/staged.py): reads and writes on the database thread, the computing on the
fitting thread, so the RM can search customers and open a 360 pane meanwhile. Progress shows in
a strip above the pages, with Cancel; a cancel keeps what finished.

The runner keys are shared with the pages that start the same work (the Service tiers page's
refresh, the Churn warnings page's Rescore): starting one cancels the other's run before.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from relmgr.services.churn import SCORE_CHURN
from relmgr.services.daily import CHURN, SEGMENTS
from relmgr.services.staged import Staged
from relmgr.services.segments import REFRESH_SEGMENTS, FullRefreshNeeded, refresh_segments_incremental
from relmgr.ui.common.progress_strip import ProgressStrip
from relmgr.ui.shell.runner import SCORES_RUN, SEGMENTS_RUN, TaskRunner


class CatchUp(QObject):
    """`start(parts)` runs the named parts in order; `finished` when all ran (or one was
    cancelled), `failed(error)` when one failed (the rest are skipped)."""

    finished = Signal()
    failed = Signal(object)

    def __init__(self, runner: TaskRunner, strip: ProgressStrip, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner, self.strip = runner, strip
        self._parts: list[str] = []
        self._cancel: Callable[[], None] | None = None
        self._generation = 0
        self._current = SEGMENTS
        self._full = False

    @property
    def running(self) -> bool:
        return self.strip.running

    def start(self, parts: list[str], *, full: bool = False) -> None:
        """`full`: recompute segments from scratch (the RM asked) instead of bringing them forward."""
        self._generation += 1
        self._parts = list(parts)
        self._full = full
        self.strip.start(self._title, self.cancel)
        self._next(self._generation)

    def cancel(self) -> None:
        self._parts = []
        if self._cancel is not None:
            self._cancel()

    def stop(self) -> None:
        """The portfolio is locking: drop everything still to come and what is running."""
        self._generation += 1
        self.cancel()
        self.strip.finish()

    def _title(self) -> str:
        if self._current == CHURN:
            return self.tr("Scoring churn risk")
        return self.tr("Bringing tiers, segments and lifecycle stages up to date")

    def _next(self, generation: int) -> None:
        if generation != self._generation:
            return
        self._cancel = None
        if not self._parts:
            self.strip.finish()
            self.finished.emit()
            return
        self._current = self._parts.pop(0)
        self.strip.retranslate_ui()
        self.strip.progress(0.0, "reading")
        if self._current == SEGMENTS and not self._full:
            self.runner.run_db(refresh_segments_incremental, fall_back=False,
                               on_done=lambda _r: self._next(generation),
                               on_error=lambda e: self._incremental_failed(generation, e))
        elif self._current == SEGMENTS:
            self._staged(generation, REFRESH_SEGMENTS, SEGMENTS_RUN)
        else:
            self._staged(generation, SCORE_CHURN, SCORES_RUN)

    def _incremental_failed(self, generation: int, error: BaseException) -> None:
        if isinstance(error, FullRefreshNeeded):
            self._staged(generation, REFRESH_SEGMENTS, SEGMENTS_RUN)
        else:
            self._failed(generation, error)

    def _staged(self, generation: int, staged: Staged, key: str) -> None:
        if generation != self._generation:
            return
        self._cancel = self.runner.run_staged(
            staged, key=key, on_progress=self.strip.progress,
            on_done=lambda _r: self._next(generation),
            on_error=lambda e: self._failed(generation, e),
            on_cancelled=lambda: self._cancelled(generation))

    def _cancelled(self, generation: int) -> None:
        if generation == self._generation:
            self._parts = []
            self._next(generation)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._parts = []
        self._cancel = None
        self.strip.finish()
        self.failed.emit(error)
