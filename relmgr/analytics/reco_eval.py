"""Point-in-time evaluation of the recommender: what it would have said at a past month end,
against what customers really opened in the months after.

Leave-last-out (relmgr/analytics/recommend.py `evaluate_holdout`) hides each customer's latest
product but leaks: the hidden product's balance stays in the customer's AUM, and the triggers read
transaction signals as of the data date, after the hidden opening. Here the portfolio is rebuilt as
it stood at a cutoff month end, and nothing after the cutoff is used for scoring:
- customers who had joined and not left by the cutoff, aged on the cutoff;
- holdings open on the cutoff (opened on or before it, not closed by it), so a product opened later
  is neither held nor counted in AUM; a holding closed since is back as held;
- AUM: the month-end AUM of the cutoff month (monthly_balances), not today's balances;
- triggers: transaction signals up to the cutoff, maturities measured from it;
- the holding model (co-holdings, peer groups, the next-opening model) is fitted on that portfolio;
- popularity is computed the same way: the share of those customers holding each product then.
The truth is the set of products each customer opened in the following `months` calendar months.

What cannot be rebuilt: the portfolio keeps only the current risk rating, so the current rating is
used; an assessment renewed after the cutoff counts as valid at the cutoff (which lets the
customer's products through rather than blocking them for a renewal we cannot date).

Metrics: hit-rate@k (any opened product in the top k) and MAP@k (AP@k = Σ_{i≤k} P@i · rel_i /
min(k, |opened|)), each with a 95% percentile bootstrap interval over the evaluated customers, the
same resamples for every method (so the ratio's interval is paired). A product that was not
suitable at the cutoff cannot be recommended by any method and is left out of the truth; a customer
whose every opened product was unsuitable is counted in `excluded_unsuitable`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd

from relmgr.analytics.recommend import (
    BlendWeights,
    Catalogue,
    build_recommender,
    top_products,
    transaction_signals,
)
from relmgr.analytics.uncertainty import bootstrap_draws, mean_interval, ratio_interval, sample_warning
from relmgr.domain.codes import HoldingStatus
from relmgr.domain.suitability import SuitabilityRules

# Below this many evaluated customers the figures are too uncertain to rank methods by.
MIN_EVALUATED = 100
TRUTH_MONTHS = 3
TARGET_RATIO = 1.5


def month_end(year: int, month: int) -> dt.date:
    """The last day of `month` (1-12) of `year`; months past 12 roll into the next years."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    first_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def evaluation_cutoff(as_of: dt.date, *, months: int = TRUTH_MONTHS) -> tuple[dt.date, dt.date]:
    """(cutoff, end of the truth window): the latest month end whose following `months`
    calendar months end on or before `as_of`."""
    end = month_end(as_of.year, as_of.month)
    if end > as_of:                               # the data date's month is not complete
        end = month_end(as_of.year, as_of.month - 1)
    cutoff = month_end(end.year, end.month - months)
    return cutoff, end


def _date_text(series: pd.Series) -> pd.Series:
    return series.astype(object).where(series.notna(), "").astype(str).str.slice(0, 10)


