"""Bulk actions on a selection of customers (issue 19, the Customers table's and Today's
multi-select): the same contact logged for each, a follow-up task created for each, the
selection exported, and the Undo of a bulk write (its contacts or tasks taken back).

Each write is all-or-nothing: every customer and every field is checked first, then all rows
and their audit rows (one per customer: target the customer, never a name) go into one
transaction, so a failure in the middle writes nothing. They write through the same storage
calls as the single-customer writes in services.contacts (a logged contact keeps
customer_summary.last_contact_on in step), and run with progress and cancel on the database
thread (the window's task runner), since a selection can be thousands of customers.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Sequence

import pandas as pd

from relmgr.domain.codes import AuditAction, ContactChannel, ContactOutcome, ContactPurpose, TaskStatus
from relmgr.domain.progress import CancelCheck, Progress, check_cancel, never, no_progress
from relmgr.services import audit
from relmgr.services.changes import Topic, writes
from relmgr.services.contacts import (
    MAX_NOTE_CHARS,
    MAX_TITLE_CHARS,
    _code,
    _date,
    _now,
    _text,
    _timestamp,
)
from relmgr.services.customers import load_customer_list
from relmgr.services.export import ExportMeta, ExportResult, export_audited, list_title
from relmgr.services.wording import segments
from relmgr.services.wording import checked
from relmgr.services.worklist import worklist_today
from relmgr.storage import worklist_store as store
from relmgr.storage.portfolio import Portfolio

SELECTION_LIST = "selection"    # the export's list name (audit detail "list")
_STEP = 200                     # rows between progress reports and cancel checks


def _customers(portfolio: Portfolio, customer_ids: Sequence[str]) -> list[str]:
    """The selection, each once, in its order; ValueError (naming how many, and the first
    customer no.) when one is not in the portfolio or the selection is empty."""
    ids = list(dict.fromkeys(str(c).strip() for c in customer_ids if str(c or "").strip()))
    if not ids:
        raise ValueError("customer_ids: no customer selected")
    known = set(store.read_customer_contact_fields(portfolio, ids)["customer_id"].astype("str"))
    missing = [c for c in ids if c not in known]
    if missing:
        raise ValueError(f"customer_ids: {len(missing)} not in this portfolio (first: {missing[0]!r})")
    return ids


def _each(items: list, what: str, progress: Progress, cancel: CancelCheck) -> Iterator:
    """The items in turn, reporting progress and checking for cancel every _STEP of them."""
    for i, item in enumerate(items):
        if i % _STEP == 0:
            check_cancel(cancel)
            progress(i / len(items), what)
        yield item


@writes(Topic.CONTACTS, Topic.AUDIT)
def bulk_log_contacts(portfolio: Portfolio, *, customer_ids: Sequence[str], channel: ContactChannel | str,
                      purpose: ContactPurpose | str, outcome: ContactOutcome | str, note: str = "",
                      at: dt.datetime | dt.date | str | None = None, progress: Progress = no_progress,
                      cancel: CancelCheck = never) -> list[int]:
    """Log the same contact for every customer of the selection, audited one row each; returns
    the interaction ids in the selection's order. A sales contact is refused for the whole
    selection (consent.MarketingRefused) when any customer declined marketing or is held out in
    a campaign's control group: the RM takes those out, or logs a service contact."""
    row = {"channel": _code(ContactChannel, channel, "channel"),
           "purpose": _code(ContactPurpose, purpose, "purpose"),
           "outcome": _code(ContactOutcome, outcome, "outcome"),
           "note": _text(note, "note", MAX_NOTE_CHARS),
           "occurred_at": _timestamp(at)}
    ids = _customers(portfolio, customer_ids)
    if row["purpose"] == ContactPurpose.SALES.value:
        from relmgr.services.consent import MarketingRefused, marketing_blocked
        day = dt.date.fromisoformat(row["occurred_at"][:10])
        blocked = [c for c in ids if marketing_blocked(portfolio, c, day=day)]
        if blocked:
            raise MarketingRefused(
                f"{len(blocked)} of the selected customers may not be contacted for marketing "
                f"(declined, or in a campaign's control group; first: {blocked[0]}): take them out "
                "of the selection or log a service contact")
    interaction_ids: list[int] = []
    with portfolio.transaction():
        for customer in _each(ids, "contacts", progress, cancel):
            interaction_id = store.insert_interaction(portfolio, customer_id=customer, **row)
            audit.record(portfolio, action=AuditAction.BULK_CONTACT_LOGGED, target=customer,
                         detail={"interaction_id": interaction_id, "channel": row["channel"],
                                 "purpose": row["purpose"], "outcome": row["outcome"],
                                 "selection": len(ids)})
            interaction_ids.append(interaction_id)
    progress(1.0, "done")
    return interaction_ids


