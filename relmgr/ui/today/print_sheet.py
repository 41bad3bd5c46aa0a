"""Print the day's plan as its call sheet, straight to a printer (Today's Print…, issue 19): the
print dialog first; once the RM confirms it, the masked PDF call sheet is made in memory on the
database thread (services.export.print_named_list, audited) and drawn on the printer. Cancel
makes nothing and audits nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from relmgr.services.export import print_named_list
from relmgr.services.settings import load_settings
from relmgr.ui.common.print_pages import PrintFailed, call_sheet_printer, print_pages
from relmgr.ui.shell.i18n import current_language
from relmgr.ui.shell.runner import TaskRunner


class CallSheetPrint(QObject):
    """One print of the day's plan. `finished(message)` once it printed, failed or was cancelled."""

    finished = Signal(str)

    def __init__(self, runner: TaskRunner, *, today: dt.date | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.runner = runner
        self.today = today
        self.printer: QPrinter = call_sheet_printer()
        self.dialog = QPrintDialog(self.printer, parent)
        self.dialog.setWindowTitle(self.tr("Print the call sheet"))
        self.dialog.accepted.connect(self._make_sheet)
        self.dialog.rejected.connect(lambda: self._done(self.tr("Nothing was printed.")))
        self.pages = 0

    def open(self) -> QPrintDialog:
        QDialog.open(self.dialog)           # window-modal, without blocking the event loop
        return self.dialog

    def _make_sheet(self) -> None:
        settings = load_settings()
        self.runner.run_db(print_named_list, list_name="today", today=self.today,
                           branch=settings.branch_name or None, rm=settings.rm_name or None,
                           language=current_language(), on_done=self._print, on_error=self._failed)

    def _print(self, pages: list) -> None:
        try:
            self.pages = print_pages(self.printer, pages)
        except PrintFailed as error:
            self._failed(error)
            return
        self._done(self.tr("The call sheet was sent to the printer ({pages} pages).").format(pages=self.pages))

    def _failed(self, error: BaseException) -> None:
        self._done(self.tr("The call sheet was not printed ({kind}).").format(kind=type(error).__name__))

    def _done(self, message: str) -> None:
        self.finished.emit(message)
        # The dialog keeps a pointer to the printer, which Python owns here: the dialog goes
        # first (posted first), the printer with this object after it, never the other way.
        self.dialog.deleteLater()
        self.deleteLater()


def print_call_sheet(runner: TaskRunner, *, today: dt.date | None, parent: QWidget,
                     on_finished: Callable[[str], None]) -> CallSheetPrint:
    job = CallSheetPrint(runner, today=today, parent=parent)
    job.finished.connect(on_finished)
    job.open()
    return job
