"""Refresh the README's screenshots of the main window on a demo portfolio.

    python installer/screenshot.py          # re-runs itself under xvfb-run when there is no display

Builds a fresh demo portfolio in a temporary folder (fixed seed and data date, so the pictures
only change when the UI does), computes the segments, opens the real main window and visits every
page, saving docs/screenshots/<page>.png; main-window.png is the Customers page with a customer's
360 view (English), main-window-zh.png the same in Chinese, today-zh.png the Today page in Chinese;
and every page at 1366x768 in both languages in docs/screenshots/1366/ (NN-<page>-<language>.png,
NN its place in the sidebar).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
PASSWORD = "screenshot-demo"


def _under_xvfb() -> int:
    if shutil.which("xvfb-run") is None:
        raise SystemExit("no display and no xvfb-run: apt-get install -y xvfb")
    env = dict(os.environ, QT_QPA_PLATFORM="xcb")
    return subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", sys.executable,
                           __file__], env=env).returncode


def main() -> int:
    if not os.environ.get("DISPLAY"):
        return _under_xvfb()
    with tempfile.TemporaryDirectory(prefix="relmgr-shot-") as home:
        os.environ["RELMGR_HOME"] = home           # private settings and logs
        from PySide6.QtCore import QTimer

        from relmgr.services.demo import build_demo_portfolio
        from relmgr.services.segments import refresh_segments
        from relmgr.services.settings import Settings
        from relmgr.storage import open_portfolio
        from relmgr.ui.shell.app import _application, build_window

        path = Path(home) / "demo.rmdb"
        build_demo_portfolio(path, PASSWORD, customers=2000, seed=7, as_of=dt.date(2026, 6, 30))
        with open_portfolio(path, PASSWORD) as portfolio:
            refresh_segments(portfolio)
        app = _application()
        window, db = build_window(app)
        db.open(path, PASSWORD).result()
        OUT.mkdir(parents=True, exist_ok=True)
        window.resize(1560, 940)
        # (file, page attribute or index in window.pages, language, size); each page is shot once
        # it has finished loading. The README's pictures at 1560x940, then every page at the
        # smallest screen the app is made for, 1366x768, in both languages (docs/screenshots/1366/).
        shots = [("today.png", "today_page", "en"),
                 ("main-window.png", "customers_page", "en"),
                 ("churn-warnings.png", "churn_page", "en"),
                 ("recommendations.png", "recommendations_page", "en"),
                 ("service-tiers.png", "tiers_page", "en"),
                 ("segments.png", "segments_page", "en"),
                 ("lifecycle.png", "lifecycle_page", "en"),
                 ("tasks.png", "tasks_page", "en"),
                 ("churn-model.png", "model_card_page", "en"),
                 ("audit-log.png", "audit_page", "en"),
                 ("main-window-zh.png", "customers_page", "zh_CN"),
                 ("today-zh.png", "today_page", "zh_CN")]
        shots = [(name, page, language, (1560, 940)) for name, page, language in shots]
        small = OUT / "1366"
        small.mkdir(exist_ok=True)
        for language in ("en", "zh_CN"):
            for index, page in enumerate(window.pages):
                name = f"1366/{index + 1:02d}-{page.objectName() or type(page).__name__}-{language}.png"
                shots.append((name, index, language, (1366, 768)))

        def take(index: int) -> None:
            name, which, language, size = shots[index]
            if window.translations.language != language:
                window.apply_settings(Settings(language=language, auto_lock_minutes=0))
            window.resize(*size)
            page = window.pages[which] if isinstance(which, int) else getattr(window, which)
            window.nav.setCurrentRow(window.pages.index(page))
            if page is window.customers_page:
                window.customers_page.table.selectRow(8)
            QTimer.singleShot(1500, lambda: save_when_idle(index))

        def save_when_idle(index: int) -> None:
            if window.runner.is_busy:                    # still loading: look again shortly
                QTimer.singleShot(300, lambda: save_when_idle(index))
                return
            QTimer.singleShot(400, lambda: save(index))  # let the last results paint

        def save(index: int) -> None:
            window.grab().save(str(OUT / shots[index][0]), "PNG", 0)   # 0: smallest file
            print(OUT / shots[index][0])
            if index + 1 < len(shots):
                take(index + 1)
            else:
                app.quit()

        window.unlocked.connect(lambda: QTimer.singleShot(1500, lambda: take(0)))
        window.on_unlocked(str(path), True)
        app.exec()
        db.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
