"""The Today worklist's codes (relmgr/services/worklist.py: WorkReason, SuggestedAction) as the
words an RM reads: short labels, one sentence per reason with the line's own numbers ("Contact
34 days overdue (every 90 days; last contact 2026-01-27)"), how each reason earns its points, and
why a signal is missing from the list.

Labels are marked under the context "Codes" like relmgr/ui/texts.py, sentences under
"WorklistTexts"; both are translated when asked for, so a language switch takes effect at the
next call. Numbers come from the worklist's `details` entries; nothing here computes a score.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from relmgr.domain.codes import ContactPurpose
from relmgr.services.worklist import SuggestedAction, WorklistRules, WorkReason
from relmgr.ui import formatting

CONTEXT = "Codes"
SENTENCE_CONTEXT = "WorklistTexts"

_REASON_LABELS = {
    WorkReason.TASK_DUE: QT_TRANSLATE_NOOP("Codes", "Task due"),
    WorkReason.CHURN_RISK: QT_TRANSLATE_NOOP("Codes", "Churn risk"),
    WorkReason.MATURING: QT_TRANSLATE_NOOP("Codes", "Product maturing"),
    WorkReason.CONTACT_OVERDUE: QT_TRANSLATE_NOOP("Codes", "Contact overdue"),
    WorkReason.CONTACT_DUE: QT_TRANSLATE_NOOP("Codes", "Contact due"),
    WorkReason.RECOMMENDATION_ACCEPTED: QT_TRANSLATE_NOOP("Codes", "Accepted recommendation"),
    WorkReason.BIRTHDAY: QT_TRANSLATE_NOOP("Codes", "Birthday"),
}
_ACTION_LABELS = {
    SuggestedAction.RETENTION_CALL: QT_TRANSLATE_NOOP("Codes", "Retention call"),
    SuggestedAction.COMPLETE_TASK: QT_TRANSLATE_NOOP("Codes", "Complete the task"),
    SuggestedAction.DISCUSS_MATURITY: QT_TRANSLATE_NOOP("Codes", "Discuss the maturing funds"),
    SuggestedAction.SERVICE_CALL: QT_TRANSLATE_NOOP("Codes", "Service call"),
    SuggestedAction.CLOSE_SALE: QT_TRANSLATE_NOOP("Codes", "Complete the sale"),
    SuggestedAction.BIRTHDAY_GREETING: QT_TRANSLATE_NOOP("Codes", "Birthday greeting"),
}
#: The contact purpose a logged contact most likely had, given the line's suggested action.
PURPOSE_FOR_ACTION: dict[str, ContactPurpose] = {
    SuggestedAction.RETENTION_CALL: ContactPurpose.RETENTION,
    SuggestedAction.COMPLETE_TASK: ContactPurpose.SERVICE,
    SuggestedAction.DISCUSS_MATURITY: ContactPurpose.SALES,
    SuggestedAction.SERVICE_CALL: ContactPurpose.SERVICE,
    SuggestedAction.CLOSE_SALE: ContactPurpose.SALES,
    SuggestedAction.BIRTHDAY_GREETING: ContactPurpose.CARE,
}

_S = {
    "task": QT_TRANSLATE_NOOP("WorklistTexts", "Task due today: {title}"),
    "task_late": QT_TRANSLATE_NOOP("WorklistTexts", "Task {days} days overdue: {title}"),
    "task_more": QT_TRANSLATE_NOOP("WorklistTexts", " (+{count} more)"),
    "churn": QT_TRANSLATE_NOOP("WorklistTexts", "Churn risk {pct} ({band})"),
    "churn_why": QT_TRANSLATE_NOOP("WorklistTexts", "Churn risk {pct} ({band}): {why}"),
    "mature_today": QT_TRANSLATE_NOOP("WorklistTexts", "{product} matures today, CNY {amount}"),
    "mature_tomorrow": QT_TRANSLATE_NOOP("WorklistTexts", "{product} matures tomorrow, CNY {amount}"),
    "mature": QT_TRANSLATE_NOOP("WorklistTexts", "{product} matures {date} (in {days} days), CNY {amount}"),
    "mature_many": QT_TRANSLATE_NOOP("WorklistTexts", "{count} products mature from {date}, CNY {amount}"),
    "overdue": QT_TRANSLATE_NOOP(
        "WorklistTexts", "Contact {days} days overdue (every {cadence} days; last contact {last})"),
    # Counted from the customer's first due date, a never-contacted customer of long standing is
    # "4,372 days overdue": true but useless to an RM. Say there is no contact and since when.
    "overdue_never": QT_TRANSLATE_NOOP(
        "WorklistTexts", "No contact on record; due since {due} (every {cadence} days)"),
    "due": QT_TRANSLATE_NOOP("WorklistTexts", "Contact due by {date} (every {cadence} days)"),
    "accepted": QT_TRANSLATE_NOOP("WorklistTexts", "Accepted {products} on {date}; not opened yet"),
    "birthday_today": QT_TRANSLATE_NOOP("WorklistTexts", "Birthday today (turns {age})"),
    "birthday_tomorrow": QT_TRANSLATE_NOOP("WorklistTexts", "Birthday tomorrow (turns {age})"),
    "birthday": QT_TRANSLATE_NOOP("WorklistTexts", "Birthday on {date}, in {days} days (turns {age})"),
    "separator": QT_TRANSLATE_NOOP("WorklistTexts", "; "),
    "list_separator": QT_TRANSLATE_NOOP("WorklistTexts", ", "),
}

# How each reason earns its points (WorklistRules' documented weights).
_RULES = {
    WorkReason.TASK_DUE: QT_TRANSLATE_NOOP(
        "WorklistTexts", "{base:g} points, plus {per_day:g} per day overdue (at most {max:g} more)"),
    WorkReason.CHURN_RISK: QT_TRANSLATE_NOOP("WorklistTexts", "{base:g} points × churn probability"),
    WorkReason.MATURING: QT_TRANSLATE_NOOP(
        "WorklistTexts", "{base:g} points when it matures today, falling to {low:g} at {days} days ahead"),
    WorkReason.CONTACT_OVERDUE: QT_TRANSLATE_NOOP(
        "WorklistTexts", "{base:g} points, plus {per_day:g} per day overdue (at most {max:g} more)"),
    WorkReason.CONTACT_DUE: QT_TRANSLATE_NOOP("WorklistTexts", "{base:g} points"),
    WorkReason.RECOMMENDATION_ACCEPTED: QT_TRANSLATE_NOOP("WorklistTexts", "{base:g} points"),
    WorkReason.BIRTHDAY: QT_TRANSLATE_NOOP(
        "WorklistTexts", "{base:g} points on the day, {low:g} in the days before"),
}

_SKIPPED = {
    WorkReason.CHURN_RISK: QT_TRANSLATE_NOOP(
        "WorklistTexts", "Churn warnings are not on this list yet: the portfolio has no churn scores."),
    WorkReason.RECOMMENDATION_ACCEPTED: QT_TRANSLATE_NOOP(
        "WorklistTexts", "Accepted recommendations are not on this list yet: no outcomes recorded."),
}
_SKIPPED_OTHER = QT_TRANSLATE_NOOP("WorklistTexts", "Not on this list: {signal}.")


def _tr(context: str, source: str) -> str:
    return QCoreApplication.translate(context, source)


def _label(labels: Mapping[Any, str], kind: type, value: Any) -> str:
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return ""
    try:
        source = labels.get(kind(value))
    except ValueError:
        return str(value)
    return _tr(CONTEXT, source) if source else str(value)


def reason_label(value: str | None) -> str:
    return _label(_REASON_LABELS, WorkReason, value)


def action_label(value: str | None) -> str:
    return _label(_ACTION_LABELS, SuggestedAction, value)


#: Every code type this module names, with its labels; a test checks each member has one.
LABELLED: tuple[tuple[type, Mapping[Any, str]], ...] = (
    (WorkReason, _REASON_LABELS), (SuggestedAction, _ACTION_LABELS))


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _amount(value: Any) -> str:
    try:
        return f"{float(value):,.0f}"
    except (TypeError, ValueError):
        return ""


def _products(ids: Iterable[Any], names: Mapping[str, str] | None) -> str:
    names = names or {}
    return _tr(SENTENCE_CONTEXT, _S["list_separator"]).join(names.get(str(p)) or str(p) for p in ids)


def reason_sentence(detail: Mapping[str, Any], *, product_names: Mapping[str, str] | None = None) -> str:
    """One `details` entry of a worklist line as a sentence with its numbers."""
    reason = detail.get("reason")
    s = lambda key: _tr(SENTENCE_CONTEXT, _S[key])  # noqa: E731 (local shorthand)
    if reason == WorkReason.TASK_DUE:
        days, title = _int(detail.get("days_overdue")), str(detail.get("title") or "")
        text = s("task_late").format(days=days, title=title) if days > 0 else s("task").format(title=title)
        more = _int(detail.get("tasks")) - 1
        return text + (s("task_more").format(count=more) if more > 0 else "")
    if reason == WorkReason.CHURN_RISK:
        from relmgr.ui import churn_texts

        pct = formatting.probability(detail.get("probability") or 0)
        band = churn_texts.band(detail.get("band")) or "–"
        why = churn_texts.reasons_text(detail.get("reasons"), top=1)
        return s("churn_why").format(pct=pct, band=band, why=why) if why else s("churn").format(pct=pct, band=band)
    if reason == WorkReason.MATURING:
        days, amount = _int(detail.get("days_left")), _amount(detail.get("balance"))
        date, count = str(detail.get("maturity_on") or ""), _int(detail.get("holdings"))
        if count > 1:
            return s("mature_many").format(count=count, date=date, amount=amount)
        product = _products(detail.get("product_ids") or [], product_names)
        if days in (0, 1):
            return s("mature_today" if days == 0 else "mature_tomorrow").format(product=product, amount=amount)
        return s("mature").format(product=product, date=date, days=days, amount=amount)
    if reason == WorkReason.CONTACT_OVERDUE:
        days, cadence, last = _int(detail.get("days_overdue")), detail.get("cadence_days"), detail.get("last_contact_on")
        if last:
            return s("overdue").format(days=days, cadence=cadence or "–", last=last)
        return s("overdue_never").format(due=detail.get("due_on") or "", cadence=cadence or "–")
    if reason == WorkReason.CONTACT_DUE:
        return s("due").format(date=detail.get("due_on") or "", cadence=detail.get("cadence_days") or "–")
    if reason == WorkReason.RECOMMENDATION_ACCEPTED:
        return s("accepted").format(products=_products(detail.get("product_ids") or [], product_names),
                                    date=detail.get("accepted_on") or "")
    if reason == WorkReason.BIRTHDAY:
        days, age = _int(detail.get("days_left")), detail.get("age", "")
        if days in (0, 1):
            return s("birthday_today" if days == 0 else "birthday_tomorrow").format(age=age)
        return s("birthday").format(date=detail.get("on") or "", days=days, age=age)
    return reason_label(reason)


def reasons_text(details: Any, *, product_names: Mapping[str, str] | None = None) -> str:
    """Every reason of a line as sentences joined by '; ' (for a table cell)."""
    if not isinstance(details, list | tuple):
        return ""
    return _tr(SENTENCE_CONTEXT, _S["separator"]).join(
        reason_sentence(d, product_names=product_names) for d in details)


def points_rule(reason: str | None, rules: WorklistRules = WorklistRules()) -> str:
    """How a reason earns its points, with the rules' numbers."""
    try:
        kind = WorkReason(reason)
    except ValueError:
        return ""
    numbers = {
        WorkReason.TASK_DUE: {"base": rules.task_points, "per_day": rules.task_overdue_points_per_day,
                              "max": rules.task_overdue_max_extra},
        WorkReason.CHURN_RISK: {"base": rules.churn_points},
        WorkReason.MATURING: {"base": rules.maturity_points, "low": rules.maturity_points_at_horizon,
                              "days": rules.maturity_days_ahead},
        WorkReason.CONTACT_OVERDUE: {"base": rules.contact_overdue_points,
                                     "per_day": rules.contact_overdue_points_per_day,
                                     "max": rules.contact_overdue_max_extra},
        WorkReason.CONTACT_DUE: {"base": rules.contact_due_points},
        WorkReason.RECOMMENDATION_ACCEPTED: {"base": rules.recommendation_points},
        WorkReason.BIRTHDAY: {"base": rules.birthday_points, "low": rules.birthday_upcoming_points},
    }[kind]
    return _tr(SENTENCE_CONTEXT, _RULES[kind]).format(**numbers)


def skipped_text(signal: str) -> str:
    """Why a signal contributed nothing to today's list, in words."""
    try:
        source = _SKIPPED.get(WorkReason(signal))
    except ValueError:
        source = None
    if source:
        return _tr(SENTENCE_CONTEXT, source)
    return _tr(SENTENCE_CONTEXT, _SKIPPED_OTHER).format(signal=reason_label(signal) or signal)