@writes(Topic.TASKS, Topic.AUDIT)
def bulk_create_tasks(portfolio: Portfolio, *, customer_ids: Sequence[str], kind: str,
                      due_on: dt.date | str, note: str = "", progress: Progress = no_progress,
                      cancel: CancelCheck = never) -> list[int]:
    """An open follow-up task for every customer of the selection, audited one row each; its
    `kind` ("Follow-up call", "Visit", or the RM's own words) is the task's title. Returns the
    task ids in the selection's order."""
    title = _text(kind, "kind", MAX_TITLE_CHARS, required=True)
    note = _text(note, "note", MAX_NOTE_CHARS)
    due = _date(due_on, "due_on").isoformat()
    ids = _customers(portfolio, customer_ids)
    created = _now().isoformat()
    task_ids: list[int] = []
    with portfolio.transaction():
        for customer in _each(ids, "tasks", progress, cancel):
            task_id = store.insert_task(portfolio, customer_id=customer, title=title, due_on=due,
                                        status=TaskStatus.OPEN.value, created_at=created, note=note)
            audit.record(portfolio, action=AuditAction.BULK_TASK_CREATED, target=customer,
                         detail={"task_id": task_id, "due_on": due, "selection": len(ids)})
            task_ids.append(task_id)
    progress(1.0, "done")
    return task_ids


@writes(Topic.CONTACTS, Topic.AUDIT)
def undo_bulk_contacts(portfolio: Portfolio, *, interaction_ids: Sequence[int], day: dt.date,
                       progress: Progress = no_progress, cancel: CancelCheck = never) -> list[str]:
    """Take back contacts logged by mistake (the Undo of a bulk log, or of several done lines of
    Today), audited one CONTACT_UNDONE row each; returns their customers. Like the single Undo
    (services.contacts.undo_contact) only contacts logged on or after `day`: when one of them is
    older, nothing is taken back. A contact already taken back on its own is skipped."""
    wanted = list(dict.fromkeys(int(i) for i in interaction_ids))
    if not wanted:
        raise ValueError("interaction_ids: no contact to take back")
    with portfolio.transaction():
        rows = store.read_interactions_by_id(portfolio, wanted)
        older = rows[rows["occurred_at"].astype("str").str[:10] < day.isoformat()]
        if len(older):
            raise ValueError(f"{len(older)} of these contacts were logged before {day.isoformat()} "
                             f"(first: contact {int(older['interaction_id'].iat[0])}): only today's "
                             "contacts can be undone, so none was taken back")
        by_id = {int(r.interaction_id): (str(r.customer_id), str(r.occurred_at))
                 for r in rows.itertuples(index=False)}
        present = [i for i in wanted if i in by_id]
        customers: list[str] = []
        for interaction_id in _each(present, "contacts", progress, cancel):
            customer, occurred_at = by_id[interaction_id]
            store.delete_interaction(portfolio, interaction_id=interaction_id, customer_id=customer)
            audit.record(portfolio, action=AuditAction.CONTACT_UNDONE, target=customer,
                         detail={"interaction_id": interaction_id, "occurred_at": occurred_at,
                                 "selection": len(present)})
            customers.append(customer)
    progress(1.0, "done")
    return customers


