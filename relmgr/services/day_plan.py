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
  place. When tiers or churn scores are brought up to date during the day (the catch-up after
  unlock), the plan stays as the RM sees it until they ask for it again (`remake_day_plan`:
  the lines done so far stay, the others are chosen afresh).
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
# service_only: the customer declined marketing, so the line is a service call only (issue 17).
PLAN_COLUMNS = WORKLIST_COLUMNS + ["name", "phone", "in_plan", "done", "contact_id", "service_only"]


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


@writes(Topic.WORKLIST)
def remake_day_plan(portfolio: Portfolio, *, today: dt.date) -> int:
    """Choose `today`'s plan again from the current worklist, keeping the lines done so far in
    their places; returns how many were kept."""
    stored = _read_stored(portfolio)
    if stored is None or stored[0] != today:
        return 0
    contacted = set(store.read_contacts_since(portfolio, day=today)["customer_id"])
    done = [line for line in stored[1] if str(line["customer_id"]) in contacted]
    with portfolio.transaction():
        portfolio.set_meta(_PLAN_META, json.dumps({"day": today.isoformat(), "lines": done},
                                                  ensure_ascii=False, default=_plain))
    return len(done)


def load_day_plan(portfolio: Portfolio, *, today: dt.date,
                  rules: WorklistRules = WorklistRules()) -> DayPlan:
    """The day's plan for `today` and the backlog (runs on the database thread). The first call
    of a day keeps the plan it makes (in the portfolio's meta): a bookkeeping write, not the RM's,
    that no other page reads."""
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
    if changed and (stored is None or stored[0] <= today):
        _store(portfolio, today, kept)
    return DayPlan(day=today, capacity=capacity, frame=_framed(portfolio, plan, live, today),
                   worklist=worklist)


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
    # Names and phones as the worklist read them; only kept lines that left it are read again.
    names = live[["customer_id", "name", "phone"]]
    missing = sorted(set(plan_ids) - set(live["customer_id"]))
    if missing:
        names = pd.concat([names, store.read_customer_contact_fields(portfolio, missing)[
            ["customer_id", "name", "phone"]]], ignore_index=True)
    frame = frame.merge(names, on="customer_id", how="left")
    contacts = store.read_contacts_since(portfolio, day=today).set_index("customer_id")["interaction_id"]
    contact = frame["customer_id"].map(contacts).where(frame["in_plan"])
    frame["done"] = contact.notna().to_numpy()
    frame["contact_id"] = pd.array([None if pd.isna(c) else int(c) for c in contact], dtype="Int64")
    frame["pinned"] = frame["pinned"].astype(bool)
    frame["in_plan"] = frame["in_plan"].astype(bool)
    from relmgr.services.consent import declined_customers
    frame["service_only"] = frame["customer_id"].isin(declined_customers(portfolio)).to_numpy()
    return frame[PLAN_COLUMNS]


def day_plan_json(plan: DayPlan, *, product_names: dict[str, str], language: str) -> dict[str, Any]:
    """JSON-able form for `relmgr today --json`: the plan's lines with their reasons in words
    (`language`), codes and numbers, names and phones masked; the backlog by its count.
    `product_names`: product_id -> name in `language`. Task titles are the RM's free text and
    may name people: they are left out of the words and the numbers alike."""
    from relmgr.domain.pii import mask_name, mask_phone
    from relmgr.services.wording import worklist as words

    lines = []
    for row in plan.plan.itertuples(index=False):
        details = [{k: v for k, v in d.items() if k != "title"} for d in row.details]
        lines.append({
            "rank": int(row.rank), "customer_id": str(row.customer_id),
            "name": mask_name("" if pd.isna(row.name) else str(row.name)),
            "phone": mask_phone("" if pd.isna(row.phone) else str(row.phone)),
            "tier": row.tier, "priority": float(row.priority), "must_do": bool(row.must_do),
            "reasons": [words.reason_sentence(d, language=language, product_names=product_names)
                        for d in details],
            "reason_codes": list(row.reasons), "action": row.action,
            "action_words": words.action_with_consent(row.action, service_only=bool(row.service_only),
                                                      language=language),
            "done": bool(row.done), "pinned": bool(row.pinned),
            "service_only": bool(row.service_only), "details": details})
    return {"as_of": plan.day.isoformat(), "capacity": plan.capacity, "done_today": plan.done_today,
            "backlog_count": plan.backlog_count, "hidden": plan.worklist.hidden,
            "tier_source": plan.worklist.tier_source, "skipped_signals": plan.worklist.skipped,
            "plan": lines}
