"""The Today worklist (issue 7): whom the RM should contact today, why, and in which order.

`assemble_worklist` is a pure function over signal frames (no storage): one line per customer
with every reason that puts them on the list (a code plus its numbers), a suggested action and
an explained priority. `load_worklist` reads the signals from a portfolio and applies the RM's
own arrangement of the day (dismissed, snoozed, moved by hand), which `dismiss`, `snooze`,
`restore`, `move` and `reset_order` store.

Signals (each optional except the customers themselves):
- contact due by tier cadence: analytics.tiers.contact_due over the tiers of the last
  segmentation refresh (customer_segments). A portfolio never refreshed falls back to a tier
  from today's AUM in customer_summary under the same team rules; the last contact is always
  read fresh from the contact log, so a call logged a minute ago takes a customer off the list.
- unhandled churn warnings: table churn_scores (issue 5: customer_id, probability, band,
  value_at_risk, reasons). A warning is handled when the RM's last churn_actions row for the
  customer is HANDLED (and the band has not risen since) or SNOOZED past today. Skipped when
  the table is missing.
- deposits and products maturing within `maturity_days_ahead` days (holdings.maturity_on).
- open tasks due today or overdue (tasks with a customer).
- birthdays today or within `birthday_days_ahead` days; a 29 February birthday falls on
  28 February in a year without one.
- accepted recommendations not yet carried through (table recommendation_outcomes, outcome
  ACCEPTED in the last `recommendation_follow_days` days, no holding of the product opened
  since). Skipped when the table is missing.
- repayment watch (issue 21, services/loans.py): a loan in arrears or an early warning (low
  balance before the due date, salary stopped, sharp outflow) not handled in the last days; a
  service call, never a sales one. Skipped when the portfolio has no loans.

Priority (documented weights, WorklistRules): each reason contributes points; the sum is
multiplied by the customer's tier weight (PRIVATE 2.0, WEALTH 1.5, VIP 1.2, MASS 1.0) so that
the same reason counts for more where more value is at stake. Each line's `details` lists every
reason with its base points and weighted points: the priority is their sum, nothing hidden.

Which date is "today": pass it explicitly. `worklist_today` gives the one the CLI and GUI use:
the portfolio's data date (services.data_date.as_of), for a demo and a real portfolio alike, so
overdue contacts, due tasks, maturities and birthdays are counted from the same day as the
Service tiers, Segments, Customers and churn pages. (Until issue 12 a real portfolio used the
calendar date: on an export dated 1994-03-31 contacts read "12,000 days overdue".)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import time
from collections.abc import Collection, Mapping, Sequence
from enum import StrEnum
from typing import Any

import numpy as np
import pandas as pd

from relmgr.analytics.activity import day_number, day_numbers
from relmgr.analytics.tiers import contact_due, qualifying_rank
from relmgr.domain.codes import ContactOutcome, HoldingStatus, TaskStatus
from relmgr.domain.segments import ContactStatus, Tier, TierRules
from relmgr.domain.suitability import RecoOutcome
from relmgr.storage import worklist_store as store
from relmgr.storage.portfolio import Portfolio
from relmgr.services import data_date
from relmgr.services.changes import Topic, writes


class WorkReason(StrEnum):
    """Why a customer is on today's list; `details` carries the numbers named here."""

    TASK_DUE = "TASK_DUE"                  # task_ids, tasks, due_on (oldest), days_overdue, title
    CHURN_RISK = "CHURN_RISK"              # probability, band, value_at_risk, reasons
    MATURING = "MATURING"                  # maturity_on (nearest), days_left, holdings, balance, product_ids
    CONTACT_OVERDUE = "CONTACT_OVERDUE"    # due_on, days_overdue, cadence_days, last_contact_on
    CONTACT_DUE = "CONTACT_DUE"            # due_on, days_left, cadence_days, last_contact_on
    RECOMMENDATION_ACCEPTED = "RECOMMENDATION_ACCEPTED"  # product_ids, accepted_on (latest)
    BIRTHDAY = "BIRTHDAY"                  # on, days_left, age
    # The customer has left: closed within `win_back_days` (kind CLOSED: closed_on, days_ago), or
    # their AUM is gone for good (kind AUM_GONE: code, change, probability). Not a retention call.
    WIN_BACK = "WIN_BACK"
    # The repayment watch's strongest line for the customer (services/loans.py): watch (a
    # loan_watch.WatchReason code), loan_id, family, lines (how many), and that line's numbers.
    LOAN_WATCH = "LOAN_WATCH"


class SuggestedAction(StrEnum):
    """What to do about the line: decided by its strongest reason."""

    RETENTION_CALL = "RETENTION_CALL"
    COMPLETE_TASK = "COMPLETE_TASK"
    DISCUSS_MATURITY = "DISCUSS_MATURITY"
    SERVICE_CALL = "SERVICE_CALL"
    CLOSE_SALE = "CLOSE_SALE"
    BIRTHDAY_GREETING = "BIRTHDAY_GREETING"
    WIN_BACK_CALL = "WIN_BACK_CALL"


ACTION_FOR_REASON: dict[WorkReason, SuggestedAction] = {
    WorkReason.TASK_DUE: SuggestedAction.COMPLETE_TASK,
    WorkReason.CHURN_RISK: SuggestedAction.RETENTION_CALL,
    WorkReason.MATURING: SuggestedAction.DISCUSS_MATURITY,
    WorkReason.CONTACT_OVERDUE: SuggestedAction.SERVICE_CALL,
    WorkReason.CONTACT_DUE: SuggestedAction.SERVICE_CALL,
    WorkReason.RECOMMENDATION_ACCEPTED: SuggestedAction.CLOSE_SALE,
    WorkReason.BIRTHDAY: SuggestedAction.BIRTHDAY_GREETING,
    WorkReason.WIN_BACK: SuggestedAction.WIN_BACK_CALL,
    WorkReason.LOAN_WATCH: SuggestedAction.SERVICE_CALL,
}
# Equal points: the earlier reason in this order decides the suggested action.
_REASON_ORDER = {reason: i for i, reason in enumerate(WorkReason)}


