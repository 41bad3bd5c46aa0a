"""Team rules (团队规则): tier thresholds and the downgrade delay, contact cadences per tier, the
churn horizon and risk bands, Today's daily capacity and head office's k, and who may be a loan
prospect (age, income, debt-to-income, credit score floor), in one dialog.

The rules are read and written on the database thread (relmgr/services/team_rules.py, which
checks them and audits the change); a refused value is said in one sentence naming the rule,
and nothing is written. After a change the window sets off what the change needs (`saved`):
tiers or cadences changed → the segments are recomputed; the churn definition changed → the
model card says the model must be retrained, and the status bar says so too.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from relmgr.services.team_rules import FIELDS, Kind, RuleProblem, SavedRules, current_rules, save_rules
from relmgr.services.wording.rules import problem_sentence, rule_name
from relmgr.ui.shell.i18n import current_language
from relmgr.ui.shell.runner import TaskRunner

# Which box each rule sits in (team_rules.FIELDS names), in the dialog's order.
_GROUPS = (("tiers", ("tiers.private_min_aum", "tiers.wealth_min_aum", "tiers.vip_min_aum",
                      "tiers.downgrade_months")),
           ("cadences", ("tiers.private_cadence_days", "tiers.wealth_cadence_days",
                         "tiers.vip_cadence_days", "tiers.mass_cadence_days")),
           ("churn", ("churn.horizon_days", "churn.high_probability", "churn.medium_probability")),
           ("other", ("today.capacity", "sync.k", "sync.epsilon", "marketing.control_share")),
           ("loans", ("loans.min_age", "loans.max_age", "loans.mortgage_max_age", "loans.min_income",
                      "loans.max_dti", "loans.min_score")))


class TeamRulesDialog(QDialog):
    #: Emitted with the SavedRules after a change was stored; the window sets off what it needs.
    saved = Signal(object)

    def __init__(self, *, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamRulesDialog")
        self.runner = runner
        self.loaded_rules: dict[str, Any] | None = None
        # Closed (and, with WA_DeleteOnClose, deleted): an answer arriving later is dropped, its
        # widgets are gone (the lock closes every dialog while a read may be under way).
        self.closed = False
        self.editors: dict[str, QAbstractSpinBox] = {}
        self.labels: dict[str, QLabel] = {}
        self.groups: dict[str, QGroupBox] = {}
        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        for index, (group, names) in enumerate(_GROUPS):
            box = QGroupBox()
            form = QFormLayout(box)
            for name in names:
                self.editors[name] = self._editor(name)
                self.labels[name] = QLabel()
                form.addRow(self.labels[name], self.editors[name])
            self.groups[group] = box
            (left if index < 2 else right).addWidget(box)
        left.addStretch(1)
        right.addStretch(1)
        columns.addLayout(left)
        columns.addLayout(right)
        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)          # until the rules in force are on screen
        self.hint_label = QLabel()
        self.hint_label.setObjectName("hint")
        self.hint_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint_label)
        layout.addLayout(columns)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self.runner.run_db(current_rules, on_done=self.set_rules, on_error=self._show_error)

    @staticmethod
    def _editor(name: str) -> QAbstractSpinBox:
        field = next(f for f in FIELDS if f.name == name)
        if field.kind == Kind.MONEY:
            editor: QAbstractSpinBox = QDoubleSpinBox()
            editor.setDecimals(0)
            editor.setRange(0, field.maximum)
            editor.setSingleStep(500 if name == "loans.min_income" else 10_000)
            editor.setGroupSeparatorShown(True)
        elif field.kind == Kind.PROBABILITY:
            editor = QDoubleSpinBox()       # shown in percent; 0 and 100 are refused by the check
            editor.setDecimals(1)
            editor.setRange(0, 100)
            editor.setSuffix(" %")
        elif field.kind == Kind.EPSILON:
            editor = QDoubleSpinBox()       # 0: no noise (the rule unset)
            editor.setDecimals(2)
            editor.setRange(0, field.maximum)
            editor.setSingleStep(0.1)
        elif field.kind == Kind.RATIO:
            editor = QDoubleSpinBox()       # a ratio as the check words it (0 is refused by it)
            editor.setDecimals(2)
            editor.setRange(0, field.maximum)
            editor.setSingleStep(0.05)

        else:
            editor = QSpinBox()
            # 0: for a cadence "no call cadence" (the tier is served digitally); for the others a
            # value the check refuses with its sentence, rather than a box that will not go there.
            editor.setRange(0, int(field.maximum))
        editor.setMinimumWidth(130)
        return editor

    # -- values ------------------------------------------------------------------------------
    def done(self, result: int) -> None:
        self.closed = True
        super().done(result)

    def set_rules(self, rules: dict[str, Any]) -> None:
        if self.closed:
            return
        self.loaded_rules = dict(rules)
        for name, value in rules.items():
            editor = self.editors.get(name)
            if editor is None:
                continue
            kind = next(f.kind for f in FIELDS if f.name == name)
            if kind == Kind.PROBABILITY:
                editor.setValue(round(float(value) * 100, 1))
            elif kind == Kind.CADENCE:
                editor.setValue(0 if value is None else int(value))
            elif kind == Kind.EPSILON:
                editor.setValue(0.0 if value is None else float(value))
            else:
                editor.setValue(value)
        self.save_button.setEnabled(True)

    def values(self) -> dict[str, Any]:
        """The rules as entered, in the service's units (probabilities 0..1, no cadence None)."""
        values: dict[str, Any] = {}
        for field in FIELDS:
            value = self.editors[field.name].value()
            if field.kind == Kind.PROBABILITY:
                value = round(value / 100, 4)
            elif field.kind in (Kind.CADENCE, Kind.EPSILON) and value == 0:
                value = None
            values[field.name] = value
        return values

    # -- saving ------------------------------------------------------------------------------
    def accept(self) -> None:
        if self.loaded_rules is None:
            return
        self.error_label.hide()
        self.save_button.setEnabled(False)
        self.runner.run_db(save_rules, self.values(), on_done=self._on_saved, on_error=self._show_error)

    def _on_saved(self, saved: SavedRules) -> None:
        if self.closed:     # locked meanwhile: the rules are stored; Refresh recomputes the tiers
            return
        if saved.changed:
            self.saved.emit(saved)
        super().accept()

    def _show_error(self, error: BaseException) -> None:
        if self.closed:
            return
        self.save_button.setEnabled(self.loaded_rules is not None)
        if isinstance(error, RuleProblem):
            text = problem_sentence(error.name, error.problem, error.numbers, language=current_language())
            editor = self.editors.get(error.name)
            if editor is not None:
                editor.setFocus()
        else:
            text = self.tr("The team rules could not be read or saved ({kind}).").format(kind=type(error).__name__)
        self.error_label.setText(text)
        self.error_label.show()

    # -- language ----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Team rules"))
        self.hint_label.setText(self.tr(
            "These rules are the team's: they are kept in the encrypted portfolio, and every change "
            "is written to the audit log. Tiers are on the 3-month average daily AUM."))
        titles = {"tiers": self.tr("Service tiers"), "cadences": self.tr("Contact cadence"),
                  "churn": self.tr("Churn warnings"), "other": self.tr("Today and head office"),
                  "loans": self.tr("Loan prospects")}
        for group, box in self.groups.items():
            box.setTitle(titles[group])
        language = current_language()
        for name, label in self.labels.items():
            label.setText(rule_name(name, language=language))
        for name, editor in self.editors.items():
            if name.endswith("_cadence_days"):
                editor.setSpecialValueText(self.tr("No call cadence"))
        if not self.error_label.isHidden():
            self.error_label.hide()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
