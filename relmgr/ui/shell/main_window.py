"""The main window: sidebar navigation, the pages, a status bar, and the lock.

Locked is the window's resting state: no portfolio open on the database thread, every page
emptied, and the unlock dialog in front. Unlocking loads the pages; locking (the Lock action,
Ctrl+L, or the idle timer) empties them and closes the database before asking for the password
again. The sidebar lists only pages that exist.
"""

from __future__ import annotations

import dataclasses

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from relmgr import __version__
from relmgr.domain.codes import AuditAction
from relmgr.services import audit, data_date
from relmgr.services.changes import Changes, Topic
from relmgr.services.settings import Settings, save_settings
from relmgr.services.team_rules import SavedRules
from relmgr.storage.db_thread import DatabaseThread
from relmgr.services.daily import SEGMENTS, stale_analytics
from relmgr.services.segment_views import load_segment_views
from relmgr.ui.common.export_dialog import ExportDialog
from relmgr.ui.common.progress_strip import ProgressStrip
from relmgr.ui.shell.catch_up import CatchUp
from relmgr.ui.common.report_dialog import ReportDialog
from relmgr.ui.shell.i18n import Translations
from relmgr.ui.audit.page import AuditPage
from relmgr.ui.churn.page import ChurnPage
from relmgr.ui.customers.page import CustomersPage
from relmgr.ui.home.page import HomePage
from relmgr.ui.marketing.page import MarketingPage
from relmgr.ui.segments.lifecycle import LifecyclePage
from relmgr.ui.churn.model_card import ModelCardPage
from relmgr.ui.recommendations.page import RecommendationsPage
from relmgr.ui.loans.page import LoansPage
from relmgr.ui.segments.page import SegmentsPage
from relmgr.ui.sync.page import SyncPage
from relmgr.ui.tasks.page import TasksPage
from relmgr.ui.segments.tiers import TiersPage
from relmgr.ui.today.page import TodayPage
from relmgr.ui.importing.wizard import ImportWizard
from relmgr.ui.shell.backups import Backups
from relmgr.ui.shell.idle import IdleWatcher
from relmgr.ui.shell.settings_dialog import SettingsDialog
from relmgr.ui.shell.team_rules_dialog import TeamRulesDialog
from relmgr.ui.shell.runner import TaskRunner
from relmgr.ui.shell.unlock_dialog import UnlockDialog

log = logging.getLogger(__name__)