@dataclasses.dataclass(frozen=True)
class WorklistRules:
    """Weights of the priority score. Points per reason (before the tier weight):

    - TASK_DUE: `task_points`, plus `task_overdue_points_per_day` per day overdue up to
      `task_overdue_max_extra` more (30 … 50).
    - CHURN_RISK: `churn_points` × probability (0.5 → 30). Listed when the probability is at
      least `churn_min_probability` or the band is one of `churn_always_bands`.
    - MATURING: `maturity_points` when it matures today, falling linearly to
      `maturity_points_at_horizon` at `maturity_days_ahead` days out (35 … 15).
    - CONTACT_OVERDUE: `contact_overdue_points` plus `contact_overdue_points_per_day` per day
      overdue up to `contact_overdue_max_extra` more (20 … 40); CONTACT_DUE (due within the
      tier rules' due_soon_days): `contact_due_points` (10).
    - RECOMMENDATION_ACCEPTED: `recommendation_points` (25).
    - BIRTHDAY: `birthday_points` on the day (15), `birthday_upcoming_points` in the days
      before (8).
    - WIN_BACK: `win_back_points` (10), in place of CHURN_RISK when an AUM drop reason is at
      least `win_back_aum_drop` (95%: the money has gone), and for customers closed in the last
      `win_back_days` days. Few points on purpose: a customer who has left is worth a call,
      but after the customers still here.
    Tier weights multiply the sum.

    Order (the mix the RM sees): first the lines that must be done today, each by priority:
    a due task, or a churn warning with at least `must_do_value_at_risk` CNY at risk; then every
    other line by priority, the value the call is expected to bring. A win-back line is never a
    must-do line."""

    task_points: float = 30.0
    task_overdue_points_per_day: float = 2.0
    task_overdue_max_extra: float = 20.0
    churn_points: float = 60.0
    churn_min_probability: float = 0.3
    churn_always_bands: tuple[str, ...] = ("HIGH",)
    maturity_days_ahead: int = 14
    maturity_points: float = 35.0
    maturity_points_at_horizon: float = 15.0
    contact_overdue_points: float = 20.0
    contact_overdue_points_per_day: float = 0.25
    contact_overdue_max_extra: float = 20.0
    contact_due_points: float = 10.0
    recommendation_points: float = 25.0
    recommendation_follow_days: int = 30
    birthday_points: float = 15.0
    birthday_upcoming_points: float = 8.0
    birthday_days_ahead: int = 3
    private_weight: float = 2.0
    wealth_weight: float = 1.5
    vip_weight: float = 1.2
    mass_weight: float = 1.0
    win_back_points: float = 10.0
    win_back_days: int = 90
    win_back_aum_drop: float = 0.95
    must_do_value_at_risk: float = 20_000.0

    def __post_init__(self) -> None:
        for name in ("maturity_days_ahead", "recommendation_follow_days", "win_back_days"):
            if getattr(self, name) <= 0:
                raise ValueError(f"WorklistRules.{name} must be positive")
        if self.birthday_days_ahead < 0:
            raise ValueError("WorklistRules.birthday_days_ahead must not be negative")
        if not 0 <= self.churn_min_probability <= 1:
            raise ValueError("WorklistRules.churn_min_probability must lie between 0 and 1")

    def tier_weight(self, tier: str | None) -> float:
        return {Tier.PRIVATE.value: self.private_weight, Tier.WEALTH.value: self.wealth_weight,
                Tier.VIP.value: self.vip_weight}.get(tier or "", self.mass_weight)


@dataclasses.dataclass(frozen=True)
class WorklistSignals:
    """The inputs of `assemble_worklist`, shaped like the tables they come from. None = the
    signal is not available (e.g. no churn model yet) and contributes nothing.

    customers: customer_id, birth_date, closed_on (every customer).
    tiers: customer_id, tier (customers missing here weigh as MASS).
    contact_due: analytics.tiers.CONTACT_COLUMNS (customer_id, …, due_on, days_overdue, status).
    churn: customer_id, probability, band, value_at_risk, reasons[, handled].
    maturities: customer_id, holding_id, product_id, maturity_on, balance.
    tasks: task_id, customer_id, title, due_on (open tasks only).
    recommendations: customer_id, product_id, accepted_on, fulfilled (0/1).
    loan_watch: the repayment watch's open lines (analytics.loan_watch.WATCH_COLUMNS; their own
    points, from WatchRules)."""

    customers: pd.DataFrame
    tiers: pd.DataFrame
    contact_due: pd.DataFrame | None = None
    churn: pd.DataFrame | None = None
    maturities: pd.DataFrame | None = None
    tasks: pd.DataFrame | None = None
    recommendations: pd.DataFrame | None = None
    loan_watch: pd.DataFrame | None = None


WORKLIST_COLUMNS = ["rank", "customer_id", "tier", "priority", "tier_weight", "reasons",
                    "reason_codes", "action", "details", "pinned", "must_do"]
_LONG_COLUMNS = ["customer_id", "reason", "points", "detail"]


def _long(customer_ids: Any, reason: WorkReason, points: Any, details: list[dict]) -> pd.DataFrame:
    ids = np.asarray(customer_ids, dtype=object)
    return pd.DataFrame({"customer_id": ids, "reason": np.full(len(ids), reason.value, dtype=object),
                         "points": np.asarray(points, dtype="float64"),
                         "detail": pd.Series(details, dtype=object)})


