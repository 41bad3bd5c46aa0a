"""Codes as the words an RM reads, in English or Simplified Chinese, without Qt.

The domain, the analytics and the database speak in codes (`Tier.PRIVATE`,
`ReasonCode.AUM_DROP_180D` with -0.42); this package alone turns them into words, so the window
(through the thin relmgr/ui/*/texts.py modules, which pass the UI's current language) and every
export (which runs without Qt) read the same. One module per feature, each with its words for
both languages side by side:

- customers: gender, risk rating and level, product family, holding status, transaction kind,
  channel, a product's name
- contacts: contact channel, purpose and outcome, task status, the churn follow-up task's title
- segments: tiers, tier changes, contact status, RFM segments, lifecycle stages and their
  reasons, cluster traits, stage playbooks
- churn: risk bands, warning states, model kinds, churn reasons as sentences with numbers
- recommendations: suitability rules, actions, warnings, outcomes, recommendation reasons
- worklist: Today's reasons and suggested actions, how each reason earns its points
- campaigns, audit: offer arms and outcomes; audit actions
- exports: column headings, list titles and the words of the exported documents
- dashboard: the dashboard's figures and KPIs, each with its definition
- money: amounts in 万元 / 亿元 or CNY, for summaries, lists and chart axes
- alerts: the reasons of unusual-activity alerts, in words and numbers
- rules: the names of the team rules an RM can change and why a value is refused

A word is a pair (English, Chinese); `say` picks one for a language. An unknown code (from a
newer import file, say) is shown as it is rather than hidden.

The package sits in services (not domain) because the Today worklist's and the recommender's
codes are defined in services.worklist and analytics.recommend; it imports nothing from the
rest of services but those codes, so any service may use it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from enum import StrEnum
from typing import Any

ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = (CHINESE, ENGLISH)

#: (English, Chinese)
Pair = tuple[str, str]


def checked(language: str) -> str:
    """`language` when it is one of LANGUAGES; ValueError otherwise."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    return language


def say(pair: Pair, language: str) -> str:
    """The word of `pair` in `language`."""
    return pair[1] if checked(language) == CHINESE else pair[0]


def missing(value: Any) -> bool:
    """None, '' and NaN: nothing to name."""
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


def label(words: Mapping[Any, Pair], kind: type[StrEnum], value: Any, *, language: str) -> str:
    """The word for `value` (a code of `kind`, or its string); '' for nothing, the value
    itself for an unknown code."""
    if missing(value):
        return ""
    try:
        pair = words.get(kind(value))
    except ValueError:
        return str(value)
    return say(pair, language) if pair else str(value)
