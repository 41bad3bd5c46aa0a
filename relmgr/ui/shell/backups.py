"""The window's side of backups and of damage found after unlock (issue 13).

- File ▸ Back up…: a file dialog (opened with open(), never exec(), so the auto-lock can close
  it), then relmgr/services/backup.py back_up on the database thread behind a progress dialog
  with Cancel; the outcome is a status-bar message in the window's language.
- After each unlock, SQLCipher's check of every page runs on the database thread, queued after
  the pages' loads (0.2 s at 2,000 customers, so the pages do not wait on it). If it fails, the
  portfolio is read-only for the session and a banner says so, with the newest known backup.
- With a backup folder set in Settings, a dated backup is taken when the portfolio is locked and
  when the window closes, keeping the newest N. It is queued on the database thread before the
  close, so it copies the portfolio the RM was working on; a damaged portfolio is not copied.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow

from relmgr.domain.progress import Cancelled
from relmgr.services.backup import (
    BackupResult,
    Damage,
    auto_backup,
    back_up,
    check_after_unlock,
    default_backup_name,
)
from relmgr.storage import DamagedPortfolio

log = logging.getLogger(__name__)


class Backups(QObject):
    """Owned by the main window: the Back up… action, the damage banner, automatic backups."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.action = QAction(window)
        self.action.triggered.connect(self.open_dialog)
        self.action.setEnabled(False)
        self.banner = QLabel()
        self.banner.setObjectName("damageBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.damage: Damage | None = None
        self.dialog: QFileDialog | None = None
        self.retranslate_ui()

    # -- unlock / lock -----------------------------------------------------------------------
    def on_unlocked(self) -> None:
        self.action.setEnabled(True)
        self._set_damage(None)
        self.window.runner.run_db(check_after_unlock, backup_folder=self.window.settings.backup_folder,
                                  on_done=self._set_damage,
                                  on_error=lambda e: log.error("integrity check failed: %s", type(e).__name__))

    def before_close(self, *, quitting: bool = False) -> None:
        """Queue the automatic backup ahead of the database's close (lock or quit)."""
        self.action.setEnabled(False)
        self._set_damage(None)
        settings = self.window.settings
        if not settings.backup_folder or self.window.portfolio_path is None:
            return
        if quitting:   # the runner stops delivering on quit; the thread still runs what is queued
            future = self.window.db.submit(auto_backup, settings.backup_folder, keep=settings.backup_keep)
            future.add_done_callback(_log_failure)
            return
        self.window.runner.run_db(auto_backup, settings.backup_folder, keep=settings.backup_keep,
                                  on_error=lambda e: log.error("automatic backup failed: %s",
                                                               type(e).__name__))

    # -- Back up… ----------------------------------------------------------------------------
    def open_dialog(self) -> QFileDialog | None:
        path = self.window.portfolio_path
        if path is None or self.window.is_locked:
            return None
        folder = self.window.settings.backup_folder or str(Path(path).parent)
        dialog = QFileDialog(self.window, self.tr("Back up the portfolio"), folder,
                             self.tr("relmgr portfolio (*.rmdb)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("rmdb")
        dialog.selectFile(default_backup_name(path))
        dialog.fileSelected.connect(self.start)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def start(self, target: str) -> None:
        self.window.runner.run_long(back_up, target, title=self.tr("Backing up the portfolio…"),
                                    parent=self.window, on_done=self._done, on_error=self._failed,
                                    on_cancelled=lambda: self._failed(Cancelled()))

    def _done(self, result: BackupResult) -> None:
        self.window.statusBar().showMessage(
            self.tr("Backed up to {file} and checked ({size:,} KB).").format(
                file=result.path.name, size=result.bytes // 1024), 10000)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            text = self.tr("Backup cancelled; nothing was written.")
        elif isinstance(error, DamagedPortfolio):
            text = self.tr("Not backed up: the portfolio failed its full check. "
                           "Keep your latest good backup.")
        else:
            log.error("backup failed: %s", type(error).__name__)
            text = self.tr("Not backed up: the copy could not be written or did not pass its check.")
        self.window.statusBar().showMessage(text, 15000)

    # -- the banner --------------------------------------------------------------------------
    def _set_damage(self, damage: Any) -> None:
        self.damage = damage if isinstance(damage, Damage) else None
        self.banner.setVisible(self.damage is not None)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.action.setText(self.tr("Back up…"))
        self.action.setToolTip(self.tr("Write a checked, encrypted copy of the portfolio"))
        if self.damage is None:
            self.banner.clear()
            return
        text = self.tr("This portfolio is damaged ({count} pages failed their check), so it is "
                       "open read-only: nothing you do is saved.").format(count=self.damage.problems)
        if self.damage.latest_backup is not None:
            text += " " + self.tr("Latest backup: {path}. Restore it with: relmgr restore BACKUP "
                                  "--to FILE").format(path=self.damage.latest_backup)
        else:
            text += " " + self.tr("No backup of it is known.")
        self.banner.setText(text)


def _log_failure(future: Any) -> None:
    error = None if future.cancelled() else future.exception()
    if error is not None:
        log.error("automatic backup failed: %s", type(error).__name__)