def _empty_long() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in _LONG_COLUMNS})


def _int_or_none(value: Any) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _text_or_none(value: Any) -> str | None:
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


# -- one frame of (customer, reason, points, detail) rows per signal ---------------------------
def _contact_rows(frame: pd.DataFrame, *, today_n: int, rules: WorklistRules) -> list[pd.DataFrame]:
    out = []
    overdue = frame[(frame["status"] == ContactStatus.OVERDUE.value).to_numpy()]
    if len(overdue):
        days = overdue["days_overdue"].astype("float64").fillna(0).to_numpy()
        points = rules.contact_overdue_points + np.minimum(
            days * rules.contact_overdue_points_per_day, rules.contact_overdue_max_extra)
        details = [{"due_on": due, "days_overdue": int(d), "cadence_days": _int_or_none(c),
                    "last_contact_on": _text_or_none(last)}
                   for due, d, c, last in zip(overdue["due_on"], days, overdue["cadence_days"],
                                              overdue["last_contact_on"], strict=True)]
        out.append(_long(overdue["customer_id"], WorkReason.CONTACT_OVERDUE, points, details))
    due = frame[(frame["status"] == ContactStatus.DUE.value).to_numpy()]
    if len(due):
        left = day_numbers(due["due_on"]) - today_n
        details = [{"due_on": d, "days_left": int(n), "cadence_days": _int_or_none(c),
                    "last_contact_on": _text_or_none(last)}
                   for d, n, c, last in zip(due["due_on"], left, due["cadence_days"],
                                            due["last_contact_on"], strict=True)]
        out.append(_long(due["customer_id"], WorkReason.CONTACT_DUE,
                         np.full(len(due), rules.contact_due_points), details))
    return out


def _reasons_list(value: Any) -> list[Any]:
    if isinstance(value, list | tuple):
        return list(value)
    if isinstance(value, str) and value.strip():
        try:
            parsed = json.loads(value)
        except json.JSONDecodeError:
            return [value]
        return parsed if isinstance(parsed, list) else [parsed]
    return []


def _churn_rows(frame: pd.DataFrame, *, rules: WorklistRules) -> list[pd.DataFrame]:
    probability = pd.to_numeric(frame["probability"], errors="coerce").fillna(0).to_numpy()
    band = (frame["band"].fillna("").astype("str").str.upper().to_numpy() if "band" in frame
            else np.full(len(frame), "", dtype=object))
    listed = (probability >= rules.churn_min_probability) | np.isin(band, rules.churn_always_bands)
    if "handled" in frame:
        handled = frame["handled"]
        listed &= ~(handled.notna() & ~handled.isin([0, "", "0", False])).to_numpy()
    rows = frame[listed]
    if not len(rows):
        return []
    value = (pd.to_numeric(rows["value_at_risk"], errors="coerce") if "value_at_risk" in rows
             else pd.Series(np.nan, index=rows.index))
    reasons = rows["reasons"] if "reasons" in rows else pd.Series([None] * len(rows), index=rows.index)
    details = [{"probability": round(float(p), 4), "band": str(b) if b else None,
                "value_at_risk": None if pd.isna(v) else round(float(v), 2),
                "reasons": _reasons_list(r)}
               for p, b, v, r in zip(probability[listed], band[listed], value, reasons, strict=True)]
    # "AUM down 100%" is not a risk any more but a fact: the money has gone, so the call is a
    # win-back, with its own reason and points, not a retention call at the top of the day.
    gone = [_aum_gone(d["reasons"], rules.win_back_aum_drop) for d in details]
    staying = np.array([g is None for g in gone], dtype=bool)
    ids = rows["customer_id"].to_numpy()
    parts = [_long(ids[staying], WorkReason.CHURN_RISK, (rules.churn_points * probability[listed])[staying],
                   [d for d, keep in zip(details, staying, strict=True) if keep])]
    if not staying.all():
        left = [{"kind": "AUM_GONE", "code": g[0], "change": g[1], "probability": d["probability"]}
                for d, g in zip(details, gone, strict=True) if g is not None]
        parts.append(_long(ids[~staying], WorkReason.WIN_BACK,
                           np.full(len(left), rules.win_back_points), left))
    return parts


_AUM_DROPS = ("AUM_DROP_30D", "AUM_DROP_90D", "AUM_DROP_180D")


def _aum_gone(reasons: list[Any], threshold: float) -> tuple[str, float] | None:
    """(code, change) of the first AUM drop reason of at least `threshold` (0.95 = 95%), or None."""
    for reason in reasons:
        if isinstance(reason, Mapping) and reason.get("code") in _AUM_DROPS:
            try:
                change = float(reason.get("value"))
            except (TypeError, ValueError):
                continue
            if change <= -threshold:
                return str(reason["code"]), round(change, 3)
    return None


def _closed_rows(customers: pd.DataFrame, *, today: dt.date, rules: WorklistRules) -> list[pd.DataFrame]:
    """Customers closed in the last `win_back_days` days: win-back candidates."""
    closed = customers["closed_on"].astype("str").str.slice(0, 10)
    days_ago = (pd.Timestamp(today) - pd.to_datetime(closed, format="%Y-%m-%d", errors="coerce")).dt.days
    keep = (customers["closed_on"].notna() & days_ago.between(0, rules.win_back_days)).to_numpy()
    if not keep.any():
        return []
    details = [{"kind": "CLOSED", "closed_on": c, "days_ago": int(d)}
               for c, d in zip(closed[keep], days_ago[keep], strict=True)]
    return [_long(customers["customer_id"][keep], WorkReason.WIN_BACK,
                  np.full(len(details), rules.win_back_points), details)]


