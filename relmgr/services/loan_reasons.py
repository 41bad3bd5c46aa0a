"""Loan prospects where the RM meets the customer (issue 21): the recommendation panel's reason
for a loan-family product, and the target list of a family's prospects (exported, masked and
audited, through services/export.py as the named lists loan-mortgage, loan-consumer, ...).

Ranking prospects fits four models on the whole portfolio (seconds at branch scale), far too
slow for every 360 view. So the ranking the Loans page (or the command line, or a target list)
computed is remembered, keyed by what it read (`_inputs_key`): the panel uses it when it is
current and says nothing about loans otherwise, never ranking on its own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from typing import Any

import pandas as pd

from relmgr.domain.codes import LoanFamily, ProductFamily
from relmgr.services import data_date
from relmgr.storage import loan_store as store
from relmgr.storage.portfolio import Portfolio

#: The catalogue families whose products are a loan family's.
LOAN_FAMILY_OF_PRODUCT = {ProductFamily.CREDIT_CARD.value: LoanFamily.CREDIT_CARD.value,
                          ProductFamily.MORTGAGE.value: LoanFamily.MORTGAGE.value,
                          ProductFamily.CONSUMER_LOAN.value: LoanFamily.CONSUMER.value,
                          ProductFamily.BUSINESS_LOAN.value: LoanFamily.BUSINESS.value}

_LOCK = threading.Lock()
_RANKED: dict[tuple, Any] = {}          # _inputs_key -> services.loans.Prospects
_MAX_RANKED = 4


def _inputs_key(portfolio: Portfolio, today: dt.date) -> tuple:
    """Changes whenever anything the ranking reads changes: customers and holdings (migration
    0008's counter), month-end balances (0007's), transactions (the monthly money flows'
    fold), loans, credit profiles and the team's loan rules. A few one-row reads."""
    (reco,), = portfolio.query("SELECT changes FROM reco_input_changes WHERE id = 1")
    (segments,), = portfolio.query("SELECT changes FROM segment_input_changes WHERE id = 1")
    (txns,), = portfolio.query("SELECT COALESCE(MAX(txn_id), -1) FROM transactions")
    loans: tuple = ()
    profiles: tuple = ()
    if store.has_loan_tables(portfolio):
        loans = portfolio.query("SELECT COUNT(*), MAX(rowid), TOTAL(days_past_due), TOTAL(outstanding), "
                                "TOTAL(amount_due), MAX(next_due_on), group_concat(DISTINCT status) FROM loans")[0]
        profiles = portfolio.query("SELECT COUNT(*), TOTAL(monthly_income), TOTAL(credit_score), MAX(income_on), "
                                   "MAX(score_on) FROM credit_profiles")[0]
    rules = portfolio.query("SELECT value FROM team_rules WHERE key = 'loans.rules'")
    return (str(portfolio.path.resolve()), portfolio.get_meta("created_at"), today.isoformat(), reco, segments,
            txns, loans, profiles, rules[0][0] if rules else None)


def remember(portfolio: Portfolio, prospects: Any) -> None:
    """Keep a ranking of the portfolio as it is now (services/loans.py load_prospects calls it)."""
    key = _inputs_key(portfolio, prospects.today)
    with _LOCK:
        _RANKED[key] = prospects
        while len(_RANKED) > _MAX_RANKED:
            _RANKED.pop(next(iter(_RANKED)))


def current(portfolio: Portfolio, *, today: dt.date | None = None) -> Any | None:
    """The remembered ranking if nothing it read has changed since; None otherwise."""
    key = _inputs_key(portfolio, data_date.as_of(portfolio, today))
    with _LOCK:
        return _RANKED.get(key)


def forget() -> None:
    with _LOCK:
        _RANKED.clear()


@dataclasses.dataclass(frozen=True)
class ProspectLine:
    """The customer is a top prospect of `family`: their rank among the eligible, how likely
    they are to take such a loan in the horizon, and why (reason codes with their numbers)."""

    family: str
    rank: int
    of: int
    probability: float
    reasons: list[dict[str, Any]]
    horizon_days: int


def prospect_lines(portfolio: Portfolio, customer_id: str) -> list[ProspectLine]:
    """The families the customer is a top prospect of, in the remembered current ranking
    (none when there is no current ranking)."""
    from relmgr.analytics.loan_prospects import ProspectSettings

    ranked = current(portfolio)
    if ranked is None:
        return []
    out = []
    for family, frame in ranked.by_family.items():
        hit = frame[frame["customer_id"].astype(str) == str(customer_id)]
        if len(hit):
            row = hit.iloc[0]
            out.append(ProspectLine(family, int(row["rank"]), len(frame), float(row["probability"]),
                                    list(row["reasons"]), ProspectSettings().horizon_days))
    return out


# -- the target list of a family's prospects (services/export.py's named lists) -------------------
LOAN_LIST_PREFIX = "loan-"
LOAN_LISTS = tuple(f"{LOAN_LIST_PREFIX}{f.value.lower()}" for f in LoanFamily)


def loan_list_family(list_name: str) -> str:
    """'loan-mortgage' -> 'MORTGAGE'; ValueError for a name that is not a loan list."""
    if list_name not in LOAN_LISTS:
        raise ValueError(f"not a loan prospect list: {list_name!r}")
    return list_name[len(LOAN_LIST_PREFIX):].upper()


def prospect_list_rows(portfolio: Portfolio, *, list_name: str, language: str) -> pd.DataFrame:
    """The family's top eligible prospects as an export frame (UNMASKED: the export masks the
    name and phone): rank, customer, likelihood, and why in words with the numbers. Uses the
    current ranking, or ranks now (an explicit export may take the seconds)."""
    from relmgr.services.loans import load_prospects
    from relmgr.services.wording import loans as words
    from relmgr.storage.worklist_store import read_customer_contact_fields

    family = loan_list_family(list_name)
    ranked = current(portfolio) or load_prospects(portfolio)
    frame = ranked.by_family.get(family)
    if frame is None or not len(frame):
        return pd.DataFrame(columns=["rank", "customer_id", "name", "phone", "likelihood", "reasons"])
    contacts = read_customer_contact_fields(portfolio, frame["customer_id"].astype(str))
    merged = frame.assign(customer_id=frame["customer_id"].astype(str)).merge(
        contacts[["customer_id", "name", "phone"]], on="customer_id", how="left")
    return pd.DataFrame({
        "rank": merged["rank"].astype(int), "customer_id": merged["customer_id"],
        "name": merged["name"].fillna(""), "phone": merged["phone"].fillna(""),
        "likelihood": [f"{p * 100:.1f}%" for p in merged["probability"]],
        "reasons": [words.prospect_reasons_text(r, language=language) for r in merged["reasons"]],
    })


def prospect_list_title(list_name: str, *, language: str) -> str:
    from relmgr.services.wording import loans as words

    return words.prospect_list_title(loan_list_family(list_name), language=language)
