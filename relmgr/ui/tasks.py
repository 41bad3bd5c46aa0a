"""Running work off the GUI thread.

Two kinds of work, one rule: results come back to the GUI thread only through queued signals.
- `TaskRunner.run_db(fn, …)`: a short call `fn(portfolio, …)` on the database thread
  (relmgr/storage/db_thread.py), e.g. loading the customer list or a 360 view.
- `TaskRunner.run_long(fn, …)`: a long operation `fn(portfolio, …, progress=, cancel=)` (see
  relmgr/domain/progress.py) with a progress dialog and a Cancel button.
A Python thread emitting a signal on a QObject that lives in the GUI thread gets a queued
connection, so the slots below always run on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from relmgr.domain.progress import Cancelled
from relmgr.storage.db_thread import DatabaseThread

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]


class TaskRunner(QObject):
    """Hands work to the database thread and brings results back as queued signals."""

    # (call number, payload): emitted from the database thread, delivered on the GUI thread.
    _finished = Signal(int, object)
    _progressed = Signal(int, float, str)
    #: Emitted whenever a call is queued or finished; views show a busy cursor from it.
    busy_changed = Signal(bool)

    def __init__(self, db: DatabaseThread, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._pending = 0
        self._closed = False
        self._dialogs: dict[int, QProgressDialog] = {}
        self._callbacks: dict[int, tuple[Callback | None, Callback | None]] = {}
        self._next_token = 0
        self._finished.connect(self._on_self_finished, Qt.ConnectionType.QueuedConnection)
        self._progressed.connect(self._on_self_progressed, Qt.ConnectionType.QueuedConnection)

    # -- short database calls ---------------------------------------------------------------
    def run_db(self, fn: Callable[..., Any], *args: Any, on_done: Callback | None = None,
               on_error: Callback | None = None, **kwargs: Any) -> Future:
        """Run `fn(portfolio, *args, **kwargs)` on the database thread.

        `on_done(result)` or `on_error(exception)` is then called on the GUI thread. After
        `close()` (the app is shutting down) work is dropped: a cancelled future is returned.
        """
        if self._closed:
            dropped: Future = Future()
            dropped.cancel()
            return dropped
        return self._track(self.db.submit(fn, *args, **kwargs), on_done, on_error)

    def close(self) -> None:
        """Stop taking work and delivering results (the window is closing)."""
        self._closed = True
        for dialog in self._dialogs.values():
            self._dismiss(dialog)
        self._dialogs.clear()

    @staticmethod
    def _dismiss(dialog: QProgressDialog | None) -> None:
        # hide(), not close(): QProgressDialog's closeEvent emits canceled(), which must not
        # fire for work that has already finished.
        if dialog is not None:
            dialog.canceled.disconnect()
            dialog.hide()
            dialog.deleteLater()

    def track(self, future: Future, *, on_done: Callback | None = None,
              on_error: Callback | None = None) -> Future:
        """Deliver the outcome of any database-thread future (e.g. `db.open`) on the GUI thread."""
        return self._track(future, on_done, on_error)

    def _track(self, future: Future, on_done: Callback | None, on_error: Callback | None) -> Future:
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        # The callbacks stay here, on the GUI thread; the database thread only sees a number.
        # Were they captured by `relay`, the future would drop the last reference to a widget on
        # the database thread, and Qt objects destroyed on the wrong thread crash the app.
        self._next_token += 1
        token = self._next_token
        self._callbacks[token] = (on_done, on_error)
        finished = self._finished

        def relay(done: Future) -> None:
            error = done.exception()
            finished.emit(token, ("ok", done.result()) if error is None else ("error", error))

        future.add_done_callback(relay)
        return future

    def _on_self_finished(self, token: int, payload: tuple[str, Any]) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        on_done, on_error = self._callbacks.pop(token, (None, None))
        if self._closed:
            return
        kind, value = payload
        callback = on_done if kind == "ok" else on_error
        if callback is not None:
            callback(value)
        elif kind == "error":
            log.error("background call failed: %s", type(value).__name__)

    # -- long operations with progress and Cancel --------------------------------------------
    def run_long(self, fn: Callable[..., Any], *args: Any, title: str, parent: QWidget | None,
                 on_done: Callback | None = None, on_error: Callback | None = None,
                 on_cancelled: Callable[[], None] | None = None, **kwargs: Any) -> Future:
        """Run `fn(portfolio, *args, progress=, cancel=, **kwargs)` on the database thread with a
        modal progress dialog whose Cancel button asks the operation to stop."""
        cancel_event = threading.Event()
        dialog = QProgressDialog(title, self.tr("Cancel"), 0, 1000, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(cancel_event.set)
        dialog.setValue(0)
        # The worker refers to its dialog by number, never by object: progress queued before the
        # dialog closed must find nothing rather than a deleted widget.
        self._next_token += 1
        token = self._next_token
        self._dialogs[token] = dialog

        def progress(fraction: float, step: str = "") -> None:
            self._progressed.emit(token, fraction, step)

        def finish(callback: Callback | None) -> Callback:
            def done(value: Any) -> None:
                self._dismiss(self._dialogs.pop(token, None))
                if isinstance(value, Cancelled):
                    if on_cancelled is not None:
                        on_cancelled()
                elif callback is not None:
                    callback(value)
            return done

        return self.run_db(fn, *args, progress=progress, cancel=cancel_event.is_set,
                           on_done=finish(on_done), on_error=finish(on_error), **kwargs)

    def _on_self_progressed(self, token: int, fraction: float, step: str) -> None:
        dialog = self._dialogs.get(token)
        if dialog is not None:
            dialog.setValue(int(max(0.0, min(1.0, fraction)) * 1000))