def _runs(sorted_ids: np.ndarray) -> tuple[list[int], list[int]]:
    """Start and end (exclusive) of each run of equal ids in a sorted array: grouping by plain
    slices is many times faster than iterating a pandas groupby at branch scale."""
    if not len(sorted_ids):
        return [], []
    starts = np.flatnonzero(np.r_[True, sorted_ids[1:] != sorted_ids[:-1]])
    return starts.tolist(), np.r_[starts[1:], len(sorted_ids)].tolist()


def _maturity_rows(frame: pd.DataFrame, *, today_n: int, rules: WorklistRules) -> list[pd.DataFrame]:
    left = day_numbers(frame["maturity_on"]) - today_n
    keep = (left >= 0) & (left <= rules.maturity_days_ahead)
    rows = frame[keep].assign(days_left=left[keep]).sort_values(["customer_id", "days_left"],
                                                                kind="stable")
    if not len(rows):
        return []
    ids = rows["customer_id"].astype("str").to_numpy()
    days = rows["days_left"].tolist()
    maturity = rows["maturity_on"].astype("str").tolist()
    balance = pd.to_numeric(rows["balance"]).fillna(0).tolist()
    products = rows["product_id"].astype("str").tolist()
    span = rules.maturity_points - rules.maturity_points_at_horizon
    starts, ends = _runs(ids)
    points = [rules.maturity_points - span * days[a] / rules.maturity_days_ahead for a in starts]
    details = [{"maturity_on": maturity[a][:10], "days_left": int(days[a]), "holdings": b - a,
                "balance": round(float(sum(balance[a:b])), 2),
                "product_ids": list(dict.fromkeys(products[a:b]))}
               for a, b in zip(starts, ends, strict=True)]
    return [_long(ids[starts], WorkReason.MATURING, points, details)]


def _task_rows(frame: pd.DataFrame, *, today_n: int, rules: WorklistRules) -> list[pd.DataFrame]:
    rows = frame[frame["customer_id"].notna().to_numpy()]
    if not len(rows):
        return []
    overdue = today_n - day_numbers(rows["due_on"])
    rows = rows[overdue >= 0].assign(days_overdue=overdue[overdue >= 0]).sort_values(
        ["customer_id", "due_on", "task_id"], kind="stable")
    if not len(rows):
        return []
    ids = rows["customer_id"].astype("str").to_numpy()
    task_ids = rows["task_id"].astype("int64").tolist()
    due_on = rows["due_on"].astype("str").tolist()
    titles = rows["title"].astype("str").tolist()
    late = rows["days_overdue"].tolist()
    starts, ends = _runs(ids)
    points, details = [], []
    for a, b in zip(starts, ends, strict=True):
        most = int(max(late[a:b]))
        points.append(rules.task_points + min(most * rules.task_overdue_points_per_day,
                                              rules.task_overdue_max_extra))
        details.append({"task_ids": task_ids[a:b], "tasks": b - a, "due_on": due_on[a],
                        "days_overdue": most, "title": titles[a]})
    return [_long(ids[starts], WorkReason.TASK_DUE, points, details)]


def birthday_dates(today: dt.date, days_ahead: int) -> dict[str, tuple[dt.date, int]]:
    """'MM-DD' of a birth date -> (the day it is celebrated, days from today) for the next
    `days_ahead` days. In a year without 29 February, 29 February birthdays fall on the 28th."""
    window: dict[str, tuple[dt.date, int]] = {}
    for offset in range(days_ahead + 1):
        day = today + dt.timedelta(days=offset)
        window.setdefault(day.strftime("%m-%d"), (day, offset))
        leap = day.year % 4 == 0 and (day.year % 100 != 0 or day.year % 400 == 0)
        if day.month == 2 and day.day == 28 and not leap:
            window.setdefault("02-29", (day, offset))
    return window


def _birthday_rows(customers: pd.DataFrame, *, today: dt.date, rules: WorklistRules) -> list[pd.DataFrame]:
    window = birthday_dates(today, rules.birthday_days_ahead)
    born = customers["birth_date"].astype("str")
    hit = born.str.slice(5, 10).isin(list(window)).to_numpy()
    rows = customers[hit]
    if not len(rows):
        return []
    ids, details, points = [], [], []
    for customer_id, birth in zip(rows["customer_id"], rows["birth_date"].astype("str"), strict=True):
        day, offset = window[birth[5:10]]
        ids.append(customer_id)
        points.append(rules.birthday_points if offset == 0 else rules.birthday_upcoming_points)
        details.append({"on": day.isoformat(), "days_left": offset, "age": day.year - int(birth[:4])})
    return [_long(ids, WorkReason.BIRTHDAY, points, details)]


def _recommendation_rows(frame: pd.DataFrame, *, today: dt.date,
                         rules: WorklistRules) -> list[pd.DataFrame]:
    since = (today - dt.timedelta(days=rules.recommendation_follow_days)).isoformat()
    accepted_on = frame["accepted_on"].astype("str").str.slice(0, 10)
    fulfilled = frame["fulfilled"].fillna(0).astype("int64").to_numpy() if "fulfilled" in frame \
        else np.zeros(len(frame), dtype="int64")
    # An answer recorded after `today` (a demo lives at its data date while the RM records at
    # the real date) is treated as recorded today.
    accepted_on = accepted_on.where(accepted_on <= today.isoformat(), today.isoformat())
    keep = (accepted_on >= since).to_numpy() & (fulfilled == 0)
    rows = frame[keep].assign(accepted_on=accepted_on[keep]).sort_values(
        ["customer_id", "accepted_on"], ascending=[True, False], kind="stable")
    if not len(rows):
        return []
    ids = rows["customer_id"].astype("str").to_numpy()
    products = rows["product_id"].astype("str").tolist()
    dates = rows["accepted_on"].tolist()
    starts, ends = _runs(ids)
    details = [{"product_ids": list(dict.fromkeys(products[a:b])), "accepted_on": dates[a]}
               for a, b in zip(starts, ends, strict=True)]
    return [_long(ids[starts], WorkReason.RECOMMENDATION_ACCEPTED,
                  np.full(len(starts), rules.recommendation_points), details)]


