"""New campaign (营销活动, issue 17): from a saved target list, with a random control group held
out (the team's share by default, stratified by tier, seeded so the draw can be repeated), the
product it promotes, its window, channel and cost per contact.

Before anything is written the dialog shows how the list splits: the same draw
services.campaigns.create_campaign then makes (services.campaigns.split_list, on the frame read
when the dialog opened). The seed starts from the campaign's id, so two campaigns on the same
list hold out different customers while each stays reproducible; the RM may set it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from relmgr.domain.codes import ContactChannel
from relmgr.services.campaigns import (MAX_SEED, CampaignForm, create_campaign, load_campaign_form, seed_of,
                                       split_list)
from relmgr.services.wording import contacts as contact_words
from relmgr.ui.common.contact_dialog import pydate, qdate
from relmgr.ui.shell.i18n import current_language, in_current_language
from relmgr.ui.shell.runner import TaskRunner

channel_text = in_current_language(contact_words.contact_channel)
class CampaignDialog(QDialog):
    """Create a campaign; `created(campaign_id, {"treatment": n, "control": n})` once stored."""

    loaded = Signal()
    created = Signal(str, object)

    def __init__(self, runner: TaskRunner, *, list_name: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.form_data: CampaignForm | None = None
        self.preview: tuple[int, int] | None = None      # (contacted, held out) as shown
        self._wanted = list_name
        self._seed_edited = False
        self.setModal(True)
        # Closed (by the RM, or by the auto-lock) before a read or write came back: its answer is
        # for nobody, and the widgets it would fill may be gone.
        self._closed = False
        self.finished.connect(self._on_finished)
        self.setMinimumWidth(520)
        self.list_combo = QComboBox()
        self.id_edit = QLineEdit()
        self.id_edit.setMaxLength(40)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(80)
        self.product_combo = QComboBox()
        self.start_edit, self.end_edit = QDateEdit(), QDateEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.channel_combo = QComboBox()
        for channel in ContactChannel:
            self.channel_combo.addItem("", channel.value)
        self.cost_spin = QDoubleSpinBox()
        self.cost_spin.setRange(0.0, 100_000.0)
        self.cost_spin.setDecimals(2)
        self.cost_spin.setSingleStep(5.0)
        self.share_spin = QSpinBox()
        self.share_spin.setRange(0, 90)
        self.share_spin.setSuffix(" %")
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, MAX_SEED)
        self.split_label = QLabel()
        self.split_label.setWordWrap(True)
        self.hint_label = QLabel()
        self.hint_label.setObjectName("hint")
        self.hint_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorMessage")
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.labels = [QLabel() for _ in range(10)]
        form = QFormLayout()
        for label, widget in zip(self.labels, (
                self.list_combo, self.id_edit, self.name_edit, self.product_combo, self.start_edit,
                self.end_edit, self.channel_combo, self.cost_spin, self.share_spin, self.seed_spin), strict=True):
            form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.split_label)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        for widget in (self.list_combo, self.product_combo, self.channel_combo):
            widget.currentIndexChanged.connect(self._refresh)
        self.share_spin.valueChanged.connect(self._refresh)
        self.seed_spin.valueChanged.connect(self._on_seed_changed)
        self.id_edit.textChanged.connect(self._on_id_changed)
        self._set_enabled(False)
        self.retranslate_ui()
        self.split_label.setText(self.tr("Reading the target lists…"))
        runner.run_db(load_campaign_form, on_done=self._while_open(self._ready),
                      on_error=self._while_open(self._load_failed))

    # -- loading -------------------------------------------------------------------------------
    def _ready(self, data: CampaignForm) -> None:
        self.form_data = data
        lists = data.lists
        self.list_combo.blockSignals(True)
        for name in sorted(lists.saved):
            self.list_combo.addItem(name, name)
        if self._wanted in lists.saved:
            self.list_combo.setCurrentIndex(self.list_combo.findData(self._wanted))
        self.list_combo.blockSignals(False)
        chinese = current_language().startswith("zh")
        self.product_combo.blockSignals(True)
        for product, names in sorted(lists.products.items()):
            self.product_combo.addItem(f"{names.get('name_zh' if chinese else 'name_en') or product} ({product})",
                                       product)
        self.product_combo.blockSignals(False)
        start = lists.as_of or dt.date.today()
        self.start_edit.setDate(qdate(start))
        self.end_edit.setDate(qdate(start + dt.timedelta(days=60)))
        self.share_spin.blockSignals(True)
        self.share_spin.setValue(round(data.control_share * 100))
        self.share_spin.blockSignals(False)
        self.id_edit.setText(f"CMP-{start:%Y%m%d}")
        self._set_enabled(bool(lists.saved))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(True)
        self._refresh()
        self.loaded.emit()

    def _load_failed(self, error: BaseException) -> None:
        self.split_label.setText(self.tr("The target lists could not be read ({kind}).").format(
            kind=type(error).__name__))

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.list_combo, self.id_edit, self.name_edit, self.product_combo, self.start_edit,
                       self.end_edit, self.channel_combo, self.cost_spin, self.share_spin, self.seed_spin,
                       self.buttons.button(QDialogButtonBox.StandardButton.Ok)):
            widget.setEnabled(enabled)

    # -- the split -------------------------------------------------------------------------------
    def _on_id_changed(self, text: str) -> None:
        if not self._seed_edited:
            self.seed_spin.blockSignals(True)
            self.seed_spin.setValue(seed_of(text))
            self.seed_spin.blockSignals(False)
            self._refresh()

    def _on_seed_changed(self, _value: int) -> None:
        self._seed_edited = True
        self._refresh()

    def _refresh(self) -> None:
        """How the chosen list splits, or why nothing can be made from it."""
        data = self.form_data
        if data is None:
            return
        if not data.lists.saved:
            self.preview = None
            self.split_label.setText(self.tr(
                "There is no saved target list yet: build one with Target lists… first."))
            return
        name = self.list_combo.currentData()
        ids, held_out = split_list(data.lists.target, data.lists.saved[name],
                                   share=self.share_spin.value() / 100, seed=self.seed_spin.value())
        self.preview = (len(ids) - len(held_out), len(held_out))
        if not ids:
            self.split_label.setText(self.tr("Nobody on this list may be marketed to: they declined marketing or closed their accounts."))
            return
        contacted, control = self.preview
        text = self.tr("{total:,} customers on the list: {contacted:,} to contact, {control:,} held out "
                       "as the control group.").format(total=len(ids), contacted=contacted, control=control)
        if not control:
            text += " " + self.tr("Without a control group the result will show conversion only: uplift "
                                  "cannot be measured.")
        self.split_label.setText(text)

    # -- creating --------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        return {"campaign_id": self.id_edit.text().strip(), "name": self.name_edit.text().strip(),
                "list_name": self.list_combo.currentData(), "product_id": self.product_combo.currentData(),
                "start_on": pydate(self.start_edit.date()), "end_on": pydate(self.end_edit.date()),
                "channel": self.channel_combo.currentData(), "cost_per_contact": float(self.cost_spin.value()),
                "control_share": self.share_spin.value() / 100, "seed": int(self.seed_spin.value())}

    def accept(self) -> None:
        values = self.values()
        if not values["campaign_id"] or not values["name"]:
            self._show_error(self.tr("Give the campaign an id and a name."))
            return
        if values["list_name"] is None or not self.preview or not sum(self.preview):
            self._show_error(self.tr("Choose a target list with customers on it."))
            return
        self._set_enabled(False)
        self.runner.run_db(create_campaign, **values,
                           on_done=self._while_open(lambda arms: self._created(values["campaign_id"], arms)),
                           on_error=self._while_open(self._failed))

    def _created(self, campaign_id: str, arms: dict[str, int]) -> None:
        self.created.emit(campaign_id, arms)
        super().accept()

    def _failed(self, error: BaseException) -> None:
        self._set_enabled(True)
        reason = str(error) if isinstance(error, ValueError) else type(error).__name__
        self._show_error(self.tr("Not created: {reason}").format(reason=reason))

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)

    def _on_finished(self, _result: int) -> None:
        self._closed = True

    def _while_open(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        return lambda value: None if self._closed else callback(value)

    # -- language ------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New campaign"))
        for label, text in zip(self.labels, (
                self.tr("Target list"), self.tr("Campaign id"), self.tr("Name"), self.tr("Product promoted"),
                self.tr("Starts"), self.tr("Ends"), self.tr("Channel"), self.tr("Cost per contact (CNY)"),
                self.tr("Control group"), self.tr("Draw (seed)")), strict=True):
            label.setText(text)
        for i in range(self.channel_combo.count()):
            self.channel_combo.setItemText(i, channel_text(self.channel_combo.itemData(i)))
        self.name_edit.setPlaceholderText(self.tr("e.g. Fixed-income push, third quarter"))
        self.hint_label.setText(self.tr(
            "The control group is drawn at random within each tier and is never contacted: the app "
            "refuses sales contacts with it. Conversions are then read from the holdings opened in "
            "the window, and compared with the control group's."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create campaign"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
