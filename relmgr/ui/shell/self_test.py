"""`relmgr --self-test`: the real main window, offscreen, on a demo portfolio in a temp folder.

In English and in Chinese it visits every page, opens every dialog (DIALOGS) and every
confirmation question (QUESTIONS), fires the auto-lock while each is open (nothing of the
portfolio may stay on screen, nothing may crash), unlocks again, and exports every list in each
format through the Export dialog. It prints one line per check and exits 0, or 1 naming what
failed. The same run is the frozen bundle's self-test, so it needs nothing but the app itself.

A new dialog is covered by adding its opener to DIALOGS (tests/ui/test_self_test.py fails for a
QDialog subclass in relmgr/ui that is not there). Openers click what an RM would click.
"""

from __future__ import annotations

import dataclasses

import gc
import os
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

from relmgr.domain.churn import WarningAction
from relmgr.services.settings import Settings
from relmgr.ui.common.contact_dialog import ContactDialog
from relmgr.ui.common.export_dialog import FORMATS, LIST_LABELS, ExportDialog
from relmgr.ui.common.report_dialog import ReportDialog
from relmgr.ui.customers.bulk_dialogs import BulkContactDialog, BulkTaskDialog
from relmgr.ui.customers.messages_dialog import MessagesDialog
from relmgr.ui.customers.tags_consent import ConsentDialog
from relmgr.ui.importing.wizard import ImportWizard
from relmgr.ui.marketing.campaign_dialog import CampaignDialog
from relmgr.ui.marketing.list_builder import ListBuilderDialog
from relmgr.ui.marketing.list_tasks_dialog import ListTasksDialog
from relmgr.ui.shell.i18n import CHINESE, ENGLISH
from relmgr.ui.shell.main_window import MainWindow
from relmgr.ui.tasks.page import TaskDialog
from relmgr.ui.today.page import SnoozeDialog
from relmgr.ui.shell.settings_dialog import SettingsDialog
from relmgr.ui.shell.team_rules_dialog import TeamRulesDialog
from relmgr.ui.shell.runner import ProgressDialog
from relmgr.ui.shell.unlock_dialog import ChangePasswordDialog, UnlockDialog
from relmgr.ui.churn.warning_dialog import WarningDialog

PASSWORD = "self-test-password"
CUSTOMERS = 80   # enough for every list to have lines; PDFs are most of the run time


class CheckFailed(Exception):
    """One check did not hold; the message says what was expected."""


