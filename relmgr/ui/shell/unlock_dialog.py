"""The door to a portfolio: unlock an existing one, create a new one, open the demo, or unlock
again after a lock; and the change-password dialog, which shares the strength meter.

Opening never happens on the GUI thread: the dialog hands `DatabaseThread.open/create` to the
database thread and hears back through `TaskRunner.track` (queued signals), showing a busy bar
with its buttons disabled meanwhile. Each storage error class gets its own translated message;
a wrong password clears and focuses the password field. The storage layer guarantees that a
failed open changes nothing in the file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from relmgr.domain.codes import AuditAction
from relmgr.domain.progress import Cancelled
from relmgr.services import audit
from relmgr.services.paths import data_dir, demo_portfolio_path
from relmgr.storage.db_thread import DatabaseThread
from relmgr.storage.errors import (
    DamagedPortfolio,
    NotAPortfolio,
    PortfolioExists,
    PortfolioNotFound,
    UpgradeFailed,
    WrongPassword,
)
from relmgr.ui.shell.runner import TaskRunner
from relmgr.services.password import Strength, change_portfolio_password, password_strength

log = logging.getLogger(__name__)

PORTFOLIO_SUFFIX = ".rmdb"
DEMO_CUSTOMERS = 2000
DEMO_SEED = 7


# -- password strength: the rule is relmgr/services/password.py's --------------------------------
class StrengthMeter(QWidget):
    """A three-step bar with a word, following a password field as the RM types."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 3)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(6)
        self.bar.setObjectName("strengthBar")
        self.label = QLabel(self)
        self.label.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.bar)
        layout.addWidget(self.label)
        self._password = ""
        self.update_for("")

    def update_for(self, password: str) -> None:
        self._password = password
        strength = password_strength(password)
        self.bar.setValue(0 if not password else int(strength) + 1)
        level = "none" if not password else strength.name.lower()
        self.bar.setProperty("strength", level)
        self.bar.style().unpolish(self.bar)
        self.bar.style().polish(self.bar)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        if not self._password:
            self.label.setText(self.tr("At least 8 characters; mix letters, digits and symbols."))
            return
        words = {Strength.WEAK: self.tr("Strength: weak"), Strength.FAIR: self.tr("Strength: fair"),
                 Strength.STRONG: self.tr("Strength: strong")}
        self.label.setText(words[password_strength(self._password)])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


# -- messages for storage errors ------------------------------------------------------------------
def _file_name(path: str) -> str:
    return Path(path).name or path


