"""The whole window fits a 1366-pixel-wide screen on every page, in both languages, with the
app's own style sheet (its padding made the English Today page force the window to 1,412 px:
the reasons filter was as wide as its longest reason and the plan's mix line did not wrap)."""

from __future__ import annotations

import dataclasses

from relmgr.services.pdf_fonts import resources_dir
from relmgr.ui.shell.i18n import CHINESE, ENGLISH


def test_every_page_fits_1366_wide_in_both_languages(unlocked_window, qapp, qtbot) -> None:
    window = unlocked_window
    before = qapp.styleSheet()
    qapp.setStyleSheet((resources_dir() / "style.qss").read_text(encoding="utf-8"))
    try:
        window.resize(1366, 768)
        window.show()
        too_wide = []
        for language in (ENGLISH, CHINESE):
            window.apply_settings(dataclasses.replace(window.settings, language=language))
            for page in window.pages:
                window.nav.setCurrentRow(window.pages.index(page))
                qtbot.waitUntil(lambda: not window.runner.is_busy, timeout=60_000)
                qtbot.wait(50)
                if window.minimumSizeHint().width() > 1366:
                    too_wide.append((language, type(page).__name__, window.minimumSizeHint().width()))
        assert not too_wide
    finally:
        qapp.setStyleSheet(before)
        window.apply_settings(dataclasses.replace(window.settings, language=ENGLISH))
