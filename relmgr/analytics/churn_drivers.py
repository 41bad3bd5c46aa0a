"""Why customers leave, across the portfolio (流失原因分析): the portfolio's value at risk split
by the groups of reasons behind it (relmgr.domain.churn.DriverGroup).

Each customer's value at risk (probability × AUM) is shared among their stated reasons in
proportion to each reason's impact (the points of risk it carries, relmgr/analytics/churn_model.py
`explain`); a customer at risk with no stated reason counts under NO_SINGLE_REASON. The shares
therefore add up to the whole value at risk, and a group's share says how much of the money at
risk is at risk mainly for that kind of reason. Reasons without an impact (the rule baseline's)
share equally.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pandas as pd

from relmgr.domain.churn import DRIVER_OF, DriverGroup, ReasonCode


def risk_drivers(scores: pd.DataFrame) -> list[dict[str, Any]]:
    """[{group, value_at_risk, share, customers}] largest share first, from scores with
    value_at_risk and reasons (lists of {code, value, impact}). `customers`: how many customers
    have at least one reason of the group. Empty when nothing is at risk."""
    money: dict[DriverGroup, float] = defaultdict(float)
    people: dict[DriverGroup, int] = defaultdict(int)
    for value, reasons in zip(scores["value_at_risk"].to_numpy(dtype=float), scores["reasons"], strict=True):
        if not value > 0:
            continue
        weights: dict[DriverGroup, float] = defaultdict(float)
        for reason in reasons or []:
            try:
                group = DRIVER_OF[ReasonCode(reason.get("code"))]
            except (ValueError, KeyError):
                continue
            impact = reason.get("impact")
            weights[group] += float(impact) if impact is not None and impact > 0 else 1.0
        if not weights:
            weights[DriverGroup.NO_SINGLE_REASON] = 1.0
        total = sum(weights.values())
        for group, weight in weights.items():
            money[group] += value * weight / total
            people[group] += 1
    whole = sum(money.values())
    if not whole > 0:
        return []
    rows = [{"group": group.value, "value_at_risk": round(amount, 2), "share": round(amount / whole, 4),
             "customers": people[group]} for group, amount in money.items()]
    return sorted(rows, key=lambda r: (-r["share"], r["group"]))
