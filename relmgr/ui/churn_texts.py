"""Churn warning codes (relmgr/domain/churn.py) as the words an RM reads: labels of risk bands,
warning states, reason codes and model kinds, and `reason_sentence`, which turns a reason
{code, value} from the churn model into one plain sentence with the customer's own number
("AUM down 62% in 90 days", "Salary credit stopped 2 months ago").

The units of each value are those documented on `ReasonCode` (and produced by
relmgr/analytics/churn_model.py `_reason_for`): fractional changes (-0.62 = down 62%), CNY
amounts, days, months, counts, years. Labels are marked under the context "Codes" like
relmgr/ui/texts.py; the sentences under "ChurnTexts". Both are translated when asked for, so a
language switch takes effect at the next call.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from relmgr.domain.churn import ModelKind, ReasonCode, RiskBand, WarningState

CONTEXT = "Codes"
SENTENCE_CONTEXT = "ChurnTexts"

_BAND_LABELS = {
    RiskBand.HIGH: QT_TRANSLATE_NOOP("Codes", "High"),
    RiskBand.MEDIUM: QT_TRANSLATE_NOOP("Codes", "Medium"),
    RiskBand.LOW: QT_TRANSLATE_NOOP("Codes", "Low"),
}
_STATE_LABELS = {
    WarningState.OPEN: QT_TRANSLATE_NOOP("Codes", "Open"),
    WarningState.HANDLED: QT_TRANSLATE_NOOP("Codes", "Handled"),
    WarningState.SNOOZED: QT_TRANSLATE_NOOP("Codes", "Snoozed"),
}
_KIND_LABELS = {
    ModelKind.MODEL: QT_TRANSLATE_NOOP("Codes", "Gradient boosting model (calibrated)"),
    ModelKind.RULE_BASELINE: QT_TRANSLATE_NOOP("Codes", "Rule baseline (days since last activity)"),
}
# Short names of the reason codes (e.g. for a legend or a filter); the sentences below carry
# the numbers.
_REASON_LABELS = {
    ReasonCode.AUM_DROP_30D: QT_TRANSLATE_NOOP("Codes", "AUM drop (30 days)"),
    ReasonCode.AUM_DROP_90D: QT_TRANSLATE_NOOP("Codes", "AUM drop (90 days)"),
    ReasonCode.AUM_DROP_180D: QT_TRANSLATE_NOOP("Codes", "AUM drop (180 days)"),
    ReasonCode.AUM_CHANGE_90D: QT_TRANSLATE_NOOP("Codes", "AUM trend (90 days)"),
    ReasonCode.LOW_BALANCE: QT_TRANSLATE_NOOP("Codes", "Low balance"),
    ReasonCode.NO_ACTIVITY_DAYS: QT_TRANSLATE_NOOP("Codes", "Inactivity"),
    ReasonCode.TXNS_DOWN: QT_TRANSLATE_NOOP("Codes", "Fewer transactions"),
    ReasonCode.NET_OUTFLOW_90D: QT_TRANSLATE_NOOP("Codes", "Net outflow"),
    ReasonCode.SALARY_STOPPED: QT_TRANSLATE_NOOP("Codes", "Salary stopped"),
    ReasonCode.PENSION_STOPPED: QT_TRANSLATE_NOOP("Codes", "Pension stopped"),
    ReasonCode.DEPOSIT_MATURED_WITHDRAWN: QT_TRANSLATE_NOOP("Codes", "Matured deposit withdrawn"),
    ReasonCode.PRODUCTS_CLOSED: QT_TRANSLATE_NOOP("Codes", "Products closed"),
    ReasonCode.LOGINS_DOWN: QT_TRANSLATE_NOOP("Codes", "Fewer digital logins"),
    ReasonCode.NO_RECENT_CONTACT: QT_TRANSLATE_NOOP("Codes", "No recent contact"),
    ReasonCode.COMPLAINT: QT_TRANSLATE_NOOP("Codes", "Complaints"),
    ReasonCode.SHORT_TENURE: QT_TRANSLATE_NOOP("Codes", "New customer"),
    ReasonCode.PROFILE: QT_TRANSLATE_NOOP("Codes", "Age and product mix"),
}

# One sentence per code; {placeholders} are filled with the formatted value.
_SENTENCES = {
    ReasonCode.AUM_DROP_30D: QT_TRANSLATE_NOOP("ChurnTexts", "AUM down {pct} in 30 days"),
    ReasonCode.AUM_DROP_90D: QT_TRANSLATE_NOOP("ChurnTexts", "AUM down {pct} in 90 days"),
    ReasonCode.AUM_DROP_180D: QT_TRANSLATE_NOOP("ChurnTexts", "AUM down {pct} in 180 days"),
    ReasonCode.LOW_BALANCE: QT_TRANSLATE_NOOP("ChurnTexts", "Low balance: AUM {amount} at month end"),
    ReasonCode.TXNS_DOWN: QT_TRANSLATE_NOOP(
        "ChurnTexts", "Transactions down {pct} (last 90 days vs the 90 before)"),
    ReasonCode.NET_OUTFLOW_90D: QT_TRANSLATE_NOOP("ChurnTexts", "Net outflow of {amount} in 90 days"),
    ReasonCode.SALARY_STOPPED: QT_TRANSLATE_NOOP("ChurnTexts", "Salary credit stopped {months} months ago"),
    ReasonCode.PENSION_STOPPED: QT_TRANSLATE_NOOP("ChurnTexts", "Pension credit stopped {months} months ago"),
    ReasonCode.DEPOSIT_MATURED_WITHDRAWN: QT_TRANSLATE_NOOP(
        "ChurnTexts", "Time deposit of {amount} matured and was withdrawn"),
    ReasonCode.PRODUCTS_CLOSED: QT_TRANSLATE_NOOP("ChurnTexts", "Products closed in the last 90 days: {count}"),
    ReasonCode.LOGINS_DOWN: QT_TRANSLATE_NOOP(
        "ChurnTexts", "Digital logins down {pct} (last 3 months vs the 3 before)"),
    ReasonCode.NO_RECENT_CONTACT: QT_TRANSLATE_NOOP("ChurnTexts", "No contact from the bank for {days} days"),
    ReasonCode.COMPLAINT: QT_TRANSLATE_NOOP("ChurnTexts", "Complaints in the last 180 days: {count}"),
    ReasonCode.SHORT_TENURE: QT_TRANSLATE_NOOP("ChurnTexts", "Shorter relationship than most: {days} days"),
    ReasonCode.PROFILE: QT_TRANSLATE_NOOP("ChurnTexts", "Profile: age {years} and product mix"),
}
_AUM_UP = QT_TRANSLATE_NOOP("ChurnTexts", "AUM trend: up {pct} in 90 days")
_AUM_DOWN = QT_TRANSLATE_NOOP("ChurnTexts", "AUM trend: down {pct} in 90 days")
_AUM_FLAT = QT_TRANSLATE_NOOP("ChurnTexts", "AUM flat over 90 days")
_NO_ACTIVITY = QT_TRANSLATE_NOOP("ChurnTexts", "No transactions for {days} days")
# Under a month the model still weighs recency, but "no transactions for 3 days" would alarm.
_LAST_ACTIVITY = QT_TRANSLATE_NOOP("ChurnTexts", "Last transaction {days} days ago")
_NO_ACTIVITY_FROM_DAYS = 30
_UNKNOWN = QT_TRANSLATE_NOOP("ChurnTexts", "{code}: {value}")
_SEPARATOR = QT_TRANSLATE_NOOP("ChurnTexts", "; ")


def _tr(context: str, source: str) -> str:
    return QCoreApplication.translate(context, source)


def _label(labels: Mapping[Any, str], kind: type, value: str | None) -> str:
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return ""
    try:
        source = labels.get(kind(value))
    except ValueError:
        return str(value)
    return _tr(CONTEXT, source) if source else str(value)


def band(value: str | None) -> str:
    return _label(_BAND_LABELS, RiskBand, value)


def warning_state(value: str | None) -> str:
    return _label(_STATE_LABELS, WarningState, value)


def model_kind(value: str | None) -> str:
    return _label(_KIND_LABELS, ModelKind, value)


def reason_label(value: str | None) -> str:
    return _label(_REASON_LABELS, ReasonCode, value)


#: Every code type this module names, with its labels; a test checks each member has one.
LABELLED: tuple[tuple[type, Mapping[Any, str]], ...] = (
    (RiskBand, _BAND_LABELS), (WarningState, _STATE_LABELS), (ModelKind, _KIND_LABELS),
    (ReasonCode, _REASON_LABELS))


# -- numbers -----------------------------------------------------------------------------------
def _percent(fraction: float) -> str:
    """|-0.62| -> '62%'; small changes keep one decimal so they do not read as 0%."""
    pct = abs(fraction) * 100
    return f"{pct:.0f}%" if pct >= 9.95 or pct == 0 else f"{pct:.1f}%"


def _amount(value: float) -> str:
    return f"{abs(value):,.0f}"


def _months(value: float) -> str:
    """2.0 -> '2', 1.5 -> '1.5'."""
    rounded = round(float(value), 1)
    return f"{rounded:.0f}" if rounded == int(rounded) else f"{rounded:.1f}"


def reason_sentence(reason: Mapping[str, Any]) -> str:
    """One reason {code, value} as a sentence with its number, in the current language."""
    code, value = reason.get("code"), reason.get("value")
    try:
        kind = ReasonCode(code)
        number = float(value)
    except (ValueError, TypeError):
        return _tr(SENTENCE_CONTEXT, _UNKNOWN).format(code=code, value=value)
    if not math.isfinite(number):
        return reason_label(kind)
    if kind is ReasonCode.AUM_CHANGE_90D:
        if round(abs(number) * 100, 1) == 0:
            return _tr(SENTENCE_CONTEXT, _AUM_FLAT)
        return _tr(SENTENCE_CONTEXT, _AUM_UP if number > 0 else _AUM_DOWN).format(pct=_percent(number))
    if kind is ReasonCode.NO_ACTIVITY_DAYS:
        source = _NO_ACTIVITY if number >= _NO_ACTIVITY_FROM_DAYS else _LAST_ACTIVITY
        return _tr(SENTENCE_CONTEXT, source).format(days=f"{int(number):,}")
    return _tr(SENTENCE_CONTEXT, _SENTENCES[kind]).format(
        pct=_percent(number), amount=_amount(number), months=_months(number),
        count=f"{int(number):,}", days=f"{int(number):,}", years=f"{int(number)}")


def reasons_text(reasons: Iterable[Mapping[str, Any]] | None, *, top: int = 2) -> str:
    """The first `top` reasons as sentences joined by '; ' (for a table cell)."""
    if not isinstance(reasons, (list, tuple)):
        return ""
    return _tr(SENTENCE_CONTEXT, _SEPARATOR).join(reason_sentence(r) for r in list(reasons)[:top])
