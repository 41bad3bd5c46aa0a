"""What the monthly review report holds (issue 18), gathered once in language-free codes and
numbers: the dashboard and KPIs exactly as `relmgr dashboard` / `relmgr kpis` compute them
(services.dashboard, one call each), the top churn warnings with what was done about them, the
month's tier movements, the campaigns that ran in it, and the unusual-activity alerts at the
month's end with whether each was checked.

Names are masked here, before anything is drawn or written: the PDF and XLSX writers never see a
full name, ID number or phone. The RM's free-text notes (on warnings and alert checks) stay out:
they are written for the RM and may name people; the report says what was done (handled,
snoozed, checked and when), which is what the review asks.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from relmgr.domain.pii import mask_name
from relmgr.services.churn import load_churn_warnings
from relmgr.services.dashboard import Dashboard, month_bounds
from relmgr.services.dashboard.kpis import Kpi, compute_kpis
from relmgr.storage import report_store
from relmgr.storage.portfolio import Portfolio
from relmgr.storage.worklist_store import read_customer_contact_fields

TOP_WARNINGS = 10
TOP_ALERTS = 12
ALERT_FIELDS = ("customer_id", "signal", "txn_id", "txn_date", "amount", "severity", "checked",
                "largest_12m", "count", "days", "usual_per_month", "channel", "quiet_days")


@dataclasses.dataclass(frozen=True)
class ReportData:
    """Everything the report shows, masked; `branch` and `rm` are printed on every page."""

    dashboard: Dashboard
    kpis: list[Kpi]
    warnings: list[dict[str, Any]]       # top warnings by value at risk, HIGH and MEDIUM bands
    warnings_total: int                  # HIGH and MEDIUM warnings in all
    warning_states: dict[str, int]       # {WarningState: warnings} over all of them
    tier_moves: list[dict[str, Any]]     # {change, from, to, customers}
    campaigns: list[dict[str, Any]]      # {campaign_id, name, dates, arms, conversion, uplift ...}
    alerts: list[dict[str, Any]]         # the strongest alerts, ALERT_FIELDS + name_masked
    alerts_total: int
    alerts_checked: int
    branch: str = ""
    rm: str = ""

    @property
    def month(self) -> str:
        return self.dashboard.month

    @property
    def as_of(self) -> dt.date:
        return self.dashboard.as_of


def _masked_names(portfolio: Portfolio, customer_ids: list[str]) -> dict[str, str]:
    fields = read_customer_contact_fields(portfolio, customer_ids)
    return {str(c): mask_name(str(n)) if n else "" for c, n in zip(fields["customer_id"], fields["name"],
                                                                    strict=True)}


def _warnings(portfolio: Portfolio, as_of: dt.date) -> tuple[list[dict[str, Any]], int, dict[str, int]]:
    frame = load_churn_warnings(portfolio, bands=("HIGH", "MEDIUM"), today=as_of)
    top = frame.head(TOP_WARNINGS)
    names = _masked_names(portfolio, [str(c) for c in top["customer_id"]])
    rows = [{"rank": int(r.rank), "customer_id": str(r.customer_id),
             "name_masked": names.get(str(r.customer_id), ""), "band": r.band,
             "probability": round(float(r.probability), 4), "aum": round(float(r.aum), 2),
             "value_at_risk": round(float(r.value_at_risk), 2), "reasons": list(r.reasons or []),
             "state": r.state, "state_on": (r.state_at or "")[:10] or None,
             "snoozed_until": r.snoozed_until, "tier": r.tier}
            for r in top.itertuples()]
    states = {str(k): int(v) for k, v in frame["state"].value_counts().items()}
    return rows, len(frame), states


def _campaigns(portfolio: Portfolio, month: str) -> list[dict[str, Any]]:
    first, last = month_bounds(month)
    rows = []
    for campaign in report_store.campaign_results(portfolio, first=first.isoformat(), last=last.isoformat()):
        treated = campaign["arms"].get("TREATMENT", (0, 0, 0.0))
        control = campaign["arms"].get("CONTROL", (0, 0, 0.0))
        t_rate = treated[1] / treated[0] if treated[0] else None
        c_rate = control[1] / control[0] if control[0] else None
        rows.append({**{k: v for k, v in campaign.items() if k != "arms"},
                     "treated": treated[0], "treated_accepted": treated[1],
                     "control": control[0], "control_accepted": control[1],
                     "conversion": None if t_rate is None else round(t_rate, 4),
                     "control_conversion": None if c_rate is None else round(c_rate, 4),
                     "uplift": None if t_rate is None or c_rate is None else round(t_rate - c_rate, 4),
                     "revenue": round(treated[2], 2),
                     "cost": round(campaign["cost_per_contact"] * treated[0], 2)})
    return rows


def _alerts(portfolio: Portfolio, as_of: dt.date) -> tuple[list[dict[str, Any]], int, int]:
    # Imported here: detection reads a year of transactions, and only the report's last page needs it.
    from relmgr.services.alerts import load_alerts

    _, alerts = load_alerts(portfolio, today=as_of)
    if not len(alerts):
        return [], 0, 0
    # Checked ones first (what was done), then the strongest open ones.
    ordered = alerts.sort_values(["checked", "severity"], ascending=[False, False], kind="stable")
    top = ordered.head(TOP_ALERTS)
    names = _masked_names(portfolio, [str(c) for c in top["customer_id"]])
    rows = []
    for _, row in top.iterrows():
        picked = {k: (row[k].item() if hasattr(row[k], "item") else row[k])
                  for k in ALERT_FIELDS if k in row.index}
        rows.append({**picked, "checked": bool(row["checked"]),
                     "name_masked": names.get(str(row["customer_id"]), "")})
    return rows, len(alerts), int(alerts["checked"].sum())


def load_report(portfolio: Portfolio, *, month: str | None = None, today: dt.date | None = None,
                branch: str = "", rm: str = "") -> ReportData:
    """The report's content for `month` ('YYYY-MM'; default the data date's). Raises
    ValueError (NoDataDate, a month after the data date, a malformed KPI rule) with one sentence."""
    dashboard, kpis = compute_kpis(portfolio, month=month, today=today)
    warnings, warnings_total, states = _warnings(portfolio, dashboard.as_of)
    moves = [{"change": change, "from": before, "to": after, "customers": n}
             for change, before, after, n in report_store.tier_movements(portfolio, dashboard.month)]
    alerts, alerts_total, checked = _alerts(portfolio, dashboard.as_of)
    return ReportData(dashboard=dashboard, kpis=kpis, warnings=warnings, warnings_total=warnings_total,
                      warning_states=states, tier_moves=moves, campaigns=_campaigns(portfolio, dashboard.month),
                      alerts=alerts, alerts_total=alerts_total, alerts_checked=checked,
                      branch=branch, rm=rm)