# -- assembly ---------------------------------------------------------------------------------
def _loan_watch_rows(lines: pd.DataFrame) -> list[pd.DataFrame]:
    """One reason per customer: their strongest watch line (the watch is ordered worst first)."""
    counts = lines.groupby("customer_id").size()
    first = lines.drop_duplicates("customer_id", keep="first")
    details = [{"watch": r.reason, "loan_id": r.loan_id, "family": r.family, "lines": int(counts[r.customer_id]),
                **r.details} for r in first.itertuples(index=False)]
    return [_long(first["customer_id"], WorkReason.LOAN_WATCH, first["points"].to_numpy(dtype=float), details)]


def assemble_worklist(signals: WorklistSignals, *, today: dt.date,
                      hidden: Collection[str] = frozenset(),
                      pinned: Mapping[str, int] | None = None,
                      rules: WorklistRules = WorklistRules()) -> pd.DataFrame:
    """One line per customer with at least one reason, in display order (WORKLIST_COLUMNS).

    `hidden`: customers dismissed or snoozed for `today` (left out). `pinned`: customer_id ->
    1-based position the RM moved them to today; everyone else fills the other places by
    must-do lines first (WorklistRules' order), then priority (highest first, then customer_id).
    Customers whose record is closed on or before `today` keep only their due tasks: cadences,
    birthdays and sales are for customers we serve; those closed in the last `win_back_days`
    days are listed as WIN_BACK.

    Columns: rank (1…), customer_id, tier, priority, tier_weight, reasons (tuple of WorkReason
    codes, strongest first), reason_codes ('A|B'), action (SuggestedAction code), details (list
    of dicts, one per reason: reason, points, weighted, and the reason's numbers), pinned."""
    today_n = day_number(today)
    parts: list[pd.DataFrame] = []
    if signals.contact_due is not None and len(signals.contact_due):
        parts += _contact_rows(signals.contact_due, today_n=today_n, rules=rules)
    if signals.churn is not None and len(signals.churn):
        parts += _churn_rows(signals.churn, rules=rules)
    if signals.maturities is not None and len(signals.maturities):
        parts += _maturity_rows(signals.maturities, today_n=today_n, rules=rules)
    if signals.tasks is not None and len(signals.tasks):
        parts += _task_rows(signals.tasks, today_n=today_n, rules=rules)
    if len(signals.customers):
        parts += _birthday_rows(signals.customers, today=today, rules=rules)
    if signals.recommendations is not None and len(signals.recommendations):
        parts += _recommendation_rows(signals.recommendations, today=today, rules=rules)
    if signals.loan_watch is not None and len(signals.loan_watch):
        parts += _loan_watch_rows(signals.loan_watch)
    customers = signals.customers
    closed_text = customers["closed_on"].astype("str").str.slice(0, 10)
    closed = customers["customer_id"][(customers["closed_on"].notna() & (closed_text != "")
                                       & (closed_text <= today.isoformat())).to_numpy()]
    long = pd.concat(parts, ignore_index=True) if parts else _empty_long()
    long["customer_id"] = long["customer_id"].astype("str")
    # A closed customer keeps only their due tasks; the recently closed come back as win-backs.
    drop = long["customer_id"].isin(list(hidden)).to_numpy() | (
        long["customer_id"].isin(closed).to_numpy()
        & (long["reason"] != WorkReason.TASK_DUE.value).to_numpy())
    long = long[~drop]
    if len(customers):
        recent = _closed_rows(customers, today=today, rules=rules)
        if recent:
            recent_long = recent[0]
            recent_long = recent_long[~recent_long["customer_id"].astype("str").isin(list(hidden)).to_numpy()]
            long = pd.concat([long, recent_long.assign(customer_id=recent_long["customer_id"].astype("str"))],
                             ignore_index=True)
    if not len(long):
        return _empty_worklist()

    tier_of = signals.tiers.set_index("customer_id")["tier"] if len(signals.tiers) else pd.Series(dtype=object)
    tier_of = tier_of[~tier_of.index.duplicated()]
    # A win-back reason leads its line whatever its points: it decides the action.
    long = long.assign(order=long["reason"].map({r.value: i for r, i in _REASON_ORDER.items()}),
                       lead=(long["reason"] == WorkReason.WIN_BACK.value).to_numpy())
    long = long.sort_values(["customer_id", "lead", "points", "order"], ascending=[True, False, False, True],
                            kind="stable")
    ids = long["customer_id"].to_numpy()
    starts, ends = _runs(ids)
    reasons_arr, points_arr = long["reason"].tolist(), long["points"].tolist()
    details_arr = long["detail"].tolist()
    unique_ids = ids[starts]
    # Only the listed customers' tiers, by position: a dict of every customer's tier cost
    # 0.13 s at 50,000 (a categorical column iterated value by value).
    at = pd.Index(tier_of.index.astype("str")).get_indexer(pd.Index(unique_ids).astype("str"))
    tier_values = tier_of.to_numpy(dtype=object)
    tiers = [tier_values[a] if a >= 0 else None for a in at.tolist()]
    tiers = [t if isinstance(t, str) and t else Tier.MASS.value for t in tiers]
    weights = [rules.tier_weight(t) for t in tiers]
    priorities, reason_tuples, detail_lists = [], [], []
    for start, end, weight in zip(starts, ends, weights, strict=True):
        total = 0.0
        listed = []
        for i in range(start, end):
            points = round(float(points_arr[i]), 1)
            total += points
            listed.append({"reason": reasons_arr[i], "points": points,
                           "weighted": round(points * weight, 1), **details_arr[i]})
        priorities.append(round(total * weight, 1))
        reason_tuples.append(tuple(reasons_arr[start:end]))
        detail_lists.append(listed)
    frame = pd.DataFrame({
        "customer_id": pd.Series(unique_ids, dtype="str"),
        "tier": pd.Series(tiers, dtype="str"),
        "priority": np.asarray(priorities, dtype="float64"),
        "tier_weight": np.asarray(weights, dtype="float64"),
        "reasons": pd.Series(reason_tuples, dtype=object),
        "reason_codes": pd.Series(["|".join(r) for r in reason_tuples], dtype="str"),
        "action": pd.Series([ACTION_FOR_REASON[WorkReason(r[0])].value for r in reason_tuples],
                            dtype="str"),
        "details": pd.Series(detail_lists, dtype=object),
        "must_do": np.array([_must_do(d, rules) for d in detail_lists], dtype=bool),
    })
    frame = frame.sort_values(["must_do", "priority", "customer_id"], ascending=[False, False, True],
                              kind="stable").reset_index(drop=True)
    order = apply_pins(list(frame["customer_id"]), pinned or {})
    frame = frame.set_index("customer_id").loc[order].reset_index()
    frame["pinned"] = frame["customer_id"].isin(list((pinned or {}).keys())).to_numpy()
    frame.insert(0, "rank", np.arange(1, len(frame) + 1))
    return frame[WORKLIST_COLUMNS]


