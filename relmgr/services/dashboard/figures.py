"""The dashboard's figures at a month (default: the data date's month); see the package docstring."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from relmgr.domain.churn import RiskBand
from relmgr.domain.segments import Tier
from relmgr.services import data_date
from relmgr.services.wording import LANGUAGES, say
from relmgr.services.wording.dashboard import DEFINITIONS, FIGURES, UNAVAILABLE
from relmgr.storage import dashboard_store as store
from relmgr.storage.portfolio import Portfolio


def month_bounds(month: str) -> tuple[dt.date, dt.date]:
    """First and last day of 'YYYY-MM'; ValueError naming the value otherwise."""
    try:
        year, number = (int(part) for part in month.split("-"))
        first = dt.date(year, number, 1)
    except ValueError:
        raise ValueError(f"month {month!r} is not YYYY-MM") from None
    return first, first.replace(day=calendar.monthrange(year, number)[1])


def shift_month(month: str, months: int) -> str:
    year, number = (int(part) for part in month.split("-"))
    index = year * 12 + number - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _change(now: float | None, before: float | None) -> dict[str, float] | None:
    if now is None or before is None:
        return None
    return {"amount": round(now - before, 2),
            "ratio": round((now - before) / before, 6) if before else None}


@dataclass
class Dashboard:
    """The figures; `to_json()` adds each figure's title and definition in both languages."""

    month: str
    as_of: dt.date            # the day the figures count to: the data date, or the month's end
    figures: dict[str, Any]
    unavailable: dict[str, str] = field(default_factory=dict)  # figure: UNAVAILABLE code

    def to_json(self) -> dict[str, Any]:
        return {
            "month": self.month,
            "as_of": self.as_of.isoformat(),
            "figures": {code: {"value": value,
                               "title": {lang: say(FIGURES[code], lang) for lang in LANGUAGES},
                               "definition": {lang: say(DEFINITIONS[code], lang) for lang in LANGUAGES},
                               **({"unavailable": {lang: say(UNAVAILABLE[self.unavailable[code]], lang)
                                                   for lang in LANGUAGES}}
                                  if code in self.unavailable else {})}
                        for code, value in self.figures.items()},
        }


