"""Help ▸ About and `relmgr --version` show the one version (relmgr/__init__.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from relmgr import __version__
from relmgr.ui.shell.i18n import CHINESE, ENGLISH

REPO = Path(__file__).resolve().parents[2]


def test_about_shows_the_version_and_data_folder_in_both_languages(window_and_db, qtbot) -> None:
    window, _db = window_and_db
    assert window.about_action in window.help_menu.actions()
    for language, words in ((ENGLISH, "Offline workbench"), (CHINESE, "客户经理离线工作台")):
        window.translations.apply(language)
        box = window.show_about()
        qtbot.waitUntil(box.isVisible)
        assert isinstance(box, QMessageBox)
        assert f"relmgr {__version__}" in box.text() and words in box.text()
        assert "relmgr" in box.text().rsplit(" ", 1)[-1]     # the data folder's path
        box.accept()
    window.translations.apply(ENGLISH)


def test_version_flag_prints_the_package_version() -> None:
    result = subprocess.run([sys.executable, "-m", "relmgr", "--version"], cwd=REPO,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout.strip() == f"relmgr {__version__}"
