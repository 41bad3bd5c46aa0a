"""Marketing consent (营销同意 / 勿扰, issue 17): what the bank's export says, what the RM records,
and the one rule every marketing list follows: a customer who declined is never on it.

Declined wins wherever it was recorded (migration 0011 says why). `declined_customers` is what
the push lists, Today's recommendation lines and the target lists filter by; `marketing_blocked`
is what refuses a sales contact (services/contacts.py): a customer who declined, or one held out
in the control group of a campaign that is running, is not contacted for marketing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from relmgr.domain.codes import AuditAction, MarketingConsent
from relmgr.services import audit
from relmgr.services.changes import Topic, writes
from relmgr.services.data_date import as_of_or_none
from relmgr.storage import consent_store
from relmgr.storage.portfolio import Portfolio

MAX_NOTE_CHARS = 500


@dataclass(frozen=True)
class ConsentState:
    imported: MarketingConsent | None     # the bank's export
    recorded: MarketingConsent | None     # the RM's newest decision
    decided_on: str | None
    note: str

    @property
    def declined(self) -> bool:
        return MarketingConsent.DECLINED in (self.imported, self.recorded)


def _code(value: object) -> MarketingConsent | None:
    return None if value is None or value != value else MarketingConsent(str(value))


def consent_of(portfolio: Portfolio, customer_id: str) -> ConsentState:
    frame = consent_store.read_consent(portfolio, customer_id)
    if frame.empty:
        raise KeyError(customer_id)
    row = frame.iloc[0]
    return ConsentState(_code(row["imported"]), _code(row["recorded"]),
                        None if row["decided_on"] is None else str(row["decided_on"]),
                        "" if row["note"] is None else str(row["note"]))


def declined_customers(portfolio: Portfolio) -> set[str]:
    return consent_store.declined_ids(portfolio)


@writes(Topic.MARKETING, Topic.CUSTOMERS, Topic.WORKLIST, Topic.RECOMMENDATIONS, Topic.AUDIT)
def record_consent(portfolio: Portfolio, *, customer_id: str, consent: MarketingConsent | str,
                   decided_on: dt.date, note: str = "") -> int:
    """Record the customer's marketing decision as told to the RM, with its date and note, in the
    same transaction as its audit row; returns the decision's id. ValueError for an unknown
    customer or code, or an over-long note: nothing is written then."""
    try:
        code = MarketingConsent(str(consent))
    except ValueError:
        raise ValueError(f"unknown marketing consent {consent!r} (GRANTED or DECLINED)") from None
    if len(note) > MAX_NOTE_CHARS:
        raise ValueError(f"the note is longer than {MAX_NOTE_CHARS} characters")
    if not consent_store.customer_exists(portfolio, customer_id):
        raise ValueError(f"no customer {customer_id!r} in this portfolio")
    now = dt.datetime.now().replace(microsecond=0).isoformat()
    with portfolio.transaction():
        decision = consent_store.insert_decision(
            portfolio, customer_id=customer_id, consent=code.value, decided_on=decided_on.isoformat(),
            note=note, recorded_at=now, actor=audit.current_actor())
        # The note stays out of the audit detail: it is the RM's free text about a person.
        audit.record(portfolio, action=AuditAction.CONSENT_RECORDED, target=customer_id,
                     detail={"consent": code.value, "decided_on": decided_on.isoformat()})
    return decision


class MarketingRefused(ValueError):
    """A sales contact for a customer who must not be contacted for marketing."""


def marketing_blocked(portfolio: Portfolio, customer_id: str, *, day: dt.date) -> str | None:
    """Why `customer_id` may not be contacted for marketing on `day`, or None. A day after the
    data date counts as the data date (services/data_date.py: the RM logs at the wall clock,
    the campaign windows live at the data's dates)."""
    known = as_of_or_none(portfolio)
    if known is not None and day > known:
        day = known
    if customer_id in consent_store.declined_ids(portfolio):
        return "this customer declined marketing (勿扰): only a service contact can be logged"
    if consent_store.held_out_on(portfolio, customer_id, day=day.isoformat()):
        return ("this customer is in the control group of a running campaign, which is never "
                "contacted for marketing: only a service contact can be logged")
    return None
