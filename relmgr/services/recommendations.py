"""Product recommendations for the customer 360 pane and the Recommendations page (issue 6).

The API the GUI calls (all headless; run the portfolio-wide ones off the GUI thread):
- `recommend_for_customer(portfolio, customer_id, *, top=3, explain=False)` -> one customer's
  panel (CustomerRecommendations: actions, ranked products with reason and warning, and with
  `explain` every removed product with its rule). Fast: the fitted model (co-holdings, peer
  groups and the next-opening model) is cached in memory per portfolio file, data date and
  holdings fingerprint; the customer's own rows are read through indexes.
- `recommend_all(portfolio, *, top=3, progress, cancel)` -> DataFrame (RECO_COLUMNS), rank 0 rows
  are actions (renew the risk assessment).
- `push_list(portfolio, *, product_id=None)` -> per product, whom to approach this month.
- `record_outcome(portfolio, customer_id, product_id, outcome, note=None)`; refuses ACCEPTED
  without a note where the senior rule asks for one (`NoteRequired`).
- `outcome_stats(portfolio)` -> acceptance rates per product and per reason type.
- `evaluate_recommendations(portfolio)` -> the offline hold-out evaluation (`relmgr eval recommend`).

Everything is computed as of the portfolio's data date (services.data_date.as_of), and outcome
cool-downs are measured to it too unless `today` is given: the Today list, the exports and the
pages then hide and bring back the same products on the same day. (They were measured to the
wall clock until issue 12; an outcome logged after the data date still hides its product, and
the data date moves with every import.)
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from typing import Any

import pandas as pd

from relmgr.analytics.reco_eval import evaluate_point_in_time, evaluation_cutoff
from relmgr.analytics.recommend import (
    RECO_COLUMNS,
    Catalogue,
    CustomerRecommendations,
    HoldingModel,
    TriggerRules,
    ages,
    build_recommender,
    customer_aum,
    evaluate_holdout,
    fit_model,
    holding_matrix,
    latest_products,
    peer_cells,
    rating_levels,
    transaction_signals,
)
from relmgr.domain.codes import AuditAction
from relmgr.domain.progress import CancelCheck, Progress, check_cancel, never, no_progress
from relmgr.domain.suitability import (
    RULE_KEY,
    RecoOutcome,
    SuitabilityRules,
    needs_note,
    rules_from_override,
    senior_warning,
)
from relmgr.storage import reco_store
from relmgr.storage.portfolio import Portfolio
from relmgr.storage.rules import get_rule
from relmgr.services import audit, data_date
from relmgr.services.changes import Topic, writes


class NoteRequired(ValueError):
    """Accepting this product for this customer needs the RM's note (customer ≥ 65, product
    above R2)."""


PUSH_COLUMNS = ["product_id", "customer_id", "rank", "score", "reason_code", "reason", "warning",
                "needs_note"]

# Fitted models per (portfolio file, data date, holdings fingerprint). Small (a few products
# squared), so a handful of entries cost nothing; the oldest is dropped beyond that.
_MODELS: dict[tuple, HoldingModel] = {}
_MODELS_LOCK = threading.Lock()
_MAX_MODELS = 4


def load_suitability_rules(portfolio: Portfolio) -> SuitabilityRules:
    """The defaults with the team's override (team rule `recommend.suitability`) applied."""
    return rules_from_override(get_rule(portfolio, RULE_KEY))


def _signal_window(as_of: dt.date) -> dt.date:
    # Salary needs the last 3 complete months, the inflow trigger 30 days: ~4 months back covers both.
    return as_of - dt.timedelta(days=125)


def _inflow_window(as_of: dt.date) -> dt.date:
    """The large-inflow trigger's deposits are those after this day."""
    return as_of - dt.timedelta(days=TriggerRules().inflow_days)


def _model_key(portfolio: Portfolio, as_of: dt.date) -> tuple:
    return (str(portfolio.path.resolve()), as_of.isoformat(), reco_store.model_inputs_version(portfolio))