def _must_do(details: list[dict[str, Any]], rules: WorklistRules) -> bool:
    """A due task, or a churn warning with much at stake, and the customer has not left."""
    reasons = {d["reason"] for d in details}
    if WorkReason.WIN_BACK.value in reasons:
        return False
    return WorkReason.TASK_DUE.value in reasons or any(
        d["reason"] == WorkReason.CHURN_RISK.value
        and float(d.get("value_at_risk") or 0) >= rules.must_do_value_at_risk for d in details)


def apply_pins(by_priority: list[str], pinned: Mapping[str, int]) -> list[str]:
    present = set(by_priority)
    pins = sorted((int(position), customer_id) for customer_id, position in pinned.items()
                  if customer_id in present)
    pinned_ids = {customer_id for _, customer_id in pins}
    order = [customer_id for customer_id in by_priority if customer_id not in pinned_ids]
    # Ascending inserts: an earlier pin never moves a later one off its place.
    for position, customer_id in pins:
        order.insert(min(max(position, 1) - 1, len(order)), customer_id)
    return order


def _empty_worklist() -> pd.DataFrame:
    return pd.DataFrame({
        "rank": pd.Series(dtype="int64"), "customer_id": pd.Series(dtype="str"),
        "tier": pd.Series(dtype="str"), "priority": pd.Series(dtype="float64"),
        "tier_weight": pd.Series(dtype="float64"), "reasons": pd.Series(dtype=object),
        "reason_codes": pd.Series(dtype="str"), "action": pd.Series(dtype="str"),
        "details": pd.Series(dtype=object), "pinned": pd.Series(dtype="bool"),
        "must_do": pd.Series(dtype="bool")})[WORKLIST_COLUMNS]


# -- reading the signals from a portfolio ------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class Worklist:
    """`frame`: WORKLIST_COLUMNS plus name and phone (UNMASKED: the view or export masks them).
    `skipped`: signal -> why it contributed nothing (e.g. a missing optional table).
    `tier_source`: 'segments' (last refresh) or 'summary' (fallback: today's AUM)."""

    today: dt.date
    frame: pd.DataFrame
    skipped: dict[str, str]
    tier_source: str
    hidden: int
    seconds: float


def worklist_today(portfolio: Portfolio, override: dt.date | None = None) -> dt.date:
    """The day the worklist is for: the portfolio's data date (`override`, e.g. --today, wins).
    Raises data_date.NoDataDate when the portfolio holds no data."""
    return data_date.as_of(portfolio, override)


def team_tier_rules(portfolio: Portfolio) -> TierRules:
    """The team's tier rules (cadences, thresholds), exactly as the segmentation uses them."""
    from relmgr.services.segments import load_rules

    return load_rules(portfolio).tiers


def read_tiers(portfolio: Portfolio, *, tier_rules: TierRules) -> tuple[pd.DataFrame, str]:
    """customer_id, tier for every customer, and where the tiers came from."""
    tiers = store.read_segment_tiers(portfolio)
    if len(tiers):
        return tiers, "segments"
    summary = store.read_summary_aum(portfolio)
    rank = qualifying_rank(summary["aum"].astype("float64").to_numpy(), tier_rules)
    return pd.DataFrame({"customer_id": summary["customer_id"],
                         "tier": [Tier.from_rank(int(r)).value for r in rank]}), "summary"


def read_contact_due(portfolio: Portfolio, *, today: dt.date, tiers: pd.DataFrame,
                     customers: pd.DataFrame, tier_rules: TierRules) -> pd.DataFrame:
    """analytics.tiers.contact_due as of `today` with the latest contacts from the log. A
    contact logged after `today` (a demo portfolio lives at its data date while the RM logs
    calls at the real date) counts as made today."""
    contacts = store.read_last_contacts(portfolio, excluding_outcome=ContactOutcome.NO_ANSWER.value)
    day = contacts["occurred_at"].astype("str").str.slice(0, 10)
    contacts = contacts.assign(occurred_at=day.where(day <= today.isoformat(), today.isoformat()))
    return contact_due(tiers=tiers, customers=customers, interactions=contacts, as_of=today,
                       rules=tier_rules)


