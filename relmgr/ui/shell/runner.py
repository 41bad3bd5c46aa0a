"""Running work off the GUI thread.

Two kinds of work:
- `TaskRunner.run_db(fn, …)`: a short call `fn(portfolio, …)` on the database thread
  (relmgr/storage/db_thread.py), e.g. loading the customer list or a 360 view.
- `TaskRunner.run_long(fn, …)`: a long operation `fn([portfolio,] …, progress=, cancel=)` (see
  relmgr/domain/progress.py) with a progress dialog and a Cancel button; on the database
  thread, or on a thread of its own when it needs no open portfolio (building the demo).
- `TaskRunner.run_staged(staged, key=…)`: model fitting (relmgr/services/staged.py): the snapshot
  is read and the result written on the database thread, the fit runs on the fitting thread, so
  searches and 360 panes are answered meanwhile. Progress goes to the page (a strip inside it, not
  a modal dialog). Starting the same `key` again cancels the run before, whose result is dropped:
  each key has a generation number and only the newest generation's outcome is delivered.

One rule: worker threads never touch Qt. They put results and progress into a plain
thread-safe queue, which a timer on the GUI thread drains while work is pending. Emitting Qt
signals from Python threads was the first design; under load it deadlocked (the GUI thread
waiting on a Qt lock while holding the GIL, the worker holding the lock while waiting for the
GIL), which a 10 ms poll that runs only while something is in flight cannot do.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relmgr.domain.progress import Cancelled
from relmgr.services.changes import Changes, changes_of
from relmgr.services.staged import Staged
from relmgr.storage.db_thread import DatabaseThread

log = logging.getLogger(__name__)

#: Keys of staged runs started from more than one place (the window's catch-up after unlock and
#: a page's own button): one key, so starting one supersedes the other.
SEGMENTS_RUN, SCORES_RUN = "segments", "churn-score"

Callback = Callable[[Any], None]


class TaskRunner(QObject):
    """Hands work to worker threads and brings results and progress back to the GUI thread."""

    #: Emitted whenever a call is queued or finished; views show a busy cursor from it.
    busy_changed = Signal(bool)
    #: Emitted with a `Changes` after a write declared with @writes (relmgr/services/changes.py)
    #: has run, after its own callback: the one way pages learn that what they show changed.
    changed = Signal(object)
    POLL_MS = 10

    def __init__(self, db: DatabaseThread, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._pending = 0
        self._closed = False
        self._dialogs: dict[int, ProgressDialog] = {}
        self._cancels: dict[int, threading.Event] = {}
        self._callbacks: dict[int, tuple[Callback | None, Callback | None]] = {}
        self._next_token = 0
        # ("done", token, payload) and ("progress", token, fraction) from worker threads.
        self._outbox: queue.SimpleQueue[tuple] = queue.SimpleQueue()
        self._poll = QTimer(self)
        self._poll.setInterval(self.POLL_MS)
        self._poll.timeout.connect(self._drain)
        # Model fitting: one thread, never the database one; it is handed snapshots only.
        self._fitter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="relmgr-fit")
        self._generations: dict[str, int] = {}
        self._staged_cancels: dict[str, threading.Event] = {}
        self._progress_sinks: dict[int, Callable[[float, str], None]] = {}

    @property
    def is_busy(self) -> bool:
        """Some call is queued or running."""
        return self._pending > 0

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
        return self._track(self.db.submit(fn, *args, **kwargs), on_done, on_error, changes_of(fn))

    def close(self) -> None:
        """Stop taking work and delivering results, and ask long operations to stop (the window
        is closing: the database thread must not keep it waiting for a half-done refresh)."""
        self._closed = True
        for cancel_event in (*self._cancels.values(), *self._staged_cancels.values()):
            cancel_event.set()
        self._cancels.clear()
        self._staged_cancels.clear()
        self._fitter.shutdown(wait=False, cancel_futures=True)
        for dialog in self._dialogs.values():
            dialog.dismiss()
        self._dialogs.clear()

    def cancel_long_work(self) -> None:
        """Ask every long operation to stop and take its progress dialog off the screen (the
        portfolio is locking). Results still arrive, as Cancelled or done, and are delivered as
        usual; pages that are emptied ignore them."""
        for cancel_event in self._staged_cancels.values():
            cancel_event.set()
        for dialog in self._dialogs.values():
            dialog.request_cancel()
            dialog.hide_for_lock()

    def track(self, future: Future, *, on_done: Callback | None = None,
              on_error: Callback | None = None) -> Future:
        """Deliver the outcome of any database-thread future (e.g. `db.open`) on the GUI thread."""
        return self._track(future, on_done, on_error)

    def _track(self, future: Future, on_done: Callback | None, on_error: Callback | None,
               changes: Changes = Changes()) -> Future:
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
            self._poll.start()
        # The callbacks stay here, on the GUI thread; the worker only sees a number. Were they
        # captured by `relay`, the future could drop the last reference to a widget on the
        # worker thread, and Qt objects destroyed on the wrong thread crash the app.
        self._next_token += 1
        token = self._next_token
        self._callbacks[token] = (on_done, on_error, changes)
        outbox = self._outbox

        def relay(done: Future) -> None:
            error = None if done.cancelled() else done.exception()
            payload = ("ok", None if done.cancelled() else done.result()) if error is None \
                else ("error", error)
            outbox.put(("done", token, payload))

        future.add_done_callback(relay)
        return future

    def _drain(self) -> None:
        while True:
            try:
                message = self._outbox.get_nowait()
            except queue.Empty:
                break
            if message[0] == "progress":
                self._on_progressed(*message[1:])
            else:
                self._on_finished(message[1], message[2])
        if self._pending == 0:
            self._poll.stop()

    def _on_finished(self, token: int, payload: tuple[str, Any]) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        on_done, on_error, changes = self._callbacks.pop(token, (None, None, Changes()))
        if self._closed:
            return
        kind, value = payload
        callback = on_done if kind == "ok" else on_error
        if callback is not None:
            callback(value)
        elif kind == "error":
            log.error("background call failed: %s", type(value).__name__)
        # A failed write may have written part (a contact logged, its follow-up task refused),
        # so it is announced too; a cancelled one rolled back whole.
        if changes and not isinstance(value, Cancelled):
            self.changed.emit(changes)

    # -- long operations with progress and Cancel --------------------------------------------
    def run_long(self, fn: Callable[..., Any], *args: Any, title: str, parent: QWidget | None,
                 on_done: Callback | None = None, on_error: Callback | None = None,
                 on_cancelled: Callable[[], None] | None = None, needs_portfolio: bool = True,
                 **kwargs: Any) -> Future:
        """Run `fn(portfolio, *args, progress=, cancel=, **kwargs)` on the database thread with a
        modal progress dialog whose Cancel button asks the operation to stop.

        With `needs_portfolio=False`, `fn(*args, progress=, cancel=, **kwargs)` runs on a thread
        of its own instead (work on a file that is not open yet, e.g. building the demo)."""
        cancel_event = threading.Event()
        dialog = ProgressDialog(title, self.tr("Cancel"), self.tr("Cancelling…"),
                                on_cancel=cancel_event.set, parent=parent)
        self._next_token += 1
        token = self._next_token
        self._dialogs[token] = dialog
        self._cancels[token] = cancel_event

        outbox = self._outbox

        def progress(fraction: float, step: str = "") -> None:
            outbox.put(("progress", token, fraction, step))

        def finish(callback: Callback | None) -> Callback:
            def done(value: Any) -> None:
                self._cancels.pop(token, None)
                dismissed = self._dialogs.pop(token, None)
                if dismissed is not None:
                    dismissed.dismiss()
                if isinstance(value, Cancelled):
                    if on_cancelled is not None:
                        on_cancelled()
                elif callback is not None:
                    callback(value)
            return done

        if needs_portfolio:
            return self.run_db(fn, *args, progress=progress, cancel=cancel_event.is_set,
                               on_done=finish(on_done), on_error=finish(on_error), **kwargs)
        future = _run_on_own_thread(fn, *args, progress=progress, cancel=cancel_event.is_set,
                                    **kwargs)
        return self._track(future, finish(on_done), finish(on_error), changes_of(fn))

    def _on_progressed(self, token: int, fraction: float, step: str = "") -> None:
        dialog = self._dialogs.get(token)
        if dialog is not None:
            dialog.set_fraction(fraction)
        sink = self._progress_sinks.get(token)
        if sink is not None:
            sink(fraction, step)

    # -- model fitting: read and write on the database thread, fit on the fitting thread -----
    def staged_running(self, key: str) -> bool:
        """Whether a `run_staged` run of `key` is under way (a page then waits for its changes
        rather than starting the same work again, which would drop the first run's outcome)."""
        return key in self._staged_cancels

    def run_staged(self, staged: Staged, *, key: str, on_progress: Callable[[float, str], None] | None = None,
                   on_done: Callback | None = None, on_error: Callback | None = None,
                   on_cancelled: Callable[[], None] | None = None, **options: Any) -> Callable[[], None]:
        """Run `staged.read(portfolio, **options)` on the database thread, `staged.fit(snapshot,
        progress=, cancel=)` on the fitting thread and `staged.write(portfolio, fitted)` on the
        database thread. `on_progress(fraction, step)`, then one of `on_done(result)`,
        `on_error(exception)` or `on_cancelled()`, are called on the GUI thread — only for the
        newest run of `key`: starting `key` again cancels the run before and drops its outcome.
        Returns the function that cancels this run."""
        previous = self._staged_cancels.pop(key, None)
        if previous is not None:
            previous.set()
        generation = self._generations.get(key, 0) + 1
        self._generations[key] = generation
        cancel_event = threading.Event()
        if self._closed:
            return cancel_event.set
        self._staged_cancels[key] = cancel_event
        self._next_token += 1
        token = self._next_token
        outbox = self._outbox
        if on_progress is not None:
            self._progress_sinks[token] = on_progress

        def progress(fraction: float, step: str = "") -> None:
            outbox.put(("progress", token, fraction, step))

        def newest() -> bool:
            return not self._closed and self._generations.get(key) == generation

        def end(callback: Callable[..., None] | None, *value: Any) -> None:
            self._progress_sinks.pop(token, None)
            if self._staged_cancels.get(key) is cancel_event:
                del self._staged_cancels[key]
            if newest() and callback is not None:
                callback(*value)

        def failed(error: BaseException) -> None:
            if isinstance(error, Cancelled):
                end(on_cancelled)
            else:
                end(on_error, error)

        def write(portfolio: Any, fitted: Any) -> Any:
            # Last chance to drop a superseded or cancelled result before it is stored.
            if cancel_event.is_set():
                raise Cancelled()
            progress(0.97, "writing")
            return staged.write(portfolio, fitted)

        def fitted(value: Any) -> None:
            if cancel_event.is_set() or self._closed:
                end(on_cancelled)
                return
            self._track(self.db.submit(write, value), lambda result: end(on_done, result), failed,
                        changes_of(staged.write))

        def snapshot(value: Any) -> None:
            if cancel_event.is_set() or self._closed:
                end(on_cancelled)
                return
            self._track(self._fitter.submit(staged.fit, value, progress=progress, cancel=cancel_event.is_set),
                        fitted, failed)

        progress(0.0, "reading")
        self._track(self.db.submit(staged.read, **options), snapshot, failed)
        return cancel_event.set


class ProgressDialog(QDialog):
    """A window-modal progress bar with Cancel, shown only if the work lasts over 300 ms.

    Not QProgressDialog: when modal, its setValue() runs the event loop, so a finished result
    could be delivered, and the dialog dismissed, from inside setValue (this hung the GUI); and
    its closeEvent emits canceled() even for work that has already finished.
    """

    SHOW_AFTER_MS = 300

    def __init__(self, title: str, cancel_text: str, cancelling_text: str, *,
                 on_cancel: Callable[[], None], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(360)
        self._on_cancel = on_cancel
        self._cancelling_text = cancelling_text
        self._dismissed = False
        self.label = QLabel(title, self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.cancel_button = QPushButton(cancel_text, self)
        self.cancel_button.clicked.connect(self.request_cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button, alignment=Qt.AlignmentFlag.AlignRight)
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.timeout.connect(self.show)
        self._show_timer.start(self.SHOW_AFTER_MS)

    def set_fraction(self, fraction: float) -> None:
        self.bar.setValue(int(max(0.0, min(1.0, fraction)) * 1000))

    def request_cancel(self) -> None:
        """Ask the work to stop; the dialog stays until the work has actually stopped."""
        if self._dismissed or not self.cancel_button.isEnabled():
            return
        self.cancel_button.setEnabled(False)
        self.label.setText(self._cancelling_text)
        self._on_cancel()

    def reject(self) -> None:  # Esc
        self.request_cancel()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API) - the title bar's close button
        self.request_cancel()
        event.ignore()

    def hide_for_lock(self) -> None:
        """Off the screen until the work ends (it has been asked to stop)."""
        self._show_timer.stop()
        self.hide()

    def dismiss(self) -> None:
        """The work is over: go away for good (never counts as a cancel)."""
        self._dismissed = True
        self._show_timer.stop()
        self.hide()
        self.deleteLater()


def _run_on_own_thread(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Future:
    future: Future = Future()

    def work() -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:  # handed to the GUI thread, which decides
            future.set_exception(error)

    threading.Thread(target=work, name=f"relmgr-{getattr(fn, '__name__', 'work')}",
                     daemon=True).start()
    return future