@writes(Topic.TASKS, Topic.AUDIT)
def undo_bulk_tasks(portfolio: Portfolio, *, task_ids: Sequence[int], progress: Progress = no_progress,
                    cancel: CancelCheck = never) -> list[str]:
    """Take back tasks created by mistake (the Undo of a bulk create): removed, audited one
    TASK_UNDONE row each; returns their customers. Only open tasks: when one of them was done or
    closed since, nothing is taken back (that work happened). One already gone is skipped."""
    wanted = list(dict.fromkeys(int(i) for i in task_ids))
    if not wanted:
        raise ValueError("task_ids: no task to take back")
    with portfolio.transaction():
        rows = store.read_tasks_by_id(portfolio, wanted)
        closed = rows[rows["status"] != TaskStatus.OPEN.value]
        if len(closed):
            raise ValueError(f"{len(closed)} of these tasks were done or closed since they were created "
                             f"(first: task {int(closed['task_id'].iat[0])}), so none was taken back")
        by_id = {int(r.task_id): str(r.customer_id) for r in rows.itertuples(index=False)}
        present = [i for i in wanted if i in by_id]
        customers: list[str] = []
        for task_id in _each(present, "tasks", progress, cancel):
            store.delete_task(portfolio, task_id=task_id)
            audit.record(portfolio, action=AuditAction.TASK_UNDONE, target=by_id[task_id],
                         detail={"task_id": task_id, "selection": len(present)})
            customers.append(by_id[task_id])
    progress(1.0, "done")
    return customers


def selection_rows(portfolio: Portfolio, *, customer_ids: Sequence[str], language: str) -> pd.DataFrame:
    """The selection as exported, in its order (UNMASKED: the export masks it unless the RM
    explicitly exports unmasked): customer no., name, mobile, tier, AUM, last contact."""
    ids = _customers(portfolio, customer_ids)
    people = store.read_customer_contact_fields(portfolio, ids)
    # The Customers table's own list (tier, AUM, last contact as it shows them), in the selection's order.
    listed = load_customer_list(portfolio)[["customer_id", "tier", "aum", "last_contact_on"]]
    frame = (pd.DataFrame({"customer_id": ids})
             .merge(people[["customer_id", "name", "phone"]], on="customer_id", how="left")
             .merge(listed, on="customer_id", how="left"))
    return pd.DataFrame({
        "customer_id": frame["customer_id"], "name": frame["name"], "phone": frame["phone"],
        "tier": [segments.tier(t, language=language) if isinstance(t, str) else "" for t in frame["tier"]],
        "aum": pd.to_numeric(frame["aum"], errors="coerce").fillna(0.0).round(2),
        "last_contact_on": frame["last_contact_on"].fillna(""),
    })


@writes(Topic.AUDIT)
def export_selection(portfolio: Portfolio, *, customer_ids: Sequence[str], path: str | os.PathLike[str],
                     fmt: str | None = None, unmasked: bool = False, actor: str | None = None,
                     today: dt.date | None = None, branch: str | None = None, rm: str | None = None,
                     language: str = "zh_CN", progress: Progress = no_progress,
                     cancel: CancelCheck = never) -> ExportResult:
    """Export the selection through services.export's masked, audited export (list "selection")."""
    language = checked(language)
    day = today or worklist_today(portfolio)
    progress(0.0, "reading")
    frame = selection_rows(portfolio, customer_ids=customer_ids, language=language)
    check_cancel(cancel)
    meta = ExportMeta(branch=branch if branch is not None else portfolio.get_meta("branch", "") or "",
                      rm=rm if rm is not None else portfolio.get_meta("rm", "") or "", date=day)
    return export_audited(portfolio, frame, path, list_name=SELECTION_LIST,
                          title=list_title(SELECTION_LIST, language=language), fmt=fmt, unmasked=unmasked,
                          actor=actor, meta=meta, language=language,
                          progress=lambda f, step="": progress(0.2 + 0.8 * f, step), cancel=cancel)
