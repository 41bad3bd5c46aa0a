"""What a write changed, so every view that shows it reads again (Anki's OpChanges pattern).

Each write the RM can make declares, with `@writes(...)`, the kinds of data it changes. The
window's task runner (relmgr/ui/shell/runner.py) emits that `Changes` value on one signal when the
write has run, and each page, which names the kinds it reads (`READS`), decides for itself
whether to read again. No page needs to know which other page wrote what.

Why declared on the function rather than returned with its result: the writes' results (the
new interaction or task id, a written marker) are used by the command line and the tests as
they are; what a write can change is a property of the write, not of one call. A write that
may or may not change a kind (logging a contact with or without a follow-up task) declares
both: reading once too often is cheap, showing a stale page is not.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Any, TypeVar


class Topic(StrEnum):
    """A kind of data a write changes and a page reads."""

    CUSTOMERS = "customers"             # customers, holdings, transactions (an import)
    CONTACTS = "contacts"               # the contact log (last contact, contacts due)
    TASKS = "tasks"                     # follow-up tasks
    WORKLIST = "worklist"               # today's plan: order, snoozes, dismissals
    WARNINGS = "warnings"               # churn warnings handled or snoozed
    SCORES = "scores"                   # churn scores
    MODEL = "model"                     # the churn model and its card
    RECOMMENDATIONS = "recommendations"  # recommendation outcomes (accepted, declined)
    SEGMENTS = "segments"               # tiers, RFM segments, clusters, lifecycle stages
    RULES = "rules"                     # the team's rules (tier cadences, thresholds)
    AUDIT = "audit"                     # the audit log
    OUTBOX = "outbox"                   # summaries waiting for head office, sent or refused
    MARKETING = "marketing"             # marketing consent, target lists, campaigns
    LOANS = "loans"                     # repayment-watch lines handled


@dataclasses.dataclass(frozen=True)
class Changes:
    topics: frozenset[Topic] = frozenset()

    @classmethod
    def of(cls, *topics: Topic) -> Changes:
        return cls(frozenset(topics))

    @classmethod
    def everything(cls) -> Changes:
        return cls(frozenset(Topic))

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.topics | other.topics)

    def __bool__(self) -> bool:
        return bool(self.topics)

    def touches(self, topics: Iterable[Topic]) -> bool:
        return not self.topics.isdisjoint(topics)


F = TypeVar("F", bound=Callable[..., Any])


def writes(*topics: Topic) -> Callable[[F], F]:
    """Declare what the decorated write changes; the function itself is unchanged."""
    def declare(fn: F) -> F:
        fn.changes = Changes.of(*topics)  # type: ignore[attr-defined]
        return fn
    return declare


def changes_of(fn: Callable[..., Any]) -> Changes:
    """What `fn` declared it changes (nothing, for a read)."""
    return getattr(fn, "changes", Changes())