def portfolio_as_of(*, customers: pd.DataFrame, holdings: pd.DataFrame, cutoff: dt.date
                    ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(customers, open holdings) as they stood on `cutoff` (module docstring). `customers` needs
    opened_on and closed_on besides the recommender's columns; `holdings` every holding, closed
    ones with closed_on."""
    day = cutoff.isoformat()
    joined = _date_text(customers["opened_on"]) <= day
    closed = _date_text(customers["closed_on"])
    gone = (closed != "") & (closed <= day)
    then = customers[joined & ~gone].copy()
    then["closed_on"] = None
    assessed = _date_text(then["risk_assessed_on"])
    then["risk_assessed_on"] = np.where(assessed > day, day,
                                        then["risk_assessed_on"].astype(object)).astype(object)
    opened = _date_text(holdings["opened_on"])
    shut = _date_text(holdings["closed_on"])
    open_then = (opened <= day) & ((shut == "") | (shut > day))
    held = holdings[open_then & holdings["customer_id"].isin(then["customer_id"])].copy()
    held["status"] = HoldingStatus.ACTIVE.value    # dormancy at the cutoff is not kept
    return then.reset_index(drop=True), held.reset_index(drop=True)


def openings_between(holdings: pd.DataFrame, *, after: dt.date, until: dt.date) -> pd.DataFrame:
    """customer_id, product_id of the holdings opened in (after, until], one row per pair."""
    opened = _date_text(holdings["opened_on"])
    rows = holdings[(opened > after.isoformat()) & (opened <= until.isoformat())]
    return rows[["customer_id", "product_id"]].astype(str).drop_duplicates().reset_index(drop=True)


def month_end_aum(monthly: pd.DataFrame, ids: np.ndarray, *, cutoff: dt.date) -> np.ndarray:
    """Month-end AUM of the cutoff month per customer (0 without a row)."""
    month = cutoff.isoformat()[:7]
    rows = monthly[monthly["month"].astype(str) == month]
    values = pd.Series(pd.to_numeric(rows["aum_end"]).to_numpy(dtype=float),
                       index=rows["customer_id"].astype(str))
    values = values[~values.index.duplicated()]
    return values.reindex(pd.Index(ids).astype(str)).fillna(0.0).to_numpy(dtype=float)


def ranking_metrics(picks: np.ndarray, relevant: np.ndarray, *, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(hit, AP@k) per row: `picks` int n × k (-1 = none), `relevant` bool n × p."""
    n = len(picks)
    safe = np.maximum(picks, 0)
    rel = np.where(picks >= 0, relevant[np.arange(n)[:, None], safe], False)
    hit = rel.any(axis=1).astype(np.float64)
    precision = np.cumsum(rel, axis=1) / np.arange(1, picks.shape[1] + 1)[None, :]
    denominator = np.minimum(relevant.sum(axis=1), k).clip(min=1)
    ap = (precision * rel).sum(axis=1) / denominator
    return hit, ap


def method_figures(hit: np.ndarray, ap: np.ndarray, draws: np.ndarray) -> dict[str, Any]:
    return {"hit_rate": round(float(hit.mean()), 4) if len(hit) else 0.0,
            "hit_rate_ci95": mean_interval(hit, draws),
            "map": round(float(ap.mean()), 4) if len(ap) else 0.0,
            "map_ci95": mean_interval(ap, draws)}


def evaluate_point_in_time(*, customers: pd.DataFrame, products: pd.DataFrame, holdings: pd.DataFrame,
                           monthly: pd.DataFrame, transactions: pd.DataFrame, as_of: dt.date,
                           months: int = TRUTH_MONTHS, k: int = 3,
                           rules: SuitabilityRules = SuitabilityRules(),
                           weights: BlendWeights = BlendWeights(), bootstrap: int = 1000,
                           seed: int = 0) -> dict[str, Any]:
    """The point-in-time evaluation (module docstring). `transactions`: customer_id, txn_date,
    kind, amount of at least the signal kinds over the ~4 months before the cutoff (later rows
    are ignored); `monthly`: customer_id, month, aum_end."""
    cutoff, until = evaluation_cutoff(as_of, months=months)
    then_customers, then_holdings = portfolio_as_of(customers=customers, holdings=holdings, cutoff=cutoff)
    txn_day = _date_text(transactions["txn_date"]) if len(transactions) else pd.Series(dtype=str)
    signals = transaction_signals(transactions[txn_day <= cutoff.isoformat()] if len(transactions)
                                  else transactions, as_of=cutoff)
    ids = then_customers["customer_id"].astype(str).to_numpy(dtype=object)
    catalogue = Catalogue.from_frame(products)
    reco = build_recommender(customers=then_customers, products=products, holdings=then_holdings,
                             signals=signals, as_of=cutoff, rules=rules, weights=weights,
                             aum=month_end_aum(monthly, ids, cutoff=cutoff))
    opened = openings_between(holdings, after=cutoff, until=until)
    rows = pd.Index(ids).get_indexer(opened["customer_id"])
    cols = pd.Index(catalogue.ids).get_indexer(opened["product_id"])
    ok = (rows >= 0) & (cols >= 0)
    truth = np.zeros(reco.mask.shape, dtype=bool)
    truth[rows[ok], cols[ok]] = True
    opened_any = truth.any(axis=1)
    suitable = truth & (reco.mask == 0)
    evaluated = np.flatnonzero(suitable.any(axis=1))
    relevant = suitable[evaluated]
    mask = reco.mask[evaluated]
    s = reco.scores
    # Popularity the same way: holders' share at the cutoff; and what was opened most in the
    # `months` months before the cutoff, a stronger baseline of what is bought now.
    before = openings_between(then_holdings, after=month_end(cutoff.year, cutoff.month - months),
                              until=cutoff)
    recent = np.bincount(pd.Index(catalogue.ids).get_indexer(before["product_id"]).clip(min=0),
                         minlength=len(catalogue.ids)).astype(float) if len(before) else np.zeros(len(catalogue.ids))
    methods = {
        "blended": s.blended[evaluated],
        "popularity": np.broadcast_to(s.popularity, mask.shape),
        "recent_openings": np.broadcast_to(recent + 1e-9 * s.popularity, mask.shape),
    }
    draws = bootstrap_draws(len(evaluated), replicates=bootstrap, seed=seed)
    result: dict[str, Any] = {
        "cutoff": cutoff.isoformat(), "truth_until": until.isoformat(), "truth_months": months, "k": k,
        "customers_at_cutoff": int(len(ids)), "customers_who_opened": int(opened_any.sum()),
        "evaluated": int(len(evaluated)),
        "excluded_unsuitable": int((opened_any & ~suitable.any(axis=1)).sum()),
        "opened_products": int(relevant.sum()),
    }
    hits: dict[str, np.ndarray] = {}
    for name, values in methods.items():
        hit, ap = ranking_metrics(top_products(np.asarray(values), mask, top=k), relevant, k=k)
        hits[name] = hit
        result[name] = method_figures(hit, ap, draws)
    base = result["popularity"]["hit_rate"]
    result["hit_rate_ratio"] = round(result["blended"]["hit_rate"] / base, 3) if base else None
    result["hit_rate_ratio_ci95"] = ratio_interval(hits["blended"], hits["popularity"], draws)
    result["target_ratio"] = TARGET_RATIO
    result["bootstrap"] = {"replicates": bootstrap, "seed": seed, "over": "evaluated customers"}
    result["warning"] = sample_warning(count=len(evaluated), minimum=MIN_EVALUATED,
                                       what="customers opened a suitable product after the cutoff")
    return result
