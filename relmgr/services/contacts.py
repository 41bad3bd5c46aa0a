"""The contact log and follow-up tasks (issue 7): log a call, visit or message with its outcome
and note; create, complete and cancel tasks with due dates; list them with an overdue flag; read
a customer's contact history for the 360 pane.

Codes are validated against relmgr.domain.codes (ContactChannel, ContactPurpose, ContactOutcome,
TaskStatus); bad input raises ValueError naming the field, and nothing is written. Each write
is one transaction and returns the new row's id, so a view can refresh just that row. Logging a
contact keeps customer_summary.last_contact_on in step, so lists built on the summary agree with
the log at once. Notes and titles are the RM's own words: they stay inside the encrypted file
and are never logged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

import numpy as np
import pandas as pd

from relmgr.domain.codes import AuditAction, ContactChannel, ContactOutcome, ContactPurpose, TaskStatus
from relmgr.services import audit
from relmgr.storage import worklist_store as store
from relmgr.storage.portfolio import Portfolio
from relmgr.services.changes import Topic, writes

MAX_NOTE_CHARS = 2000
MAX_TITLE_CHARS = 200
TASK_LIST_COLUMNS = store.TASK_COLUMNS + ["overdue", "days_overdue"]


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _code(enum: type[StrEnum], value: object, field: str) -> str:
    try:
        return enum(value).value
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise ValueError(f"{field}: {value!r} is not one of {allowed}") from None


def _text(value: object, field: str, limit: int, *, required: bool = False) -> str:
    text = "" if value is None else str(value).strip()
    if required and not text:
        raise ValueError(f"{field}: must not be empty")
    if len(text) > limit:
        raise ValueError(f"{field}: {len(text)} characters, at most {limit}")
    return text


def _customer(portfolio: Portfolio, customer_id: object) -> str:
    customer = str(customer_id or "").strip()
    if not customer or not store.customer_exists(portfolio, customer):
        raise ValueError(f"customer_id: no customer {customer!r} in this portfolio")
    return customer


def _timestamp(at: dt.datetime | dt.date | str | None) -> str:
    if at is None:
        return _now().isoformat()
    if isinstance(at, dt.datetime):
        return at.replace(microsecond=0).isoformat()
    if isinstance(at, dt.date):
        return dt.datetime.combine(at, dt.time(9, 0)).isoformat()
    try:
        return dt.datetime.fromisoformat(str(at)).replace(microsecond=0).isoformat()
    except ValueError:
        raise ValueError(f"at: {at!r} is not a date or timestamp (YYYY-MM-DD[THH:MM:SS])") from None


def _date(value: dt.date | str, field: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{field}: {value!r} is not a date (YYYY-MM-DD)") from None


# -- contact log ------------------------------------------------------------------------------
@writes(Topic.CONTACTS)
def log_contact(portfolio: Portfolio, *, customer_id: str, channel: ContactChannel | str,
                purpose: ContactPurpose | str, outcome: ContactOutcome | str, note: str = "",
                at: dt.datetime | dt.date | str | None = None) -> int:
    """Record one contact (default time: now); returns its interaction_id. A sales contact for a
    customer who declined marketing or is held out in a running campaign's control group is
    refused (services.consent.MarketingRefused, a ValueError) and nothing is written."""
    row = {"channel": _code(ContactChannel, channel, "channel"),
           "purpose": _code(ContactPurpose, purpose, "purpose"),
           "outcome": _code(ContactOutcome, outcome, "outcome"),
           "note": _text(note, "note", MAX_NOTE_CHARS),
           "occurred_at": _timestamp(at)}
    customer = _customer(portfolio, customer_id)
    if row["purpose"] == ContactPurpose.SALES.value:
        from relmgr.services.consent import MarketingRefused, marketing_blocked
        why = marketing_blocked(portfolio, customer, day=dt.date.fromisoformat(row["occurred_at"][:10]))
        if why:
            raise MarketingRefused(why)
    with portfolio.transaction():
        return store.insert_interaction(portfolio, customer_id=customer, **row)


@writes(Topic.CONTACTS, Topic.AUDIT)
def undo_contact(portfolio: Portfolio, *, interaction_id: int, day: dt.date) -> str:
    """Take back a contact logged by mistake (Today's Undo): only one logged on or after `day`
    (the day's plan), so the contact history of earlier days stays as it was. The removal is
    audited (which contact, not its note). Returns the customer's id."""
    with portfolio.transaction():
        row = store.read_interaction(portfolio, interaction_id=int(interaction_id))
        if row is None:
            raise ValueError(f"interaction_id: no contact {interaction_id}")
        if str(row["occurred_at"])[:10] < day.isoformat():
            raise ValueError(f"contact {interaction_id} was logged before {day.isoformat()}: "
                             "only today's contacts can be undone")
        customer = str(row["customer_id"])
        store.delete_interaction(portfolio, interaction_id=int(interaction_id), customer_id=customer)
        audit.record(portfolio, action=AuditAction.CONTACT_UNDONE, target=customer,
                     detail={"interaction_id": int(interaction_id), "occurred_at": str(row["occurred_at"])})
    return customer


def contact_history(portfolio: Portfolio, *, customer_id: str) -> pd.DataFrame:
    """A customer's logged contacts, newest first (interaction_id, customer_id, occurred_at,
    channel, purpose, outcome, note)."""
    return store.read_interactions(portfolio, customer_id=str(customer_id))


# -- tasks ------------------------------------------------------------------------------------
@writes(Topic.TASKS)
def create_task(portfolio: Portfolio, *, customer_id: str | None, title: str,
                due_on: dt.date | str, note: str = "") -> int:
    """A new open task (customer_id None: a task about no one customer); returns its task_id."""
    title = _text(title, "title", MAX_TITLE_CHARS, required=True)
    note = _text(note, "note", MAX_NOTE_CHARS)
    due = _date(due_on, "due_on")
    customer = None if customer_id is None else _customer(portfolio, customer_id)
    with portfolio.transaction():
        return store.insert_task(portfolio, customer_id=customer, title=title,
                                 due_on=due.isoformat(), status=TaskStatus.OPEN.value,
                                 created_at=_now().isoformat(), note=note)


def _close_task(portfolio: Portfolio, task_id: int, status: TaskStatus,
                at: dt.datetime | None) -> None:
    with portfolio.transaction():
        task = store.read_task(portfolio, task_id=task_id)
        if task is None:
            raise ValueError(f"task_id: no task {task_id}")
        if task["status"] != TaskStatus.OPEN.value:
            raise ValueError(f"task {task_id} is already {task['status']}")
        store.set_task_status(portfolio, task_id=task_id, status=status.value,
                              done_at=(at or _now()).replace(microsecond=0).isoformat())


@writes(Topic.TASKS)
def complete_task(portfolio: Portfolio, *, task_id: int, at: dt.datetime | None = None) -> None:
    """Mark an open task done (ValueError if there is no such task or it is not open)."""
    _close_task(portfolio, int(task_id), TaskStatus.DONE, at)


@writes(Topic.TASKS)
def cancel_task(portfolio: Portfolio, *, task_id: int, at: dt.datetime | None = None) -> None:
    """Mark an open task cancelled (no longer needed)."""
    _close_task(portfolio, int(task_id), TaskStatus.CANCELLED, at)


def with_overdue(tasks: pd.DataFrame, *, today: dt.date) -> pd.DataFrame:
    """`tasks` plus `overdue` (open and due before `today`) and `days_overdue` (0 unless
    overdue). Due today is not overdue: the RM still has the day to do it."""
    due = pd.to_datetime(tasks["due_on"].astype("str"), format="%Y-%m-%d", errors="coerce")
    late = (pd.Timestamp(today) - due).dt.days.fillna(0).to_numpy(dtype="int64")
    overdue = (tasks["status"] == TaskStatus.OPEN.value).to_numpy() & (late > 0)
    return tasks.assign(overdue=overdue, days_overdue=np.where(overdue, late, 0))


def list_tasks(portfolio: Portfolio, *, today: dt.date, status: TaskStatus | str | None = TaskStatus.OPEN,
               customer_id: str | None = None) -> pd.DataFrame:
    """Tasks (TASK_LIST_COLUMNS), oldest due first, with the overdue flag as of `today`.
    status None lists every status."""
    code = None if status is None else _code(TaskStatus, status, "status")
    tasks = store.read_tasks(portfolio, status=code, customer_id=customer_id)
    return with_overdue(tasks, today=today)[TASK_LIST_COLUMNS]


@writes(Topic.CONTACTS, Topic.TASKS)
def save_contact(portfolio: Portfolio, *, customer_id: str, channel: str, purpose: str, outcome: str,
                 note: str, follow_up: dict[str, Any] | None, complete_task_ids: Sequence[int] = ()) -> int:
    """Log the contact, mark the tasks it settled done, and create its follow-up task
    (database thread). Each is its own write after the contact: a refused task title leaves
    the contact logged and says so."""
    interaction_id = log_contact(portfolio, customer_id=customer_id, channel=channel, purpose=purpose,
                                 outcome=outcome, note=note)
    for task_id in complete_task_ids:
        complete_task(portfolio, task_id=int(task_id))
    if follow_up is not None:
        create_task(portfolio, customer_id=customer_id, title=follow_up["title"],
                    due_on=follow_up["due_on"], note=follow_up.get("note", ""))
    return interaction_id