def _fit_from(customers: pd.DataFrame, holdings: pd.DataFrame, products: pd.DataFrame,
              as_of: dt.date) -> HoldingModel:
    catalogue = Catalogue.from_frame(products)
    ids = customers["customer_id"].astype("str").to_numpy(dtype=object)
    held = holding_matrix(holdings, ids, catalogue)
    age = ages(customers["birth_date"], as_of=as_of)
    aum = customer_aum(holdings, ids, catalogue)
    rating = rating_levels(customers["risk_rating"])
    return fit_model(held, cells=peer_cells(age, aum), age=age, aum=aum, rating=rating,
                     latest=latest_products(holdings, ids, catalogue))


def _remember(key: tuple, model: HoldingModel) -> None:
    with _MODELS_LOCK:
        _MODELS[key] = model
        while len(_MODELS) > _MAX_MODELS:
            _MODELS.pop(next(iter(_MODELS)))


def fitted_model(portfolio: Portfolio, *, as_of: dt.date | None = None) -> HoldingModel:
    """The co-holding model of the whole portfolio, from the cache or fitted now."""
    as_of = as_of or data_date.as_of(portfolio)
    key = _model_key(portfolio, as_of)
    with _MODELS_LOCK:
        model = _MODELS.get(key)
    if model is None:
        model = _fit_from(reco_store.read_customers(portfolio), reco_store.read_open_holdings(portfolio),
                          reco_store.read_products(portfolio), as_of)
        _remember(key, model)
    return model


def clear_model_cache() -> None:
    with _MODELS_LOCK:
        _MODELS.clear()


def recommend_for_customer(portfolio: Portfolio, customer_id: str, *, top: int = 3,
                           explain: bool = False, today: dt.date | None = None) -> CustomerRecommendations:
    """One customer's panel. Raises KeyError for an unknown customer."""
    as_of = data_date.as_of(portfolio)
    customers = reco_store.read_customers(portfolio, customer_id=customer_id)
    if customers.empty:
        raise KeyError(customer_id)
    model = fitted_model(portfolio, as_of=as_of)
    holdings = reco_store.read_open_holdings(portfolio, customer_id=customer_id)
    txns = reco_store.read_signal_credits(portfolio, since=_signal_window(as_of), until=as_of,
                                          deposits_since=_inflow_window(as_of), customer_id=customer_id)
    reco = build_recommender(
        customers=customers, products=reco_store.read_products(portfolio), holdings=holdings,
        signals=transaction_signals(txns, as_of=as_of), as_of=as_of,
        rules=load_suitability_rules(portfolio),
        outcomes=reco_store.read_outcomes(portfolio, customer_id=customer_id),
        today=today or as_of, model=model)
    return reco.for_row(0, top=top, explain=explain)


def recommend_all(portfolio: Portfolio, *, top: int = 3, today: dt.date | None = None,
                  progress: Progress = no_progress, cancel: CancelCheck = never) -> pd.DataFrame:
    """Top products for every customer: RECO_COLUMNS, one row per (customer, rank)."""
    as_of = data_date.as_of(portfolio)
    progress(0.0, "reading")
    customers = reco_store.read_customers(portfolio)
    holdings = reco_store.read_open_holdings(portfolio)
    products = reco_store.read_products(portfolio)
    check_cancel(cancel)
    progress(0.2, "transactions")
    txns = reco_store.read_signal_credits(portfolio, since=_signal_window(as_of), until=as_of,
                                          deposits_since=_inflow_window(as_of))
    check_cancel(cancel)
    progress(0.6, "scoring")
    key = _model_key(portfolio, as_of)
    with _MODELS_LOCK:
        model = _MODELS.get(key)
    if model is None:
        model = _fit_from(customers, holdings, products, as_of)
        _remember(key, model)
    reco = build_recommender(
        customers=customers, products=products, holdings=holdings,
        signals=transaction_signals(txns, as_of=as_of), as_of=as_of,
        rules=load_suitability_rules(portfolio), outcomes=reco_store.read_outcomes(portfolio),
        today=today or as_of, model=model)
    check_cancel(cancel)
    progress(0.8, "ranking")
    table = reco.table(top=top)
    progress(1.0, "done")
    return table


