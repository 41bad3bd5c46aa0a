"""Next-best-product recommendations: candidates, suitability, blending, reasons, evaluation.

Pure functions over schema-shaped DataFrames (no SQL, no Qt), vectorised over customers ×
products so a 50,000-customer branch costs well under a second of numpy.

Candidate sources (scores per customer and product):
- Item-based collaborative filtering (CF) on the customer × product holding matrix (implicit:
  1 = an ACTIVE or DORMANT holding). Item similarity is the cosine of the product columns; a
  customer's CF score for product j is the mean similarity of j to the products they hold.
- Cross-sell association rules mined from the same matrix: pairs A → B with support ≥
  `MiningRules.min_support` (1% of customers hold both), confidence ≥ `min_confidence` (5%) and
  lift ≥ `min_lift` (1.2, i.e. holding A makes B at least 20% likelier than average). Kept
  rules are what BOUGHT_TOGETHER quotes; the score uses the (smoothed) lift of every pair with
  enough support, so a lift below 1 counts against a product too.
- Event and life-stage triggers (`TriggerRules`), strength 1 when they fire:
  MATURING (a time deposit / large CD matures within 30 days → time deposits, large CDs and
  termed wealth products up to R2, i.e. reinvest), SALARY_NO_CARD (salary credited in each of the
  last 3 complete months and no credit card → credit cards), LARGE_INFLOW (≥ 50,000 of deposits
  and transfers in over the last 30 days → wealth products), LIFE_STAGE (age bands, e.g. 55–64 →
  annuity and whole-life insurance).
- Peer groups: the share of the customer's peers (same age band × AUM band, `AGE_EDGES`,
  `AUM_EDGES`) holding the product, shrunk towards the overall share by `peer_prior` (20)
  pseudo-customers.
- Next opening (`NextModel`): a multinomial logistic regression (scikit-learn's
  LogisticRegression, lbfgs) of which product a customer
  opens next on their age band, AUM band, risk rating and held products (plus scaled age and
  log AUM). It learns from the fit population itself: for every customer with at least two open
  products, the most recently opened one is the label and the others are the context. What
  customers hold is not what they open next: a current account or a mortgage stays on the books
  for years, a 3-month or 1-year deposit or a 6-month wealth product is opened again and again,
  so the stock of holdings (peers, CF, rules) under-states what is bought now.

Blend (`BlendWeights`, documented defaults):
    fit     = peers · exp(0.5 · Σ_{held a} log lift(a, j))      (co-holding evidence, pairs with
                                                                 support ≥ min_support, smoothed)
    blended = next · (1 + 0.2 · trigger fired)                 (next = fit when the population is
                                                                 too small to fit the next model)
`nxt` < 1 blends next^nxt · fit^(1−nxt); `cf` adds a CF cosine term (0 by default).
The score is a probability-like fit estimate. The design was chosen on demo portfolios of seeds
11, 12 (5,000 customers) and 13 (20,000), never on the portfolio being evaluated. The previous
holdings-only blend (fit · (1 + 0.2 · trigger) + 0.1 · CF) scored 1.26× popularity on seed 11,
no better than peers alone, because the demo's holdings are drawn independently given a customer
archetype, which age and wealth reveal better than co-holdings do (the archetype-oracle ceiling
for predicting a holding on seed 11 is ≈1.53×). The next-opening model scored 1.50× (seed 11),
1.53× (seed 12) and 1.50× (seed 13); adding the fit or CF to it lowered hit-rate@3 on those
seeds, and a gradient-boosted model or interaction features did not beat the linear one. The
trigger lift is kept so that events still move a product up (it costs about 0.1–0.2 points of
hit-rate@3 on those seeds, a handful of customers).

Suitability is applied as a hard filter (relmgr/domain/suitability.py, vectorised here as a
bit mask per customer and product); a product with any rule bit set is never recommended,
whatever its score. The top reason of a recommendation is a fired trigger, else the strongest
of three lifts (peers, similar holders, best mined rule), with the numbers behind it, which
anyone can recompute from the holdings:
- SIMILAR_HOLDERS {product, anchors, similar_customers, share_similar, share_all}: among the
  customers who hold all `anchors` (the one or two held products most similar to `product`),
  `share_similar` hold `product`, against `share_all` of all customers with an open holding.
- BOUGHT_TOGETHER {product, antecedent, support, confidence, lift}.
- MATURING {product, maturing_product, amount, days, maturity_on}; SALARY_NO_CARD {product,
  months, window_months, avg_salary}; LARGE_INFLOW {product, amount, days}; LIFE_STAGE
  {product, age, band}; PEERS {product, age_band, aum_band, peers, share_peers, share_all}
  (share_peers unsmoothed).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from enum import StrEnum
from typing import Any

import numpy as np
import pandas as pd

from relmgr.analytics.activity import day_number, day_numbers
from relmgr.analytics.uncertainty import bootstrap_draws, sample_warning
from relmgr.analytics.uncertainty import mean_interval as _interval
from relmgr.analytics.uncertainty import ratio_interval as _ratio_interval
from relmgr.domain.codes import HoldingStatus, ProductFamily, TxnKind
from relmgr.domain.suitability import (
    OUTCOME_RULE,
    ActionCode,
    RecoOutcome,
    RuleCode,
    SuitabilityRules,
    WarningCode,
)

_NO_DATE = -(10**7)                     # day number of a missing date: "infinitely long ago"
_OPEN_STATUSES = (HoldingStatus.ACTIVE.value, HoldingStatus.DORMANT.value)


class RecoReason(StrEnum):
    """Why a product is recommended (the reason dict's "code"). Named apart from the churn
    model's relmgr.domain.churn.ReasonCode. The values are stored (recommendation outcomes'
    reason_code column, exports): never change them."""

    SIMILAR_HOLDERS = "SIMILAR_HOLDERS"
    BOUGHT_TOGETHER = "BOUGHT_TOGETHER"
    MATURING = "MATURING"
    LARGE_INFLOW = "LARGE_INFLOW"
    SALARY_NO_CARD = "SALARY_NO_CARD"
    LIFE_STAGE = "LIFE_STAGE"
    PEERS = "PEERS"
    RECENT_OPENINGS = "RECENT_OPENINGS"


# The smallest peer group whose latest openings a RECENT_OPENINGS reason may quote.
MIN_RECENT_GROUP = 20

# Trigger codes by priority: when several fire for one product, the first one is quoted.
TRIGGER_ORDER = (RecoReason.MATURING, RecoReason.LARGE_INFLOW, RecoReason.SALARY_NO_CARD,
                 RecoReason.LIFE_STAGE)


@dataclasses.dataclass(frozen=True)
class BlendWeights:
    """blended = next^nxt · fit^(1 − nxt) · (1 + trigger · fired) + cf · cosine, where
    fit = peers · exp(rules · Σ log lift) and next is the next-opening model's probability
    (when the model has no next-opening part, next = fit)."""

    rules: float = 0.5
    trigger: float = 0.2
    cf: float = 0.0
    nxt: float = 1.0


@dataclasses.dataclass(frozen=True)
class MiningRules:
    """Association-rule thresholds, and the smallest group quoted as 'similar customers'."""

    min_support: float = 0.01
    min_confidence: float = 0.05
    min_lift: float = 1.2
    min_similar_group: int = 30
    # A product held by at least this share of customers (the current account) says nothing
    # about a customer: it is quoted as an anchor only when the customer holds nothing else.
    uninformative_share: float = 0.9
    # Pseudo-customers at the overall share added to every peer group (shrinkage).
    peer_prior: float = 20.0


@dataclasses.dataclass(frozen=True)
class TriggerRules:
    maturing_days: int = 30
    salary_window_months: int = 3
    salary_min_months: int = 3
    large_inflow: float = 50_000.0
    inflow_days: int = 30
    # (min age, max age, product ids) inclusive; ids missing from the catalogue are ignored.
    life_stages: tuple[tuple[int, int, tuple[str, ...]], ...] = (
        (28, 45, ("INS-CI",)),
        (55, 64, ("INS-ANN", "INS-WL")),
    )


# -- inputs ------------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class Catalogue:
    """The products table as arrays, in a fixed product order (the column order everywhere)."""

    ids: tuple[str, ...]
    family: np.ndarray               # object
    risk: np.ndarray                 # int 1..5
    term_days: np.ndarray            # float, NaN when the product has no term
    min_amount: np.ndarray
    min_age: np.ndarray
    max_age: np.ndarray              # float, inf when unlimited
    repeatable: np.ndarray           # bool

    @classmethod
    def from_frame(cls, products: pd.DataFrame) -> Catalogue:
        frame = products.sort_values("product_id", kind="stable").reset_index(drop=True)
        risk = frame["risk_level"].astype("str").str.slice(1).astype(int).to_numpy()
        return cls(
            ids=tuple(frame["product_id"].astype("str")),
            family=frame["family"].astype("str").to_numpy(dtype=object),
            risk=risk,
            term_days=pd.to_numeric(frame["term_days"], errors="coerce").to_numpy(dtype=float, na_value=np.nan),
            min_amount=pd.to_numeric(frame["min_amount"]).fillna(0).to_numpy(dtype=float),
            min_age=pd.to_numeric(frame["min_age"]).fillna(0).to_numpy(dtype=float),
            max_age=pd.to_numeric(frame["max_age"]).to_numpy(dtype=float, na_value=np.inf),
            repeatable=frame["repeatable"].fillna(0).astype(int).to_numpy() == 1,
        )

    def index(self, product_id: str) -> int:
        return self.ids.index(product_id)

    def family_mask(self, *families: ProductFamily) -> np.ndarray:
        return np.isin(self.family, [f.value for f in families])


@dataclasses.dataclass(frozen=True)
class CustomerBase:
    """Per customer (row) what suitability and scoring need, as of the data date."""

    ids: np.ndarray                  # object
    rating: np.ndarray               # int 1..5
    assessed_day: np.ndarray         # day number, _NO_DATE when never assessed
    age: np.ndarray                  # full years
    aum: np.ndarray                  # open asset balances
    closed: np.ndarray               # bool
    held: np.ndarray                 # bool n × p: ACTIVE or DORMANT holding

    def __len__(self) -> int:
        return len(self.ids)

    def row(self, customer_id: str) -> int:
        hits = np.flatnonzero(self.ids == customer_id)
        if not len(hits):
            raise KeyError(customer_id)
        return int(hits[0])


def open_holdings(holdings: pd.DataFrame) -> pd.DataFrame:
    return holdings[holdings["status"].astype("str").isin(_OPEN_STATUSES)]


def ages(birth_dates: pd.Series, *, as_of: dt.date) -> np.ndarray:
    """Full years on `as_of`, vectorised (same rule as relmgr.domain.suitability.age_on)."""
    text = birth_dates.astype("str").str.slice(0, 10)
    year = text.str.slice(0, 4).astype(int).to_numpy()
    month_day = text.str.slice(5, 7).astype(int).to_numpy() * 100 + text.str.slice(8, 10).astype(int).to_numpy()
    return as_of.year - year - (as_of.month * 100 + as_of.day < month_day)


def holding_matrix(holdings: pd.DataFrame, ids: np.ndarray, catalogue: Catalogue) -> np.ndarray:
    """bool customers × products: an ACTIVE or DORMANT holding of the product."""
    held = np.zeros((len(ids), len(catalogue.ids)), dtype=bool)
    live = open_holdings(holdings)
    rows = pd.Index(ids).get_indexer(live["customer_id"].astype("str"))
    cols = pd.Index(catalogue.ids).get_indexer(live["product_id"].astype("str"))
    ok = (rows >= 0) & (cols >= 0)
    held[rows[ok], cols[ok]] = True
    return held


def customer_aum(holdings: pd.DataFrame, ids: np.ndarray, catalogue: Catalogue) -> np.ndarray:
    """Sum of open asset balances per customer (credit products are not AUM), like
    customer_summary.aum."""
    live = open_holdings(holdings)
    cols = pd.Index(catalogue.ids).get_indexer(live["product_id"].astype("str"))
    liability = np.array([ProductFamily(f).is_liability for f in catalogue.family])
    asset = (cols >= 0) & ~liability[np.maximum(cols, 0)]
    rows = pd.Index(ids).get_indexer(live["customer_id"].astype("str"))
    keep = asset & (rows >= 0)
    balance = pd.to_numeric(live["balance"]).to_numpy(dtype=float)
    return np.bincount(rows[keep], weights=balance[keep], minlength=len(ids))


def rating_levels(ratings: pd.Series) -> np.ndarray:
    """1..5 for C1..C5. A customer without a rating (not provided by the bank's export) is
    treated as unassessed: level 1, so only R1 products pass, and build_base also drops the
    assessment date so the RM is asked to renew the questionnaire."""
    text = ratings.astype(object).where(ratings.notna(), "").astype(str)
    rated = text.str.fullmatch(r"C[1-5]").to_numpy(dtype=bool)
    return np.where(rated, text.str.slice(1, 2).where(rated, "1").astype(int).to_numpy(), 1)


def build_base(*, customers: pd.DataFrame, holdings: pd.DataFrame, catalogue: Catalogue,
               as_of: dt.date, aum_holdings: pd.DataFrame | None = None,
               aum: np.ndarray | None = None) -> CustomerBase:
    """`aum_holdings`: the holdings to take AUM from when they differ from those that count as
    held (the leave-last-out evaluation hides a product but not the customer's money); `aum`: the
    AUM itself per customer row (the point-in-time evaluation takes the cutoff's month-end AUM)."""
    ids = customers["customer_id"].astype("str").to_numpy(dtype=object)
    assessed = day_numbers(customers["risk_assessed_on"].rename("risk_assessed_on"), missing=_NO_DATE)
    assessed = np.where(customers["risk_rating"].notna().to_numpy(), assessed, _NO_DATE)
    closed = customers["closed_on"].notna().to_numpy() & (customers["closed_on"].astype("str") != "").to_numpy()
    return CustomerBase(
        ids=ids,
        rating=rating_levels(customers["risk_rating"]),
        assessed_day=assessed,
        age=ages(customers["birth_date"], as_of=as_of),
        aum=(np.asarray(aum, dtype=float) if aum is not None else
             customer_aum(holdings if aum_holdings is None else aum_holdings, ids, catalogue)),
        closed=closed,
        held=holding_matrix(holdings, ids, catalogue),
    )


# -- suitability, vectorised ---------------------------------------------------------------------
def outcome_matrix(outcomes: pd.DataFrame | None, base: CustomerBase, catalogue: Catalogue, *,
                   today: dt.date, rules: SuitabilityRules) -> np.ndarray:
    """uint16 n × p: the cool-down rule bit of each customer's latest outcome per product."""
    mask = np.zeros(base.held.shape, dtype=np.uint16)
    if outcomes is None or outcomes.empty:
        return mask
    latest = outcomes.sort_values("at", kind="stable").drop_duplicates(["customer_id", "product_id"], keep="last")
    rows = pd.Index(base.ids).get_indexer(latest["customer_id"].astype("str"))
    cols = pd.Index(catalogue.ids).get_indexer(latest["product_id"].astype("str"))
    age_days = day_number(today) - day_numbers(latest["at"].rename("at"))
    for code in RecoOutcome:
        hit = ((latest["outcome"].astype("str") == code.value).to_numpy() & (rows >= 0) & (cols >= 0)
               & (age_days < rules.cooldown_days(code)))
        mask[rows[hit], cols[hit]] |= np.uint16(OUTCOME_RULE[code].bit)
    return mask


def exclusion_mask(base: CustomerBase, catalogue: Catalogue, *, as_of: dt.date,
                   rules: SuitabilityRules = SuitabilityRules(),
                   outcomes: pd.DataFrame | None = None, today: dt.date | None = None) -> np.ndarray:
    """uint16 n × p of RuleCode bits; 0 = the product may be recommended. The vectorised twin of
    relmgr.domain.suitability.exclusion_rules (the tests hold them to the same answers)."""
    bits = {rule: np.uint16(rule.bit) for rule in RuleCode}
    n, p = base.held.shape
    mask = np.zeros((n, p), dtype=np.uint16)

    def put(rule: RuleCode, where: np.ndarray) -> None:
        mask[np.broadcast_to(where, (n, p))] |= bits[rule]

    expired = (day_number(as_of) - base.assessed_day) > rules.assessment_valid_days
    put(RuleCode.CUSTOMER_CLOSED, base.closed[:, None])
    put(RuleCode.RISK_ABOVE_RATING, catalogue.risk[None, :] > base.rating[:, None])
    put(RuleCode.ASSESSMENT_EXPIRED, expired[:, None] & (catalogue.risk[None, :] > 1))
    put(RuleCode.AGE_BELOW_MIN, base.age[:, None] < catalogue.min_age[None, :])
    put(RuleCode.AGE_ABOVE_MAX, base.age[:, None] > catalogue.max_age[None, :])
    put(RuleCode.BELOW_MIN_AMOUNT, np.nan_to_num(base.aum)[:, None] < catalogue.min_amount[None, :])
    put(RuleCode.ALREADY_HELD, base.held & ~catalogue.repeatable[None, :])
    mask |= outcome_matrix(outcomes, base, catalogue, today=today or as_of, rules=rules)
    return mask


def assessment_expired_rows(base: CustomerBase, *, as_of: dt.date, rules: SuitabilityRules) -> np.ndarray:
    return ((day_number(as_of) - base.assessed_day) > rules.assessment_valid_days) & ~base.closed


# -- fitted holding model ------------------------------------------------------------------------
# Peer groups: age band × AUM band. Edges are lower bounds of the next band (years, CNY).
AGE_EDGES = (25, 35, 45, 55, 65, 75)
AUM_EDGES = (10_000.0, 50_000.0, 200_000.0, 1_000_000.0)


def peer_cells(age: np.ndarray, aum: np.ndarray) -> np.ndarray:
    """Peer group number per customer: age band * 10 + AUM band."""
    return np.digitize(age, AGE_EDGES) * 10 + np.digitize(np.nan_to_num(aum), AUM_EDGES)


def band_labels(values: np.ndarray, edges: tuple[float, ...]) -> list[str]:
    """`band_label` of many values (one label per band, looked up)."""
    texts = [band_label(lo, edges) for lo in (-np.inf, *edges)]
    return [texts[k] for k in np.digitize(np.asarray(values, dtype=float), edges).tolist()]


def band_label(value: float, edges: tuple[float, ...]) -> str:
    """'lo-hi' of the band `value` falls in ('-hi' / 'lo-' at the ends; hi exclusive)."""
    k = int(np.digitize([value], edges)[0])
    lo = "" if k == 0 else f"{edges[k - 1]:.0f}"
    hi = "" if k == len(edges) else f"{edges[k]:.0f}"
    return f"{lo}-{hi}"


# Next-opening model: which product a customer opens next, learned from which product each
# customer opened most recently (self-supervised on the fit population's own holdings).
def next_features(age: np.ndarray, aum: np.ndarray, rating: np.ndarray, held: np.ndarray) -> np.ndarray:
    """float32 n × f: age band, AUM band and risk rating one-hots, the held products, and
    scaled age and log AUM."""
    age_band = np.digitize(age, AGE_EDGES)
    aum = np.nan_to_num(np.asarray(aum, dtype=float))
    aum_band = np.digitize(aum, AUM_EDGES)
    rating = np.clip(np.asarray(rating, dtype=int), 1, 5)
    return np.hstack([
        np.eye(len(AGE_EDGES) + 1, dtype=np.float32)[age_band],
        np.eye(len(AUM_EDGES) + 1, dtype=np.float32)[aum_band],
        np.eye(5, dtype=np.float32)[rating - 1],
        held.astype(np.float32),
        (np.log1p(np.maximum(aum, 0.0)) / 14.0).astype(np.float32)[:, None],
        (np.asarray(age, dtype=float) / 80.0).astype(np.float32)[:, None],
    ])


def latest_products(holdings: pd.DataFrame, ids: np.ndarray, catalogue: Catalogue, *,
                    min_products: int = 2) -> np.ndarray:
    """int per customer: the column of the most recently opened open product (ties: the larger
    holding_id, as in `hide_latest`) of customers with at least `min_products` distinct open
    products; -1 for the others."""
    n, p = len(ids), len(catalogue.ids)
    out = np.full(n, -1, dtype=np.int64)
    live = open_holdings(holdings)
    if live.empty:
        return out
    rows = pd.Index(ids).get_indexer(live["customer_id"].astype("str"))
    cols = pd.Index(catalogue.ids).get_indexer(live["product_id"].astype("str"))
    ok = (rows >= 0) & (cols >= 0)
    held = np.zeros((n, p), dtype=bool)
    held[rows[ok], cols[ok]] = True
    ok &= held.sum(axis=1)[np.maximum(rows, 0)] >= min_products
    day = day_numbers(live["opened_on"].rename("opened_on"), missing=_NO_DATE)
    rows, cols, day = rows[ok], cols[ok], day[ok]
    if not len(rows):
        return out
    last = np.full(n, np.iinfo(np.int64).min)
    np.maximum.at(last, rows, day)
    on_last = day == last[rows]                       # the holdings opened on the latest day
    out[rows[on_last]] = cols[on_last]
    ties = np.bincount(rows[on_last], minlength=n) > 1
    if ties.any():                                    # rare: the larger holding_id wins
        tied = pd.DataFrame({"row": rows[on_last], "col": cols[on_last],
                             "holding_id": live["holding_id"].astype("str").to_numpy()[ok][on_last]})
        tied = tied[ties[tied["row"].to_numpy()]].sort_values(["row", "holding_id"], kind="stable")
        tied = tied.drop_duplicates("row", keep="last")
        out[tied["row"].to_numpy()] = tied["col"].to_numpy()
    return out


@dataclasses.dataclass(frozen=True)
class NextModel:
    """Multinomial logistic regression: P(the product opened next | customer). Fitted on the
    customers with at least two open products: the label is the product they opened most
    recently, the features (`next_features`) are their age, AUM, risk rating and the products
    they held besides it. Predicting from everything a customer holds now asks "what would come
    next". Holdings of a product that is held long (a current account, a mortgage) pile up over
    years; openings of a product that is renewed often (a 3-month deposit) do not, so what
    customers open next differs from what they hold, which this model learns and peer shares
    cannot."""

    coef: np.ndarray                 # float32 (f + 1) × p, last row the intercepts
    n_examples: int                  # customers with a latest product (before sampling)
    label_counts: np.ndarray         # p: of the examples used, latest openings per product
    fit_seconds: float = 0.0         # wall time of the fit (reported by the offline evaluation)
    solver: str = ""

    def predict(self, features: np.ndarray) -> np.ndarray:
        coef = self.coef.astype(np.float64)
        z = features.astype(np.float64) @ coef[:-1] + coef[-1]
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return (e / e.sum(axis=1, keepdims=True)).astype(np.float64)


# Log-odds given to a product nobody in the fit population opened last: exp(-30) ≈ 1e-13, so it
# ranks below every product the model has seen, without a -inf that would poison the softmax.
_UNSEEN_INTERCEPT = -30.0


def fit_next_model(features: np.ndarray, labels: np.ndarray, n_products: int, *, l2: float = 1e-3,
                   min_examples: int = 50, max_examples: int = 12_000) -> NextModel | None:
    """Fit `NextModel` with scikit-learn's multinomial LogisticRegression (lbfgs) on the softmax
    cross-entropy with an L2 penalty on the weights: mean loss + l2/2 · |w|², i.e. C = 1 / (l2 ·
    examples). `features` rows pair with `labels` (product columns). None when there are fewer
    than `min_examples` examples: too few to learn from. Beyond `max_examples` a fixed random
    sample is used (a few hundred weights need no more; it keeps a 50,000-customer fit fast).
    scikit-learn is imported here, not at module level: importing it costs about a second of
    start-up, and the GUI starts without it."""
    labels = np.asarray(labels, dtype=np.int64)
    if len(labels) < min_examples:
        return None
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    started = time.perf_counter()
    n_seen = len(labels)
    if n_seen > max_examples:
        keep = np.sort(np.random.default_rng(0).choice(n_seen, max_examples, replace=False))
        features, labels = features[keep], labels[keep]
    coef = np.zeros((features.shape[1] + 1, n_products), dtype=np.float64)
    coef[-1] = _UNSEEN_INTERCEPT
    seen = np.unique(labels)
    if len(seen) == 1:                          # one product only: it is always the next one
        coef[-1, seen[0]] = 0.0
    else:
        # Single-threaded: on the shared 2-core machine BLAS threads fight and run slower.
        with threadpool_limits(1):
            fitted = LogisticRegression(C=1.0 / (l2 * len(labels)), max_iter=1000).fit(
                features.astype(np.float64), labels)
        classes = fitted.classes_.astype(np.int64)
        if len(classes) == 2:                   # binary: one row of weights for classes_[1]
            half = fitted.coef_[0] / 2.0        # the same softmax, split symmetrically
            coef[:-1, classes[0]], coef[:-1, classes[1]] = -half, half
            coef[-1, classes[0]], coef[-1, classes[1]] = -fitted.intercept_[0] / 2, fitted.intercept_[0] / 2
        else:
            coef[:-1, classes] = fitted.coef_.T
            coef[-1, classes] = fitted.intercept_
    return NextModel(coef.astype(np.float32), n_seen, np.bincount(labels, minlength=n_products),
                     time.perf_counter() - started, "sklearn-lbfgs")


@dataclasses.dataclass(frozen=True)
class RecentOpenings:
    """What customers opened most recently (`latest_products`), per peer cell and overall: the
    counts behind the RECENT_OPENINGS reason, which quotes the signal the next-opening model
    ranks by in numbers anyone can recompute. ids: sorted cell numbers; size[k]: customers of
    cell k with a latest opening; counts[k, j]: of them, those whose latest was j; total[j] and
    n: the same over all customers."""

    ids: np.ndarray
    size: np.ndarray
    counts: np.ndarray
    total: np.ndarray
    n: int

    @classmethod
    def of(cls, latest: np.ndarray, cells: np.ndarray, n_products: int) -> RecentOpenings:
        has = np.asarray(latest) >= 0
        labels = np.asarray(latest)[has]
        ids, inverse = np.unique(np.asarray(cells)[has], return_inverse=True)
        counts = np.zeros((len(ids), n_products), dtype=np.int64)
        np.add.at(counts, (inverse, labels), 1)
        return cls(ids, np.bincount(inverse, minlength=len(ids)), counts,
                   np.bincount(labels, minlength=n_products), int(has.sum()))

    def lookup(self, cells: np.ndarray, products: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(cell size, openings of the product in the cell) per (cell, product) pair; 0, 0 for
        a cell nobody in it opened anything."""
        if not len(self.ids):
            zero = np.zeros(len(cells), dtype=np.int64)
            return zero, zero
        k = np.searchsorted(self.ids, cells).clip(0, len(self.ids) - 1)
        found = self.ids[k] == cells
        return np.where(found, self.size[k], 0), np.where(found, self.counts[k, products], 0)


@dataclasses.dataclass(frozen=True)
class HoldingModel:
    """Co-holding statistics of the fit population (customers with at least one open holding).

    counts[j]: holders of j; pair[a, b]: holders of both; triple[a, b, j]: holders of all three;
    sim: item cosine (diagonal 0); confidence: P(b | a) where the rule a → b passes the mining
    thresholds, else 0. Peer groups: peer_ids (sorted cell numbers), peer_size, peer_holders
    (cells × products)."""

    n_customers: int
    counts: np.ndarray
    pair: np.ndarray
    triple: np.ndarray
    sim: np.ndarray
    confidence: np.ndarray
    log_lift: np.ndarray
    peer_ids: np.ndarray
    peer_size: np.ndarray
    peer_holders: np.ndarray
    rules: MiningRules
    next: NextModel | None = None     # None: too few customers with two products to learn from
    recent: RecentOpenings | None = None   # None: fitted without the latest openings

    @property
    def share(self) -> np.ndarray:
        return self.counts / max(self.n_customers, 1)

    def peer_share(self, cells: np.ndarray) -> np.ndarray:
        """Smoothed share of each peer group holding each product (n × p): the group's counts
        plus `peer_prior` pseudo-customers at the overall share, so a small group leans on the
        whole portfolio instead of on a handful of customers."""
        m = self.rules.peer_prior
        share = self.share
        k = np.searchsorted(self.peer_ids, cells)
        k = np.minimum(k, max(len(self.peer_ids) - 1, 0))
        found = (self.peer_ids[k] == cells) if len(self.peer_ids) else np.zeros(len(cells), bool)
        holders = np.where(found[:, None], self.peer_holders[k] if len(self.peer_ids) else 0, 0)
        size = np.where(found, self.peer_size[k] if len(self.peer_ids) else 0, 0)
        return (holders + m * share[None, :]) / (size[:, None] + m)

    def peer_counts(self, cell: int) -> tuple[int, np.ndarray]:
        k = int(np.searchsorted(self.peer_ids, cell))
        if k < len(self.peer_ids) and self.peer_ids[k] == cell:
            return int(self.peer_size[k]), self.peer_holders[k]
        return 0, np.zeros(len(self.counts), dtype=np.int64)


def fit_model(held: np.ndarray, *, cells: np.ndarray | None = None,
              rules: MiningRules = MiningRules(), age: np.ndarray | None = None,
              aum: np.ndarray | None = None, rating: np.ndarray | None = None,
              latest: np.ndarray | None = None) -> HoldingModel:
    """Fit on a bool customers × products matrix (and their peer cells); rows with no holding
    are left out. With `age`, `aum`, `rating` and `latest` (`latest_products` of the same
    holdings) the next-opening model is fitted too: for each customer with a latest product,
    features from the other products they hold, label the latest one."""
    next_model = None
    if latest is not None and age is not None and aum is not None and rating is not None:
        learn = np.flatnonzero(np.asarray(latest) >= 0)
        labels = np.asarray(latest)[learn]
        context = held[learn].copy()
        context[np.arange(len(learn)), labels] = False
        features = next_features(np.asarray(age)[learn], np.asarray(aum)[learn],
                                 np.asarray(rating)[learn], context)
        next_model = fit_next_model(features, labels, held.shape[1])
    fit_rows = held.any(axis=1)
    x = held[fit_rows].astype(np.float32)
    n, p = x.shape
    pair = (x.T @ x).astype(np.int64)
    counts = np.diag(pair).copy()
    triple = np.zeros((p, p, p), dtype=np.int64)
    for a in range(p):
        xa = x[x[:, a] > 0]
        if len(xa):
            triple[a] = (xa.T @ xa).astype(np.int64)
    norms = np.sqrt(counts.astype(float))
    with np.errstate(divide="ignore", invalid="ignore"):
        sim = np.where(np.outer(norms, norms) > 0, pair / np.outer(norms, norms), 0.0)
        support = pair / max(n, 1)
        conf = np.where(counts[:, None] > 0, pair / counts[:, None], 0.0)
        lift = np.where(counts[None, :] > 0, conf / (counts[None, :] / max(n, 1)), 0.0)
    np.fill_diagonal(sim, 0.0)
    kept = (support >= rules.min_support) & (conf >= rules.min_confidence) & (lift >= rules.min_lift)
    np.fill_diagonal(kept, False)
    cell = np.zeros(n, dtype=np.int64) if cells is None else np.asarray(cells)[fit_rows]
    peer_ids, inverse = np.unique(cell, return_inverse=True)
    peer_size = np.bincount(inverse, minlength=len(peer_ids))
    peer_holders = np.zeros((len(peer_ids), p), dtype=np.int64)
    np.add.at(peer_holders, inverse, x.astype(np.int64))
    # Evidence of holding a for b: log of the lift, smoothed by one pseudo-customer, over pairs
    # with enough support (rare pairs say more about noise than about customers).
    expected = np.outer(counts, counts) / max(n, 1)
    log_lift = np.where(support >= rules.min_support, np.log((pair + 1) / (expected + 1)), 0.0)
    np.fill_diagonal(log_lift, 0.0)
    recent = (RecentOpenings.of(latest, cells, p) if latest is not None and cells is not None
              else None)
    return HoldingModel(n, counts, pair, triple, sim, np.where(kept, conf, 0.0), log_lift,
                        peer_ids, peer_size, peer_holders, rules, next_model, recent)


def association_rules(model: HoldingModel, catalogue: Catalogue) -> pd.DataFrame:
    """The kept pair rules: antecedent, consequent, support, confidence, lift, strongest first."""
    a, b = np.nonzero(model.confidence > 0)
    n = max(model.n_customers, 1)
    conf = model.pair[a, b] / model.counts[a]
    frame = pd.DataFrame({
        "antecedent": np.array(catalogue.ids, dtype=object)[a],
        "consequent": np.array(catalogue.ids, dtype=object)[b],
        "support": model.pair[a, b] / n,
        "confidence": conf,
        "lift": conf / (model.counts[b] / n),
    })
    return frame.sort_values(["lift", "confidence"], ascending=False, kind="stable").reset_index(drop=True)


# -- triggers ------------------------------------------------------------------------------------
def transaction_signals(transactions: pd.DataFrame, *, as_of: dt.date,
                        rules: TriggerRules = TriggerRules()) -> pd.DataFrame:
    """Per customer: salary_months (months of the last `salary_window_months` complete months
    with a salary credit), avg_salary (mean monthly salary over those months) and inflow (sum of
    DEPOSIT and TRANSFER_IN credits in the `inflow_days` days up to as_of). Input rows:
    customer_id, txn_date, kind, amount (any rows; the function picks what it needs)."""
    columns = ["customer_id", "salary_months", "avg_salary", "inflow"]
    if transactions.empty:
        return pd.DataFrame(columns=columns)
    month_index = as_of.year * 12 + as_of.month - 1
    last_complete = month_index if (as_of + dt.timedelta(days=1)).month != as_of.month else month_index - 1
    first = last_complete - rules.salary_window_months + 1
    date = transactions["txn_date"].astype("str")
    month = date.str.slice(0, 4).astype(int) * 12 + date.str.slice(5, 7).astype(int) - 1
    kind = transactions["kind"].astype("str")
    amount = pd.to_numeric(transactions["amount"])
    salary = (kind == TxnKind.SALARY.value) & (amount > 0) & (month >= first) & (month <= last_complete)
    sal = pd.DataFrame({"customer_id": transactions["customer_id"][salary], "month": month[salary],
                        "amount": amount[salary]})
    by_month = sal.groupby(["customer_id", "month"])["amount"].sum().reset_index()
    salary_stats = by_month.groupby("customer_id").agg(salary_months=("month", "size"),
                                                       avg_salary=("amount", "mean"))
    since = (as_of - dt.timedelta(days=rules.inflow_days)).isoformat()
    inflow_rows = (kind.isin([TxnKind.DEPOSIT.value, TxnKind.TRANSFER_IN.value]) & (amount > 0)
                   & (date > since) & (date <= as_of.isoformat()))
    inflow = amount[inflow_rows].groupby(transactions["customer_id"][inflow_rows]).sum().rename("inflow")
    out = salary_stats.join(inflow, how="outer")
    out["salary_months"] = out["salary_months"].fillna(0).astype(int)
    out["avg_salary"] = out["avg_salary"].fillna(0.0)
    out["inflow"] = out["inflow"].fillna(0.0)
    out.index.name = "customer_id"
    return out.reset_index()[columns]


@dataclasses.dataclass(frozen=True)
class Triggers:
    """code[i, j]: index into TRIGGER_ORDER + 1 of the trigger quoted for product j (0 = none);
    the per-customer numbers behind each trigger."""

    code: np.ndarray                 # int8 n × p
    maturing_product: np.ndarray     # int, -1 when none
    maturing_amount: np.ndarray
    maturing_days: np.ndarray
    salary_months: np.ndarray
    avg_salary: np.ndarray
    inflow: np.ndarray
    life_stage: np.ndarray           # object: 'min-max' band or None
    rules: TriggerRules


def compute_triggers(base: CustomerBase, catalogue: Catalogue, *, holdings: pd.DataFrame,
                     signals: pd.DataFrame | None, as_of: dt.date,
                     rules: TriggerRules = TriggerRules()) -> Triggers:
    n, p = base.held.shape
    code = np.zeros((n, p), dtype=np.int8)
    index = pd.Index(base.ids)

    # Maturities: the earliest ACTIVE time deposit / large CD maturing within the window.
    live = holdings[holdings["status"].astype("str") == HoldingStatus.ACTIVE.value]
    cols = pd.Index(catalogue.ids).get_indexer(live["product_id"].astype("str"))
    termed = catalogue.family_mask(ProductFamily.TIME_DEPOSIT, ProductFamily.LARGE_CD)
    mature_day = day_numbers(live["maturity_on"].rename("maturity_on"), missing=_NO_DATE)
    days = mature_day - day_number(as_of)
    ok = (cols >= 0) & termed[np.maximum(cols, 0)] & (days >= 0) & (days <= rules.maturing_days)
    m_rows = index.get_indexer(live["customer_id"].astype("str"))
    ok &= m_rows >= 0
    mat = pd.DataFrame({"row": m_rows[ok], "col": cols[ok], "days": days[ok],
                        "amount": pd.to_numeric(live["balance"]).to_numpy(dtype=float)[ok]})
    mat = mat.sort_values(["row", "days", "amount"], ascending=[True, True, False], kind="stable")
    mat = mat.drop_duplicates("row")
    maturing_product = np.full(n, -1)
    maturing_amount = np.zeros(n)
    maturing_days = np.full(n, -1)
    maturing_product[mat["row"]] = mat["col"]
    maturing_amount[mat["row"]] = mat["amount"]
    maturing_days[mat["row"]] = mat["days"]
    reinvest = termed | (catalogue.family_mask(ProductFamily.WEALTH) & (catalogue.risk <= 2)
                         & ~np.isnan(catalogue.term_days))

    salary_months = np.zeros(n, dtype=int)
    avg_salary = np.zeros(n)
    inflow = np.zeros(n)
    if signals is not None and not signals.empty:
        s_rows = index.get_indexer(signals["customer_id"].astype("str"))
        keep = s_rows >= 0
        salary_months[s_rows[keep]] = signals["salary_months"].to_numpy()[keep]
        avg_salary[s_rows[keep]] = signals["avg_salary"].to_numpy(dtype=float)[keep]
        inflow[s_rows[keep]] = signals["inflow"].to_numpy(dtype=float)[keep]
    cards = catalogue.family_mask(ProductFamily.CREDIT_CARD)
    no_card = ~(base.held & cards[None, :]).any(axis=1)
    salaried = salary_months >= rules.salary_min_months
    wealth = catalogue.family_mask(ProductFamily.WEALTH)

    life_stage = np.full(n, None, dtype=object)
    stage_products = np.zeros((n, p), dtype=bool)
    for lo, hi, products in rules.life_stages:
        in_band = (base.age >= lo) & (base.age <= hi)
        targets = np.isin(np.array(catalogue.ids, dtype=object), list(products))
        if targets.any():
            life_stage[in_band & (life_stage == None)] = f"{lo}-{hi}"  # noqa: E711 (elementwise)
            stage_products |= in_band[:, None] & targets[None, :]

    fired = {
        RecoReason.MATURING: (maturing_product >= 0)[:, None] & reinvest[None, :],
        RecoReason.LARGE_INFLOW: (inflow >= rules.large_inflow)[:, None] & wealth[None, :],
        RecoReason.SALARY_NO_CARD: (salaried & no_card)[:, None] & cards[None, :],
        RecoReason.LIFE_STAGE: stage_products,
    }
    for k in range(len(TRIGGER_ORDER) - 1, -1, -1):       # lowest priority first, overwritten
        code[fired[TRIGGER_ORDER[k]]] = k + 1
    return Triggers(code, maturing_product, maturing_amount, maturing_days, salary_months,
                    avg_salary, inflow, life_stage, rules)


# -- scoring -------------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class Scores:
    cf: np.ndarray                   # n × p mean cosine of the product to the held ones
    rules: np.ndarray                # n × p Σ log lift over held products (see module doc)
    rule_antecedent: np.ndarray      # int n × p: held antecedent of the strongest kept rule, -1
    rule_lift: np.ndarray            # n × p lift of that rule, 0 when none
    trigger: np.ndarray
    peers: np.ndarray                # n × p smoothed share of the customer's peer group
    popularity: np.ndarray           # p
    blended: np.ndarray
    weights: BlendWeights
    next: np.ndarray                 # n × p next-opening probability (fit when no such model)


def score(base: CustomerBase, model: HoldingModel, triggers: Triggers, *,
          weights: BlendWeights = BlendWeights()) -> Scores:
    held = base.held.astype(np.float64)
    n_held = held.sum(axis=1)
    cf = (held @ model.sim) / np.maximum(n_held, 1)[:, None]
    evidence = held @ model.log_lift
    rule_lift = np.zeros_like(cf)
    antecedent = np.full(cf.shape, -1)
    lift = np.where(model.confidence > 0, np.exp(model.log_lift), 0.0)
    for a in np.flatnonzero(lift.any(axis=1)):
        candidate = np.where(base.held[:, a:a + 1], lift[a][None, :], 0.0)
        better = candidate > rule_lift
        rule_lift = np.where(better, candidate, rule_lift)
        antecedent = np.where(better, a, antecedent)
    trigger = (triggers.code > 0).astype(np.float64)
    peers = model.peer_share(peer_cells(base.age, base.aum))
    fit = peers * np.exp(weights.rules * evidence)
    if model.next is not None:
        nxt = model.next.predict(next_features(base.age, base.aum, base.rating, base.held))
        core = nxt ** weights.nxt * fit ** (1.0 - weights.nxt) if weights.nxt != 1.0 else nxt
    else:
        nxt = core = fit
    blended = core * (1 + weights.trigger * trigger) + weights.cf * cf
    return Scores(cf, evidence, antecedent, rule_lift, trigger, peers, model.share, blended, weights, nxt)


def top_products(scores: np.ndarray, mask: np.ndarray, *, top: int) -> np.ndarray:
    """int n × top product indices, best first; -1 where fewer products are allowed."""
    masked = np.where(mask == 0, scores, -np.inf)
    order = np.argsort(-masked, axis=1, kind="stable")[:, :top]
    picked = np.take_along_axis(masked, order, axis=1)
    return np.where(np.isfinite(picked), order, -1)


# -- reasons -------------------------------------------------------------------------------------
def _r(value: float, digits: int = 4) -> float:
    return round(float(value), digits)


def similar_groups(model: HoldingModel, held: np.ndarray, products: np.ndarray) -> dict[str, np.ndarray]:
    """SIMILAR_HOLDERS numbers for m (holdings row, product) pairs, vectorised.

    Anchors: the held products (other than the recommended one) most similar to it; products
    nearly everybody holds are used only when nothing else is held. Two anchors when at least
    `min_similar_group` customers hold both, else one. Returns anchor1, anchor2 (-1 = none),
    group (customers holding the anchors) and with_product (of them, holders of the product)."""
    m = len(products)
    affinity = np.where(held, model.sim[:, products].T, -np.inf)
    affinity[np.arange(m), products] = -np.inf
    informative = held & ~(model.share >= model.rules.uninformative_share)[None, :]
    informative[np.arange(m), products] = False
    has_informative = informative.any(axis=1)
    affinity = np.where(has_informative[:, None] & ~informative, -np.inf, affinity)
    order = np.argsort(-affinity, axis=1, kind="stable")[:, :2]
    best = np.take_along_axis(affinity, order, axis=1)
    a1 = np.where(np.isfinite(best[:, 0]), order[:, 0], -1)
    a2 = np.where(np.isfinite(best[:, 1]) if order.shape[1] > 1 else False, order[:, 1] if order.shape[1] > 1 else -1, -1)
    two = (a2 >= 0) & (model.pair[np.maximum(a1, 0), np.maximum(a2, 0)] >= model.rules.min_similar_group)
    a2 = np.where(two, a2, -1)
    group = np.where(a1 < 0, model.n_customers,
                     np.where(two, model.pair[np.maximum(a1, 0), np.maximum(a2, 0)], model.counts[np.maximum(a1, 0)]))
    with_product = np.where(a1 < 0, model.counts[products],
                            np.where(two, model.triple[np.maximum(a1, 0), np.maximum(a2, 0), products],
                                     model.pair[np.maximum(a1, 0), products]))
    return {"anchor1": a1, "anchor2": a2, "group": group, "with_product": with_product}


def reasons_for(*, rows: np.ndarray, products: np.ndarray, base: CustomerBase, catalogue: Catalogue,
                model: HoldingModel, scores: Scores, triggers: Triggers, as_of: dt.date) -> list[dict[str, Any]]:
    """The top reason for each (row, product) pair.

    A trigger, when one fired, is the reason (an event is what the RM can talk about). Otherwise
    the strongest of four lifts over the overall share is quoted: the peer group's share
    (PEERS), the similar holders' share (SIMILAR_HOLDERS), the best mined rule's confidence
    (BOUGHT_TOGETHER), or the share of the peer group's latest openings that were this product
    against all customers' (RECENT_OPENINGS, the signal the next-opening model ranks by); all
    four are ratios of counts anyone can recompute from the holdings."""
    rows = np.asarray(rows, dtype=np.int64)
    products = np.asarray(products, dtype=np.int64)
    n = max(model.n_customers, 1)
    share_all = model.share[products]
    cells = peer_cells(base.age[rows], base.aum[rows])
    if len(model.peer_ids):
        k = np.searchsorted(model.peer_ids, cells).clip(0, len(model.peer_ids) - 1)
        found = model.peer_ids[k] == cells
        peer_size = np.where(found, model.peer_size[k], 0)
        peer_holders = np.where(found, model.peer_holders[k, products], 0)
    else:                                   # nobody holds anything: no peer group to quote
        peer_size = peer_holders = np.zeros(len(rows), dtype=np.int64)
    smoothed = scores.peers[rows, products]
    similar = similar_groups(model, base.held[rows], products)
    with np.errstate(divide="ignore", invalid="ignore"):
        peer_lift = np.where(share_all > 0, smoothed / share_all, 0.0)
        similar_lift = np.where((similar["group"] > 0) & (share_all > 0),
                                similar["with_product"] / similar["group"] / share_all, 0.0)
    rule_lift = scores.rule_lift[rows, products]
    recent_size = recent_with = np.zeros(len(rows), dtype=np.int64)
    recent_all = np.zeros(len(rows))
    if model.recent is not None and model.recent.n:
        recent_size, recent_with = model.recent.lookup(cells, products)
        recent_all = model.recent.total[products] / model.recent.n
    with np.errstate(divide="ignore", invalid="ignore"):
        # Quoted only for a group big enough that its share is not one or two customers.
        recent_lift = np.where((recent_size >= MIN_RECENT_GROUP) & (recent_all > 0),
                               recent_with / np.maximum(recent_size, 1) / recent_all, 0.0)
    choice = np.argmax(np.stack([peer_lift, similar_lift, rule_lift, recent_lift]), axis=0)
    trig = triggers.code[rows, products]
    ids = catalogue.ids
    age_labels = band_labels(base.age[rows], AGE_EDGES)
    aum_labels = band_labels(base.aum[rows], AUM_EDGES)
    out: list[dict[str, Any]] = []
    for i, (row, j) in enumerate(zip(rows.tolist(), products.tolist(), strict=True)):
        pid = ids[j]
        if trig[i]:
            code = TRIGGER_ORDER[int(trig[i]) - 1]
            if code is RecoReason.MATURING:
                days = int(triggers.maturing_days[row])
                out.append({"code": code.value, "product": pid,
                            "maturing_product": ids[int(triggers.maturing_product[row])],
                            "amount": _r(triggers.maturing_amount[row], 2), "days": days,
                            "maturity_on": (as_of + dt.timedelta(days=days)).isoformat()})
            elif code is RecoReason.LARGE_INFLOW:
                out.append({"code": code.value, "product": pid, "amount": _r(triggers.inflow[row], 2),
                            "days": triggers.rules.inflow_days})
            elif code is RecoReason.SALARY_NO_CARD:
                out.append({"code": code.value, "product": pid, "months": int(triggers.salary_months[row]),
                            "window_months": triggers.rules.salary_window_months,
                            "avg_salary": _r(triggers.avg_salary[row], 2)})
            else:
                out.append({"code": code.value, "product": pid, "age": int(base.age[row]),
                            "band": triggers.life_stage[row]})
        elif choice[i] == 3:
            size = int(recent_size[i])
            out.append({"code": RecoReason.RECENT_OPENINGS.value, "product": pid,
                        "age_band": age_labels[i], "aum_band": aum_labels[i], "customers": size,
                        "share_recent": _r(recent_with[i] / size), "share_all": _r(recent_all[i])})
        elif choice[i] == 2:
            a = int(scores.rule_antecedent[row, j])
            conf = model.pair[a, j] / model.counts[a]
            out.append({"code": RecoReason.BOUGHT_TOGETHER.value, "product": pid, "antecedent": ids[a],
                        "support": _r(model.pair[a, j] / n), "confidence": _r(conf),
                        "lift": _r(conf / model.share[j], 3)})
        elif choice[i] == 1:
            anchors = [ids[int(a)] for a in (similar["anchor1"][i], similar["anchor2"][i]) if a >= 0]
            group = int(similar["group"][i])
            out.append({"code": RecoReason.SIMILAR_HOLDERS.value, "product": pid, "anchors": anchors,
                        "similar_customers": group,
                        "share_similar": _r(similar["with_product"][i] / group) if group else 0.0,
                        "share_all": _r(share_all[i])})
        else:
            size = int(peer_size[i])
            out.append({"code": RecoReason.PEERS.value, "product": pid,
                        "age_band": age_labels[i], "aum_band": aum_labels[i], "peers": size,
                        "share_peers": _r(peer_holders[i] / size) if size else 0.0,
                        "share_all": _r(share_all[i])})
    return out


# -- results -------------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class Recommendation:
    product_id: str
    rank: int
    score: float                     # blended fit score
    reason: dict[str, Any]           # {"code": RecoReason, ...numbers}
    sources: dict[str, float]        # unweighted component scores
    warning: WarningCode | None
    needs_note: bool

    def to_json(self) -> dict[str, Any]:
        return {"product_id": self.product_id, "rank": self.rank, "score": round(self.score, 4),
                "reason": self.reason, "sources": self.sources,
                "warning": self.warning.value if self.warning else None, "needs_note": self.needs_note}


@dataclasses.dataclass(frozen=True)
class Exclusion:
    product_id: str
    rules: tuple[RuleCode, ...]      # every rule that removes it; the first is the one to quote
    score: float                     # what it would have scored

    def to_json(self) -> dict[str, Any]:
        return {"product_id": self.product_id, "rule": self.rules[0].value,
                "rules": [r.value for r in self.rules], "score": round(self.score, 4)}


@dataclasses.dataclass(frozen=True)
class CustomerRecommendations:
    customer_id: str
    as_of: dt.date
    actions: tuple[dict[str, Any], ...]      # e.g. {"code": RENEW_RISK_ASSESSMENT, "assessed_on": ...}
    recommendations: tuple[Recommendation, ...]
    excluded: tuple[Exclusion, ...]          # filled only when asked to explain

    def to_json(self) -> dict[str, Any]:
        return {"customer_id": self.customer_id, "as_of": self.as_of.isoformat(),
                "actions": list(self.actions),
                "recommendations": [r.to_json() for r in self.recommendations],
                "excluded": [e.to_json() for e in self.excluded]}


def _actions(base: CustomerBase, row: int, *, as_of: dt.date, rules: SuitabilityRules) -> tuple[dict, ...]:
    if not assessment_expired_rows(base, as_of=as_of, rules=rules)[row]:
        return ()
    return (_renewal(base, row, as_of=as_of, rules=rules),)


def _renewal(base: CustomerBase, row: int, *, as_of: dt.date, rules: SuitabilityRules) -> dict:
    """The RENEW_RISK_ASSESSMENT action of a customer whose assessment has expired."""
    day = int(base.assessed_day[row])
    assessed = None if day == _NO_DATE else (dt.date(1970, 1, 1) + dt.timedelta(days=day))
    return {"code": ActionCode.RENEW_RISK_ASSESSMENT.value,
            "assessed_on": assessed.isoformat() if assessed else None,
            "days_since": (as_of - assessed).days if assessed else None,
            "valid_days": rules.assessment_valid_days}


def _warning(age: int, risk: int, rules: SuitabilityRules) -> WarningCode | None:
    if age >= rules.senior_age and risk > rules.senior_plain_risk_max:
        return WarningCode.SENIOR_ABOVE_R2
    return None


@dataclasses.dataclass(frozen=True)
class Recommender:
    """Everything needed to rank products for the customers of `base`."""

    as_of: dt.date
    catalogue: Catalogue
    base: CustomerBase
    model: HoldingModel
    triggers: Triggers
    scores: Scores
    mask: np.ndarray
    rules: SuitabilityRules

    def for_row(self, row: int, *, top: int = 3, explain: bool = False) -> CustomerRecommendations:
        picks = top_products(self.scores.blended[row:row + 1], self.mask[row:row + 1], top=top)[0]
        recs = []
        for rank, j in enumerate(int(j) for j in picks if j >= 0):
            warning = _warning(int(self.base.age[row]), int(self.catalogue.risk[j]), self.rules)
            recs.append(Recommendation(
                product_id=self.catalogue.ids[j], rank=rank + 1, score=float(self.scores.blended[row, j]),
                reason=reasons_for(rows=np.array([row]), products=np.array([j]), base=self.base,
                                   catalogue=self.catalogue, model=self.model, scores=self.scores,
                                   triggers=self.triggers, as_of=self.as_of)[0],
                sources={"peers": _r(self.scores.peers[row, j]), "rules": _r(self.scores.rules[row, j]),
                         "cf": _r(self.scores.cf[row, j]), "next": _r(self.scores.next[row, j]),
                         "trigger": _r(self.scores.trigger[row, j])},
                warning=warning, needs_note=warning is not None))
        excluded: tuple[Exclusion, ...] = ()
        if explain:
            excluded = tuple(
                Exclusion(self.catalogue.ids[j], RuleCode.from_mask(int(self.mask[row, j])),
                          float(self.scores.blended[row, j]))
                for j in np.argsort(-self.scores.blended[row], kind="stable") if self.mask[row, j])
        return CustomerRecommendations(str(self.base.ids[row]), self.as_of,
                                       _actions(self.base, row, as_of=self.as_of, rules=self.rules),
                                       tuple(recs), excluded)

    def table(self, *, top: int = 3) -> pd.DataFrame:
        """One row per (customer, rank): RECO_COLUMNS. Rank 0 rows are actions (renew the risk
        assessment); product rows follow from rank 1."""
        picks = top_products(self.scores.blended, self.mask, top=top)
        rows, ranks = np.nonzero(picks >= 0)
        products = picks[rows, ranks]
        reasons = reasons_for(rows=rows, products=products, base=self.base, catalogue=self.catalogue,
                              model=self.model, scores=self.scores, triggers=self.triggers,
                              as_of=self.as_of)
        senior = ((self.base.age[rows] >= self.rules.senior_age)
                  & (self.catalogue.risk[products] > self.rules.senior_plain_risk_max))
        frame = pd.DataFrame({
            "customer_id": self.base.ids[rows],
            "rank": ranks + 1,
            "kind": "PRODUCT",
            "product_id": np.array(self.catalogue.ids, dtype=object)[products],
            "score": np.round(self.scores.blended[rows, products], 4),
            "reason_code": [r["code"] for r in reasons],
            "reason": reasons,
            "warning": np.where(senior, WarningCode.SENIOR_ABOVE_R2.value, None),
            "needs_note": senior,
        })
        expired = np.flatnonzero(assessment_expired_rows(self.base, as_of=self.as_of, rules=self.rules))
        actions = pd.DataFrame({
            "customer_id": self.base.ids[expired], "rank": 0, "kind": "ACTION", "product_id": None,
            "score": np.nan, "reason_code": ActionCode.RENEW_RISK_ASSESSMENT.value,
            "reason": [_renewal(self.base, int(r), as_of=self.as_of, rules=self.rules) for r in expired],
            "warning": None, "needs_note": False})
        out = pd.concat([actions, frame], ignore_index=True) if len(actions) else frame
        return out.sort_values(["customer_id", "rank"], kind="stable").reset_index(drop=True)[RECO_COLUMNS]


RECO_COLUMNS = ["customer_id", "rank", "kind", "product_id", "score", "reason_code", "reason",
                "warning", "needs_note"]


def build_recommender(*, customers: pd.DataFrame, products: pd.DataFrame, holdings: pd.DataFrame,
                      signals: pd.DataFrame | None, as_of: dt.date,
                      rules: SuitabilityRules = SuitabilityRules(),
                      outcomes: pd.DataFrame | None = None, today: dt.date | None = None,
                      model: HoldingModel | None = None, weights: BlendWeights = BlendWeights(),
                      mining: MiningRules = MiningRules(), trigger_rules: TriggerRules = TriggerRules(),
                      aum_holdings: pd.DataFrame | None = None,
                      aum: np.ndarray | None = None) -> Recommender:
    """Score every customer in `customers`. `model` may be a model fitted on a larger
    population (the whole portfolio when scoring one customer); otherwise it is fitted here."""
    catalogue = Catalogue.from_frame(products)
    base = build_base(customers=customers, holdings=holdings, catalogue=catalogue, as_of=as_of,
                      aum_holdings=aum_holdings, aum=aum)
    model = model or fit_model(base.held, cells=peer_cells(base.age, base.aum), rules=mining,
                               age=base.age, aum=base.aum, rating=base.rating,
                               latest=latest_products(holdings, base.ids, catalogue))
    triggers = compute_triggers(base, catalogue, holdings=holdings, signals=signals, as_of=as_of,
                                rules=trigger_rules)
    scores = score(base, model, triggers, weights=weights)
    mask = exclusion_mask(base, catalogue, as_of=as_of, rules=rules, outcomes=outcomes, today=today)
    return Recommender(as_of, catalogue, base, model, triggers, scores, mask, rules)


# -- offline evaluation --------------------------------------------------------------------------
# Below this many evaluated customers the figures are too uncertain to rank methods by.
MIN_EVALUATED = 100


def hide_latest(holdings: pd.DataFrame, *, min_products: int = 2) -> tuple[pd.DataFrame, pd.Series]:
    """Split open holdings into (the rest, hidden product per customer): for each customer with at
    least `min_products` distinct open products, the product of the most recently opened holding
    (ties: the larger holding_id) is hidden with all its holdings."""
    live = open_holdings(holdings)
    distinct = live.groupby("customer_id")["product_id"].nunique()
    eligible = distinct.index[distinct >= min_products]
    cand = live[live["customer_id"].isin(eligible)]
    latest = cand.sort_values(["customer_id", "opened_on", "holding_id"], kind="stable").drop_duplicates(
        "customer_id", keep="last")
    hidden = latest.set_index("customer_id")["product_id"].astype("str")
    key = live["customer_id"].astype("str") + "\x1f" + live["product_id"].astype("str")
    hidden_key = hidden.index.astype("str") + "\x1f" + hidden.to_numpy()
    return live[~key.isin(set(hidden_key))], hidden


def evaluate_holdout(*, customers: pd.DataFrame, products: pd.DataFrame, holdings: pd.DataFrame,
                     signals: pd.DataFrame | None, as_of: dt.date, k: int = 3,
                     rules: SuitabilityRules = SuitabilityRules(),
                     weights: BlendWeights = BlendWeights(), bootstrap: int = 1000,
                     seed: int = 0) -> dict[str, Any]:
    """Hide each customer's most recently opened product, fit on the rest, and measure
    hit-rate@k and MAP@k (one relevant item, so AP@k = 1/rank when found in the top k) of the
    blended recommender, its CF-only and rules-only parts and a popularity baseline. Suitability
    applies to all, computed on what remains held; a customer whose hidden product is not
    suitable on that basis cannot be hit by any method and is left out (counted in
    `excluded_unsuitable`). AUM keeps the hidden product's balance: buying a product does not
    change the customer's wealth.

    Each figure comes with a 95% percentile bootstrap interval over the evaluated customers
    (`bootstrap` resamples, seeded), and the blended hit-rate with its ratio to the popularity
    and to the peers baselines; `next_model` says how long the next-opening model took to fit."""
    rest, hidden = hide_latest(holdings)
    reco = build_recommender(customers=customers, products=products, holdings=rest, signals=signals,
                             as_of=as_of, rules=rules, weights=weights, aum_holdings=holdings)
    cat, base = reco.catalogue, reco.base
    rows = pd.Index(base.ids).get_indexer(hidden.index.astype("str"))
    cols = pd.Index(cat.ids).get_indexer(hidden.to_numpy())
    ok = (rows >= 0) & (cols >= 0)
    rows, cols = rows[ok], cols[ok]
    suitable = reco.mask[rows, cols] == 0
    e_rows, e_cols = rows[suitable], cols[suitable]
    mask = reco.mask[e_rows]
    s = reco.scores
    methods = {
        "blended": s.blended[e_rows],
        "cf_only": s.cf[e_rows] + 1e-9 * s.popularity[None, :],
        "rules_only": s.rules[e_rows] + 1e-9 * s.popularity[None, :],
        "peers_only": s.peers[e_rows],
        "next_only": s.next[e_rows],
        "popularity": np.broadcast_to(s.popularity, mask.shape),
    }
    result: dict[str, Any] = {
        "as_of": as_of.isoformat(), "k": k, "customers_with_hidden": int(len(hidden)),
        "evaluated": int(len(e_rows)), "excluded_unsuitable": int((~suitable).sum()),
        "hidden_products": {cat.ids[j]: int(c) for j, c in zip(*np.unique(e_cols, return_counts=True), strict=True)},
        "weights": dataclasses.asdict(weights),
    }
    # One resample of the evaluated customers per replicate, shared by every method, so the
    # intervals of a difference or a ratio between methods are paired.
    draws = bootstrap_draws(len(e_rows), replicates=bootstrap, seed=seed)
    hits: dict[str, np.ndarray] = {}
    for name, values in methods.items():
        picks = top_products(np.asarray(values), mask, top=k)
        hit_at = picks == e_cols[:, None]
        found = hit_at.any(axis=1)
        rank = np.argmax(hit_at, axis=1) + 1
        ap = np.where(found, 1.0 / rank, 0.0)
        hits[name] = found.astype(np.float64)
        result[name] = {"hit_rate": _r(found.mean()) if len(found) else 0.0,
                        "hit_rate_ci95": _interval(found.astype(np.float64), draws),
                        "map": _r(ap.mean()) if len(found) else 0.0,
                        "map_ci95": _interval(ap, draws)}
    base_hit = result["popularity"]["hit_rate"]
    result["hit_rate_ratio"] = _r(result["blended"]["hit_rate"] / base_hit, 3) if base_hit else None
    result["hit_rate_ratio_ci95"] = _ratio_interval(hits["blended"], hits["popularity"], draws)
    peers_hit = result["peers_only"]["hit_rate"]
    result["vs_peers_ratio"] = _r(result["blended"]["hit_rate"] / peers_hit, 3) if peers_hit else None
    result["vs_peers_ratio_ci95"] = _ratio_interval(hits["blended"], hits["peers_only"], draws)
    result["bootstrap"] = {"replicates": bootstrap, "seed": seed, "over": "evaluated customers"}
    result["next_model"] = (None if reco.model.next is None else
                            {"fit_seconds": round(reco.model.next.fit_seconds, 3),
                             "examples": reco.model.next.n_examples,
                             "solver": reco.model.next.solver})
    result["target_ratio"] = 1.5
    result["warning"] = sample_warning(count=len(e_rows), minimum=MIN_EVALUATED,
                                       what="customers with a suitable hidden product")
    return result