def close_open_dialogs(*, keep: QWidget | None = None) -> None:
    """Close every open dialog and question (the portfolio is locking), innermost first.

    Rejecting is safe because no dialog of ours runs a nested event loop (exec()): each is
    opened with open(), so closing one never deletes a widget a running loop still uses (that
    was the native abort when auto-lock fired under the export dialog's "Replace the file?").
    A rejected question answers No. A dialog that refuses to close while its work runs (a
    progress dialog, which asks its work to stop instead) is hidden: nothing of the portfolio
    stays on screen."""
    def depth(widget: QWidget) -> int:
        return 0 if widget.parentWidget() is None else 1 + depth(widget.parentWidget())

    dialogs = [widget for widget in QApplication.topLevelWidgets()
               if isinstance(widget, QDialog) and widget.isVisible() and widget is not keep]
    for dialog in sorted(dialogs, key=depth, reverse=True):
        dialog.reject()
        if dialog.isVisible():
            dialog.hide()


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

        self.home_page = HomePage(runner)
        self.today_page = TodayPage(runner)
        self.customers_page = CustomersPage(runner)
        self.customers_page.loaded.connect(self._on_customers_loaded)
        self.customers_page.pane.revealed.connect(self._on_revealed)
        self.churn_page = ChurnPage(runner)
        self.recommendations_page = RecommendationsPage(runner)
        self.marketing_page = MarketingPage(runner)
        self.loans_page = LoansPage(runner)
        self.tiers_page = TiersPage()
        self.segments_page = SegmentsPage()
        self.lifecycle_page = LifecyclePage()
        self.segment_pages = [self.tiers_page, self.segments_page, self.lifecycle_page]
        self.tasks_page = TasksPage(runner)
        self.model_card_page = ModelCardPage(runner)
        self.audit_page = AuditPage(runner)
        self.sync_page = SyncPage(runner)
        # In sidebar order (the RM's morning: how the portfolio stands, whom to call, then the
        # portfolio's lists, then the records); see retranslate_ui for their names.
        self.pages: list[QWidget] = [
            self.home_page, self.today_page, self.customers_page, self.churn_page,
            self.recommendations_page, self.marketing_page, self.loans_page,
            *self.segment_pages, self.tasks_page, self.model_card_page, self.audit_page, self.sync_page]
        # Pages that load as soon as the portfolio opens; the others load when first shown
        # (ranking 50,000 customers' products is not worth doing for an RM who never looks).
        self.eager_pages: list[QWidget] = [self.home_page, self.today_page, self.customers_page,
                                           *self.segment_pages]
        self._loaded: set[int] = set()

        for page in self.pages:
            if page is not self.customers_page:    # every list opens its customer's 360
                page.open_customer.connect(self.show_customer)
        self.tiers_page.refresh_requested.connect(self.refresh_segments)
        self.home_page.open_list.connect(self.open_home_list)
        # What one page writes, the others that show it read again: each page follows the
        # runner's change signal itself (widgets.follow_changes); the window reads the segment
        # views, which the three segment pages share.
        runner.changed.connect(self._on_changes)

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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
        # Analytics catching up with the data (after unlock, or when the RM asks for a refresh):
        # a strip above the pages, not a modal dialog, so every page stays usable meanwhile.
        self.analytics_strip = ProgressStrip()
        self.analytics_strip.setContentsMargins(12, 0, 12, 0)
        self.catch_up = CatchUp(runner, self.analytics_strip, self)
        self.catch_up.finished.connect(self._load_segment_views)
        self.catch_up.failed.connect(self._analytics_failed)
        content.addWidget(self.analytics_strip)
        self.backups = Backups(self)   # File ▸ Back up…, automatic backups, the damage banner
        content.addWidget(self.backups.banner)
        content.addWidget(self.stack)
        layout.addLayout(content, 1)
        self.setCentralWidget(central)

        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.settings_action = QAction(self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        self.export_action = QAction(self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.open_export)
        self.report_action = QAction(self)
        self.report_action.triggered.connect(self.open_report)
        self.import_action = QAction(self)
        self.import_action.triggered.connect(self.open_import)
        self.rules_action = QAction(self)
        self.rules_action.triggered.connect(self.open_team_rules)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu = self.menuBar().addMenu("")
        self.file_menu.addAction(self.import_action)
        self.file_menu.addAction(self.export_action)
        self.file_menu.addAction(self.report_action)
        self.file_menu.addAction(self.backups.action)
        self.file_menu.addAction(self.lock_action)
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addAction(self.rules_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu = self.menuBar().addMenu("")
        self.help_menu.addAction(self.about_action)
        self._add_page_shortcuts()
        toolbar = self.addToolBar("main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.export_action)
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

    def _add_page_shortcuts(self) -> None:
        """Ctrl+1…9: the first nine pages in sidebar order; Ctrl+F: the Customers search."""
        for row in range(min(9, len(self.pages))):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _checked=False, r=row: self.go_to_page(r))
            self.addAction(action)
        self.search_action = QAction(self)
        self.search_action.setShortcut(QKeySequence.StandardKey.Find)
        self.search_action.triggered.connect(self.focus_customer_search)
        self.addAction(self.search_action)

    def go_to_page(self, row: int) -> None:
        if not self.is_locked and 0 <= row < len(self.pages):
            self.nav.setCurrentRow(row)

    def focus_customer_search(self) -> None:
        if self.is_locked:
            return
        self.go_to_page(self.pages.index(self.customers_page))
        self.customers_page.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.customers_page.search_edit.selectAll()

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
            self.settings = dataclasses.replace(self.settings, last_portfolio=path)
            save_settings(self.settings)
        self.nav.setEnabled(True)
        self.lock_action.setEnabled(True)
        self.export_action.setEnabled(True)
        self.import_action.setEnabled(True)
        self.report_action.setEnabled(True)
        self.rules_action.setEnabled(True)
        self._loaded = {id(page) for page in self.eager_pages}
        for page in self.eager_pages:
            page.load()
        self.nav.setCurrentRow(0)
        self.stack.setCurrentWidget(self.pages[0])
        self.runner.run_db(data_date.as_of_text, on_done=self._show_as_of)
        self.runner.run_db(stale_analytics, on_done=self._bring_up_to_date)
        self.backups.on_unlocked()
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
        self.catch_up.stop()
        self.runner.cancel_long_work()
        close_open_dialogs(keep=self.unlock_dialog)
        self.runner.run_db(audit.record, action=AuditAction.LOCKED,
                           on_error=lambda _e: None)
        self.backups.before_close()
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
        self.export_action.setEnabled(False)
        self.import_action.setEnabled(False)
        self.report_action.setEnabled(False)
        self.rules_action.setEnabled(False)
        self._customer_count = self._as_of = None
        self._update_status()

    @property
    def is_locked(self) -> bool:
        return self.stack.currentWidget() is self.locked_label

    def _on_unlock_rejected(self) -> None:
        # The RM chose Quit in the unlock dialog.
        self.unlock_dialog = None
        self.close()

    # -- analytics: tiers, segments, lifecycle, churn scores --------------------------------
    def _bring_up_to_date(self, stale: list[str]) -> None:
        """After unlock: recompute the analytics older than the data (after an import, or on a
        new portfolio) with progress and Cancel in the strip above the pages, then show them;
        or just show them."""
        if not stale:
            self._load_segment_views()
            return
        self.catch_up.start(stale)

    def _analytics_failed(self, error: BaseException) -> None:
        self._load_segment_views()
        self.statusBar().showMessage(self.tr("Segments could not be computed ({kind}).")
                                     .format(kind=type(error).__name__))

    def refresh_segments(self) -> None:
        """Recompute tiers, RFM, clusters and stages now (the RM asked: rules changed, say),
        off the database thread with progress and Cancel; the change signal shows them."""
        self.catch_up.start([SEGMENTS], full=True)

    #: What the Service tiers, Segments and Lifecycle pages show (their due counts included).
    SEGMENT_VIEWS_READ = frozenset({Topic.SEGMENTS, Topic.CONTACTS, Topic.CUSTOMERS, Topic.RULES})

    def _on_changes(self, changes: Changes) -> None:
        if self.is_locked:
            return
        if changes.touches(self.SEGMENT_VIEWS_READ):
            self._load_segment_views()
        if changes.touches({Topic.CUSTOMERS}):  # an import moves the data date
            self.runner.run_db(data_date.as_of_text, on_done=self._show_as_of)

    def _load_segment_views(self) -> None:
        self.runner.run_db(load_segment_views, on_done=self._show_segment_views)

    def _show_segment_views(self, views: object) -> None:
        if self.is_locked:
            return
        for page in self.segment_pages:
            page.set_views(views)

    def show_customer(self, customer_id: str) -> None:
        """Open a customer from any list in the Customers page."""
        self.nav.setCurrentRow(self.pages.index(self.customers_page))
        self.customers_page.show_customer(customer_id)

    # -- export ----------------------------------------------------------------------------
    #: The follow-up list the Export dialog offers first, by the page the RM is on (pages
    #: whose list depends on a selection say so with `export_list_name()`).
    _LIST_OF_PAGE = {"churn_page": "warnings", "recommendations_page": "recommendations",
                     "tasks_page": "tasks"}

    def open_export(self) -> ExportDialog | None:
        if self.is_locked:
            return None
        current = self.stack.currentWidget()
        if hasattr(current, "export_list_name"):
            list_name = current.export_list_name()
        else:
            list_name = next((name for attr, name in self._LIST_OF_PAGE.items()
                              if getattr(self, attr) is current), "today")
        dialog = ExportDialog(self.runner, list_name=list_name, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exported.connect(lambda result: self.statusBar().showMessage(
            self.tr("Exported {rows:,} rows to {file}.").format(
                rows=result.rows, file=Path(result.path).name), 8000))
        dialog.open()
        return dialog

    def open_import(self) -> ImportWizard | None:
        """File ▸ Import…: a bank's export files (issue 14); the pages reload from the change
        signal the import's write emits."""
        if self.is_locked:
            return None
        wizard = ImportWizard(self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open()
        return wizard

    def open_report(self) -> ReportDialog | None:
        """File ▸ Monthly report…: the review report of a month, PDF or XLSX (issue 18)."""
        if self.is_locked:
            return None
        dialog = ReportDialog(self.runner, as_of=self._as_of, settings=self.settings, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exported.connect(lambda result: self.statusBar().showMessage(
            self.tr("Wrote the {month} report to {file}.").format(month=result.month,
                                                                  file=Path(result.path).name), 8000))
        dialog.open()
        return dialog

    def open_home_list(self, name: str) -> None:
        """Show the list behind a Home tile (home.page.TILE_LISTS), filtered as the tile counts."""
        pages = {"customers": self.customers_page, "tiers": self.tiers_page, "contacts-due": self.tiers_page,
                 "lifecycle": self.lifecycle_page, "warnings-high": self.churn_page,
                 "recommendations": self.recommendations_page, "tasks-overdue": self.tasks_page,
                 "loans": self.loans_page}
        page = pages.get(name)
        if page is None or self.is_locked:
            return
        self.nav.setCurrentRow(self.pages.index(page))
        if name == "warnings-high":
            self.churn_page.band_combo.setCurrentIndex(1)     # High risk
        elif name == "tasks-overdue":
            self.tasks_page.show_combo.setCurrentIndex(1)     # Overdue only

    # -- about -----------------------------------------------------------------------------
    def about_text(self) -> str:
        from relmgr.services.paths import data_dir

        return self.tr("relmgr {version}\n\nOffline workbench for bank relationship managers.\n\n"
                       "Portfolios, settings and logs are kept in {folder}").format(
            version=__version__, folder=data_dir())

    def show_about(self) -> QMessageBox:
        """Help ▸ About: the version (relmgr/__init__.py, the one place it is written)."""
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About relmgr"), self.about_text(),
                          QMessageBox.StandardButton.Ok, self)
        box.setIconPixmap(QApplication.windowIcon().pixmap(64, 64))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    # -- settings --------------------------------------------------------------------------
    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.settings, runner=self.runner, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.apply_settings(dialog.result_settings()))
        dialog.rules_saved.connect(self._on_rules_saved)
        dialog.open()
        return dialog

    def open_team_rules(self) -> TeamRulesDialog | None:
        if self.is_locked:
            return None
        dialog = TeamRulesDialog(runner=self.runner, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_rules_saved)
        dialog.open()
        return dialog

    def _on_rules_saved(self, saved: SavedRules) -> None:
        """Changed tiers or cadences: recompute the segments now; a changed churn definition:
        the Churn model page asks for a retrain, and so does this message."""
        if saved.tiers_changed:
            self.refresh_segments()
        message = self.tr("Team rules saved.")
        if saved.churn_changed:
            message += " " + self.tr("The churn definition changed: retrain the model on the Churn model page.")
        self.statusBar().showMessage(message, 12_000)

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
            page = self.pages[row]
            self.stack.setCurrentWidget(page)
            if id(page) not in self._loaded:
                self._loaded.add(id(page))
                page.load()

    # -- language --------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("relmgr — Relationship Manager Workbench"))
        names = {self.home_page: self.tr("Home"), self.today_page: self.tr("Today"),
                 self.customers_page: self.tr("Customers"),
                 self.churn_page: self.tr("Churn warnings"),
                 self.recommendations_page: self.tr("Recommendations"),
                 self.marketing_page: self.tr("Marketing"),
                 self.loans_page: self.tr("Loans"),
                 self.tiers_page: self.tr("Service tiers"), self.segments_page: self.tr("Segments"),
                 self.lifecycle_page: self.tr("Lifecycle"), self.tasks_page: self.tr("Tasks"),
                 self.model_card_page: self.tr("Churn model"),
                 self.audit_page: self.tr("Audit log"), self.sync_page: self.tr("Head office")}
        for row, page in enumerate(self.pages):
            self.nav.item(row).setText(names[page])
        # Wide enough for the longest name in this language (the style sheet pads items).
        widest = max(self.nav.fontMetrics().horizontalAdvance(text) for text in names.values())
        self.nav.setFixedWidth(max(160, widest + 56))
        self.locked_label.setText(self.tr("Locked. Enter the password to see the portfolio."))
        self.lock_action.setText(self.tr("Lock"))
        self.lock_action.setToolTip(self.tr("Lock now (Ctrl+L): hides all customer data"))
        self.export_action.setText(self.tr("Export a list…"))
        self.export_action.setToolTip(self.tr("Export a follow-up list (Ctrl+E); masked unless you choose otherwise"))
        self.report_action.setText(self.tr("Monthly report…"))
        self.import_action.setText(self.tr("Import…"))
        self.import_action.setToolTip(self.tr("Import a bank's export files (CSV, TXT, XLSX)"))
        self.settings_action.setText(self.tr("Settings…"))
        self.rules_action.setText(self.tr("Team rules…"))
        self.backups.retranslate_ui()
        self.quit_action.setText(self.tr("Quit"))
        self.file_menu.setTitle(self.tr("&File"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("About relmgr…"))
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self.idle.stop()
        if not self.is_locked:
            self.backups.before_close(quitting=True)
        self.runner.close()
        if self.unlock_dialog is not None:
            dialog, self.unlock_dialog = self.unlock_dialog, None
            dialog.rejected.disconnect(self._on_unlock_rejected)
            dialog.hide()
            dialog.deleteLater()
        for page in self.pages:
            page.clear()
        super().closeEvent(event)
