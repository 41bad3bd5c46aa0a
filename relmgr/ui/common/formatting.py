"""How numbers and dates look on screen: money in CNY with thousands separators, dates as ISO.

Kept in one place so every table, pane and chart agrees.
"""

from __future__ import annotations

import math

from relmgr.domain.churn import probability_percent


def money(value: float | None) -> str:
    """12345.6 -> '12,345.60'; None/NaN -> ''."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f"{value:,.2f}"


def money_short(value: float | None) -> str:
    """A compact amount for tight columns: 1,234,567 -> '1,234,567' (no decimals)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f"{value:,.0f}"


def probability(value: object, *, decimals: int = 0) -> str:
    """A churn probability as a percentage that never reads as certainty (see
    relmgr.domain.churn.probability_percent); None/NaN/non-numbers -> ''."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return ""
    return "" if math.isnan(number) else probability_percent(number, decimals=decimals)


def text(value: object) -> str:
    """None/NaN/pd.NA -> '', anything else as str."""
    if value is None:
        return ""
    try:
        if value != value:  # NaN and pd.NA compare unequal to themselves  # noqa: PLR0124
            return ""
    except TypeError:  # pd.NA raises on bool()
        return ""
    return str(value)