class UnlockDialog(QDialog):
    """Open / create / demo tabs; or, after a lock, the password for the same file only.

    Emits `unlocked(path, is_demo)` once the database thread holds the open portfolio.
    """

    unlocked = Signal(str, bool)

    TAB_OPEN, TAB_CREATE, TAB_DEMO = range(3)

    def __init__(self, *, db: DatabaseThread, runner: TaskRunner, last_portfolio: str | None = None,
                 locked_path: str | None = None, demo: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlockDialog")
        self.db = db
        self.runner = runner
        self.locked_path = locked_path
        self._busy = False
        self._quitting = False
        self._message: Callable[[], str] | None = None
        self._detail = ""
        self.setModal(True)
        self.setMinimumWidth(520)

        self.title_label = QLabel(self)
        self.title_label.setObjectName("dialogTitle")
        self.subtitle_label = QLabel(self)
        self.subtitle_label.setObjectName("hint")
        self.subtitle_label.setWordWrap(True)

        # Open an existing portfolio.
        self.open_page = QWidget()
        self.open_path_edit = QLineEdit(last_portfolio or "")
        self.open_browse_button = QPushButton()
        self.open_browse_button.clicked.connect(self._on_open_browse_clicked)
        self.open_password_edit = QLineEdit()
        self.open_password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.open_file_label = QLabel()
        self.open_password_label = QLabel()
        open_form = QFormLayout(self.open_page)
        open_form.addRow(self.open_file_label, _row(self.open_path_edit, self.open_browse_button))
        open_form.addRow(self.open_password_label, self.open_password_edit)

        # Create a new one.
        self.create_page = QWidget()
        self.create_path_edit = QLineEdit()
        self.create_browse_button = QPushButton()
        self.create_browse_button.clicked.connect(self._on_create_browse_clicked)
        self.create_password_edit = QLineEdit()
        self.create_password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.create_repeat_edit = QLineEdit()
        self.create_repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength_meter = StrengthMeter()
        self.create_password_edit.textChanged.connect(self.strength_meter.update_for)
        self.create_file_label, self.create_password_label = QLabel(), QLabel()
        self.create_repeat_label = QLabel()
        create_form = QFormLayout(self.create_page)
        create_form.addRow(self.create_file_label, _row(self.create_path_edit, self.create_browse_button))
        create_form.addRow(self.create_password_label, self.create_password_edit)
        create_form.addRow("", self.strength_meter)
        create_form.addRow(self.create_repeat_label, self.create_repeat_edit)

        # The demo portfolio: synthetic data, so its password may be shown.
        self.demo_page = QWidget()
        self.demo_text = QLabel()
        self.demo_text.setWordWrap(True)
        self.demo_password_caption = QLabel()
        self.demo_password_label = QLabel(_demo_password() or "")
        self.demo_password_label.setObjectName("demoPassword")
        self.demo_password_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.demo_password_label.setFont(mono)
        demo_layout = QVBoxLayout(self.demo_page)
        demo_layout.addWidget(self.demo_text)
        demo_layout.addWidget(_row(self.demo_password_caption, self.demo_password_label, stretch=True))
        demo_layout.addStretch(1)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.open_page, "")
        self.tabs.addTab(self.create_page, "")
        self.tabs.addTab(self.demo_page, "")
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

        # After a lock: the same file, password only.
        self.locked_page = QWidget(self)
        self.locked_file_label = QLabel()
        self.locked_file_label.setObjectName("fileName")
        self.locked_password_edit = QLineEdit()
        self.locked_password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.locked_password_label = QLabel()
        locked_form = QFormLayout(self.locked_page)
        locked_form.setContentsMargins(0, 0, 0, 0)
        locked_form.addRow(self.locked_file_label)
        locked_form.addRow(self.locked_password_label, self.locked_password_edit)
        # A branch PC may hold more than one portfolio (a colleague's cover, a new export):
        # leave the locked one for the open / create / demo tabs without quitting.
        self.switch_button = QPushButton()
        self.switch_button.setObjectName("link")
        self.switch_button.clicked.connect(self.open_another)
        locked_form.addRow(_row(self.switch_button, stretch=True))

        self.message_label = QLabel(self)
        self.message_label.setObjectName("errorMessage")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("hint")
        self.detail_label.setWordWrap(True)
        self.detail_label.hide()
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)  # indeterminate: the open has no measurable steps
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedHeight(4)
        self.busy_bar.hide()

        self.quit_button = QPushButton(self)
        self.quit_button.clicked.connect(self._on_quit_button_clicked)
        self.primary_button = QPushButton(self)
        self.primary_button.setObjectName("primary")
        self.primary_button.setDefault(True)
        self.primary_button.setAutoDefault(True)
        self.primary_button.clicked.connect(self._on_primary_button_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.quit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.primary_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(self.title_label)
        layout.addWidget(self.subtitle_label)
        layout.addSpacing(6)
        layout.addWidget(self.tabs)
        layout.addWidget(self.locked_page)
        layout.addWidget(self.message_label)
        layout.addWidget(self.detail_label)
        layout.addWidget(self.busy_bar)
        layout.addSpacing(6)
        layout.addLayout(buttons)

        if locked_path is not None:
            self.tabs.hide()
        else:
            self.locked_page.hide()
            if demo:
                self.tabs.setCurrentIndex(self.TAB_DEMO)
        self.retranslate_ui()
        self._focus_first_field()

    def open_another(self) -> None:
        """From the locked file's password to the open / create / demo tabs (nothing is open:
        the lock closed it); unlocking there opens the file chosen instead."""
        if self._busy or self.locked_path is None:
            return
        self.open_path_edit.setText(self.locked_path)
        self.locked_path = None
        self.locked_password_edit.clear()
        self.locked_page.hide()
        self.tabs.setCurrentIndex(self.TAB_OPEN)
        self.tabs.show()
        self._clear_message()
        self.retranslate_ui()
        self.open_path_edit.setFocus()
        self.open_path_edit.selectAll()

    # -- texts -----------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Unlock portfolio") if self.locked_path is None
                            else self.tr("Portfolio locked"))
        self.title_label.setText(self.tr("Relationship Manager Workbench"))
        if self.locked_path is None:
            self.subtitle_label.setText(self.tr(
                "Open your encrypted customer portfolio, create a new one, or try the demo."))
        else:
            self.subtitle_label.setText(self.tr(
                "The portfolio is locked. Enter its password to continue."))
        self.tabs.setTabText(self.TAB_OPEN, self.tr("Open portfolio"))
        self.tabs.setTabText(self.TAB_CREATE, self.tr("Create new"))
        self.tabs.setTabText(self.TAB_DEMO, self.tr("Demo portfolio"))
        self.open_file_label.setText(self.tr("Portfolio file"))
        self.open_password_label.setText(self.tr("Password"))
        self.open_browse_button.setText(self.tr("Browse…"))
        self.create_file_label.setText(self.tr("New file"))
        self.create_path_edit.setPlaceholderText(self.tr("e.g. my-customers.rmdb"))
        self.create_password_label.setText(self.tr("Password"))
        self.create_repeat_label.setText(self.tr("Repeat password"))
        self.create_browse_button.setText(self.tr("Browse…"))
        self.demo_text.setText(self.tr(
            "A synthetic portfolio of {count} customers with realistic holdings, transactions and "
            "contact history, for trying relmgr. It holds no real customer data, which is why its "
            "password is shown here. It is created on first use; that takes a moment.")
            .format(count=f"{DEMO_CUSTOMERS:,}"))
        self.demo_password_caption.setText(self.tr("Demo password:"))
        if self.locked_path is not None:
            self.locked_file_label.setText(_file_name(self.locked_path))
            self.locked_file_label.setToolTip(self.locked_path)
        self.locked_password_label.setText(self.tr("Password"))
        self.switch_button.setText(self.tr("Open another portfolio…"))
        self.quit_button.setText(self.tr("Quit"))
        self._update_primary_text()
        self._show_message_texts()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _update_primary_text(self) -> None:
        if self.locked_path is not None or self.tabs.currentIndex() == self.TAB_OPEN:
            self.primary_button.setText(self.tr("Unlock"))
        elif self.tabs.currentIndex() == self.TAB_CREATE:
            self.primary_button.setText(self.tr("Create portfolio"))
        else:
            self.primary_button.setText(self.tr("Open demo"))

    # -- messages --------------------------------------------------------------------------------
    @property
    def message_text(self) -> str:
        return self.message_label.text() if self._message is not None else ""

    def _show_message(self, message: Callable[[], str], detail: str = "") -> None:
        self._message = message
        self._detail = detail
        self._show_message_texts()

    def _clear_message(self) -> None:
        self._message = None
        self._detail = ""
        self._show_message_texts()

    def _show_message_texts(self) -> None:
        # Messages are kept as callables so a language switch re-translates the one on screen.
        if self._message is None:
            self.message_label.clear()
            self.message_label.hide()
            self.detail_label.hide()
            return
        self.message_label.setText(self._message())
        self.message_label.show()
        self.detail_label.setText(self._detail)
        self.detail_label.setVisible(bool(self._detail))

    def _error_message(self, error: BaseException) -> tuple[Callable[[], str], str]:
        """(translated headline, technical detail) for an error from opening or creating."""
        detail = str(error)
        if isinstance(error, WrongPassword):
            return (lambda: self.tr("Wrong password.")), ""
        if isinstance(error, PortfolioNotFound):
            return (lambda: self.tr("The portfolio file was not found.")), detail
        if isinstance(error, NotAPortfolio):
            return (lambda: self.tr("This file is not a relmgr portfolio.")), detail
        if isinstance(error, DamagedPortfolio):
            return (lambda: self.tr("The portfolio file is damaged and cannot be opened.")), detail
        if isinstance(error, UpgradeFailed):
            return (lambda: self.tr("This portfolio could not be upgraded to this version of relmgr. "
                                    "It was left as it was.")), detail
        if isinstance(error, PortfolioExists):
            return (lambda: self.tr("A file with this name already exists. Choose another name.")), detail
        if isinstance(error, Cancelled):
            return (lambda: self.tr("Cancelled. Nothing was created.")), ""
        if isinstance(error, OSError):
            return (lambda: self.tr("The file could not be read or written.")), detail
        log.error("opening a portfolio failed unexpectedly: %s", type(error).__name__)
        return (lambda: self.tr("The portfolio could not be opened ({kind}).")
                .format(kind=type(error).__name__)), ""

    # -- busy state ------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.tabs, self.locked_page, self.primary_button, self.quit_button):
            widget.setEnabled(not busy)
        self.busy_bar.setVisible(busy)

    # -- actions ---------------------------------------------------------------------------------
    def _on_tabs_current_changed(self, _index: int) -> None:
        self._clear_message()
        self._update_primary_text()
        self._focus_first_field()

    def _focus_first_field(self) -> None:
        if self.locked_path is not None:
            self.locked_password_edit.setFocus()
        elif self.tabs.currentIndex() == self.TAB_OPEN:
            (self.open_password_edit if self.open_path_edit.text() else self.open_path_edit).setFocus()
        elif self.tabs.currentIndex() == self.TAB_CREATE:
            self.create_path_edit.setFocus()
        else:
            self.primary_button.setFocus()

    def _on_open_browse_clicked(self) -> None:
        start = self.open_path_edit.text() or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open portfolio"), start,
            self.tr("relmgr portfolios (*.rmdb);;All files (*)"))
        if path:
            self.open_path_edit.setText(path)
            self.open_password_edit.setFocus()

    def _on_create_browse_clicked(self) -> None:
        start = self.create_path_edit.text() or str(Path.home() / f"portfolio{PORTFOLIO_SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New portfolio"), start, self.tr("relmgr portfolios (*.rmdb)"))
        if path:
            self.create_path_edit.setText(path)
            self.create_password_edit.setFocus()

    def _on_primary_button_clicked(self) -> None:
        if self._busy:
            return
        self._clear_message()
        if self.locked_path is not None:
            self._unlock_existing(self.locked_path, self.locked_password_edit)
        elif self.tabs.currentIndex() == self.TAB_OPEN:
            path = self.open_path_edit.text().strip()
            if not path:
                self._show_message(lambda: self.tr("Choose a portfolio file."))
                self.open_path_edit.setFocus()
                return
            self._unlock_existing(path, self.open_password_edit)
        elif self.tabs.currentIndex() == self.TAB_CREATE:
            self._create_new()
        else:
            self._open_demo()

    def _unlock_existing(self, path: str, password_edit: QLineEdit) -> None:
        password = password_edit.text()
        if not password:
            self._show_message(lambda: self.tr("Enter the password."))
            password_edit.setFocus()
            return
        self._start(self.db.open(path, password), path=path, created=False, is_demo=False,
                    password_edit=password_edit)

    def new_portfolio_path(self) -> Path | None:
        """The file the Create tab would make: a bare name goes into the data folder's
        'portfolios' folder, and gets the .rmdb suffix when it has none."""
        text = self.create_path_edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        if not path.suffix:
            path = path.with_suffix(PORTFOLIO_SUFFIX)
        if not path.is_absolute() and len(path.parts) == 1:
            path = data_dir() / "portfolios" / path
        return path

    def _create_new(self) -> None:
        path = self.new_portfolio_path()
        password = self.create_password_edit.text()
        if path is None:
            self._show_message(lambda: self.tr("Enter a name for the new portfolio file."))
            self.create_path_edit.setFocus()
            return
        if password_strength(password) is Strength.WEAK:
            self._show_message(lambda: self.tr(
                "The password is too weak. Use at least 8 characters, mixing letters with "
                "digits or symbols."))
            self.create_password_edit.setFocus()
            return
        if password != self.create_repeat_edit.text():
            self._show_message(lambda: self.tr("The two passwords differ. Type them again."))
            self.create_repeat_edit.clear()
            self.create_repeat_edit.setFocus()
            return
        if path.exists():
            self._show_message(lambda: self.tr(
                "A file with this name already exists. Choose another name."), str(path))
            return
        self._start(self.db.create(path, password), path=str(path), created=True, is_demo=False,
                    password_edit=self.create_password_edit)

    def _open_demo(self) -> None:
        password = _demo_password()
        if password is None:
            self._show_message(lambda: self.tr("The demo portfolio is not available in this build."))
            return
        path = demo_portfolio_path()
        if path.exists():
            self._start(self.db.open(path, password), path=str(path), created=False, is_demo=True,
                        password_edit=None)
            return
        self._build_demo(path, password)

    def _build_demo(self, path: Path, password: str) -> None:
        from relmgr.services.demo import build_demo_portfolio

        self._set_busy(True)
        path.parent.mkdir(parents=True, exist_ok=True)

        def done(_result: Any) -> None:
            self._start(self.db.open(path, password), path=str(path), created=False,
                        is_demo=True, password_edit=None)

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            self._show_message(*self._error_message(error))

        self.runner.run_long(build_demo_portfolio, path, password, customers=DEMO_CUSTOMERS,
                             seed=DEMO_SEED, title=self.tr("Creating the demo portfolio…"),
                             parent=self, needs_portfolio=False, on_done=done, on_error=failed,
                             on_cancelled=lambda: failed(Cancelled()))

    def _start(self, future: Future, *, path: str, created: bool, is_demo: bool,
               password_edit: QLineEdit | None) -> None:
        self._set_busy(True)

        def done(_result: Any) -> None:
            actions = [AuditAction.PORTFOLIO_CREATED] if created else []
            actions.append(AuditAction.UNLOCKED)
            for action in actions:
                self.runner.run_db(audit.record, action=action,
                                   on_error=lambda e: log.error("audit failed: %s", type(e).__name__))
            self._set_busy(False)
            # The password has done its job; do not keep it in a widget.
            for edit in (self.open_password_edit, self.create_password_edit,
                         self.create_repeat_edit, self.locked_password_edit):
                edit.clear()
            log.info("portfolio unlocked (%s)", "created" if created else "opened")
            self.unlocked.emit(path, is_demo)
            self.done(QDialog.DialogCode.Accepted)

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            log.info("unlock failed: %s", type(error).__name__)
            self._show_message(*self._error_message(error))
            if isinstance(error, WrongPassword) and password_edit is not None:
                password_edit.clear()
                password_edit.setFocus()

        self.runner.track(future, on_done=done, on_error=failed)

    # -- closing ---------------------------------------------------------------------------------
    def _on_quit_button_clicked(self) -> None:
        self._quitting = True
        self.reject()

    def reject(self) -> None:
        # While busy nothing may close the dialog; once locked, Esc must not quit the app by
        # accident: only the Quit button does.
        if self._busy or (self.locked_path is not None and not self._quitting):
            return
        super().reject()


