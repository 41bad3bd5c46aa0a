"""The main window: sidebar navigation, the pages, a status bar, and the lock.

Locked is the window's resting state: no portfolio open on the database thread, every page
emptied, and the unlock dialog in front. Unlocking loads the pages; locking (the Lock action,
Ctrl+L, or the idle timer) empties them and closes the database before asking for the password
again. The sidebar lists only pages that exist.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from relmgr.domain.codes import AuditAction
from relmgr.services import audit
from relmgr.services.settings import Settings, save_settings
from relmgr.storage.db_thread import DatabaseThread
from relmgr.services.segment_views import is_current, load_segment_views
from relmgr.services.segments import refresh_segments
from relmgr.ui.pages.customers import CustomersPage
from relmgr.ui.pages.lifecycle import LifecyclePage
from relmgr.ui.pages.segments import SegmentsPage
from relmgr.ui.pages.tiers import TiersPage
from relmgr.ui.i18n import Translations
from relmgr.ui.idle import IdleWatcher
from relmgr.ui.settings_dialog import SettingsDialog
from relmgr.ui.tasks import TaskRunner
from relmgr.ui.unlock_dialog import UnlockDialog

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    #: Emitted after each successful unlock, and after each lock.
    unlocked = Signal()
    locked = Signal()

    def __init__(self, *, db: DatabaseThread, runner: TaskRunner, translations: Translations,
                 settings: Settings) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.db = db
        self.runner = runner
        self.translations = translations
        self.settings = settings
        self.portfolio_path: str | None = None
        self.is_demo = False
        self.unlock_dialog: UnlockDialog | None = None
        self._customer_count: int | None = None
        self._as_of: str | None = None

        self.customers_page = CustomersPage(runner)
        self.customers_page.loaded.connect(self._on_customers_loaded)
        self.customers_page.pane.revealed.connect(self._on_revealed)
        self.tiers_page = TiersPage()
        self.segments_page = SegmentsPage()
        self.lifecycle_page = LifecyclePage()
        self.segment_pages = [self.tiers_page, self.segments_page, self.lifecycle_page]
        for page in self.segment_pages:
            page.open_customer.connect(self.show_customer)
        self.tiers_page.refresh_requested.connect(lambda: self.refresh_segments(force=True))
        # In sidebar order; see retranslate_ui for their names.
        self.pages: list[QWidget] = [self.customers_page, *self.segment_pages]

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(168)
        for _page in self.pages:
            QListWidgetItem(self.nav)
        self.stack = QStackedWidget()
        for page in self.pages:
            self.stack.addWidget(page)
        self.locked_label = QLabel()
        self.locked_label.setObjectName("lockedNotice")
        self.locked_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.locked_label)
        self.nav.currentRowChanged.connect(self._on_nav_changed)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        content = QVBoxLayout()
        content.addWidget(self.stack)
        layout.addLayout(content, 1)
        self.setCentralWidget(central)

        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.settings_action = QAction(self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu = self.menuBar().addMenu("")
        self.file_menu.addAction(self.lock_action)
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        toolbar = self.addToolBar("main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.lock_action)
        toolbar.addAction(self.settings_action)
        self.toolbar = toolbar

        self.file_label = QLabel()
        self.count_label = QLabel()
        self.as_of_label = QLabel()
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setFixedWidth(90)
        self.busy_bar.setFixedHeight(10)
        self.busy_bar.hide()
        status = self.statusBar()
        status.addWidget(self.file_label)
        status.addWidget(self.count_label)
        status.addWidget(self.as_of_label)
        status.addPermanentWidget(self.busy_bar)
        runner.busy_changed.connect(self.busy_bar.setVisible)

        self.idle = IdleWatcher(interval_ms=settings.auto_lock_minutes * 60_000, parent=self)
        self.idle.idle.connect(self.lock)

        self.resize(1400, 860)
        self.retranslate_ui()
        self._show_locked_state()

    # -- unlock / lock ---------------------------------------------------------------------
    def ask_to_unlock(self, *, demo: bool = False, portfolio: str | None = None) -> UnlockDialog:
        """Show the unlock dialog (non-blocking); on success the window fills itself."""
        dialog = UnlockDialog(db=self.db, runner=self.runner,
                              last_portfolio=portfolio or self.settings.last_portfolio,
                              locked_path=self.portfolio_path, demo=demo,
                              parent=self if self.isVisible() else None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.unlocked.connect(self.on_unlocked)
        dialog.rejected.connect(self._on_unlock_rejected)
        self.unlock_dialog = dialog
        dialog.open()
        return dialog

    def on_unlocked(self, path: str, is_demo: bool) -> None:
        self.portfolio_path, self.is_demo = path, is_demo
        self.unlock_dialog = None
        if not is_demo and path != self.settings.last_portfolio:
            self.settings = Settings(language=self.settings.language,
                                     auto_lock_minutes=self.settings.auto_lock_minutes,
                                     last_portfolio=path)
            save_settings(self.settings)
        self.nav.setEnabled(True)
        self.lock_action.setEnabled(True)
        self.nav.setCurrentRow(0)
        self.stack.setCurrentWidget(self.pages[0])
        for page in self.pages:
            page.load()
        self.runner.run_db(lambda p: p.get_meta("as_of"), on_done=self._show_as_of)
        self.runner.run_db(is_current, on_done=lambda current: self.refresh_segments(force=not current))
        self._update_status()
        self.idle.start()
        if not self.isVisible():
            self.show()
        self.unlocked.emit()

    def lock(self) -> None:
        """Hide all customer data and close the database; then ask for the password again."""
        if self.portfolio_path is None or self.unlock_dialog is not None:
            return
        self.idle.stop()
        self.runner.run_db(audit.record, action=AuditAction.LOCKED,
                           on_error=lambda _e: None)
        self.db.close()
        self._show_locked_state()
        log.info("portfolio locked")
        self.locked.emit()
        self.ask_to_unlock()

    def _show_locked_state(self) -> None:
        for page in self.pages:
            page.clear()
        self.stack.setCurrentWidget(self.locked_label)
        self.nav.setEnabled(False)
        self.lock_action.setEnabled(False)
        self._customer_count = self._as_of = None
        self._update_status()

    @property
    def is_locked(self) -> bool:
        return self.stack.currentWidget() is self.locked_label

    def _on_unlock_rejected(self) -> None:
        # The RM chose Quit in the unlock dialog.
        self.unlock_dialog = None
        self.close()

    # -- tiers, segments, lifecycle ---------------------------------------------------------
    def refresh_segments(self, *, force: bool) -> None:
        """Recompute tiers, RFM, clusters and stages (off the GUI thread, with progress and
        Cancel) when asked or when the stored results are older than the data; then show them."""
        if not force:
            self._load_segment_views()
            return
        self.runner.run_long(refresh_segments, title=self.tr("Computing tiers, segments and lifecycle stages…"),
                             parent=self, on_done=lambda _r: self._segments_refreshed(),
                             on_error=lambda e: self.statusBar().showMessage(
                                 self.tr("Segments could not be computed ({kind}).").format(kind=type(e).__name__)),
                             on_cancelled=self._load_segment_views)

    def _segments_refreshed(self) -> None:
        self._load_segment_views()
        self.customers_page.load()          # the list shows tier and stage

    def _load_segment_views(self) -> None:
        self.runner.run_db(load_segment_views, on_done=self._show_segment_views)

    def _show_segment_views(self, views: object) -> None:
        if self.is_locked:
            return
        for page in self.segment_pages:
            page.set_views(views)

    def show_customer(self, customer_id: str) -> None:
        """Open a customer from any list in the Customers page."""
        self.nav.setCurrentRow(0)
        self.customers_page.show_customer(customer_id)

    # -- settings --------------------------------------------------------------------------
    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, runner=self.runner, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_settings(dialog.result_settings())

    def apply_settings(self, settings: Settings) -> None:
        self.settings = settings
        save_settings(settings)
        self.translations.apply(settings.language)
        self.idle.set_interval_ms(settings.auto_lock_minutes * 60_000)

    # -- status ----------------------------------------------------------------------------
    def _on_customers_loaded(self, count: int) -> None:
        self._customer_count = count
        self._update_status()

    def _show_as_of(self, as_of: str | None) -> None:
        self._as_of = as_of
        self._update_status()

    def _on_revealed(self, field: str) -> None:
        self.statusBar().showMessage(self.tr("Revealed and written to the audit log."), 5000)

    def _update_status(self) -> None:
        self.count_label.setText("" if self._customer_count is None else
                                 self.tr("{count:,} customers").format(count=self._customer_count))
        self.as_of_label.setText(self.tr("Data as of {date}").format(date=self._as_of) if self._as_of else "")
        if self.portfolio_path is None:
            self.file_label.clear()
            return
        name = Path(self.portfolio_path).name
        self.file_label.setText(self.tr("Demo portfolio (synthetic data)") if self.is_demo else name)
        self.file_label.setToolTip(self.portfolio_path)

    def _on_nav_changed(self, row: int) -> None:
        if 0 <= row < len(self.pages) and not self.is_locked:
            self.stack.setCurrentWidget(self.pages[row])

    # -- language --------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("relmgr — Relationship Manager Workbench"))
        for row, text in enumerate((self.tr("Customers"), self.tr("Service tiers"),
                                    self.tr("Segments"), self.tr("Lifecycle"))):
            self.nav.item(row).setText(text)
        self.locked_label.setText(self.tr("Locked. Enter the password to see the portfolio."))
        self.lock_action.setText(self.tr("Lock"))
        self.lock_action.setToolTip(self.tr("Lock now (Ctrl+L): hides all customer data"))
        self.settings_action.setText(self.tr("Settings…"))
        self.quit_action.setText(self.tr("Quit"))
        self.file_menu.setTitle(self.tr("&File"))
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self.idle.stop()
        self.runner.close()
        if self.unlock_dialog is not None:
            dialog, self.unlock_dialog = self.unlock_dialog, None
            dialog.rejected.disconnect(self._on_unlock_rejected)
            dialog.hide()
            dialog.deleteLater()
        for page in self.pages:
            page.clear()
        super().closeEvent(event)
