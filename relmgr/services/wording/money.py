"""Money as an RM reads it (issue 18), one function per use:

- `summary_money`: a figure in a summary (dashboard, KPI, report). Chinese in 万元 / 亿元 with two
  decimals (28,113,500 → 2,811.35万元; 352,000,000 → 3.52亿元), below 1万 in 元; English in CNY with
  thousands separators, whole yuan (CNY 28,113,500).
- `full_money`: a row of a list, to the fen in both languages (28,113,500.00元, CNY 28,113,500.00).
- `axis_money`: a chart's tick, short: Chinese 2,811万 / 3.5亿, English 28.1M / 850K / 1.2B.

Rounding is half away from zero on the decimal value (as a teller rounds), not binary float's.
Nothing to show (None, NaN, ±inf) reads "-".
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from relmgr.services.wording import CHINESE, checked

NOTHING = "-"
WAN = Decimal(10_000)
YI = Decimal(100_000_000)


def _decimal(amount: Any) -> Decimal | None:
    if amount is None or isinstance(amount, bool):
        return None
    try:
        number = float(amount)
    except (TypeError, ValueError):
        return None
    if not math.isfinite(number):
        return None
    # repr of a float is the shortest text that reads back as it: 2811.345 stays 2811.345.
    return Decimal(repr(number)) if isinstance(amount, float) else Decimal(str(amount))


def _round(value: Decimal, places: int) -> Decimal:
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return abs(rounded) if rounded == 0 else rounded  # never "-0.00"


def _fixed(value: Decimal, places: int) -> str:
    return f"{_round(value, places):,.{places}f}"


def _in_units(value: Decimal, units: tuple[tuple[Decimal, str], ...], step: int,
              places: Any) -> tuple[Decimal, str, int]:
    """(value in the largest unit it reaches once rounded, that unit's suffix, decimal places):
    the next unit is taken when the rounded figure in the current one reaches `step`, so
    999,999.995 reads 1M, not 1,000K. `places(scaled, suffix)` gives the decimals shown."""
    unit, suffix = units[0]
    for bigger, bigger_suffix in units[1:]:
        scaled = value / unit
        if abs(_round(scaled, places(scaled, suffix))) < step:
            break
        unit, suffix = bigger, bigger_suffix
    scaled = value / unit
    return scaled, suffix, places(scaled, suffix)


def summary_money(amount: Any, *, language: str) -> str:
    value = _decimal(amount)
    if value is None:
        checked(language)
        return NOTHING
    if checked(language) == CHINESE:
        scaled, suffix, places = _in_units(value, ((Decimal(1), "元"), (WAN, "万元"), (YI, "亿元")), 10_000,
                                           lambda _, suffix: 0 if suffix == "元" else 2)
        return f"{_fixed(scaled, places)}{suffix}"
    return f"CNY {_fixed(value, 0)}"


def full_money(amount: Any, *, language: str) -> str:
    value = _decimal(amount)
    if value is None:
        checked(language)
        return NOTHING
    return f"{_fixed(value, 2)}元" if checked(language) == CHINESE else f"CNY {_fixed(value, 2)}"


def _tick_places(scaled: Decimal, suffix: str) -> int:
    return 0 if not suffix or abs(scaled) >= 100 else 1


def axis_money(amount: Any, *, language: str) -> str:
    value = _decimal(amount)
    if value is None:
        checked(language)
        return NOTHING
    if checked(language) == CHINESE:
        units, step = ((Decimal(1), ""), (WAN, "万"), (YI, "亿")), 10_000
    else:
        units, step = ((Decimal(1), ""), (Decimal(10) ** 3, "K"), (Decimal(10) ** 6, "M"),
                       (Decimal(10) ** 9, "B")), 1000
    scaled, suffix, places = _in_units(value, units, step, _tick_places)
    if not suffix:
        return _fixed(value, 0)
    text = _fixed(scaled, places)
    return (text[:-2] if text.endswith(".0") else text) + suffix