class ChangePasswordDialog(QDialog):
    """Old password, new one twice; re-encrypts the portfolio on the database thread."""

    changed = Signal()

    def __init__(self, *, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._busy = False
        self._message: Callable[[], str] | None = None
        self.setModal(True)
        self.setMinimumWidth(460)
        self.old_edit, self.new_edit, self.repeat_edit = QLineEdit(), QLineEdit(), QLineEdit()
        for edit in (self.old_edit, self.new_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength_meter = StrengthMeter()
        self.new_edit.textChanged.connect(self.strength_meter.update_for)
        self.old_label, self.new_label, self.repeat_label = QLabel(), QLabel(), QLabel()
        self.intro_label = QLabel()
        self.intro_label.setWordWrap(True)
        self.intro_label.setObjectName("hint")
        form = QFormLayout()
        form.addRow(self.old_label, self.old_edit)
        form.addRow(self.new_label, self.new_edit)
        form.addRow("", self.strength_meter)
        form.addRow(self.repeat_label, self.repeat_edit)
        self.message_label = QLabel()
        self.message_label.setObjectName("errorMessage")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedHeight(4)
        self.busy_bar.hide()
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button = QPushButton()
        self.ok_button.setObjectName("primary")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self._on_ok_button_clicked)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.addWidget(self.intro_label)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.busy_bar)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Cancel), self, self.reject)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Change password"))
        self.intro_label.setText(self.tr(
            "The whole portfolio is re-encrypted with the new password. Keep it safe: "
            "without it the portfolio cannot be opened."))
        self.old_label.setText(self.tr("Current password"))
        self.new_label.setText(self.tr("New password"))
        self.repeat_label.setText(self.tr("Repeat new password"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.ok_button.setText(self.tr("Change password"))
        if self._message is not None:
            self.message_label.setText(self._message())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @property
    def message_text(self) -> str:
        return self.message_label.text() if self._message is not None else ""

    def _show_message(self, message: Callable[[], str] | None) -> None:
        self._message = message
        self.message_label.setVisible(message is not None)
        self.message_label.setText(message() if message is not None else "")

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.old_edit, self.new_edit, self.repeat_edit, self.ok_button,
                       self.cancel_button):
            widget.setEnabled(not busy)
        self.busy_bar.setVisible(busy)

    def _on_ok_button_clicked(self) -> None:
        if self._busy:
            return
        old, new = self.old_edit.text(), self.new_edit.text()
        if not old:
            self._show_message(lambda: self.tr("Enter the current password."))
            return
        if password_strength(new) is Strength.WEAK:
            self._show_message(lambda: self.tr(
                "The password is too weak. Use at least 8 characters, mixing letters with "
                "digits or symbols."))
            return
        if new != self.repeat_edit.text():
            self._show_message(lambda: self.tr("The two passwords differ. Type them again."))
            self.repeat_edit.clear()
            return
        if new == old:
            self._show_message(lambda: self.tr("The new password is the same as the current one."))
            return
        self._show_message(None)
        self._set_busy(True)
        self.runner.run_db(change_portfolio_password, old_password=old, new_password=new,
                           on_done=self._on_change_done, on_error=self._on_change_failed)

    def _on_change_done(self, _result: Any) -> None:
        self._set_busy(False)
        for edit in (self.old_edit, self.new_edit, self.repeat_edit):
            edit.clear()
        self.changed.emit()
        self.accept()

    def _on_change_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, WrongPassword):
            self._show_message(lambda: self.tr("The current password is wrong."))
            self.old_edit.clear()
            self.old_edit.setFocus()
        else:
            log.error("password change failed: %s", type(error).__name__)
            self._show_message(lambda: self.tr("The password could not be changed ({kind}).")
                               .format(kind=type(error).__name__))

    def reject(self) -> None:
        if not self._busy:
            super().reject()


def _demo_password() -> str | None:
    from relmgr.services.demo import DEMO_PASSWORD

    return DEMO_PASSWORD


def _row(*widgets: QWidget, stretch: bool = False) -> QWidget:
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    for widget in widgets:
        layout.addWidget(widget)
    if stretch:
        layout.addStretch(1)
    return holder
