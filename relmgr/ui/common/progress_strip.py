"""Progress of model fitting shown inside the page that started it: the step in words, a bar and
Cancel. Not a modal dialog, so the RM can search customers and open a 360 pane meanwhile (the
fit runs on its own thread: relmgr/ui/shell/runner.py `run_staged`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

_CTX = "ProgressStrip"
#: The step codes long operations report (relmgr/domain/progress.py), in words.
STEP_WORDS = {
    "reading": QT_TRANSLATE_NOOP("ProgressStrip", "reading the portfolio"),
    "features": QT_TRANSLATE_NOOP("ProgressStrip", "computing features"),
    "fit": QT_TRANSLATE_NOOP("ProgressStrip", "fitting the model"),
    "baseline": QT_TRANSLATE_NOOP("ProgressStrip", "fitting the rule baseline"),
    "evaluate": QT_TRANSLATE_NOOP("ProgressStrip", "evaluating"),
    "tiers": QT_TRANSLATE_NOOP("ProgressStrip", "service tiers"),
    "rfm": QT_TRANSLATE_NOOP("ProgressStrip", "RFM segments"),
    "clusters": QT_TRANSLATE_NOOP("ProgressStrip", "clustering customers"),
    "lifecycle": QT_TRANSLATE_NOOP("ProgressStrip", "lifecycle stages"),
    "combine": QT_TRANSLATE_NOOP("ProgressStrip", "combining the results"),
    "writing": QT_TRANSLATE_NOOP("ProgressStrip", "saving"),
    "sending": QT_TRANSLATE_NOOP("ProgressStrip", "sending to head office"),
    "sent": QT_TRANSLATE_NOOP("ProgressStrip", "recording the answers"),
    "done": QT_TRANSLATE_NOOP("ProgressStrip", "done"),
}


class ProgressStrip(QWidget):
    """Hidden until `start(title, cancel)`; `progress(fraction, step)` while it runs; `finish()`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title: Callable[[], str] = str
        self._step = ""
        self._cancel: Callable[[], None] | None = None
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(240)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.request_cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.hide()
        self.retranslate_ui()

    @property
    def running(self) -> bool:
        return self._cancel is not None

    def start(self, title: Callable[[], str], cancel: Callable[[], None]) -> None:
        """`title` gives the work's name in the current language (it follows a language change)."""
        self._title, self._cancel, self._step = title, cancel, ""
        self.bar.setValue(0)
        self.cancel_button.setEnabled(True)
        self.show()
        self.retranslate_ui()

    def progress(self, fraction: float, step: str = "") -> None:
        self.bar.setValue(int(max(0.0, min(1.0, fraction)) * 1000))
        if step in STEP_WORDS and step != self._step:
            self._step = step
            self._show_text()

    def request_cancel(self) -> None:
        if self._cancel is not None and self.cancel_button.isEnabled():
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("Cancelling…"))
            self._cancel()

    def finish(self) -> None:
        self._cancel = None
        self.hide()

    def _show_text(self) -> None:
        step = STEP_WORDS.get(self._step)
        title = self._title()
        self.label.setText(f"{title}: {QCoreApplication.translate(_CTX, step)}" if step else title)

    def retranslate_ui(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))
        if self.cancel_button.isEnabled():
            self._show_text()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