# -- waiting ---------------------------------------------------------------------------------
def wait_until(condition: Callable[[], bool], what: str, *, timeout_s: float = 60.0) -> None:
    """Run the event loop until `condition()` holds, or fail naming `what`."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise CheckFailed(f"timed out after {timeout_s:.0f} s waiting for {what}")
        QApplication.processEvents()
        time.sleep(0.005)


def settle(window: MainWindow, *, timeout_s: float = 120.0) -> None:
    """Until no background work is pending (checked twice, 50 ms apart: one result can queue the next)."""
    for _ in range(2):
        wait_until(lambda: not window.runner.is_busy, "background work to finish", timeout_s=timeout_s)
        pause(0.05)


def pause(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.005)


def visible_dialogs() -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def shown(kind: type[QDialog]) -> QDialog:
    wait_until(lambda: any(isinstance(d, kind) for d in visible_dialogs()), f"{kind.__name__} to show")
    return next(d for d in visible_dialogs() if isinstance(d, kind))


# -- openers: what an RM clicks --------------------------------------------------------------
def _go_to(window: MainWindow, page: QWidget) -> None:
    window.nav.setCurrentRow(window.pages.index(page))
    settle(window)


def _select_first_row(view: Any, what: str) -> None:
    if view.model().rowCount() == 0:
        raise CheckFailed(f"{what} is empty on the demo portfolio")
    view.selectRow(0)


def open_export(window: MainWindow) -> None:
    window.export_action.trigger()


def open_report(window: MainWindow) -> None:
    window.report_action.trigger()


def open_settings(window: MainWindow) -> None:
    window.settings_action.trigger()


def open_change_password(window: MainWindow) -> None:
    window.settings_action.trigger()
    shown(SettingsDialog).password_button.click()


def open_team_rules(window: MainWindow) -> None:
    window.rules_action.trigger()


def open_backup(window: MainWindow) -> None:
    window.backups.action.trigger()         # File ▸ Back up…: a file dialog


def open_contact(window: MainWindow) -> None:
    _go_to(window, window.today_page)
    _select_first_row(window.today_page.view, "Today's list")
    window.today_page.log_button.click()


def open_snooze(window: MainWindow) -> None:
    _go_to(window, window.today_page)
    _select_first_row(window.today_page.view, "Today's list")
    window.today_page.snooze_button.click()


def open_warning(window: MainWindow) -> None:
    _go_to(window, window.churn_page)
    # A small demo may have no customer at high or medium risk: show every band, as an RM would
    # to look at a low-risk customer's score.
    window.churn_page.band_combo.setCurrentIndex(window.churn_page.band_combo.count() - 1)
    _select_first_row(window.churn_page.view, "The churn warnings list")
    window.churn_page.mark_selected(WarningAction.HANDLED)


def open_consent(window: MainWindow) -> None:
    _go_to(window, window.customers_page)
    _select_first_row(window.customers_page.table, "The customer list")
    section = window.customers_page.pane.tags_consent
    wait_until(lambda: section.consent is not None, "the 360 pane's consent to load")
    section.consent_button.click()


def open_messages(window: MainWindow) -> None:
    _go_to(window, window.customers_page)
    _select_first_row(window.customers_page.table, "The customer list")
    wait_until(lambda: window.customers_page.pane.view is not None, "the 360 pane to load")
    window.customers_page.pane.messages_button.click()


def _select_three_customers(window: MainWindow) -> None:
    _go_to(window, window.customers_page)
    table = window.customers_page.table
    if table.model().rowCount() < 3:
        raise CheckFailed("the customer list has fewer than 3 customers on the demo portfolio")
    table.selectRow(0)
    for row in (1, 2):                      # Ctrl-click
        table.selectionModel().setCurrentIndex(
            table.model().index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def open_bulk_contact(window: MainWindow) -> None:
    _select_three_customers(window)
    window.customers_page.bulk_contact_button.click()


def open_bulk_task(window: MainWindow) -> None:
    _select_three_customers(window)
    window.customers_page.bulk_task_button.click()


def open_print(window: MainWindow) -> None:
    _go_to(window, window.today_page)
    wait_until(lambda: window.today_page.print_button.isEnabled(), "Today's plan to load")
    window.today_page.print_button.click()           # the print dialog; closing it prints nothing


def open_task(window: MainWindow) -> None:
    _go_to(window, window.tasks_page)
    window.tasks_page.new_task()


def open_list_builder(window: MainWindow) -> None:
    _go_to(window, window.marketing_page)
    window.marketing_page.lists_button.click()


def open_list_tasks(window: MainWindow) -> None:
    """The list builder's Create tasks… on a saved list (the builder stays open under it)."""
    _go_to(window, window.marketing_page)
    builder = window.marketing_page.open_list_builder()
    wait_until(lambda: builder.data is not None, "the list builder to load")
    builder.name_edit.setText("Self-test")
    builder.add_criterion({"field": "txn_count_30d", "op": "between", "value": [1, None]})
    builder.create_tasks()


def open_new_campaign(window: MainWindow) -> None:
    _go_to(window, window.marketing_page)
    window.marketing_page.campaign_button.click()


def _until_cancelled(_portfolio: Any, *, progress: Callable[..., None], cancel: Callable[[], bool]) -> None:
    """Long work that lasts until it is cancelled (at most 30 s), for the progress dialog."""
    stop = threading.Event()
    for step in range(3000):
        if cancel():
            from relmgr.domain.progress import Cancelled
            raise Cancelled()
        progress(step / 3000)
        stop.wait(0.01)