def push_list(portfolio: Portfolio, *, product_id: str | None = None, per_product: int | None = None,
              today: dt.date | None = None, progress: Progress = no_progress,
              cancel: CancelCheck = never) -> pd.DataFrame:
    """Whom to approach this month, per product: every customer whose top recommendations
    include the product, best fit first (PUSH_COLUMNS), but for those who declined marketing.
    `per_product` caps each list."""
    if product_id is not None and not reco_store.product_exists(portfolio, product_id):
        raise ValueError(f"unknown product {product_id!r}")
    from relmgr.services.consent import declined_customers

    table = recommend_all(portfolio, today=today, progress=progress, cancel=cancel)
    # A customer who declined marketing is on no push list (services/consent.py).
    rows = table[(table["kind"] == "PRODUCT") & ~table["customer_id"].isin(declined_customers(portfolio))]
    if product_id is not None:
        rows = rows[rows["product_id"] == product_id]
    rows = rows.sort_values(["product_id", "score"], ascending=[True, False], kind="stable")
    if per_product is not None:
        rows = rows.groupby("product_id", sort=False).head(per_product)
    return rows[PUSH_COLUMNS].reset_index(drop=True)


@writes(Topic.RECOMMENDATIONS)
def record_outcome(portfolio: Portfolio, customer_id: str, product_id: str, outcome: str | RecoOutcome,
                   note: str | None = None, *, reason_code: str | None = None,
                   at: dt.datetime | None = None) -> int:
    """Store the customer's answer to a recommendation; returns the outcome id.

    Raises ValueError for an unknown customer, product or outcome, and NoteRequired for an
    ACCEPTED product above R2 for a customer aged 65 or over without a note."""
    try:
        code = RecoOutcome(str(outcome))
    except ValueError:
        raise ValueError(f"unknown outcome {outcome!r} (ACCEPTED, DECLINED or NOT_NOW)") from None
    customer = portfolio.query("SELECT birth_date FROM customers WHERE customer_id = ?", (customer_id,))
    if not customer:
        raise ValueError("unknown customer")
    product = portfolio.query("SELECT risk_level FROM products WHERE product_id = ?", (product_id,))
    if not product:
        raise ValueError(f"unknown product {product_id!r}")
    rules = load_suitability_rules(portfolio)
    age = int(ages(pd.Series([customer[0][0]]), as_of=data_date.as_of(portfolio))[0])
    risk = int(str(product[0][0])[1])
    text = (note or "").strip()
    if code is RecoOutcome.ACCEPTED and needs_note(age, risk, rules=rules) and not text:
        raise NoteRequired(f"accepting {product_id} needs a note: the customer is {rules.senior_age} "
                           f"or older and the product is above R{rules.senior_plain_risk_max}")
    warning = senior_warning(age, risk, rules=rules)
    stamp = (at or dt.datetime.now()).replace(microsecond=0).isoformat()
    with portfolio.transaction():
        return reco_store.insert_outcome(
            portfolio, customer_id=customer_id, product_id=product_id, outcome=code.value, note=text,
            at=stamp, reason_code=reason_code, warning=warning.value if warning else None)



@writes(Topic.RECOMMENDATIONS, Topic.AUDIT)
def undo_outcome(portfolio: Portfolio, *, outcome_id: int, day: dt.date) -> str:
    """Take back an answer recorded by mistake (the card's Undo): only one recorded on or after
    `day`, so the acceptance figures of earlier days stay as they were. The product is offered
    again. The removal is audited (which answer, not its note). Returns the customer's id."""
    with portfolio.transaction():
        row = reco_store.read_outcome(portfolio, outcome_id=outcome_id)
        if row is None:
            raise ValueError(f"outcome_id: no recorded answer {outcome_id}")
        if str(row["at"])[:10] < day.isoformat():
            raise ValueError(f"answer {outcome_id} was recorded before {day.isoformat()}: "
                             "only today's answers can be undone")
        reco_store.delete_outcome(portfolio, outcome_id=outcome_id)
        audit.record(portfolio, action=AuditAction.OUTCOME_UNDONE, target=str(row["customer_id"]),
                     detail={"outcome_id": int(outcome_id), "product_id": str(row["product_id"]),
                             "outcome": str(row["outcome"]), "at": str(row["at"])})
    return str(row["customer_id"])

