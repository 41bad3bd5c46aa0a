"""The Customers page's table: its columns over `FrameTableModel`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt

from relmgr.domain.churn import RiskBand
from relmgr.domain.segments import RfmSegment, Stage, Tier
from relmgr.ui.churn import texts as churn_texts
from relmgr.ui.common import formatting, texts
from relmgr.ui.common.table_model import LEFT, RIGHT, Column, FrameTableModel

# (frame column, header source text, formatter, alignment). Headers are translated when asked for.
COLUMNS: tuple[Column, ...] = (
    ("customer_id", QT_TRANSLATE_NOOP("CustomerTableModel", "Customer"), formatting.text, LEFT),
    ("name_masked", QT_TRANSLATE_NOOP("CustomerTableModel", "Name"), formatting.text, LEFT),
    ("id_masked", QT_TRANSLATE_NOOP("CustomerTableModel", "ID number"), formatting.text, LEFT),
    ("phone_masked", QT_TRANSLATE_NOOP("CustomerTableModel", "Mobile"), formatting.text, LEFT),
    ("age", QT_TRANSLATE_NOOP("CustomerTableModel", "Age"), formatting.text, RIGHT),
    ("tier", QT_TRANSLATE_NOOP("CustomerTableModel", "Tier"), texts.tier_short, LEFT),
    ("aum", QT_TRANSLATE_NOOP("CustomerTableModel", "AUM (CNY)"), formatting.money_short, RIGHT),
    ("product_count", QT_TRANSLATE_NOOP("CustomerTableModel", "Products"), formatting.text, RIGHT),
    ("last_txn_on", QT_TRANSLATE_NOOP("CustomerTableModel", "Last activity"), formatting.text, LEFT),
    ("last_contact_on", QT_TRANSLATE_NOOP("CustomerTableModel", "Last contact"), formatting.text, LEFT),
    ("stage", QT_TRANSLATE_NOOP("CustomerTableModel", "Stage"), texts.stage, LEFT),
    ("rfm_segment", QT_TRANSLATE_NOOP("CustomerTableModel", "RFM segment"), texts.rfm_segment, LEFT),
    ("churn_band", QT_TRANSLATE_NOOP("CustomerTableModel", "Churn risk"), churn_texts.band, LEFT),
    ("status", QT_TRANSLATE_NOOP("CustomerTableModel", "Status"), texts.customer_status, LEFT),
    ("tags", QT_TRANSLATE_NOOP("CustomerTableModel", "Tags"), formatting.text, LEFT),
)
KEYS = tuple(column[0] for column in COLUMNS)
#: Hidden until the RM chooses them (header menu): what fits beside the 360 pane at 1366 px.
#: The tags too: a customer's tags are in the 360 pane, and the tag filter works without them.
HIDDEN_BY_DEFAULT = ("id_masked", "product_count", "last_txn_on", "rfm_segment", "churn_band", "tags")
#: The widest value each column usually shows, for its default width; a column of codes is as
#: wide as its widest word in the language shown (see width_samples).
_SAMPLES = {"customer_id": "C0100001", "name_masked": "欧阳*明", "id_masked": "110***********123X",
            "phone_masked": "138****5678", "age": "100", "aum": "12,345,678", "product_count": "12",
            "last_txn_on": "2026-06-30", "last_contact_on": "2026-06-30", "tags": "小微企业主; 代发工资"}
_CODES = {"tier": tuple(Tier), "stage": tuple(Stage), "rfm_segment": tuple(RfmSegment),
          "churn_band": tuple(RiskBand), "status": ("ACTIVE", "DORMANT", "CLOSED")}


def width_samples(width: Callable[[str], int]) -> dict[int, str]:
    """By column: the text its default width is made for (`width` measures a text)."""
    samples: dict[int, str] = {}
    for column, (key, _header, words, _align) in enumerate(COLUMNS):
        if key in _CODES:
            samples[column] = max((words(str(code)) for code in _CODES[key]), key=width)
        else:
            samples[column] = _SAMPLES[key]
    return samples
_TIER = KEYS.index("tier")


class CustomerTableModel(FrameTableModel):
    """The Customers page's table."""

    def __init__(self, frame: pd.DataFrame | None = None, parent: Any = None) -> None:
        super().__init__(COLUMNS, context="CustomerTableModel", frame=frame, parent=parent)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The tier column shows compact names; its tooltip gives the full one.
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() == _TIER:
            return texts.tier(self._values[_TIER][self._rows[index.row()]]) or None
        return super().data(index, role)