def open_progress(window: MainWindow) -> None:
    window.runner.run_long(_until_cancelled, title="Self-test: long work", parent=window)


def open_import(window: MainWindow) -> None:
    window.import_action.trigger()          # File ▸ Import…: the wizard's first page


def open_unlock(window: MainWindow) -> None:
    window.lock_action.trigger()


#: Every dialog of relmgr/ui and how the RM opens it.
DIALOGS: dict[type[QDialog], Callable[[MainWindow], None]] = {
    ExportDialog: open_export,
    ReportDialog: open_report,
    SettingsDialog: open_settings,
    ChangePasswordDialog: open_change_password,
    TeamRulesDialog: open_team_rules,
    ContactDialog: open_contact,
    SnoozeDialog: open_snooze,
    WarningDialog: open_warning,
    TaskDialog: open_task,
    ConsentDialog: open_consent,
    MessagesDialog: open_messages,
    BulkContactDialog: open_bulk_contact,
    BulkTaskDialog: open_bulk_task,
    QPrintDialog: open_print,
    ProgressDialog: open_progress,
    UnlockDialog: open_unlock,
    QFileDialog: open_backup,
    ImportWizard: open_import,
    ListBuilderDialog: open_list_builder,
    CampaignDialog: open_new_campaign,
    ListTasksDialog: open_list_tasks,
}


def ask_replace(window: MainWindow, folder: Path) -> None:
    existing = folder / "already-there.csv"
    existing.write_bytes(b"kept")
    window.export_action.trigger()
    dialog = shown(ExportDialog)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("csv"))
    dialog.set_path(existing)
    dialog.accept()


def ask_unmasked(window: MainWindow, _folder: Path) -> None:
    window.export_action.trigger()
    shown(ExportDialog).unmasked_check.setChecked(True)


#: The confirmation questions (QMessageBox), by what they ask.
QUESTIONS: dict[str, Callable[[MainWindow, Path], None]] = {
    "replace the file": ask_replace,
    "export unmasked": ask_unmasked,
}


