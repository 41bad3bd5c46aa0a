"""The day's plan (issue 19): the few dozen lines of the Today worklist an RM can really work
through in a day, out of the hundreds the worklist holds at branch scale.

- Size: the RM's daily capacity, team rule `today.capacity` (default 30), read through
  `daily_capacity` only, so the Team rules dialog and every reader agree.
- Choice: the first lines of the worklist in its own order (services/worklist.py: must-do lines
  first, then by priority; a customer who has left is a win-back line, low in the order), less
  the customers contacted on the previous day's plan ("it leaves tomorrow's plan").
- Stable for the day: the plan is kept in the portfolio's meta (encrypted, one day's plan) when
  first made, so a contact logged on a line does not make it vanish or move: the line stays where
  it was, done. A line dismissed or snoozed leaves the plan and the next backlog line fills its
  place. A plan made while tiers or churn scores are older than the data (before the catch-up
  after unlock has run) is not kept: it is `provisional` and made again once they are current.
- Done today: a plan line whose customer has a contact logged on or after the plan's day (any
  outcome: the RM made the call). Its latest contact's id is given, for Undo
  (services.contacts.undo_contact).
- The backlog: every other worklist line, with its count.

Names and phones come back UNMASKED in the frames (as from load_worklist): the view and the
exports mask them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

import numpy as np
import pandas as pd

from relmgr.services.changes import Topic, writes
from relmgr.services.worklist import WORKLIST_COLUMNS, Worklist, WorklistRules, apply_pins, load_worklist
from relmgr.storage import rules as rules_store
from relmgr.storage import worklist_store as store
from relmgr.storage.portfolio import Portfolio

CAPACITY_RULE = "today.capacity"
DEFAULT_CAPACITY = 30
MAX_CAPACITY = 500
_PLAN_META = "today.plan"
#: What a stored plan line keeps: the worklist line as it was made (never names or phones).
_KEPT = [c for c in WORKLIST_COLUMNS if c not in ("rank", "pinned")]
PLAN_COLUMNS = WORKLIST_COLUMNS + ["name", "phone", "in_plan", "done", "contact_id"]


def checked_capacity(value: Any) -> int:
    """`value` as a daily capacity (a whole number from 1 to MAX_CAPACITY); ValueError otherwise."""
    if isinstance(value, bool) or not isinstance(value, int | float) or int(value) != value \
            or not 1 <= int(value) <= MAX_CAPACITY:
        raise ValueError(f"team rule {CAPACITY_RULE} must be a whole number from 1 to {MAX_CAPACITY}, "
                         f"not {value!r}")
    return int(value)


def daily_capacity(portfolio: Portfolio) -> int:
    """How many lines the RM's day's plan holds (team rule today.capacity, default 30)."""
    return checked_capacity(rules_store.get_rule(portfolio, CAPACITY_RULE, DEFAULT_CAPACITY))


@writes(Topic.RULES)
def set_daily_capacity(portfolio: Portfolio, *, capacity: int) -> None:
    with portfolio.transaction():
        rules_store.set_rule(portfolio, CAPACITY_RULE, checked_capacity(capacity))


@dataclasses.dataclass(frozen=True)
class DayPlan:
    """`frame`: PLAN_COLUMNS, the plan's lines first (in_plan, rank 1…) then the backlog's
    (rank continuing). `done`: a contact was logged on the line today; `contact_id` its latest."""

    day: dt.date
    capacity: int
    frame: pd.DataFrame
    provisional: bool
    worklist: Worklist

    @property
    def plan(self) -> pd.DataFrame:
        return self.frame[self.frame["in_plan"].to_numpy()]

    @property
    def backlog(self) -> pd.DataFrame:
        return self.frame[~self.frame["in_plan"].to_numpy()]

    @property
    def done_today(self) -> int:
        return int(self.frame["done"].sum())

    @property
    def backlog_count(self) -> int:
        return int((~self.frame["in_plan"]).sum())


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, tuple):
        return list(value)
    raise TypeError(type(value).__name__)


def _read_stored(portfolio: Portfolio) -> tuple[dt.date, list[dict[str, Any]]] | None:
    text = portfolio.get_meta(_PLAN_META)
    if not text:
        return None
    try:
        stored = json.loads(text)
        return dt.date.fromisoformat(stored["day"]), list(stored["lines"])
    except (ValueError, KeyError, TypeError):
        return None     # a damaged plan is made again, never a reason the page cannot open


def _store(portfolio: Portfolio, day: dt.date, lines: pd.DataFrame) -> None:
    records = lines[_KEPT].to_dict("records")
    with portfolio.transaction():
        portfolio.set_meta(_PLAN_META, json.dumps({"day": day.isoformat(), "lines": records},
                                                  ensure_ascii=False, default=_plain))


def _done_on_previous_plan(portfolio: Portfolio, stored: tuple[dt.date, list[dict[str, Any]]] | None,
                           day: dt.date) -> set[str]:
    if stored is None or stored[0] >= day:
        return set()
    contacted = set(store.read_contacts_since(portfolio, day=stored[0])["customer_id"])
    return {str(line["customer_id"]) for line in stored[1]} & contacted


def load_day_plan(portfolio: Portfolio, *, today: dt.date, rules: WorklistRules = WorklistRules(),
                  provisional: bool = False) -> DayPlan:
    """The day's plan for `today` and the backlog (runs on the database thread). `provisional`:
    the analytics are being brought up to date, so a plan made now is shown but not kept."""
    capacity = daily_capacity(portfolio)
    worklist = load_worklist(portfolio, today=today, rules=rules)
    live = worklist.frame                       # dismissed and snoozed customers left out
    stored = _read_stored(portfolio)
    left = _done_on_previous_plan(portfolio, stored, today)
    if stored is not None and stored[0] == today:
        kept = pd.DataFrame.from_records(stored[1], columns=_KEPT)
        kept["reasons"] = [tuple(r) for r in kept["reasons"]]
        kept["must_do"] = kept["must_do"].astype(bool)
        changed = False
    else:
        kept = live[~live["customer_id"].isin(list(left)).to_numpy()].head(capacity)[_KEPT]
        changed = True
    # Hidden lines stay in the kept plan, so that Restore brings them back to it.
    hidden = kept["customer_id"].isin(list(store.hidden_customers(portfolio, day=today))).to_numpy()
    shown = int((~hidden).sum())
    if shown < capacity:            # a dismissed line's place goes to the next one waiting
        more = live[~live["customer_id"].isin(list(kept["customer_id"]) + list(left)).to_numpy()]
        more = more.head(capacity - shown)[_KEPT]
        if len(more):
            kept = pd.concat([kept, more], ignore_index=True)
            hidden = np.r_[hidden, np.zeros(len(more), dtype=bool)]
            changed = True
    elif shown > capacity:          # the capacity was lowered during the day
        keep = hidden | (np.cumsum(~hidden) <= capacity)
        kept, hidden = kept[keep].reset_index(drop=True), hidden[keep]
        changed = True
    plan = kept[~hidden]
    if changed and not provisional and (stored is None or stored[0] <= today):
        _store(portfolio, today, kept)
    return DayPlan(day=today, capacity=capacity, frame=_framed(portfolio, plan, live, today),
                   provisional=provisional, worklist=worklist)


def _framed(portfolio: Portfolio, plan: pd.DataFrame, live: pd.DataFrame, today: dt.date) -> pd.DataFrame:
    pins = store.pinned_positions(portfolio, day=today)
    plan_ids = [str(c) for c in plan["customer_id"]]
    order = apply_pins(plan_ids, {c: p for c, p in pins.items() if c in set(plan_ids)})
    plan = plan.set_index("customer_id").loc[order].reset_index()
    plan = plan.assign(pinned=plan["customer_id"].isin(list(pins)).to_numpy(), in_plan=True)
    backlog = live[~live["customer_id"].isin(plan_ids).to_numpy()]
    backlog = backlog[[c for c in WORKLIST_COLUMNS if c != "rank"]].assign(in_plan=False)
    frame = pd.concat([plan, backlog], ignore_index=True)
    frame.insert(0, "rank", np.arange(1, len(frame) + 1))
    names = store.read_customer_contact_fields(portfolio, frame["customer_id"])
    frame = frame.merge(names[["customer_id", "name", "phone"]], on="customer_id", how="left")
    contacts = store.read_contacts_since(portfolio, day=today).set_index("customer_id")["interaction_id"]
    contact = frame["customer_id"].map(contacts).where(frame["in_plan"])
    frame["done"] = contact.notna().to_numpy()
    frame["contact_id"] = pd.array([None if pd.isna(c) else int(c) for c in contact], dtype="Int64")
    frame["pinned"] = frame["pinned"].astype(bool)
    frame["in_plan"] = frame["in_plan"].astype(bool)
    return frame[PLAN_COLUMNS]
