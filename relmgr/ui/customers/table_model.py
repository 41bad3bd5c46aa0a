"""The Customers page's table: its columns over `FrameTableModel`."""

from __future__ import annotations

from typing import Any

import pandas as pd
from PySide6.QtCore import QT_TRANSLATE_NOOP

from relmgr.ui.common import formatting, texts
from relmgr.ui.common.table_model import LEFT, RIGHT, Column, FrameTableModel

# (frame column, header source text, formatter, alignment). Headers are translated when asked for.
COLUMNS: tuple[Column, ...] = (
    ("customer_id", QT_TRANSLATE_NOOP("CustomerTableModel", "Customer no."), formatting.text, LEFT),
    ("name_masked", QT_TRANSLATE_NOOP("CustomerTableModel", "Name"), formatting.text, LEFT),
    ("id_masked", QT_TRANSLATE_NOOP("CustomerTableModel", "ID number"), formatting.text, LEFT),
    ("phone_masked", QT_TRANSLATE_NOOP("CustomerTableModel", "Mobile"), formatting.text, LEFT),
    ("age", QT_TRANSLATE_NOOP("CustomerTableModel", "Age"), formatting.text, RIGHT),
    ("tier", QT_TRANSLATE_NOOP("CustomerTableModel", "Tier"), texts.tier, LEFT),
    ("aum", QT_TRANSLATE_NOOP("CustomerTableModel", "AUM (CNY)"), formatting.money_short, RIGHT),
    ("product_count", QT_TRANSLATE_NOOP("CustomerTableModel", "Products"), formatting.text, RIGHT),
    ("last_txn_on", QT_TRANSLATE_NOOP("CustomerTableModel", "Last activity"), formatting.text, LEFT),
    ("last_contact_on", QT_TRANSLATE_NOOP("CustomerTableModel", "Last contact"), formatting.text, LEFT),
    ("stage", QT_TRANSLATE_NOOP("CustomerTableModel", "Lifecycle stage"), texts.stage, LEFT),
    ("status", QT_TRANSLATE_NOOP("CustomerTableModel", "Status"), texts.customer_status, LEFT),
)


class CustomerTableModel(FrameTableModel):
    """The Customers page's table."""

    def __init__(self, frame: pd.DataFrame | None = None, parent: Any = None) -> None:
        super().__init__(COLUMNS, context="CustomerTableModel", frame=frame, parent=parent)
