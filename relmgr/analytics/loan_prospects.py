"""Loan prospects (贷款潜在客户, issue 21): per loan family, how likely each customer is to take
such a loan in the next three months, learned point-in-time from the portfolio's own past loan
openings. Pure: frames in, scores and reasons out; scikit-learn is imported when a model is fit.

Point in time: features are computed from what was known on a cutoff day (transactions, month
ends and loans dated on or before it); the label is "opened a loan of the family in the
`horizon_days` after the cutoff". Training uses monthly cutoffs whose label window has closed
by the day scored; `evaluate` holds out the last window (cutoff = as_of - horizon) and trains
only on cutoffs whose windows closed before it, so the test period is never seen.

The model is a logistic regression on standardised features (fast at branch scale, and each
feature's contribution coef × (value - mean) is a reason in words and numbers). Baselines:
`rule_scores` (salary regularity and a prime borrowing age, the rule an RM would use) and
`popularity_scores` (the family's opening rate among customers of the same age band).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import numpy as np
import pandas as pd

from relmgr.analytics.activity import day_number, day_numbers, positions_in
from relmgr.domain.codes import LoanFamily

FEATURES = ("age", "age_sq", "tenure_years", "salary_months", "log_aum", "aum_change", "logins",
            "has_card", "has_mortgage", "has_consumer", "has_business")
_HAS = {LoanFamily.CREDIT_CARD.value: "has_card", LoanFamily.MORTGAGE.value: "has_mortgage",
        LoanFamily.CONSUMER.value: "has_consumer", LoanFamily.BUSINESS.value: "has_business"}
FAMILIES = tuple(f.value for f in LoanFamily)


@dataclasses.dataclass(frozen=True)
class ProspectSettings:
    horizon_days: int = 90
    training_cutoffs: int = 6          # monthly cutoffs back from the latest usable one
    max_training_rows: int = 20_000    # per family; negatives are subsampled beyond it
    seed: int = 0


@dataclasses.dataclass
class World:
    """The portfolio's history as arrays over one customer index."""

    ids: np.ndarray
    birth: np.ndarray                  # day numbers
    opened: np.ndarray
    closed: np.ndarray                 # day number, or a far future day
    salary_grid: np.ndarray            # customers × calendar months since `first_month`: credited
    first_month: int                   # months since 1970-01 of the grid's first column
    months: list[str]                  # 'YYYY-MM' of the month-end grid
    month_end: np.ndarray              # day number of each month's last day
    aum: np.ndarray                    # customers × months, NaN where unknown
    logins: np.ndarray
    loan_cust: np.ndarray              # one entry per loan
    loan_family: np.ndarray
    loan_opened: np.ndarray
    loan_closed: np.ndarray
    _cache: dict[int, pd.DataFrame] = dataclasses.field(default_factory=dict)

    @classmethod
    def from_frames(cls, *, customers: pd.DataFrame, salary: pd.DataFrame, monthly: pd.DataFrame,
                    loans: pd.DataFrame) -> World:
        """`salary`: customer_id and month (months since 1970-01) of each month credited."""
        ids = customers["customer_id"].astype(str).to_numpy()
        index = pd.Index(ids)
        far = day_number(dt.date(9999, 12, 31))
        # Columns of ids or months may be Categorical (storage.column_read): each distinct value
        # is then looked up once (positions_in), not once per row.
        month_values = monthly["month"]
        distinct = (month_values.cat.categories if isinstance(month_values.dtype, pd.CategoricalDtype)
                    else month_values.unique()) if len(monthly) else []
        months = sorted({str(m) for m in distinct})
        ends = np.array([day_number(pd.Period(m, freq="M").end_time.date()) for m in months], dtype=np.int64)
        aum = np.full((len(ids), len(months)), np.nan)
        logins = np.zeros((len(ids), len(months)))
        if len(monthly):
            rows = positions_in(index, monthly["customer_id"])
            cols = positions_in(pd.Index(months), month_values)
            ok = (rows >= 0) & (cols >= 0)
            aum[rows[ok], cols[ok]] = pd.to_numeric(monthly["aum_end"], errors="coerce").to_numpy()[ok]
            logins[rows[ok], cols[ok]] = pd.to_numeric(monthly["digital_logins"], errors="coerce").fillna(0).to_numpy()[ok]
        s_rows = positions_in(index, salary["customer_id"]) if len(salary) else np.zeros(0, np.int64)
        s_month = salary["month"].to_numpy(dtype=np.int64) if len(salary) else np.zeros(0, np.int64)
        ok = s_rows >= 0
        first_month = int(s_month[ok].min()) if ok.any() else 0
        width = int(s_month[ok].max()) - first_month + 1 if ok.any() else 1
        grid = np.zeros((len(ids), width), bool)
        grid[s_rows[ok], s_month[ok] - first_month] = True
        l_rows = index.get_indexer(loans["customer_id"].astype(str)) if len(loans) else np.zeros(0, np.int64)
        keep = l_rows >= 0
        return cls(
            ids=ids, birth=day_numbers(customers["birth_date"], missing=far),
            opened=day_numbers(customers["opened_on"], missing=far),
            closed=day_numbers(customers["closed_on"], missing=far),
            salary_grid=grid, first_month=first_month, months=months,
            month_end=ends, aum=aum, logins=logins, loan_cust=l_rows[keep],
            loan_family=loans["family"].astype(str).to_numpy()[keep] if len(loans) else np.zeros(0, object),
            loan_opened=day_numbers(loans["opened_on"], missing=far)[keep] if len(loans) else np.zeros(0, np.int64),
            loan_closed=(day_numbers(loans["closed_on"], missing=far)[keep] if len(loans)
                         else np.zeros(0, np.int64)))

    def present(self, cutoff: int) -> np.ndarray:
        return (self.opened <= cutoff) & (self.closed > cutoff)

    def features(self, cutoff: int) -> pd.DataFrame:
        """FEATURES of every customer as known on day `cutoff` (computed once per cutoff)."""
        cached = self._cache.get(cutoff)
        if cached is None:
            cached = self._cache[cutoff] = self._features(cutoff)
        return cached

    def _features(self, cutoff: int) -> pd.DataFrame:
        n = len(self.ids)
        age = (cutoff - self.birth) / 365.25
        # Salary months: the twelve whole calendar months before the cutoff's month (the
        # cutoff's own month is left out: part of it lies after the cutoff).
        month = int(np.datetime64(int(cutoff), "D").astype("datetime64[M]").astype(np.int64)) - self.first_month
        lo, hi = max(month - 12, 0), min(max(month, 0), self.salary_grid.shape[1])
        salary_months = self.salary_grid[:, lo:hi].sum(axis=1) if hi > lo else np.zeros(n, np.int64)
        col = int(np.searchsorted(self.month_end, cutoff, side="right")) - 1
        if col >= 0:
            now = self.aum[:, col]
            before = self.aum[:, col - 3] if col >= 3 else np.full(n, np.nan)
            logins = self.logins[:, max(col - 2, 0):col + 1].mean(axis=1)
        else:
            now, before, logins = np.full(n, np.nan), np.full(n, np.nan), np.zeros(n)
        with np.errstate(invalid="ignore", divide="ignore"):
            change = np.where(before > 0, now / before - 1, 0.0)
        frame = pd.DataFrame({
            "age": age, "age_sq": (age - 40) ** 2 / 100,
            "tenure_years": np.maximum(cutoff - self.opened, 0) / 365.25,
            "salary_months": salary_months.astype(float),
            "log_aum": np.log10(1 + np.nan_to_num(now)),
            "aum_change": np.clip(np.nan_to_num(change), -1, 3),
            "logins": np.log1p(logins),
        })
        live = (self.loan_opened <= cutoff) & (self.loan_closed > cutoff)
        for family, name in _HAS.items():
            has = np.zeros(n, bool)
            has[self.loan_cust[live & (self.loan_family == family)]] = True
            frame[name] = has.astype(float)
        frame["aum"] = np.nan_to_num(now)         # for the reasons; not a model input
        return frame

    def opened_within(self, family: str, cutoff: int, horizon: int) -> np.ndarray:
        took = np.zeros(len(self.ids), bool)
        hit = (self.loan_family == family) & (self.loan_opened > cutoff) & (self.loan_opened <= cutoff + horizon)
        took[self.loan_cust[hit]] = True
        return took


