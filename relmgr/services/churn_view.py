"""What the Churn warnings page shows: the model card, whether the stored scores are current, and
every warning with the customer's masked name (services/churn.py, services/customers.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pandas as pd

from relmgr.domain.churn import RiskBand
from relmgr.services import data_date
from relmgr.services.churn import load_churn_warnings, model_card, scores_are_current
from relmgr.services.customers import load_customer_list
from relmgr.storage.portfolio import Portfolio


@dataclasses.dataclass(frozen=True)
class ChurnPageData:
    """What the page shows: the model card, whether the stored scores are current, and the
    warnings of every band with masked names (ranked by value at risk), and the data date that
    snoozes and follow-ups are counted from (None without data)."""

    card: dict[str, Any]
    fresh: bool
    warnings: pd.DataFrame
    today: dt.date | None = None


def load_churn_page(portfolio: Portfolio) -> ChurnPageData:
    card = model_card(portfolio)
    warnings = load_churn_warnings(portfolio, bands=tuple(b.value for b in RiskBand))
    names = load_customer_list(portfolio)[["customer_id", "name_masked"]]
    frame = warnings.merge(names, on="customer_id", how="left")
    # Segments may never have been computed: missing tier/stage must read as empty, not "nan".
    for column in ("tier", "stage", "name_masked", "state_note", "snoozed_until", "state_at"):
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    frame["is_new"] = frame["is_new"].astype(bool)
    return ChurnPageData(card, scores_are_current(portfolio, card), frame.reset_index(drop=True),
                         data_date.as_of_or_none(portfolio))
