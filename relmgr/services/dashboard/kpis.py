"""KPIs (考核指标) against the team's targets (issue 18): AUM growth, new customers, customers
upgraded a tier, retention of customers at risk, contact coverage of due customers, conversion
of recommendations.

The targets are a team rule (team_rules 'kpi.targets', a JSON object {kpi: target}); only the
overrides are stored, the defaults are DEFAULT_TARGETS. The actual figures come from the same
stored results as the dashboard (services/dashboard/figures.py) so the two never disagree.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from relmgr.services.changes import Topic, writes
from relmgr.services.dashboard.figures import Dashboard, load_dashboard, month_bounds, shift_month
from relmgr.services.wording import LANGUAGES, say
from relmgr.services.wording.dashboard import KPI_DEFINITIONS, KPI_TITLES
from relmgr.storage import dashboard_store as store
from relmgr.storage.portfolio import Portfolio
from relmgr.storage.rules import get_rule, set_rule

KPI_RULE_KEY = "kpi.targets"
# Ratios are fractions (0.08 = 8%); counts are customers per month.
RATIOS = ("aum_growth", "retention_at_risk", "contact_coverage", "conversion")
COUNTS = ("new_customers", "upgraded")
KPIS = ("aum_growth", "new_customers", "upgraded", "retention_at_risk", "contact_coverage", "conversion")
# Defaults a branch starts from before it sets its own: year-to-date AUM growth by the year's end,
# monthly counts, and rates for the month.
DEFAULT_TARGETS: dict[str, float] = {
    "aum_growth": 0.08, "new_customers": 5, "upgraded": 3,
    "retention_at_risk": 0.85, "contact_coverage": 0.90, "conversion": 0.20,
}


def _checked_target(kpi: str, value: Any) -> float:
    if kpi not in KPIS:
        raise ValueError(f"unknown KPI {kpi!r}: choose {', '.join(KPIS)}")
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"the target of {kpi} must be a number, not {value!r}")
    if kpi in COUNTS and (value < 0 or value != int(value)):
        raise ValueError(f"the target of {kpi} must be a whole number of customers, 0 or more")
    if kpi == "aum_growth" and not -1 < value <= 10:
        raise ValueError("the target of aum_growth must be a fraction above -1 (0.08 = 8%)")
    if kpi in RATIOS and kpi != "aum_growth" and not 0 < value <= 1:
        raise ValueError(f"the target of {kpi} must be a fraction above 0 and at most 1 (0.9 = 90%)")
    return int(value) if kpi in COUNTS else float(value)


def load_targets(portfolio: Portfolio) -> dict[str, float]:
    """The defaults with the team's overrides; ValueError naming the rule when it is malformed."""
    stored = get_rule(portfolio, KPI_RULE_KEY, {})
    if not isinstance(stored, dict):
        raise ValueError(f"team rule {KPI_RULE_KEY!r} must be an object {{kpi: target}}")
    try:
        return {**DEFAULT_TARGETS, **{k: _checked_target(k, v) for k, v in stored.items()}}
    except ValueError as error:
        raise ValueError(f"team rule {KPI_RULE_KEY!r}: {error}") from None


@writes(Topic.RULES)
def set_targets(portfolio: Portfolio, targets: dict[str, Any]) -> dict[str, float]:
    """Store the given targets (others keep theirs); all are checked before any is written.
    Returns the effective targets."""
    checked = {kpi: _checked_target(kpi, value) for kpi, value in targets.items()}
    stored = get_rule(portfolio, KPI_RULE_KEY, {})
    merged = {**(stored if isinstance(stored, dict) else {}), **checked}
    with portfolio.transaction():
        set_rule(portfolio, KPI_RULE_KEY, merged)
    return load_targets(portfolio)


@dataclass(frozen=True)
class Kpi:
    code: str
    actual: float | None       # None: no basis this month (nothing due, no answers, no data)
    target: float
    numerator: float | None    # what was counted, so the RM can check the figure
    denominator: float | None

    @property
    def progress(self) -> float | None:
        """actual / target (1.0 = on target); None without an actual or with a zero target."""
        if self.actual is None or not self.target:
            return None
        return round(self.actual / self.target, 4)

    def to_json(self) -> dict[str, Any]:
        return {"kpi": self.code, "actual": self.actual, "target": self.target,
                "progress": self.progress, "numerator": self.numerator,
                "denominator": self.denominator,
                "title": {lang: say(KPI_TITLES[self.code], lang) for lang in LANGUAGES},
                "definition": {lang: say(KPI_DEFINITIONS[self.code], lang) for lang in LANGUAGES}}


def _ratio(part: float, whole: float) -> float | None:
    return round(part / whole, 4) if whole else None


def compute_kpis(portfolio: Portfolio, *, month: str | None = None, today: dt.date | None = None,
                 dashboard: Dashboard | None = None) -> tuple[Dashboard, list[Kpi]]:
    """The KPIs of `month` (default: the data date's) with their targets; pass `dashboard` when
    it is already loaded for the same month."""
    dash = dashboard or load_dashboard(portfolio, month=month, today=today)
    targets = load_targets(portfolio)
    first, last = month_bounds(dash.month)
    figures = dash.figures

    year_end = f"{int(dash.month[:4]) - 1}-12"
    start_aum = store.aum_by_month(portfolio, first=year_end, last=year_end).get(year_end)
    total = figures["total_aum"]
    growth = _ratio(total - start_aum, start_aum) if total is not None and start_aum else None

    changes = store.tier_changes(portfolio, first=dash.month, last=dash.month)
    at_risk, churned = store.decline_outcomes(portfolio, dash.month)
    contacts = figures["contacts"] or []
    made, due = sum(r["made"] for r in contacts), sum(r["due"] for r in contacts)
    reco = figures["recommendations"]
    new = store.new_customers(portfolio, first=first.isoformat(), last=dash.as_of.isoformat())
    segmented = figures["tiers"] is not None
    kpis = [
        Kpi("aum_growth", growth, targets["aum_growth"],
            None if growth is None else round(total - start_aum, 2), start_aum),
        Kpi("new_customers", new, targets["new_customers"], new, None),
        Kpi("upgraded", changes.get("UP", 0) if segmented else None, targets["upgraded"],
            changes.get("UP", 0) if segmented else None, None),
        Kpi("retention_at_risk", _ratio(at_risk - churned, at_risk), targets["retention_at_risk"],
            at_risk - churned, at_risk),
        Kpi("contact_coverage", _ratio(made, due), targets["contact_coverage"], made, due),
        Kpi("conversion", reco["acceptance"], targets["conversion"], reco["accepted"], reco["answered"]),
    ]
    return dash, kpis


def kpis_json(portfolio: Portfolio, *, month: str | None = None, today: dt.date | None = None) -> dict[str, Any]:
    dash, kpis = compute_kpis(portfolio, month=month, today=today)
    return {"month": dash.month, "as_of": dash.as_of.isoformat(),
            "previous_year_end": shift_month(f"{dash.month[:4]}-01", -1),
            "kpis": [k.to_json() for k in kpis]}
