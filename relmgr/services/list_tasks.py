"""Follow-up tasks for every customer on a saved target list, in bulk (issue 17).

A target list is for marketing, so the tasks are marketing contacts: a customer who declined
marketing never gets one (the "service call only" rule), nor one held out in the control group
of a campaign running on the due date (the control is never contacted). Both are already left
off the list's members by its criteria's eligibility, but the RM is told how many the criteria
chose and were skipped, so a short list does not read as a mistake. The tasks and one audit row
(list, kind, due date, how many made and skipped, the task ids) are one transaction: all or none.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np

from relmgr.analytics.target_lists import select
from relmgr.domain.codes import AuditAction, ContactChannel, TaskStatus
from relmgr.services import audit
from relmgr.services.changes import Topic, writes
from relmgr.services.contacts import MAX_NOTE_CHARS
from relmgr.services.target_lists import build_target_frame, saved_lists
from relmgr.services.wording.contacts import contact_channel
from relmgr.storage import consent_store
from relmgr.storage import worklist_store as store
from relmgr.storage.portfolio import Portfolio

#: More than a day's calls for a branch: a bigger batch is refused (narrow the list first) so a
#: mistaken click cannot bury the Tasks page.
MAX_TASKS = 5_000


@dataclasses.dataclass(frozen=True)
class ListTasks:
    """What a bulk creation did: tasks made, customers skipped and why."""

    created: int
    declined: int          # chosen by the criteria but declined marketing
    held_out: int          # in the control group of a campaign running on the due date
    task_ids: list[int]


def task_title(list_name: str, kind: ContactChannel | str, *, language: str) -> str:
    """A task's title: its kind and the list it came from ("Phone call: VIP list")."""
    return f"{contact_channel(str(kind), language=language)}：{list_name}" if language.startswith("zh") \
        else f"{contact_channel(str(kind), language=language)}: {list_name}"


def preview(portfolio: Portfolio, *, name: str, due_on: dt.date) -> ListTasks:
    """How many tasks `create_list_tasks` would make for the list, and skip, without writing."""
    return _plan(portfolio, name=name, due_on=due_on)[0]


def _plan(portfolio: Portfolio, *, name: str, due_on: dt.date) -> tuple[ListTasks, list[str]]:
    lists = saved_lists(portfolio)
    if name not in lists:
        raise KeyError(name)
    target = build_target_frame(portfolio)
    ids = target.customers["customer_id"].astype(str).to_numpy()
    # Everyone the criteria choose among the open customers, before the marketing filter.
    chosen = select(target, lists[name], marketing=False)
    chosen = chosen[target.customers["closed_on"].isna().to_numpy()[chosen]]
    declined_ids = consent_store.declined_ids(portfolio)
    declined = np.array([c in declined_ids for c in ids[chosen]], dtype=bool)
    held = consent_store.held_out_ids(portfolio, day=due_on.isoformat())
    held_out = np.array([c in held for c in ids[chosen]], dtype=bool) & ~declined
    customers = sorted(ids[chosen][~declined & ~held_out])
    return ListTasks(len(customers), int(declined.sum()), int(held_out.sum()), []), customers


@writes(Topic.TASKS, Topic.AUDIT)
def create_list_tasks(portfolio: Portfolio, *, name: str, kind: ContactChannel | str, due_on: dt.date,
                      note: str = "", language: str = "en") -> ListTasks:
    """One open follow-up task per customer on the saved list `name` who may be marketed to,
    titled by `kind` (a contact channel) and the list's name, due on `due_on`, with `note`.
    KeyError for an unknown list; ValueError for a bad kind, an over-long note, no customer to
    task, or more than MAX_TASKS: nothing is written then."""
    try:
        kind = ContactChannel(str(kind))
    except ValueError:
        raise ValueError(f"kind: {kind!r} is not one of {', '.join(c.value for c in ContactChannel)}") from None
    note = (note or "").strip()
    if len(note) > MAX_NOTE_CHARS:
        raise ValueError(f"note: {len(note)} characters, at most {MAX_NOTE_CHARS}")
    plan, customers = _plan(portfolio, name=name, due_on=due_on)
    if not customers:
        raise ValueError(f"no customer on the list {name!r} may be contacted for marketing: no task made")
    if len(customers) > MAX_TASKS:
        raise ValueError(f"the list {name!r} has {len(customers):,} customers, more than {MAX_TASKS:,} "
                         "tasks at once: narrow its criteria first")
    title = task_title(name, kind, language=language)
    now = dt.datetime.now().replace(microsecond=0).isoformat()
    with portfolio.transaction():
        task_ids = [store.insert_task(portfolio, customer_id=c, title=title, due_on=due_on.isoformat(),
                                      status=TaskStatus.OPEN.value, created_at=now, note=note)
                    for c in customers]
        # The note stays out of the audit detail: it is the RM's free text.
        audit.record(portfolio, action=AuditAction.LIST_TASKS_CREATED, target=name,
                     detail={"kind": kind.value, "due_on": due_on.isoformat(), "created": len(task_ids),
                             "skipped_declined": plan.declined, "skipped_held_out": plan.held_out,
                             "first_task_id": task_ids[0], "last_task_id": task_ids[-1]})
    return dataclasses.replace(plan, task_ids=task_ids)
