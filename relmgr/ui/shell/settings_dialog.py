"""Settings: language (follow the system, 简体中文, English), auto-lock minutes, the branch and RM
names printed in call sheet and report headers, head office's summary address and CA bundle
(relmgr/services/sync), and the ways to change the portfolio password and the team rules.
Settings live in the user's settings file (no customer data)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from relmgr.services.settings import MAX_NAME_CHARS, Settings
from relmgr.ui.shell.i18n import CHINESE, ENGLISH
from relmgr.ui.shell.runner import TaskRunner
from relmgr.ui.shell.team_rules_dialog import TeamRulesDialog
from relmgr.ui.shell.unlock_dialog import ChangePasswordDialog

LANGUAGES = ("auto", CHINESE, ENGLISH)


class SettingsDialog(QDialog):
    #: The Team rules dialog opened from here stored a change (its SavedRules).
    rules_saved = Signal(object)

    def __init__(self, settings: Settings, *, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self._settings = settings
        self.runner = runner
        self.language_combo = QComboBox()
        for _ in LANGUAGES:
            self.language_combo.addItem("")
        self.language_combo.setCurrentIndex(LANGUAGES.index(settings.language)
                                            if settings.language in LANGUAGES else 0)
        self.auto_lock_spin = QSpinBox()
        self.auto_lock_spin.setRange(0, 240)
        self.auto_lock_spin.setValue(settings.auto_lock_minutes)
        self.head_office_edit = QLineEdit(settings.head_office_url)
        self.head_office_edit.setPlaceholderText("https://")
        self.ca_bundle_edit = QLineEdit(settings.ca_bundle)
        self.branch_edit = QLineEdit(settings.branch_name)
        self.rm_edit = QLineEdit(settings.rm_name)
        for edit in (self.branch_edit, self.rm_edit):
            edit.setMaxLength(MAX_NAME_CHARS)
        self.branch_label = QLabel()
        self.rm_label = QLabel()
        # Automatic backups on lock and quit (relmgr/ui/shell/backups.py): folder, how many kept.
        self.backup_folder_edit = QLineEdit(settings.backup_folder)
        self.backup_keep_spin = QSpinBox()
        self.backup_keep_spin.setRange(1, 100)
        self.backup_keep_spin.setValue(settings.backup_keep)
        self.password_button = QPushButton()
        self.password_button.clicked.connect(self._change_password)
        self.rules_button = QPushButton()
        self.rules_button.clicked.connect(self._team_rules)
        # The rules are in the portfolio: only while one is open.
        self.rules_button.setEnabled(not getattr(parent, "is_locked", True))
        # The labels are our own widgets: QFormLayout.addRow("", w) creates no label in PySide6
        # 6.12, so labelForField() cannot be relied on to hand one back for retranslation.
        self.language_label = QLabel()
        self.auto_lock_label = QLabel()
        self.password_label = QLabel()
        self.head_office_label = QLabel()
        self.ca_bundle_label = QLabel()
        self.rules_label = QLabel()
        self.backup_folder_label = QLabel()
        self.backup_keep_label = QLabel()
        self.form = QFormLayout()
        self.form.addRow(self.language_label, self.language_combo)
        self.form.addRow(self.auto_lock_label, self.auto_lock_spin)
        self.form.addRow(self.branch_label, self.branch_edit)
        self.form.addRow(self.rm_label, self.rm_edit)
        self.form.addRow(self.head_office_label, self.head_office_edit)
        self.form.addRow(self.ca_bundle_label, self.ca_bundle_edit)
        self.form.addRow(self.backup_folder_label, self.backup_folder_edit)
        self.form.addRow(self.backup_keep_label, self.backup_keep_spin)
        self.form.addRow(self.password_label, self.password_button)
        self.form.addRow(self.rules_label, self.rules_button)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def result_settings(self) -> Settings:
        # replace(): every setting this dialog does not show is carried through as it was
        return dataclasses.replace(self._settings, language=LANGUAGES[self.language_combo.currentIndex()],
                                   auto_lock_minutes=self.auto_lock_spin.value(),
                                   head_office_url=self.head_office_edit.text().strip(),
                                   ca_bundle=self.ca_bundle_edit.text().strip(),
                                   branch_name=self.branch_edit.text().strip(),
                                   rm_name=self.rm_edit.text().strip(),
                                   backup_folder=self.backup_folder_edit.text().strip(),
                                   backup_keep=self.backup_keep_spin.value())

    def _change_password(self) -> ChangePasswordDialog:
        dialog = ChangePasswordDialog(runner=self.runner, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()       # never exec(): the auto-lock must be able to close it (main_window)
        return dialog

    def _team_rules(self) -> TeamRulesDialog:
        dialog = TeamRulesDialog(runner=self.runner, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.rules_saved)
        dialog.open()
        return dialog

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        # Each language is named in itself, so it can be found whatever the current language.
        self.language_combo.setItemText(0, self.tr("Follow the system"))
        self.language_combo.setItemText(1, "简体中文")
        self.language_combo.setItemText(2, "English")
        self.auto_lock_spin.setSuffix(self.tr(" min"))
        self.auto_lock_spin.setSpecialValueText(self.tr("Never"))
        self.password_button.setText(self.tr("Change portfolio password…"))
        self.language_label.setText(self.tr("Language"))
        self.auto_lock_label.setText(self.tr("Lock after idle"))
        self.password_label.setText(self.tr("Password"))
        self.rules_button.setText(self.tr("Team rules…"))
        self.rules_label.setText(self.tr("Team rules"))
        self.head_office_label.setText(self.tr("Head office address"))
        self.ca_bundle_label.setText(self.tr("Head office CA bundle (PEM)"))
        self.ca_bundle_edit.setPlaceholderText(self.tr("empty: the system's certificates"))
        self.branch_label.setText(self.tr("Branch name"))
        self.rm_label.setText(self.tr("Relationship manager"))
        self.branch_edit.setPlaceholderText(self.tr("printed in the header of call sheets"))
        self.rm_edit.setPlaceholderText(self.tr("your name, printed in the header of call sheets"))
        self.backup_folder_label.setText(self.tr("Back up on lock and quit to"))
        self.backup_folder_edit.setPlaceholderText(self.tr("a folder; empty: no automatic backup"))
        self.backup_keep_label.setText(self.tr("Automatic backups kept"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