# -- the run ---------------------------------------------------------------------------------
class SelfTest:
    def __init__(self, window: MainWindow, portfolio: Path, folder: Path, *,
                 dialogs: dict[type[QDialog], Callable[[MainWindow], None]] | None = None,
                 languages: Iterable[str] = (ENGLISH, CHINESE),
                 lists: Iterable[str] = tuple(LIST_LABELS),
                 formats: Iterable[str] = tuple(code for code, _label in FORMATS),
                 echo: Callable[[str], None] = print) -> None:
        self.window = window
        self.portfolio = portfolio
        self.folder = folder
        self.dialogs = DIALOGS if dialogs is None else dialogs
        self.languages = tuple(languages)
        self.lists = tuple(lists)
        self.formats = tuple(formats)
        self.echo = echo
        self.failures: list[str] = []
        self._uncaught: list[str] = []
        self._loads = 0
        window.customers_page.loaded.connect(self._count_load)

    def _count_load(self, _count: int) -> None:
        self._loads += 1

    # -- bookkeeping ---------------------------------------------------------------------
    def check(self, name: str, fn: Callable[[], None]) -> None:
        """Run one check; an exception, or an uncaught one in a slot meanwhile, fails it."""
        self._uncaught.clear()
        started = time.perf_counter()
        try:
            fn()
            problem = None
        except CheckFailed as error:
            problem = str(error)
        except Exception as error:  # a crash is what this command exists to report
            problem = "".join(traceback.format_exception_only(error)).strip()
            traceback.print_exc(file=sys.stderr)
        if problem is None and self._uncaught:
            problem = "uncaught " + self._uncaught[0]
        took = f"({time.perf_counter() - started:.1f} s)"
        if problem is None:
            self.echo(f"ok    {name} {took}")
        else:
            self.failures.append(f"{name}: {problem}")
            self.echo(f"FAIL  {name}: {problem} {took}")
            self._recover()

    def excepthook(self, kind: type[BaseException], error: BaseException, tb: Any) -> None:
        self._uncaught.append("".join(traceback.format_exception_only(kind, error)).strip())
        traceback.print_exception(kind, error, tb, file=sys.stderr)

    def _recover(self) -> None:
        """After a failure: close what is open and be unlocked again, so later checks still run."""
        try:
            if not self.window.is_locked:
                self.window.lock()
            self.unlock()
        except Exception as error:  # noqa: BLE001 - reported, and the run goes on
            self.failures.append(f"recovering after a failure: {error}")

    # -- steps -----------------------------------------------------------------------------
    def unlock(self) -> None:
        dialog = self.window.unlock_dialog
        if dialog is None:
            raise CheckFailed("no unlock dialog while locked")
        loads = self._loads
        if dialog.locked_path is not None:
            dialog.locked_password_edit.setText(PASSWORD)
        else:
            dialog.open_path_edit.setText(str(self.portfolio))
            dialog.open_password_edit.setText(PASSWORD)
        dialog.primary_button.click()
        wait_until(lambda: not self.window.is_locked and self._loads > loads, "the customer list after unlock")
        settle(self.window)

    def switch_language(self, language: str) -> None:
        before = self.window.nav.item(0).text()
        settings = self.window.settings
        self.window.apply_settings(dataclasses.replace(settings, language=language))
        pause(0.1)                                  # LanguageChange events are posted
        if language == CHINESE and self.window.nav.item(0).text() == before:
            raise CheckFailed("the Chinese translation did not load (is relmgr_zh_CN.qm built?)")

    def visit_pages(self) -> None:
        for row, page in enumerate(self.window.pages):
            self.window.nav.setCurrentRow(row)
            settle(self.window)
            if self.window.stack.currentWidget() is not page:
                raise CheckFailed(f"page {row + 1} ({type(page).__name__}) did not show")
            self.window.grab()                      # paints every visible cell

    def lock_while_open(self, what: str, open_it: Callable[[], None], kind: type[QDialog]) -> None:
        open_it()
        dialog = shown(kind)
        dialog.grab()
        if isinstance(dialog, UnlockDialog):        # locked already: unlock and done
            self.unlock()
            return
        self.window.idle.idle.emit()                # what the idle timer sends
        wait_until(lambda: self.window.is_locked, f"the auto-lock with {what} open")
        pause(0.05)                                 # deferred deletes run here
        still = [type(d).__name__ for d in visible_dialogs() if d is not self.window.unlock_dialog]
        if still:
            raise CheckFailed(f"still on screen after the lock: {', '.join(still)}")
        settle(self.window)
        self.unlock()

    def export(self, list_name: str, fmt: str, language: str) -> None:
        self.window.export_action.trigger()
        dialog = shown(ExportDialog)
        dialog.list_combo.setCurrentIndex(dialog.list_combo.findData(list_name))
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(fmt))
        path = self.folder / "exports" / f"{language}-{list_name}.{fmt}"
        path.parent.mkdir(exist_ok=True)
        dialog.set_path(path)
        dialog.accept()
        wait_until(lambda: dialog.result_value is not None or not dialog.error_label.isHidden(),
                   "the export to finish")
        if dialog.result_value is None:
            message = dialog.error_label.text()
            dialog.reject()
            raise CheckFailed(message)
        if not path.exists() or path.stat().st_size == 0:
            raise CheckFailed("the export reported success but wrote no file")
        settle(self.window)

    def _exports(self, *, first: bool) -> list[tuple[str, str]]:
        """Every list in every format in the first language; in the others every list once,
        the formats taking turns (each still written in each language). PDFs are most of the
        run's time (a few seconds each, issue 16), and the words in them are checked for every
        list, language and format by tests/services/test_export_words.py."""
        if first:
            return [(name, fmt) for name in self.lists for fmt in self.formats]
        return [(name, self.formats[i % len(self.formats)]) for i, name in enumerate(self.lists)]

    def run(self) -> list[str]:
        hook, sys.excepthook = sys.excepthook, self.excepthook
        try:
            self.check("unlock the demo portfolio", self.unlock)
            self.check("summary signing and differential-privacy noise", noise_works)
            for language in self.languages:
                self.check(f"[{language}] switch language", lambda: self.switch_language(language))
                self.check(f"[{language}] visit every page", self.visit_pages)
                for kind, opener in self.dialogs.items():
                    self.check(f"[{language}] {kind.__name__}: open, auto-lock, unlock",
                               lambda o=opener, k=kind: self.lock_while_open(k.__name__, lambda: o(self.window), k))
                for what, ask in QUESTIONS.items():
                    self.check(f"[{language}] question '{what}': open, auto-lock, unlock",
                               lambda a=ask, w=what: self.lock_while_open(
                                   w, lambda: a(self.window, self.folder), QMessageBox))
                for list_name, fmt in self._exports(first=language == self.languages[0]):
                    self.check(f"[{language}] export {list_name} as {fmt}",
                               lambda n=list_name, f=fmt, g=language: self.export(n, f, g))
        finally:
            sys.excepthook = hook
        return self.failures


