"""Starting the desktop application: the QApplication, fonts and style, language, the database
thread, and the main window behind its unlock dialog.

Nothing heavy is imported on the way to the first window: scikit-learn and matplotlib are
imported by the features that use them, when they are first used.
"""

from __future__ import annotations

import gc
import sys
import time
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from relmgr.services.logs import configure_logging
from relmgr.services.settings import load_settings
from relmgr.services.process_memory import peak_rss_mb
from relmgr.storage.db_thread import DatabaseThread
from relmgr.ui.shell.i18n import Translations, resources_dir
from relmgr.ui.shell.main_window import MainWindow
from relmgr.ui.shell.runner import TaskRunner

# Fonts with Chinese glyphs, in order of preference (Linux: apt-get install fonts-noto-cjk).
_UI_FONTS = ("Noto Sans CJK SC", "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC",
             "Source Han Sans SC", "WenQuanYi Micro Hei")


class _GuiThreadGarbageCollector(QObject):
    """Runs Python's cycle collector on the GUI thread only.

    Left automatic, the collector runs in whichever thread happens to allocate, e.g. the
    database thread in the middle of a pandas call; if it then frees a cycle holding a Qt widget,
    the widget is destroyed on the wrong thread and its timers crash the event loop later. (The
    same remedy pyqtgraph ships as its GarbageCollector.)"""

    def __init__(self, parent: QObject, interval_ms: int = 2000) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._collect)
        self._timer.start(interval_ms)

    def _collect(self) -> None:
        # Cheap young-generation passes often, a full pass now and then, as gc would.
        gc.collect(0)
        if gc.get_count()[1] > 10:
            gc.collect()


def _application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("relmgr")
    app.setOrganizationName("relmgr")
    families = set(QFontDatabase.families())
    for family in _UI_FONTS:
        if family in families:
            app.setFont(QFont(family, 10))
            break
    style = resources_dir() / "style.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    """The relmgr icon (resources/icons, drawn by installer/make_icon.py) at every size it has."""
    icon = QIcon()
    for png in sorted((resources_dir() / "icons").glob("relmgr-*.png")):
        icon.addFile(str(png))
    return icon


def build_window(app: QApplication) -> tuple[MainWindow, DatabaseThread]:
    if not app.property("relmgr_gc"):
        app.setProperty("relmgr_gc", True)
        _GuiThreadGarbageCollector(app)
    settings = load_settings()
    translations = Translations(app)
    translations.apply(settings.language)
    db = DatabaseThread()
    runner = TaskRunner(db, parent=app)
    window = MainWindow(db=db, runner=runner, translations=translations, settings=settings)
    return window, db


def run_gui(*, demo: bool = False, portfolio: str | None = None,
            time_to_unlock_from: float | None = None) -> int:
    """The app. With `time_to_unlock_from` (a perf_counter reading, the fallback start when the
    OS gives no process start time) it prints when the unlock dialog is first painted and quits."""
    configure_logging()
    app = _application()
    window, db = build_window(app)
    dialog = window.ask_to_unlock(demo=demo, portfolio=portfolio)
    if time_to_unlock_from is not None:
        from relmgr.ui.shell.startup_timer import UnlockTimer

        UnlockTimer(dialog, fallback_started=time_to_unlock_from)
    try:
        return app.exec()
    finally:
        db.shutdown()


def probe_startup(path: str, password: str, *, started: float) -> dict[str, Any]:
    """For `relmgr bench`: open `path` in the real main window (no dialog) and time the window
    appearing and the customer table filling, counted from `started` (process start), and the
    process's peak memory when the table is ready."""
    app = _application()
    window, db = build_window(app)
    db.open(path, password).result()
    loop = QEventLoop()
    marks: dict[str, Any] = {}

    def table_ready(_count: int) -> None:
        marks["window_table_ready_s"] = round(time.perf_counter() - started, 3)
        marks["window_peak_rss_mb"] = peak_rss_mb()
        QTimer.singleShot(0, loop.quit)

    window.customers_page.loaded.connect(table_ready)
    window.on_unlocked(path, True)          # the bench portfolio is a demo: no settings change
    app.processEvents()
    marks["window_shown_s"] = round(time.perf_counter() - started, 3)
    marks["sklearn_loaded_at_window_shown"] = "sklearn" in sys.modules
    QTimer.singleShot(120_000, loop.quit)
    loop.exec()
    window.close()
    db.shutdown()
    return marks