def load_dashboard(portfolio: Portfolio, *, month: str | None = None,
                   today: dt.date | None = None) -> Dashboard:
    """The figures of `month` ('YYYY-MM'; default the data date's month). The month may not lie
    after the data date's. Raises data_date.NoDataDate / ValueError with one sentence."""
    as_of = data_date.as_of(portfolio, today)
    month = month or as_of.strftime("%Y-%m")
    first, last = month_bounds(month)
    if first > as_of:
        raise ValueError(f"month {month} is after the portfolio's data date {as_of.isoformat()}")
    current = last >= as_of
    day = as_of if current else last
    # The RM logs contacts and answers at the wall clock, past a demo's data date: those count as
    # made on the data date (as services.worklist does), so the data date's month reads them all.
    logged_until = "9999-12-31" if current else last.isoformat()
    unavailable: dict[str, str] = {}
    figures: dict[str, Any] = {}

    aum = store.aum_by_month(portfolio, first=shift_month(month, -12), last=month)
    total = aum.get(month)
    figures["total_aum"] = None if total is None else round(total, 2)
    if total is None:
        unavailable["total_aum"] = "balances"
    figures["aum_mom"] = _change(total, aum.get(shift_month(month, -1)))
    figures["aum_yoy"] = _change(total, aum.get(shift_month(month, -12)))

    flows = store.flows_by_month(portfolio, first_month=shift_month(month, -11), last_month=month)
    figures["net_inflow"] = [
        {"month": m, "inflow": round(flows.get(m, (0.0, 0.0))[0], 2),
         "outflow": round(flows.get(m, (0.0, 0.0))[1], 2),
         "net": round(flows.get(m, (0.0, 0.0))[0] - flows.get(m, (0.0, 0.0))[1], 2)}
        for m in (shift_month(month, k) for k in range(-11, 1))]

    segmented = store.latest_segment_run(portfolio) is not None
    if segmented:
        by_tier = {tier: (n, aum_) for tier, n, aum_ in store.tiers_of_open_customers(portfolio)}
        figures["tiers"] = [{"tier": t.value, "customers": by_tier.get(t.value, (0, 0.0))[0],
                             "aum": round(by_tier.get(t.value, (0, 0.0))[1], 2)} for t in Tier]
        figures["stages"] = store.stages(portfolio)
        figures["stage_moves"] = [{"from": a, "to": b, "customers": n}
                                  for a, b, n in store.stage_moves(portfolio, month)]
        contacts = {tier: (made, due) for tier, made, due in store.contacts_by_tier(
            portfolio, month_start=first.isoformat(), month_end=last.isoformat(),
            logged_until=logged_until)}
        figures["contacts"] = [{"tier": t.value, "made": contacts[t.value][0], "due": contacts[t.value][1],
                                "coverage": (round(contacts[t.value][0] / contacts[t.value][1], 4)
                                             if contacts[t.value][1] else None)}
                               for t in Tier if t.value in contacts]
    else:
        for code in ("tiers", "stages", "stage_moves", "contacts"):
            figures[code] = None
            unavailable[code] = "segments"

    scored_on, bands = store.churn_bands(portfolio)
    if scored_on is None:
        figures["churn"] = None
        unavailable["churn"] = "churn"
    else:
        by_band = {band: (n, var) for band, n, var in bands}
        figures["churn"] = {
            "scored_on": scored_on,
            "bands": [{"band": b.value, "customers": by_band.get(b.value, (0, 0.0))[0],
                       "value_at_risk": round(by_band.get(b.value, (0, 0.0))[1], 2)} for b in RiskBand],
            "value_at_risk": round(sum(v for _, v in by_band.values()), 2)}

    answers = store.recommendation_outcomes(portfolio, since=first.isoformat(), until=logged_until)
    answered = sum(answers.values())
    figures["recommendations"] = {"answered": answered, "accepted": answers.get("ACCEPTED", 0),
                                  "acceptance": (round(answers.get("ACCEPTED", 0) / answered, 4)
                                                 if answered else None)}
    open_tasks, overdue = store.open_tasks(portfolio, day=day.isoformat())
    figures["tasks"] = {"open": open_tasks, "overdue": overdue}
    figures["loans"], reason = _loans(portfolio, day=day, current=current)
    if reason:
        unavailable["loans"] = reason
    return Dashboard(month=month, as_of=day, figures=figures, unavailable=unavailable)


TREND_MONTHS = 6


def _loans(portfolio: Portfolio, *, day: dt.date, current: bool) -> tuple[dict[str, Any] | None, str | None]:
    """Loans past due per arrears bucket (loans, outstanding) and the open early warnings of the
    repayment watch (services/loans.py, the Loans page's own figures). Days past due are a snapshot
    at the data date, so an earlier month has no arrears to show: (None, reason code)."""
    from relmgr.analytics.loan_watch import WatchReason
    from relmgr.services.loan_months import stored_months
    from relmgr.services.loans import Missing, load_watch

    if not current:
        return None, "loans_snapshot"
    watch = load_watch(portfolio, today=day)
    if Missing.NO_LOANS in watch.missing:
        return None, "loans"
    buckets = [{"bucket": code, "loans": row["loans"], "outstanding": row["outstanding"]}
               for code, row in watch.buckets.items()]
    early = watch.open_lines[watch.open_lines["reason"] != WatchReason.ARREARS.value]
    # The loans past due at the month ends kept by imports (loan_months.py), then this month's
    # from the watch just read (the loans are not read a second time): the last TREND_MONTHS.
    month = day.isoformat()[:7]
    past_due = sum(b["loans"] for b in buckets)
    trend = [{"month": m["month"], "past_due": sum(b["count"] for b in m["buckets"].values())}
             for m in stored_months(portfolio, before=month)]
    trend = (trend + [{"month": month, "past_due": past_due}])[-TREND_MONTHS:]
    return {"buckets": buckets, "past_due": past_due,
            "outstanding": round(sum(b["outstanding"] for b in buckets), 2),
            "early_warnings": int(len(early)),
            "early_customers": int(early["customer_id"].nunique()), "trend": trend}, None


def untiered_customers(figures: dict[str, Any]) -> int | None:
    """Customers in the stored segmentation who are not in a tier: those who left the bank (tiers
    count open customers only, stages count everyone). None without segments."""
    if figures.get("tiers") is None or figures.get("stages") is None:
        return None
    return max(0, sum(figures["stages"].values()) - sum(row["customers"] for row in figures["tiers"]))
