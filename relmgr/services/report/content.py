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
    campaigns: list[dict[str, Any]]      # measured: {campaign_id, name, dates, conversion, uplift, roi ...}
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


def _campaigns(portfolio: Portfolio, month: str, as_of: dt.date) -> list[dict[str, Any]]:
    """The campaigns that ran at some point in `month`, measured as the Marketing page and
    `relmgr campaigns` measure them (services/campaigns.py): conversions from the holdings opened
    in the window up to the month's end (or the data date, if sooner), never the typed outcome;
    ROI on the revenue beyond what the control group's rate would have brought."""
    from relmgr.services.campaigns import load_campaign_reports

    first, last = month_bounds(month)
    rows = []
    for report in load_campaign_reports(portfolio, today=min(last, as_of)):
        if report.start_on > last.isoformat() or report.end_on < first.isoformat():
            continue
        result, comparison = report.result, report.result.comparison
        treated, control = comparison.treatment, comparison.control
        rows.append({"campaign_id": report.campaign_id, "name": report.name, "start_on": report.start_on,
                     "end_on": report.end_on, "window_end": report.window_end, "channel": report.channel,
                     "cost_per_contact": report.cost_per_contact,
                     "treated": treated.n, "treated_converted": treated.converted,
                     "control": None if control is None else control.n,
                     "control_converted": None if control is None else control.converted,
                     "conversion": _rate(treated.rate),
                     "control_conversion": None if control is None else _rate(control.rate),
                     "uplift": _rate(comparison.uplift),
                     "uplift_ci": None if comparison.uplift_ci is None else [_rate(v) for v in comparison.uplift_ci],
                     "p_value": None if comparison.p_value is None else round(comparison.p_value, 6),
                     "verdict": comparison.verdict.value,
                     "revenue": result.revenue, "incremental_revenue": result.incremental_revenue,
                     "cost": result.cost, "roi": _rate(result.roi)})
    return rows


def _rate(value: float | None) -> float | None:
    return None if value is None else round(float(value), 4)


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
                      warning_states=states, tier_moves=moves, campaigns=_campaigns(portfolio, dashboard.month, dashboard.as_of),
                      alerts=alerts, alerts_total=alerts_total, alerts_checked=checked,
                      branch=branch, rm=rm)