def _read_churn(portfolio: Portfolio, rules: WorklistRules, *,
                today: dt.date) -> tuple[pd.DataFrame | None, str | None]:
    columns = store.table_columns(portfolio, "churn_scores")
    if not columns:
        return None, "no churn_scores table (churn warnings not computed yet)"
    if "customer_id" not in columns or "probability" not in columns:
        return None, "churn_scores lacks customer_id or probability"
    wanted = ["customer_id", "probability"] + [c for c in ("band", "value_at_risk", "reasons")
                                               if c in columns]
    handled = next((c for c in ("handled", "handled_at", "handled_on") if c in columns), None)
    if handled:
        wanted.append(handled)
    bands = list(rules.churn_always_bands)
    where = "WHERE probability >= ?"
    params: list[object] = [rules.churn_min_probability]
    if "band" in columns and bands:
        where += f" OR upper(band) IN ({', '.join('?' * len(bands))})"
        params += [b.upper() for b in bands]
    frame = store.read_columns(portfolio, "churn_scores", wanted, where, params)
    if handled and handled != "handled":
        frame = frame.rename(columns={handled: "handled"})
    if "handled" not in frame:
        frame["handled"] = handled_by_action(frame, store.read_latest_churn_actions(portfolio),
                                              today=today)
    return frame, None


_BAND_RANK = {"LOW": 0, "MEDIUM": 1, "HIGH": 2}


def handled_by_action(scores: pd.DataFrame, actions: pd.DataFrame, *, today: dt.date) -> np.ndarray:
    """A warning is handled when the RM's last action on it (issue 5's churn_actions) is
    HANDLED and the band has not risen since, or SNOOZED until a later day than `today`."""
    if not len(actions) or not len(scores):
        return np.zeros(len(scores), dtype=bool)
    last = actions.drop_duplicates("customer_id", keep="last").set_index("customer_id")
    def of_last(column: str) -> pd.Series:
        # object dtype first: a column of only missing values maps to float NaN, which "" cannot fill
        return scores["customer_id"].map(last[column]).astype(object).fillna("").astype("str")

    action = of_last("action").to_numpy()
    until = of_last("until").str.slice(0, 10).to_numpy()
    acted_band = of_last("band").str.upper()
    band = (scores["band"].fillna("").astype("str").str.upper() if "band" in scores
            else pd.Series("", index=scores.index))
    risen = (band.map(_BAND_RANK).fillna(-1).to_numpy()
             > acted_band.map(_BAND_RANK).fillna(99).to_numpy())
    return ((action == "HANDLED") & ~risen) | ((action == "SNOOZED") & (until > today.isoformat()))


_OUTCOME_DATE_COLUMNS = ("at", "decided_on", "responded_on", "outcome_on", "recorded_at", "decided_at",
                         "created_at", "updated_at")


def _read_recommendations(portfolio: Portfolio, *, today: dt.date,
                          rules: WorklistRules) -> tuple[pd.DataFrame | None, str | None]:
    columns = store.table_columns(portfolio, "recommendation_outcomes")
    if not columns:
        return None, "no recommendation_outcomes table (recommendation outcomes not recorded yet)"
    missing = [c for c in ("customer_id", "product_id", "outcome") if c not in columns]
    date_column = next((c for c in _OUTCOME_DATE_COLUMNS if c in columns), None)
    if missing or date_column is None:
        what = missing + ([] if date_column else ["a date column (" + "/".join(_OUTCOME_DATE_COLUMNS) + ")"])
        return None, f"recommendation_outcomes lacks {', '.join(what)}"
    since = today - dt.timedelta(days=rules.recommendation_follow_days)
    return store.read_accepted_recommendations(
        portfolio, date_column=date_column, accepted=RecoOutcome.ACCEPTED.value,
        since=since), None


def _days_after(day: dt.date, days: int) -> dt.date:
    """`day + days`, held at the calendar's end: a data date of 9999-12-31 (a bad row imported
    before dates were checked) must not crash the worklist."""
    return day + dt.timedelta(days=min(days, (dt.date.max - day).days))


def _read_loan_watch(portfolio: Portfolio, *, today: dt.date) -> tuple[pd.DataFrame | None, str]:
    from relmgr.services import loans          # late: services.loans is heavier than the worklist
    from relmgr.storage import loan_store

    if not loan_store.has_loan_tables(portfolio) or not portfolio.query("SELECT 1 FROM loans LIMIT 1"):
        return None, "no loans in the portfolio"
    return loans.load_watch(portfolio, today=today).open_lines, ""


