"""What the Tasks page shows: every follow-up task (services/contacts.py) with the overdue days as
of the data date and the customer's masked name.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd

from relmgr.domain.pii import mask_name
from relmgr.services import data_date
from relmgr.services.contacts import list_tasks
from relmgr.storage import worklist_store
from relmgr.storage.portfolio import Portfolio


@dataclasses.dataclass(frozen=True)
class TasksData:
    """Every task (all statuses) with the overdue flag as of `today` and masked names."""

    today: dt.date
    frame: pd.DataFrame


def load_tasks(portfolio: Portfolio) -> TasksData:
    """Tasks of every status, oldest due first (database thread)."""
    today = data_date.as_of(portfolio)
    tasks = list_tasks(portfolio, today=today, status=None)
    tasks = tasks.assign(customer_id=tasks["customer_id"].astype(object).where(tasks["customer_id"].notna(), ""))
    ids = [c for c in tasks["customer_id"] if c]
    names = worklist_store.read_customer_contact_fields(portfolio, ids)
    masked = dict(zip(names["customer_id"], (mask_name(n if isinstance(n, str) else None) for n in names["name"]),
                      strict=True))
    frame = tasks.assign(name_masked=[masked.get(c, "") for c in tasks["customer_id"]])
    return TasksData(today=today, frame=frame.reset_index(drop=True))