def noise_works() -> None:
    """The summary's optional noise loads diffprivlib's mechanisms through a shim (its package
    __init__ does not import in this environment): frozen, the shim must still find them. And
    the summary's Ed25519 signature (cryptography, with cffi's backend) signs and verifies."""
    import numpy as np

    from relmgr.services.sync import noise, signing

    key = signing.new_key()
    if signing.verify(signing.sign({"check": 1}, key), signing.public_key(key)) != {"check": 1}:
        raise CheckFailed("a signed summary did not verify")

    counts = noise.noisy_counts(np.full(200, 50), 1.0)
    sums = noise.noisy_sums(np.full(3, 1e7), 1.0)
    if counts.shape != (200,) or sums.shape != (3,) or len(set(counts.tolist())) < 2:
        raise CheckFailed("the differential-privacy mechanisms gave no noise")


def run_self_test(*, customers: int = CUSTOMERS, **options: Any) -> int:
    """The command: set up a temp folder and the window, run, print, exit 0 or 1."""
    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="relmgr-self-test-") as temp:
        folder = Path(temp)
        previous_home = os.environ.get("RELMGR_HOME")
        os.environ["RELMGR_HOME"] = str(folder / "home")     # never the RM's own settings or logs
        try:
            return _run_in(folder, customers=customers, **options)
        finally:
            if previous_home is None:
                os.environ.pop("RELMGR_HOME", None)
            else:
                os.environ["RELMGR_HOME"] = previous_home


def _run_in(folder: Path, *, customers: int, **options: Any) -> int:
    from relmgr.services.demo import build_demo_portfolio
    from relmgr.ui.shell.app import _application, build_window

    echo: Callable[[str], None] = options.pop("echo", print)
    started = time.perf_counter()
    portfolio = folder / "self-test.rmdb"
    build_demo_portfolio(portfolio, PASSWORD, customers=customers)
    app = _application()
    window, db = build_window(app)
    window.settings = Settings(language=ENGLISH, auto_lock_minutes=30, last_portfolio=None)
    window.translations.apply(ENGLISH)
    try:
        window.ask_to_unlock(portfolio=str(portfolio))
        failures = SelfTest(window, portfolio, folder, echo=echo, **options).run()
    finally:
        window.runner.close()
        window.close()
        db.shutdown()
        # Free the window and its cycles now, on the GUI thread, while Qt is whole: left to the
        # interpreter's final collection (gc runs by hand in the app, see app.py), PySide6 6.12
        # aborted in bool_dealloc on the way out.
        window.deleteLater()
        del window
        pause(0.05)
        gc.collect()
    seconds = time.perf_counter() - started
    if failures:
        echo(f"self-test FAILED: {len(failures)} check(s) in {seconds:.0f} s:")
        for failure in failures:
            echo(f"  - {failure}")
        return 1
    echo(f"self-test passed in {seconds:.0f} s")
    return 0