def outcome_stats(portfolio: Portfolio) -> dict[str, pd.DataFrame]:
    """Acceptance per product and per reason type: columns key, answered, accepted, declined,
    not_now, acceptance_rate (accepted / answered)."""
    outcomes = reco_store.read_outcomes(portfolio)

    def by(column: str) -> pd.DataFrame:
        frame = outcomes.assign(key=outcomes[column].fillna("UNKNOWN").astype("str"))
        counts = pd.crosstab(frame["key"], frame["outcome"]) if len(frame) else pd.DataFrame()
        for code in RecoOutcome:
            if code.value not in counts:
                counts[code.value] = 0
        counts = counts[[c.value for c in RecoOutcome]]
        counts.columns = ["accepted", "declined", "not_now"]
        counts["answered"] = counts.sum(axis=1)
        counts["acceptance_rate"] = (counts["accepted"] / counts["answered"]).round(4)
        counts.index.name = "key"
        return counts.reset_index()[["key", "answered", "accepted", "declined", "not_now", "acceptance_rate"]]

    return {"by_product": by("product_id"), "by_reason": by("reason_code")}


def evaluate_recommendations(portfolio: Portfolio, *, k: int = 3, progress: Progress = no_progress,
                             cancel: CancelCheck = never) -> dict[str, Any]:
    """The offline evaluation behind `relmgr eval recommend`: the point-in-time evaluation
    (relmgr.analytics.reco_eval: the portfolio as of a past month end, the products opened in the
    three months after as the truth) as the headline, and leave-last-out
    (relmgr.analytics.recommend.evaluate_holdout) as a second figure, with timing."""
    started = time.perf_counter()
    as_of = data_date.as_of(portfolio)
    rules = load_suitability_rules(portfolio)
    progress(0.0, "reading")
    customers = reco_store.read_customers(portfolio)
    products = reco_store.read_products(portfolio)
    cutoff, _ = evaluation_cutoff(as_of)
    history = customers.merge(reco_store.read_customer_dates(portfolio).drop(columns="closed_on"),
                              on="customer_id", how="left")
    all_holdings = reco_store.read_all_holdings(portfolio)
    monthly = reco_store.read_month_end_aum(portfolio, month=cutoff.isoformat()[:7])
    past_txns = reco_store.read_signal_credits(portfolio, since=_signal_window(cutoff), until=cutoff,
                                               deposits_since=_inflow_window(cutoff))
    check_cancel(cancel)
    progress(0.3, "point in time")
    point_in_time = evaluate_point_in_time(customers=history, products=products, holdings=all_holdings,
                                           monthly=monthly, transactions=past_txns, as_of=as_of, k=k,
                                           rules=rules)
    check_cancel(cancel)
    progress(0.6, "leave last out")
    holdings = reco_store.read_open_holdings(portfolio)
    txns = reco_store.read_signal_credits(portfolio, since=_signal_window(as_of), until=as_of,
                                          deposits_since=_inflow_window(as_of))
    leave_last_out = evaluate_holdout(customers=customers, products=products, holdings=holdings,
                                      signals=transaction_signals(txns, as_of=as_of), as_of=as_of, k=k,
                                      rules=rules)
    progress(1.0, "done")
    return {"as_of": as_of.isoformat(), "customers": int(len(customers)), "k": k,
            "point_in_time": point_in_time, "leave_last_out": leave_last_out,
            "seconds": round(time.perf_counter() - started, 2)}


def recommendations_json(table: pd.DataFrame) -> list[dict[str, Any]]:
    """RECO_COLUMNS rows as JSON-ready dicts (NaN → None)."""
    records = table[RECO_COLUMNS].astype(object).where(table[RECO_COLUMNS].notna(), None)
    return [dict(zip(RECO_COLUMNS, row, strict=True)) for row in records.itertuples(index=False, name=None)]


__all__ = [
    "NoteRequired", "PUSH_COLUMNS", "clear_model_cache", "evaluate_recommendations", "fitted_model",
    "load_suitability_rules", "outcome_stats", "push_list", "recommend_all", "recommend_for_customer",
    "recommendations_json", "record_outcome",
]
