"""Auto-lock: notices when the RM has stopped using the app.

An application-wide event filter sees every keyboard, mouse, wheel and touch event of every
window and restarts a single-shot timer; when the timer runs out, `idle` is emitted and the main
window locks. The interval is in milliseconds so tests can use a tiny one; 0 disables it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

# Only what a person does counts as activity; paints, timers and focus changes do not.
_ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.InputMethod, QEvent.Type.Shortcut,
})


class IdleWatcher(QObject):
    """Emits `idle` after `interval_ms` without user input while running."""

    idle = Signal()

    def __init__(self, *, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._interval_ms = 0
        self._running = False
        self._filtering = False
        self.set_interval_ms(interval_ms)

    @property
    def interval_ms(self) -> int:
        return self._interval_ms

    @property
    def running(self) -> bool:
        return self._running

    def set_interval_ms(self, interval_ms: int) -> None:
        self._interval_ms = max(0, int(interval_ms))
        self._timer.setInterval(self._interval_ms)
        if self._running:
            self._restart()

    def start(self) -> None:
        """Start watching (after unlock)."""
        self._running = True
        app = QCoreApplication.instance()
        if app is not None and not self._filtering:
            app.installEventFilter(self)
            self._filtering = True
        self._restart()

    def stop(self) -> None:
        """Stop watching (on lock): nothing to lock while locked."""
        self._running = False
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None and self._filtering:
            app.removeEventFilter(self)
            self._filtering = False

    def _restart(self) -> None:
        if self._interval_ms > 0:
            self._timer.start()
        else:
            self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if self._running and self._interval_ms > 0 and event.type() in _ACTIVITY:
            self._timer.start()
        return False

    def _on_timer_timeout(self) -> None:
        if self._running:
            self.idle.emit()