def read_signals(portfolio: Portfolio, *, today: dt.date, rules: WorklistRules = WorklistRules(),
                 tier_rules: TierRules | None = None) -> tuple[WorklistSignals, dict[str, str], str]:
    """Every signal the portfolio has, the signals skipped (and why), and the tier source."""
    tier_rules = tier_rules or team_tier_rules(portfolio)
    customers = store.read_customer_dates(portfolio)
    tiers, tier_source = read_tiers(portfolio, tier_rules=tier_rules)
    due = read_contact_due(portfolio, today=today, tiers=tiers, customers=customers,
                           tier_rules=tier_rules)
    skipped: dict[str, str] = {}
    churn, why = _read_churn(portfolio, rules, today=today)
    if why:
        skipped[WorkReason.CHURN_RISK.value] = why
    recommendations, why = _read_recommendations(portfolio, today=today, rules=rules)
    if why:
        skipped[WorkReason.RECOMMENDATION_ACCEPTED.value] = why
    elif recommendations is not None:
        # No recommendation line for a customer who declined marketing (services/consent.py).
        from relmgr.services.consent import declined_customers
        declined = declined_customers(portfolio)
        recommendations = recommendations[~recommendations["customer_id"].isin(declined)]
    maturities = store.read_maturing_holdings(
        portfolio, first=today, last=_days_after(today, rules.maturity_days_ahead),
        closed_status=HoldingStatus.CLOSED.value)
    tasks = store.read_tasks(portfolio, status=TaskStatus.OPEN.value, due_until=today)
    loan_watch, why = _read_loan_watch(portfolio, today=today)
    if why:
        skipped[WorkReason.LOAN_WATCH.value] = why
    signals = WorklistSignals(customers=customers, tiers=tiers, contact_due=due, churn=churn,
                              maturities=maturities, tasks=tasks, recommendations=recommendations,
                              loan_watch=loan_watch)
    return signals, skipped, tier_source


def load_worklist(portfolio: Portfolio, *, today: dt.date, rules: WorklistRules = WorklistRules(),
                  tier_rules: TierRules | None = None) -> Worklist:
    """Today's worklist of a portfolio, with the RM's dismissals, snoozes and pins applied."""
    started = time.perf_counter()
    signals, skipped, tier_source = read_signals(portfolio, today=today, rules=rules,
                                                 tier_rules=tier_rules)
    hidden = store.hidden_customers(portfolio, day=today)
    frame = assemble_worklist(signals, today=today, hidden=hidden,
                              pinned=store.pinned_positions(portfolio, day=today), rules=rules)
    names = store.read_customer_contact_fields(portfolio, frame["customer_id"])
    frame = frame.merge(names[["customer_id", "name", "phone"]], on="customer_id", how="left")
    return Worklist(today=today, frame=frame, skipped=skipped, tier_source=tier_source,
                    hidden=len(hidden), seconds=round(time.perf_counter() - started, 3))


# -- the RM's arrangement of the day ------------------------------------------------------------
def _require_customer(portfolio: Portfolio, customer_id: str) -> None:
    if not store.customer_exists(portfolio, customer_id):
        raise ValueError(f"no customer {customer_id!r} in this portfolio")


def _require_customers(portfolio: Portfolio, customer_ids: Sequence[str]) -> list[str]:
    """The customers, each once, in order; ValueError when there is none or one is unknown."""
    ids = list(dict.fromkeys(str(c) for c in customer_ids))
    if not ids:
        raise ValueError("no customer given")
    for customer_id in ids:
        _require_customer(portfolio, customer_id)
    return ids


@writes(Topic.WORKLIST)
def dismiss(portfolio: Portfolio, *, customer_ids: Sequence[str], day: dt.date) -> None:
    """Take customers off the list for `day` (all in one transaction: Today's selection); they
    come back the next day if still due."""
    ids = _require_customers(portfolio, customer_ids)
    with portfolio.transaction():
        for customer_id in ids:
            store.put_mark(portfolio, customer_id=customer_id, day=day, action=store.DISMISSED, until=None)


@writes(Topic.WORKLIST)
def snooze(portfolio: Portfolio, *, customer_ids: Sequence[str], day: dt.date, until: dt.date) -> None:
    """Hide customers from `day` until the day before `until` (one transaction); they return on
    `until`."""
    if until <= day:
        raise ValueError(f"snooze until {until.isoformat()} must be after {day.isoformat()}")
    ids = _require_customers(portfolio, customer_ids)
    with portfolio.transaction():
        for customer_id in ids:
            store.put_mark(portfolio, customer_id=customer_id, day=day, action=store.SNOOZED, until=until)


@writes(Topic.WORKLIST)
def restore(portfolio: Portfolio, *, customer_id: str, day: dt.date) -> int:
    """Undo dismissals and snoozes that hide a customer on `day`; returns how many were undone."""
    with portfolio.transaction():
        return store.delete_marks(portfolio, customer_id=customer_id, day=day)


@writes(Topic.WORKLIST)
def move(portfolio: Portfolio, *, customer_id: str, day: dt.date, position: int) -> None:
    """Pin a customer at `position` (1 = top) of `day`'s list."""
    if int(position) < 1:
        raise ValueError("position must be 1 or more")
    _require_customer(portfolio, customer_id)
    with portfolio.transaction():
        store.put_position(portfolio, customer_id=customer_id, day=day, position=int(position))


@writes(Topic.WORKLIST)
def reset_order(portfolio: Portfolio, *, day: dt.date, customer_id: str | None = None) -> int:
    """Forget the manual position of one customer (or all) on `day`: priority order again."""
    with portfolio.transaction():
        return store.delete_positions(portfolio, day=day, customer_id=customer_id)


def hidden_today(portfolio: Portfolio, *, day: dt.date) -> pd.DataFrame:
    """Dismissed and snoozed customers of `day` (customer_id, day, action, until, marked_at)."""
    return store.read_marks(portfolio, day=day)


@writes(Topic.WORKLIST)
def move_line(portfolio: Portfolio, *, day: dt.date, customer_id: str, from_position: int,
              to_position: int, displaced_id: str, displaced_pinned: bool) -> None:
    """Pin `customer_id` at `to_position` (the neighbouring place). When the line it swaps with
    was pinned there by hand too, that line is pinned at `from_position`, so the two really swap;
    an unpinned line simply flows into the freed place."""
    move(portfolio, customer_id=customer_id, day=day, position=to_position)
    if displaced_pinned:
        move(portfolio, customer_id=displaced_id, day=day, position=from_position)
