"""What the Today page shows: the day's plan and its backlog (services/day_plan.py) with names
and phones masked here, the lines hidden today and the product names, read in one go on the
database thread. The unmasked values never leave this module.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pandas as pd

from relmgr.domain.pii import mask_name, mask_phone
from relmgr.services import data_date
from relmgr.services.day_plan import load_day_plan
from relmgr.services.worklist import hidden_today
from relmgr.storage import worklist_store
from relmgr.storage.portfolio import Portfolio


@dataclasses.dataclass(frozen=True)
class TodayData:
    """The day's plan as the page shows it. `frame`: day_plan.PLAN_COLUMNS (the plan's lines,
    then the backlog's) with name_masked and phone_masked in place of the full name and phone.
    `hidden`: customer_id, action, until, name_masked of the lines dismissed or snoozed today.
    `products`: product_id -> (zh, en)."""

    today: dt.date
    frame: pd.DataFrame
    capacity: int
    done_today: int
    backlog_count: int
    skipped: dict[str, str]
    tier_source: str
    hidden: pd.DataFrame
    products: dict[str, tuple[str, str]]
    seconds: float


def _masked(values: Any, mask: Any) -> list[str]:
    return [mask(v if isinstance(v, str) else None) for v in values]


def load_today(portfolio: Portfolio, *, today: dt.date | None = None) -> TodayData:
    """Today's worklist with personal data masked (runs on the database thread)."""
    day = data_date.as_of(portfolio, today)
    plan = load_day_plan(portfolio, today=day)
    worklist = plan.worklist
    raw = plan.frame
    frame = raw.drop(columns=["name", "phone"]).assign(
        name_masked=_masked(raw["name"], mask_name), phone_masked=_masked(raw["phone"], mask_phone))
    hidden = hidden_today(portfolio, day=day)[["customer_id", "action", "until"]]
    names = worklist_store.read_customer_contact_fields(portfolio, hidden["customer_id"])
    hidden = hidden.merge(pd.DataFrame({"customer_id": names["customer_id"],
                                        "name_masked": _masked(names["name"], mask_name)}),
                          on="customer_id", how="left")
    products = worklist_store.read_product_names(portfolio)
    names_of = {str(p): (str(zh or p), str(en or p)) for p, zh, en in
                zip(products["product_id"], products["name_zh"], products["name_en"], strict=True)}
    return TodayData(today=day, frame=frame.reset_index(drop=True), capacity=plan.capacity,
                     done_today=plan.done_today, backlog_count=plan.backlog_count,
                     skipped=dict(worklist.skipped),
                     tier_source=worklist.tier_source, hidden=hidden, products=names_of,
                     seconds=worklist.seconds)
