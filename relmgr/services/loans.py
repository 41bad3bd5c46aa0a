"""Loan customers (issue 21): the repayment watch, loan prospects per family, the loan book at a
glance, and the offline evaluation of the prospect model. Runs on the database thread.

- `load_watch`: analytics.loan_watch over the portfolio's live loans and the customers' recent
  cash flows; lines handled in the last `WatchRules.handled_days` days are marked handled (and
  left off Today). `handle_watch_line` records one (audited).
- `load_prospects`: per family, the eligible customers (domain/loans.py, team rule
  `loans.rules`) ranked by the model fit on the portfolio's own past openings, with reasons.
- `loan_book`: outstanding by family and classification, this month's new loans and repayments.
- `evaluate_prospects`: `relmgr eval loans`.
Every part says what it could not do and why (`missing`): a portfolio without loan fields works.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from typing import Any

import numpy as np
import pandas as pd

from relmgr.analytics import loan_prospects as lp
from relmgr.analytics.activity import day_number, positions_in
from relmgr.analytics.loan_watch import WatchRules, arrears_buckets, live_loans, watch_lines
from relmgr.domain.codes import AuditAction, LoanClass
from relmgr.domain.loans import BAD_CLASSES, BAD_STATUSES, FACT_COLUMNS, LOAN_RULE_KEY, LoanRules, exclusions
from relmgr.domain.progress import CancelCheck, Progress, check_cancel, never, no_progress
from relmgr.services import audit, data_date, loan_months, loan_reasons
from relmgr.services.changes import Topic, writes
from relmgr.storage import loan_store as store
from relmgr.storage import rules as rules_store
from relmgr.storage.column_read import read_columns, reals_round_trip
from relmgr.storage.portfolio import Portfolio

MIN_EVAL_POSITIVES = 30          # below this many openings in the test window, a warning
PROSPECTS_PER_FAMILY = 50


class Missing:
    """Codes of what a portfolio lacks for a part of the Loans page (wording/loans.py)."""

    NO_LOANS = "NO_LOANS"                      # no loans imported
    NO_DUE_DATES = "NO_DUE_DATES"              # next_due_on / amount_due not provided
    NO_DAYS_PAST_DUE = "NO_DAYS_PAST_DUE"
    NO_REPAYMENT_ACCOUNT = "NO_REPAYMENT_ACCOUNT"
    NO_CLASSIFICATION = "NO_CLASSIFICATION"
    NO_INCOME = "NO_INCOME"                    # no monthly income for anyone
    NO_SCORE = "NO_SCORE"
    FEW_OPENINGS = "FEW_OPENINGS"              # too few past openings of a family to learn from


def loan_rules(portfolio: Portfolio) -> LoanRules:
    stored = rules_store.get_rule(portfolio, LOAN_RULE_KEY, {}) or {}
    known = {f.name for f in dataclasses.fields(LoanRules)}
    return LoanRules(**{k: v for k, v in stored.items() if k in known})


@writes(Topic.RULES)
def set_loan_rules(portfolio: Portfolio, rules: LoanRules) -> None:
    with portfolio.transaction():
        rules_store.set_rule(portfolio, LOAN_RULE_KEY, dataclasses.asdict(rules))


def _missing_loan_fields(loans: pd.DataFrame) -> list[str]:
    if not len(loans):
        return [Missing.NO_LOANS]
    out = []
    if loans["next_due_on"].isna().all() or loans["amount_due"].isna().all():
        out.append(Missing.NO_DUE_DATES)
    if loans["days_past_due"].isna().all():
        out.append(Missing.NO_DAYS_PAST_DUE)
    if loans["repayment_holding_id"].isna().all():
        out.append(Missing.NO_REPAYMENT_ACCOUNT)
    if loans["classification"].isna().all():
        out.append(Missing.NO_CLASSIFICATION)
    return out


# -- repayment watch ---------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class Watch:
    today: dt.date
    lines: pd.DataFrame              # loan_watch.WATCH_COLUMNS + handled
    buckets: dict[str, dict[str, float]]
    missing: list[str]
    seconds: float

    @property
    def open_lines(self) -> pd.DataFrame:
        return self.lines[~self.lines["handled"].to_numpy(dtype=bool)]


def load_watch(portfolio: Portfolio, *, today: dt.date | None = None,
               rules: WatchRules = WatchRules()) -> Watch:
    started = time.perf_counter()
    today = data_date.as_of(portfolio, today)
    due_by = (today + dt.timedelta(days=rules.due_days_ahead)).isoformat()
    loans = store.read_loans(portfolio, live_on=today.isoformat(), balances_due_by=due_by,
                             columns=store.WATCH_COLUMNS) \
        if store.has_loan_tables(portfolio) else pd.DataFrame(columns=store.WATCH_COLUMNS)
    live = live_loans(loans, today=today)
    flows = store.read_cash_flows(
        # The distinct customers without iterating the column in Python (40,000 loans: 0.04 s).
        portfolio, pd.unique(live["customer_id"].to_numpy(dtype=object)), today=today.isoformat(),
        salary_since=rules.salary_since(today).isoformat(), recent_since=rules.recent_since(today).isoformat(),
        base_since=rules.base_since(today).isoformat())
    lines = watch_lines(loans, flows, today=today, rules=rules)
    handled = _handled_keys(portfolio, today=today, days=rules.handled_days) if len(lines) else set()
    lines["handled"] = [(l, r) in handled for l, r in zip(lines["loan_id"], lines["reason"], strict=True)]
    # Only the live loans were read: with none live, whether any were imported decides.
    missing = _missing_loan_fields(loans) if len(loans) or not store.has_loan_tables(portfolio) or \
        not portfolio.query("SELECT 1 FROM loans LIMIT 1") else []
    return Watch(today, lines, arrears_buckets(loans, today=today), missing,
                 round(time.perf_counter() - started, 3))


def _handled_keys(portfolio: Portfolio, *, today: dt.date, days: int) -> set[tuple[str, str]]:
    first = (today - dt.timedelta(days=days - 1)).isoformat()
    rows = portfolio.query("SELECT loan_id, warning FROM loan_watch_actions WHERE day BETWEEN ? AND ?",
                           (first, today.isoformat()))
    return {(str(a), str(b)) for a, b in rows}


@writes(Topic.LOANS, Topic.AUDIT)
def handle_watch_line(portfolio: Portfolio, *, loan_id: str, reason: str, today: dt.date | None = None) -> bool:
    """Record that the RM handled the watch line (loan, reason) today; audited. ValueError when
    there is no such open line. False when it was already handled today."""
    watch = load_watch(portfolio, today=today)
    match = watch.lines[(watch.lines["loan_id"] == loan_id).to_numpy() & (watch.lines["reason"] == reason).to_numpy()]
    if not len(match):
        raise ValueError(f"no repayment-watch line {reason} for loan {loan_id!r}")
    customer = str(match["customer_id"].iat[0])
    with portfolio.transaction():
        added = store.insert_watch_action(portfolio, loan_id=loan_id, customer_id=customer, warning=reason,
                                          day=watch.today.isoformat(),
                                          handled_at=dt.datetime.now().replace(microsecond=0).isoformat())
        if added:
            audit.record(portfolio, action=AuditAction.LOAN_WATCH_HANDLED, target=loan_id,
                         detail={"reason": reason, "customer_id": customer, "day": watch.today.isoformat()})
    return added


# -- prospects ---------------------------------------------------------------------------------
def _world(portfolio: Portfolio, *, today: dt.date, months_back: int, earliest_cutoff: int) -> lp.World:
    """The history the prospect model learns from: month ends from `months_back` months before
    today up to the last on or before today, and salary months from twelve before the month of
    `earliest_cutoff` (a day number) to the month before today's (each cutoff's salary
    regularity counts the twelve calendar months before its own). Read column-wise
    (storage.column_read): at branch scale these are a million rows."""
    text, number = "text", "number"
    customers = read_columns(portfolio, source="FROM customers", params=(), round_trip=True,
                             columns={c: (c, text) for c in ("customer_id", "birth_date", "opened_on", "closed_on")})
    this_month = pd.Period(today, freq="M")
    last_end = this_month if today == this_month.end_time.date() else this_month - 1
    salary_from = str(np.datetime64(int(earliest_cutoff), "D").astype("datetime64[M]") - 12)
    salary = store.read_salary_months(portfolio, first_month=salary_from, last_month=str(this_month - 1))
    # +month: a scan in key order; the (month, aum_end) index would cost a look-up per row
    # for digital_logins (5 s instead of 0.2 s at 50,000 customers).
    monthly = read_columns(portfolio, source="FROM monthly_balances WHERE +month >= ? AND +month <= ?",
                           params=(str(this_month - months_back), str(last_end)),
                           columns={"customer_id": ("customer_id", text), "month": ("month", text),
                                    "aum_end": ("aum_end", number), "digital_logins": ("digital_logins", number)},
                           round_trip=reals_round_trip(portfolio))
    loans = read_columns(portfolio, source="FROM loans", params=(), round_trip=True,
                         columns={c: (c, text) for c in ("customer_id", "family", "opened_on", "closed_on")})
    return lp.World.from_frames(customers=customers, salary=salary, monthly=monthly, loans=loans)


def _facts(portfolio: Portfolio, world: lp.World, *, today: dt.date) -> pd.DataFrame:
    live, profiles = store.read_eligibility_inputs(portfolio, live_on=today.isoformat())
    ids = pd.Index(world.ids)
    n = len(ids)
    at = positions_in(ids, live["customer_id"])
    known = at >= 0
    dpd = pd.to_numeric(live["days_past_due"], errors="coerce").fillna(0).to_numpy()
    bad = (dpd > 0) | live["status"].isin(BAD_STATUSES).to_numpy()
    classed = live["classification"].isin(BAD_CLASSES).to_numpy()
    due = pd.to_numeric(live["amount_due"], errors="coerce").fillna(0.0).to_numpy()
    in_arrears, classified = np.zeros(n, bool), np.zeros(n, bool)
    in_arrears[at[known & bad]] = True
    classified[at[known & classed]] = True
    holds: list[frozenset] = [frozenset()] * n
    families: dict[int, set[str]] = {}
    for i, family in zip(at[known].tolist(), live["family"].astype(str).to_numpy()[known].tolist(), strict=True):
        families.setdefault(i, set()).add(family)
    for i, held in families.items():
        holds[i] = frozenset(held)
    where = positions_in(ids, profiles["customer_id"])
    mine = where >= 0

    def profile(column: str) -> np.ndarray:
        out = np.full(n, np.nan)
        out[where[mine]] = pd.to_numeric(profiles[column], errors="coerce").to_numpy(dtype=float)[mine]
        return out

    cutoff = day_number(today)
    return pd.DataFrame({
        "customer_id": world.ids,
        "age": (cutoff - world.birth) / 365.25,
        "closed": world.closed <= cutoff,
        "monthly_income": profile("monthly_income"),
        "credit_score": profile("credit_score"),
        "instalments": np.bincount(at[known], weights=due[known], minlength=n),
        "in_arrears": in_arrears,
        "classified": classified,
        "holds": holds,
    })[FACT_COLUMNS]


def _fit(world: lp.World, family: str, *, last_usable: int, settings: lp.ProspectSettings) -> lp.FamilyModel | None:
    cutoffs = lp.cutoffs_before(last_usable, settings.training_cutoffs)
    x, y, age = lp.training_rows(world, family, cutoffs, settings)
    return lp.fit_family(x, y, age, family)


@dataclasses.dataclass(frozen=True)
class Prospects:
    today: dt.date
    by_family: dict[str, pd.DataFrame]      # customer_id, probability, reasons (list of dicts), rank
    excluded: dict[str, dict[str, int]]     # family -> Exclusion code -> customers
    missing: dict[str, list[str]]           # family -> Missing codes ("*" for the whole portfolio)
    seconds: float


def load_prospects(portfolio: Portfolio, *, today: dt.date | None = None, limit: int = PROSPECTS_PER_FAMILY,
                   settings: lp.ProspectSettings = lp.ProspectSettings(), progress: Progress = no_progress,
                   cancel: CancelCheck = never) -> Prospects:
    """Cancelled (at the next step: after the reads, then per family) when `cancel` says so."""
    started = time.perf_counter()
    today = data_date.as_of(portfolio, today)
    if not store.has_loan_tables(portfolio) or not portfolio.query("SELECT 1 FROM loans LIMIT 1"):
        return Prospects(today, {f: _empty_prospects() for f in lp.FAMILIES}, {}, {"*": [Missing.NO_LOANS]},
                         round(time.perf_counter() - started, 3))
    progress(0.0, "reading")
    check_cancel(cancel)
    now = day_number(today)
    world = _world(portfolio, today=today, months_back=settings.training_cutoffs + 5,
                   earliest_cutoff=min(lp.cutoffs_before(now - settings.horizon_days, settings.training_cutoffs)))
    check_cancel(cancel)
    facts = _facts(portfolio, world, today=today)
    check_cancel(cancel)
    rules = loan_rules(portfolio)
    current = world.features(now)
    missing: dict[str, list[str]] = {"*": []}
    if facts["monthly_income"].isna().all():
        missing["*"].append(Missing.NO_INCOME)
    if facts["credit_score"].isna().all():
        missing["*"].append(Missing.NO_SCORE)
    by_family, excluded = {}, {}
    for done, family in enumerate(lp.FAMILIES):
        progress(0.4 + 0.6 * done / len(lp.FAMILIES), "fit")
        check_cancel(cancel)
        why = exclusions(facts, family, rules)
        ok = pd.isna(why)
        excluded[family] = {str(k): int(v) for k, v in pd.Series(why[~ok]).value_counts().items()}
        model = _fit(world, family, last_usable=now - settings.horizon_days, settings=settings)
        if model is None:
            missing[family] = [Missing.FEW_OPENINGS]
            by_family[family] = _empty_prospects()
            continue
        rows = np.flatnonzero(ok)
        prob = model.probability(current[list(lp.FEATURES)].to_numpy()[rows])
        order = np.argsort(-prob, kind="stable")[:limit]
        chosen = rows[order]
        by_family[family] = pd.DataFrame({
            "rank": np.arange(1, len(chosen) + 1),
            "customer_id": world.ids[chosen],
            "probability": np.round(prob[order], 4),
            "reasons": lp.reasons(model, current, chosen),
        })
    result = Prospects(today, by_family, excluded, missing, round(time.perf_counter() - started, 3))
    loan_reasons.remember(portfolio, result)
    return result


def _empty_prospects() -> pd.DataFrame:
    return pd.DataFrame(columns=["rank", "customer_id", "probability", "reasons"])


# -- evaluation --------------------------------------------------------------------------------
def evaluate_prospects(portfolio: Portfolio, *, today: dt.date | None = None,
                       settings: lp.ProspectSettings = lp.ProspectSettings(), rounds: int = 200) -> dict[str, Any]:
    """Point-in-time evaluation per family: the model trained on cutoffs whose label windows
    closed before the test cutoff (as_of - horizon), scored on customers present at the test
    cutoff without the family; against the rule and popularity baselines, with 95% bootstrap
    intervals. No parameter is chosen on the test window (the settings are fixed defaults)."""
    today = data_date.as_of(portfolio, today)
    if not store.has_loan_tables(portfolio) or not portfolio.query("SELECT 1 FROM loans LIMIT 1"):
        raise ValueError("this portfolio has no loans to evaluate the prospect model on")
    h = settings.horizon_days
    test_cutoff = day_number(today) - h
    world = _world(portfolio, today=today, months_back=settings.training_cutoffs + 9,
                   earliest_cutoff=min(lp.cutoffs_before(test_cutoff - h, settings.training_cutoffs)))
    out: dict[str, Any] = {"as_of": today.isoformat(), "horizon_days": h,
                           "test_cutoff": (dt.date(1970, 1, 1) + dt.timedelta(days=test_cutoff)).isoformat(),
                           "training_cutoffs": settings.training_cutoffs, "bootstrap_rounds": rounds,
                           "min_positives": MIN_EVAL_POSITIVES, "families": {}}
    for family in lp.FAMILIES:
        model = _fit(world, family, last_usable=test_cutoff - h, settings=settings)
        feats = world.features(test_cutoff)
        keep = world.present(test_cutoff) & (feats[lp._HAS[family]].to_numpy() == 0)
        y = world.opened_within(family, test_cutoff, h)[keep]
        entry: dict[str, Any] = {"test_customers": int(keep.sum()), "test_openings": int(y.sum())}
        if model is None:
            entry["warning"] = "too few past openings of this family to train on"
            out["families"][family] = entry
            continue
        test = feats[keep].reset_index(drop=True)
        scores = {"model": model.probability(test[list(lp.FEATURES)].to_numpy()),
                  "rule": lp.rule_scores(test, family), "popularity": lp.popularity_scores(test, model)}
        entry["training_rows"], entry["training_openings"] = model.rows, model.positives
        entry["metrics"] = {k: {m: (None if v is None else round(v, 3)) for m, v in lp.metrics(y, s).items()}
                            for k, s in scores.items()}
        entry["ci95"] = lp.bootstrap(y, scores, rounds=rounds)
        if y.sum() < MIN_EVAL_POSITIVES:
            entry["warning"] = (f"only {int(y.sum())} openings in the test window (fewer than "
                                f"{MIN_EVAL_POSITIVES}): the figures are too uncertain to rely on")
        out["families"][family] = entry
    return out


# -- the loan book -----------------------------------------------------------------------------
def loan_book(portfolio: Portfolio, *, today: dt.date | None = None) -> dict[str, Any]:
    """Outstanding by family and by classification (live loans), this month's new loans and
    repayments, the arrears buckets and their trend by month (services/loan_months.py)."""
    today = data_date.as_of(portfolio, today)
    loans = store.read_loans(portfolio) if store.has_loan_tables(portfolio) else \
        pd.DataFrame(columns=store.LOAN_READ_COLUMNS)
    live = live_loans(loans, today=today)
    outstanding = pd.to_numeric(live["outstanding"], errors="coerce").fillna(0.0)
    month_start = today.replace(day=1).isoformat()
    new = loans[(loans["opened_on"].astype(str).str.slice(0, 10) >= month_start).to_numpy()
                & (loans["opened_on"].astype(str).str.slice(0, 10) <= today.isoformat()).to_numpy()]
    paid = store.read_repayments_between(portfolio, first=month_start, last=today.isoformat()) \
        if store.has_loan_tables(portfolio) else pd.DataFrame(columns=["amount_paid"])
    by_class = outstanding.groupby(live["classification"].fillna("NOT_GIVEN").to_numpy()).sum()
    return {
        "as_of": today.isoformat(),
        "live_loans": int(len(live)),
        "outstanding": round(float(outstanding.sum()), 2),
        "by_family": {f: round(float(outstanding[(live["family"] == f).to_numpy()].sum()), 2) for f in lp.FAMILIES},
        "by_classification": {c.value: round(float(by_class.get(c.value, 0.0)), 2) for c in LoanClass}
        | ({"NOT_GIVEN": round(float(by_class["NOT_GIVEN"]), 2)} if "NOT_GIVEN" in by_class else {}),
        "new_this_month": {"loans": int(len(new)),
                           "principal": round(float(pd.to_numeric(new["principal"], errors="coerce").fillna(0).sum()), 2)},
        "repaid_this_month": {"instalments": int(len(paid)),
                              "amount": round(float(pd.to_numeric(paid["amount_paid"], errors="coerce").fillna(0).sum()), 2)},
        "arrears": arrears_buckets(loans, today=today),
        "arrears_trend": loan_months.arrears_trend(portfolio, today=today, loans=loans),
        "missing": _missing_loan_fields(loans),
    }


# -- JSON for `relmgr loans FILE --json` --------------------------------------------------------
def _names(portfolio: Portfolio, ids: list[str]) -> dict[str, str]:
    import json

    if not ids:
        return {}
    rows = portfolio.query("SELECT customer_id, name FROM customers WHERE customer_id IN "
                           "(SELECT value FROM json_each(?))", (json.dumps(ids),))
    return {str(c): ("" if n is None else str(n)) for c, n in rows}


def loans_json(portfolio: Portfolio, *, today: dt.date | None = None, limit: int = 20) -> dict[str, Any]:
    """Prospects per family and the open repayment-watch lines, names masked, each line with its
    reasons in both languages, codes and numbers; what is missing, the loan book, and the arrears
    trend by month (oldest first: {month, as_of, live_loans, buckets: {"1-30": {count,
    outstanding}, ...}})."""
    from relmgr.domain.pii import mask_name
    from relmgr.services.wording import loans as words

    watch = load_watch(portfolio, today=today)
    prospects = load_prospects(portfolio, today=watch.today, limit=limit)
    ids = sorted(set(watch.lines["customer_id"]) | {c for f in prospects.by_family.values() for c in f["customer_id"]})
    names = _names(portfolio, [str(i) for i in ids])

    def both(fn: Any, *args: Any) -> dict[str, str]:
        return {"en": fn(*args, language="en"), "zh_CN": fn(*args, language="zh_CN")}

    watch_rows = [{
        "customer_id": str(r.customer_id), "name": mask_name(names.get(str(r.customer_id), "")),
        "loan_id": str(r.loan_id), "family": r.family, "reason_code": r.reason, "bucket": r.bucket,
        "points": float(r.points), "handled": bool(r.handled),
        "reason": both(words.watch_sentence, r.reason, r.details), "details": r.details,
    } for r in watch.lines.itertuples(index=False)]
    book = loan_book(portfolio, today=watch.today)
    trend = book.pop("arrears_trend")
    families = {}
    for family, frame in prospects.by_family.items():
        families[family] = {
            "excluded": prospects.excluded.get(family, {}),
            "missing": [both(words.missing_sentence, m) for m in prospects.missing.get(family, [])],
            "lines": [{"rank": int(r.rank), "customer_id": str(r.customer_id),
                       "name": mask_name(names.get(str(r.customer_id), "")),
                       "probability": float(r.probability),
                       "reasons": both(words.prospect_reasons_text, r.reasons), "reason_codes": r.reasons}
                      for r in frame.itertuples(index=False)]}
    return {"as_of": watch.today.isoformat(),
            "missing": [both(words.missing_sentence, m) for m in
                        dict.fromkeys(watch.missing + prospects.missing.get("*", []))],
            "prospects": families, "watch": watch_rows, "arrears": watch.buckets, "arrears_trend": trend,
            "book": book,
            "seconds": {"watch": watch.seconds, "prospects": prospects.seconds}}


def watch_page(portfolio: Portfolio) -> tuple[Watch, dict[str, Any], dict[str, str]]:
    """The Loans page's fast part: the watch, the loan book and the watched customers' names
    (unmasked: the page masks them)."""
    watch = load_watch(portfolio)
    return watch, loan_book(portfolio, today=watch.today), _names(portfolio, sorted(map(str, set(watch.lines["customer_id"]))))


def prospects_page(portfolio: Portfolio, *, cancel: CancelCheck = never) -> tuple[Prospects, dict[str, str]]:
    """The Loans page's slow part: prospects per family and their names (unmasked); Cancelled
    when `cancel` says so (the page's Cancel)."""
    prospects = load_prospects(portfolio, cancel=cancel)
    ids = sorted({str(c) for f in prospects.by_family.values() for c in f["customer_id"]})
    return prospects, _names(portfolio, ids)