def cutoffs_before(last_usable: int, count: int) -> list[int]:
    """`count` cutoffs a month (30 days) apart, the latest `last_usable`."""
    return [last_usable - 30 * k for k in range(count)]


def training_rows(world: World, family: str, cutoffs: list[int], settings: ProspectSettings
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """X, y and the age of each row over the cutoffs: customers present at a cutoff without a
    live loan of the family."""
    xs, ys, ages = [], [], []
    for cutoff in cutoffs:
        f = world.features(cutoff)
        keep = world.present(cutoff) & (f[_HAS[family]].to_numpy() == 0)
        xs.append(f.loc[keep, list(FEATURES)].to_numpy())
        ys.append(world.opened_within(family, cutoff, settings.horizon_days)[keep])
        ages.append(f["age"].to_numpy()[keep])
    x, y, age = np.vstack(xs), np.concatenate(ys), np.concatenate(ages)
    if len(y) > settings.max_training_rows:
        rng = np.random.default_rng(settings.seed)
        negatives = np.flatnonzero(~y)
        room = max(settings.max_training_rows - int(y.sum()), 1)
        chosen = np.sort(np.concatenate([np.flatnonzero(y), rng.choice(negatives, min(room, len(negatives)),
                                                                         replace=False)]))
        x, y, age = x[chosen], y[chosen], age[chosen]
    return x, y, age


@dataclasses.dataclass
class FamilyModel:
    family: str
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    positives: int
    rows: int
    band_rates: dict[int, float]       # age band (decade) -> opening rate, for popularity

    def probability(self, x: np.ndarray) -> np.ndarray:
        z = ((x - self.mean) / self.scale) @ self.coef + self.intercept
        return 1 / (1 + np.exp(-z))

    def contributions(self, x: np.ndarray) -> np.ndarray:
        return ((x - self.mean) / self.scale) * self.coef


def fit_family(x: np.ndarray, y: np.ndarray, age: np.ndarray, family: str) -> FamilyModel | None:
    """None when the history holds too few openings to learn from (fewer than 5, or no non-opener)."""
    if y.sum() < 5 or (~y).sum() < 5:
        return None
    from sklearn.linear_model import LogisticRegression      # late: heavy, and only when fitting
    from threadpoolctl import threadpool_limits

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale = np.where(scale > 1e-9, scale, 1.0)
    model = LogisticRegression(C=0.5, max_iter=300)
    # Single-threaded: eleven features need no parallel BLAS, and on a busy 2-core machine its
    # threads fight (the fit ran three times slower with them).
    with threadpool_limits(1):
        model.fit((x - mean) / scale, y)
    bands = (age // 10).astype(int)
    rates = {int(b): float(y[bands == b].mean()) for b in np.unique(bands)}
    return FamilyModel(family, mean, scale, model.coef_[0], float(model.intercept_[0]), int(y.sum()),
                       len(y), rates)


def rule_scores(features: pd.DataFrame, family: str) -> np.ndarray:
    """The simple rule: regular salary (months credited in the last year) and a prime age for the
    family (25–45; a business loan 30–55), as one score."""
    lo, hi = (30, 55) if family == LoanFamily.BUSINESS.value else (25, 45)
    age = features["age"].to_numpy()
    return features["salary_months"].to_numpy() / 12 + ((age >= lo) & (age <= hi)).astype(float)


def popularity_scores(features: pd.DataFrame, model: FamilyModel) -> np.ndarray:
    bands = (features["age"].to_numpy() // 10).astype(int)
    return np.array([model.band_rates.get(int(b), 0.0) for b in bands])


def reasons(model: FamilyModel, features: pd.DataFrame, rows: np.ndarray, *, top: int = 3) -> list[list[dict[str, Any]]]:
    """Per row (positions in `features`): the features that raise the score most, each as a code
    with its numbers (services/wording/loans.py words them)."""
    x = features[list(FEATURES)].to_numpy()[rows]
    contrib = model.contributions(x)
    # Plain values per row, not a pandas row each (.iloc per row was most of the scoring time).
    columns = list(features.columns)
    values = features.to_numpy(dtype=object)[rows]
    out = []
    for row_values, c in zip(values, contrib, strict=True):
        row = dict(zip(columns, row_values, strict=True))
        listed = []
        for j in np.argsort(-c):
            if c[j] <= 0 or len(listed) >= top:
                break
            name = FEATURES[j]
            if name == "age_sq":
                name = "age"
            if any(d["code"] == name for d in listed):
                continue
            listed.append(_reason(name, row, weight=round(float(c[j]), 2)))
        out.append(listed)
    return out


def _reason(name: str, row: dict[str, Any], *, weight: float) -> dict[str, Any]:
    if name == "age":
        return {"code": "age", "age": int(row["age"]), "weight": weight}
    if name == "salary_months":
        return {"code": "salary_months", "months": int(row["salary_months"]), "weight": weight}
    if name in ("log_aum",):
        return {"code": "aum", "aum": round(float(row["aum"]), 2), "weight": weight}
    if name == "aum_change":
        return {"code": "aum_change", "change": round(float(row["aum_change"]), 3), "weight": weight}
    if name == "tenure_years":
        return {"code": "tenure", "years": round(float(row["tenure_years"]), 1), "weight": weight}
    if name == "logins":
        return {"code": "logins", "per_month": round(float(np.expm1(row["logins"])), 1), "weight": weight}
    return {"code": name, "holds": bool(row[name]), "weight": weight}     # has_card, …


def metrics(y: np.ndarray, score: np.ndarray) -> dict[str, float | None]:
    """ROC-AUC, PR-AUC (average precision) and top-decile lift; None where undefined."""
    from sklearn.metrics import average_precision_score, roc_auc_score

    if y.sum() == 0 or y.sum() == len(y):
        return {"roc_auc": None, "pr_auc": None, "top_decile_lift": None}
    jitter = np.random.default_rng(0).random(len(score)) * 1e-9     # ties broken fairly
    order = np.argsort(-(score + jitter))
    top = order[: max(len(y) // 10, 1)]
    return {"roc_auc": float(roc_auc_score(y, score)), "pr_auc": float(average_precision_score(y, score)),
            "top_decile_lift": float(y[top].mean() / y.mean())}


def bootstrap(y: np.ndarray, scores: dict[str, np.ndarray], *, rounds: int = 200, seed: int = 0
              ) -> dict[str, dict[str, list[float] | None]]:
    """95% percentile intervals of each metric per scorer, over resampled test rows."""
    rng = np.random.default_rng(seed)
    samples: dict[str, dict[str, list[float]]] = {k: {"roc_auc": [], "pr_auc": [], "top_decile_lift": []}
                                                  for k in scores}
    for _ in range(rounds):
        pick = rng.integers(0, len(y), len(y))
        for name, score in scores.items():
            for metric, value in metrics(y[pick], score[pick]).items():
                if value is not None:
                    samples[name][metric].append(value)
    return {name: {metric: ([round(float(np.percentile(v, 2.5)), 3), round(float(np.percentile(v, 97.5)), 3)]
                            if len(v) >= rounds // 2 else None) for metric, v in by.items()}
            for name, by in samples.items()}
