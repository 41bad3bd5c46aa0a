"""Churn warnings (流失预警, issue 5): train, evaluate and store the churn model, score the
portfolio, list the warnings an RM works through, record what was done about them, and describe
the model (model card).

Everything is computed as of the portfolio's data date (services.data_date.as_of), never the wall
clock; only the RM's own actions (handled / snoozed, the contact they log) carry wall-clock
timestamps, while snooze and follow-up dates are counted from the data date like Today's.
Definitions, the pipeline and the reasons are documented in relmgr/domain/churn.py,
relmgr/analytics/churn_features.py and relmgr/analytics/churn_model.py.

API the GUI calls (all on the database thread; the long ones take progress and cancel):
- train_churn_model(portfolio, *, progress, cancel) -> dict (the model card)
- score_churn(portfolio, *, progress, cancel, train_if_needed=True) -> ScoreSummary
  (the window runs SCORE_CHURN and TRAIN_CHURN in stages: relmgr/services/staged.py)
- load_churn_warnings(portfolio, *, bands=("HIGH", "MEDIUM"), today=None) -> DataFrame
- mark_warning(portfolio, customer_id, action, note, until=None, *, language, follow_up_on=None, ...)
  -> dict
- model_card(portfolio) -> dict
and for the command line: churn_report, evaluate_churn, evaluate_flat_csv.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from relmgr.analytics.churn_drivers import risk_drivers
from relmgr.analytics.churn_features import FEATURES, LOOKBACK_DAYS, ChurnHistory, month_end_cutoffs
from relmgr.analytics.churn_model import (
    RuleBaseline,
    TrainedChurn,
    cross_validate_flat,
    dumps_model,
    loads_model,
    score_frame,
    train_churn,
)
from relmgr.domain.churn import (
    CHURN_RULE_KEY,
    ChurnRules,
    ModelKind,
    RiskBand,
    WarningAction,
    WarningState,
)
from relmgr.domain.codes import ContactChannel, ContactOutcome, ContactPurpose
from relmgr.domain.progress import CancelCheck, Progress, check_cancel, never, no_progress
from relmgr.domain.segments import rules_with_overrides
from relmgr.services import data_date
from relmgr.services.staged import Staged
from relmgr.services.wording.contacts import churn_follow_up_title
from relmgr.storage import churn_store as store
from relmgr.storage.portfolio import Portfolio
from relmgr.storage.rules import get_rule
from relmgr.services.changes import Topic, writes

WARNING_COLUMNS = ["rank", "customer_id", "probability", "band", "previous_band", "is_new", "aum",
                   "value_at_risk", "reasons", "state", "state_note", "state_at", "snoozed_until",
                   "tier", "stage", "as_of", "scored_at"]


def load_churn_rules(portfolio: Portfolio) -> ChurnRules:
    """The defaults with the team's overrides (team_rules 'churn.rules') applied."""
    return rules_with_overrides(ChurnRules(), get_rule(portfolio, CHURN_RULE_KEY))


def _now() -> str:
    return dt.datetime.now().replace(microsecond=0).isoformat()


def _read_history(portfolio: Portfolio, *, since: dt.date, until: dt.date) -> tuple[ChurnHistory, dt.date]:
    frames = store.read_churn_history(portfolio, since=since, until=until)
    days = frames["activity"]["day"]
    first = since
    if len(days):
        first = max(since, dt.date(1970, 1, 1) + dt.timedelta(days=int(days.min())))
    history = ChurnHistory.build(**frames, first_txn_day=since, through=until)
    return history, first


# -- training: read on the database thread, fit on a worker, store on the database thread -----
@dataclasses.dataclass(frozen=True)
class TrainingSnapshot:
    """What a training fit needs, copied out of the portfolio (no connection inside)."""

    history: ChurnHistory
    as_of: dt.date
    rules: ChurnRules
    cutoffs: list[dt.date]
    started: float
    read_s: float


def read_training(portfolio: Portfolio) -> TrainingSnapshot:
    """The transaction history the training cutoffs look back over (database thread)."""
    started = time.perf_counter()
    as_of = data_date.as_of(portfolio)
    rules = load_churn_rules(portfolio)
    wanted = month_end_cutoffs(as_of=as_of, count=rules.training_cutoffs, horizon_days=rules.horizon_days)
    since = (wanted[0] if wanted else as_of) - dt.timedelta(days=LOOKBACK_DAYS)
    history, first = _read_history(portfolio, since=since, until=as_of)
    earliest = first + dt.timedelta(days=LOOKBACK_DAYS) if first > since else since + dt.timedelta(days=LOOKBACK_DAYS)
    cutoffs = [c for c in wanted if c >= earliest]
    return TrainingSnapshot(history, as_of, rules, cutoffs, started, time.perf_counter() - started)


def _train(snapshot: TrainingSnapshot, *, progress: Progress, cancel: CancelCheck) -> tuple[TrainedChurn, dict[str, float]]:
    check_cancel(cancel)
    trained = train_churn(snapshot.history, cutoffs=snapshot.cutoffs, rules=snapshot.rules, cancel=cancel,
                          progress=lambda f, s="": progress(0.25 + 0.7 * f, s))
    timings = {"read_s": round(snapshot.read_s, 2), "fit_s": trained.seconds,
               "total_s": round(time.perf_counter() - snapshot.started, 2)}
    return trained, timings


def _fit(portfolio: Portfolio, *, progress: Progress, cancel: CancelCheck) -> tuple[TrainedChurn, dt.date, ChurnRules, dict[str, float]]:
    progress(0.0, "reading")
    snapshot = read_training(portfolio)
    trained, timings = _train(snapshot, progress=progress, cancel=cancel)
    return trained, snapshot.as_of, snapshot.rules, timings


def fit_training(snapshot: TrainingSnapshot, *, progress: Progress = no_progress,
                 cancel: CancelCheck = never) -> dict[str, Any]:
    """Train (or fall back to the rule baseline) on the snapshot; returns the model record to
    store. Runs off the database thread: it reads no portfolio."""
    trained, timings = _train(snapshot, progress=progress, cancel=cancel)
    check_cancel(cancel)
    rules = snapshot.rules
    metrics = {**trained.metrics, "rule_baseline": trained.rule.as_dict(), "timings": timings}
    return {
        "trained_at": _now(), "as_of": snapshot.as_of.isoformat(), "kind": trained.kind.value,
        "cutoffs": trained.cutoffs, "horizon_days": rules.horizon_days,
        "rules": dataclasses.asdict(rules), "features": list(FEATURES), "medians": trained.medians,
        "metrics": metrics,
        "model_blob": dumps_model(trained.model) if trained.model is not None else None,
        "note": trained.note, "seconds": timings["total_s"],
    }


@writes(Topic.MODEL, Topic.SCORES)
def store_training(portfolio: Portfolio, record: dict[str, Any]) -> dict[str, Any]:
    """Store a fitted model record; returns the model card (database thread)."""
    with portfolio.transaction():
        store.insert_model(portfolio, record)
    return model_card(portfolio)


#: Training as three stages (relmgr/services/staged.py), so the fit runs off the database thread.
TRAIN_CHURN = Staged(read_training, fit_training, store_training)


@writes(Topic.MODEL, Topic.SCORES)
def train_churn_model(portfolio: Portfolio, *, progress: Progress = no_progress,
                      cancel: CancelCheck = never) -> dict[str, Any]:
    """Train (or fall back to the rule baseline), store the model with its metadata, and return
    its model card. Nothing is stored if cancelled."""
    progress(0.0, "reading")
    card = TRAIN_CHURN.run(portfolio, progress=progress, cancel=cancel)
    progress(1.0, "done")
    return card


def evaluate_churn(portfolio: Portfolio, *, progress: Progress = no_progress,
                   cancel: CancelCheck = never) -> dict[str, Any]:
    """Out-of-time metrics of a freshly trained model and its baselines; stores nothing."""
    trained, as_of, rules, timings = _fit(portfolio, progress=progress, cancel=cancel)
    metrics = trained.metrics
    report: dict[str, Any] = {
        "as_of": as_of.isoformat(), "kind": trained.kind.value, "note": trained.note,
        "definition": dataclasses.asdict(rules), "cutoffs": trained.cutoffs,
        "model": metrics.get("model"), "logistic": metrics.get("logistic"),
        "rule": metrics.get("rule"), "rule_baseline": trained.rule.as_dict(),
        "model_minus_rule_roc_auc": metrics.get("model_minus_rule_roc_auc"),
        "model_minus_rule_roc_auc_ci95": metrics.get("model_minus_rule_roc_auc_ci95"),
        "heldout_churners": metrics.get("heldout_churners"), "warning": metrics.get("warning"),
        "label_counts": metrics.get("label_counts"), "timings": timings,
    }
    model = metrics.get("model") or {}
    if model.get("roc_auc") is not None:
        report["targets"] = {
            "model_beats_rule_by_0.05": bool(metrics["model_minus_rule_roc_auc"] >= 0.05),
            "top_decile_lift_at_least_3": bool(model["top_decile_lift"] >= 3.0),
        }
    return report


# -- scoring: read on the database thread, predict on a worker, store on the database thread ----
@dataclasses.dataclass(frozen=True)
class ScoreSummary:
    as_of: dt.date
    model_id: int
    kind: ModelKind
    customers: int
    bands: dict[str, int]
    trained: bool            # a model was trained first because none was current
    seconds: float
    timings: dict[str, float]


def _current_model(portfolio: Portfolio, rules: ChurnRules) -> dict[str, Any] | None:
    """The latest model if it predicts what the team's rules define with today's features."""
    record = store.latest_model(portfolio)
    if record is None:
        return None
    if record["rules"] != dataclasses.asdict(rules) or record["features"] != list(FEATURES):
        return None
    return record


@dataclasses.dataclass(frozen=True)
class ScoringSnapshot:
    """What scoring needs, copied out of the portfolio: the current model, or the training
    snapshot to fit one from when none is current, and the history the features look back on."""

    as_of: dt.date
    rules: ChurnRules
    model: dict[str, Any] | None
    training: TrainingSnapshot | None
    history: ChurnHistory
    started: float
    read_s: float


@dataclasses.dataclass(frozen=True)
class FittedScores:
    """Scores to store; `new_model` is the record trained for them when none was current."""

    snapshot: ScoringSnapshot
    model_id: int | None
    new_model: dict[str, Any] | None
    scores: pd.DataFrame
    timings: dict[str, float]


def read_scoring(portfolio: Portfolio, *, train_if_needed: bool = True) -> ScoringSnapshot:
    """Database thread: the model to score with (or what training one needs) and the history."""
    started = time.perf_counter()
    rules = load_churn_rules(portfolio)
    model = _current_model(portfolio, rules)
    training = None
    if model is None:
        if not train_if_needed:
            raise ValueError("no current churn model: train one first")
        training = read_training(portfolio)
    as_of = data_date.as_of(portfolio)
    history, _ = _read_history(portfolio, since=as_of - dt.timedelta(days=LOOKBACK_DAYS), until=as_of)
    return ScoringSnapshot(as_of, rules, model, training, history, started, time.perf_counter() - started)


def fit_scoring(snapshot: ScoringSnapshot, *, progress: Progress = no_progress,
                cancel: CancelCheck = never) -> FittedScores:
    """Off the database thread: train first if no model is current, then compute every eligible
    customer's features and score them."""
    timings = {"read_s": round(snapshot.read_s, 3)}
    model, new_model, base = snapshot.model, None, 0.0
    if model is None:
        assert snapshot.training is not None
        new_model = model = fit_training(snapshot.training, cancel=cancel,
                                         progress=lambda f, s="": progress(0.5 * f, s))
        base = 0.5
    check_cancel(cancel)
    progress(base + 0.3 * (1 - base), "features")
    lap = time.perf_counter()
    history, rules, as_of = snapshot.history, snapshot.rules, snapshot.as_of
    eligible = np.flatnonzero(history.eligible_at(as_of, rules))
    frame = history.features_at(as_of, customers=eligible)
    timings["features_s"] = round(time.perf_counter() - lap, 3)
    lap = time.perf_counter()
    kind = ModelKind(model["kind"])
    fitted = loads_model(model["model_blob"]) if kind is ModelKind.MODEL else None
    rule = RuleBaseline(**_rule_fields(model["metrics"]["rule_baseline"]))
    scores = score_frame(kind=kind, model=fitted, rule=rule, frame=frame, medians=model["medians"],
                         rules=rules, cancel=cancel)
    timings["predict_s"] = round(time.perf_counter() - lap, 3)
    progress(base + 0.8 * (1 - base), "writing")
    return FittedScores(snapshot, None if new_model else int(model["model_id"]), new_model, scores, timings)


@writes(Topic.SCORES, Topic.MODEL)
def store_scores(portfolio: Portfolio, fitted: FittedScores) -> ScoreSummary:
    """Database thread: store the new model (if one was trained) and replace every stored score,
    in one transaction."""
    snapshot, scores, timings = fitted.snapshot, fitted.scores, dict(fitted.timings)
    lap = time.perf_counter()
    with portfolio.transaction():
        model_id = fitted.model_id
        if fitted.new_model is not None:
            model_id = store.insert_model(portfolio, fitted.new_model)
        assert model_id is not None
        store.replace_scores(portfolio, model_id=model_id, as_of=snapshot.as_of, scored_at=_now(),
                             scores=scores, seconds=round(time.perf_counter() - snapshot.started, 3))
    timings["write_s"] = round(time.perf_counter() - lap, 3)
    kind = ModelKind((fitted.new_model or snapshot.model or {})["kind"])
    counts = scores["band"].value_counts()
    return ScoreSummary(snapshot.as_of, int(model_id), kind, len(scores),
                        {b.value: int(counts.get(b.value, 0)) for b in RiskBand}, fitted.new_model is not None,
                        round(time.perf_counter() - snapshot.started, 3), timings)


#: Scoring as three stages (relmgr/services/staged.py), so training and prediction run off the
#: database thread.
SCORE_CHURN = Staged(read_scoring, fit_scoring, store_scores)


@writes(Topic.SCORES, Topic.MODEL)
def score_churn(portfolio: Portfolio, *, progress: Progress = no_progress, cancel: CancelCheck = never,
                train_if_needed: bool = True) -> ScoreSummary:
    """Score every customer not churned at the data date with the current model and replace the
    stored scores in one transaction (trains first when no model is current and
    `train_if_needed`, storing model and scores together; ValueError otherwise)."""
    progress(0.0, "reading")
    summary = SCORE_CHURN.run(portfolio, progress=progress, cancel=cancel, train_if_needed=train_if_needed)
    progress(1.0, "done")
    return summary


def _rule_fields(stored: dict[str, Any]) -> dict[str, Any]:
    return {"edges": tuple(stored["edges_days"]), "rates": tuple(stored["rates"]), "source": stored["source"]}


# -- warnings and actions --------------------------------------------------------------------------
def load_churn_warnings(portfolio: Portfolio, *, bands: Sequence[str] = ("HIGH", "MEDIUM"),
                        today: dt.date | None = None) -> pd.DataFrame:
    """Stored scores of the given bands, ranked by value at risk (probability × AUM), with
    reasons (lists of {"code", "value", "impact"}), the RM's handled/snoozed state, whether the
    warning is new since the previous scoring (its band rose, or it was not scored then), and
    tier and lifecycle stage when segments were computed. Empty when never scored.

    State: SNOOZED until the snooze date (counted against `today`, by default the data date, as
    Today's list counts it); HANDLED until the band rises above the band it had when handled; OPEN
    otherwise."""
    today = data_date.as_of_or_none(portfolio, today) or dt.date.min   # no data date: no scores
    scores = store.read_scores(portfolio)
    scores = scores[scores["band"].isin(list(bands)).to_numpy()]
    rank_of = {b.value: b.rank for b in RiskBand}
    band_rank = scores["band"].map(rank_of).to_numpy(dtype="int64")
    previous_rank = scores["previous_band"].map(rank_of).fillna(-1).to_numpy(dtype="int64")
    actions = store.latest_actions(portfolio).set_index("customer_id").reindex(scores["customer_id"])
    action = actions["action"].to_numpy(dtype=object)
    until = actions["until"].to_numpy(dtype=object)
    acted_rank = actions["band"].map(rank_of).fillna(-1).to_numpy(dtype="int64")
    snoozed = (action == WarningAction.SNOOZED.value) & np.array(
        [u is not None and isinstance(u, str) and u > today.isoformat() for u in until], dtype=bool)
    handled = (action == WarningAction.HANDLED.value) & (band_rank <= acted_rank)
    state = np.where(snoozed, WarningState.SNOOZED.value,
                     np.where(handled, WarningState.HANDLED.value, WarningState.OPEN.value))
    active = snoozed | handled
    segments = store.read_segments_for_warnings(portfolio).set_index("customer_id") \
        .reindex(scores["customer_id"])
    frame = pd.DataFrame({
        "rank": np.arange(1, len(scores) + 1),
        "customer_id": scores["customer_id"].to_numpy(dtype=object),
        "probability": scores["probability"].to_numpy(dtype="float64"),
        "band": scores["band"].to_numpy(dtype=object),
        "previous_band": scores["previous_band"].to_numpy(dtype=object),
        "is_new": band_rank > previous_rank,
        "aum": scores["aum"].to_numpy(dtype="float64"),
        "value_at_risk": scores["value_at_risk"].to_numpy(dtype="float64"),
        "reasons": scores["reasons"].to_numpy(dtype=object),
        "state": state.astype(object),
        "state_note": np.where(active, actions["note"].to_numpy(dtype=object), None),
        "state_at": np.where(active, actions["at"].to_numpy(dtype=object), None),
        "snoozed_until": np.where(snoozed, until, None),
        "tier": segments["tier"].to_numpy(dtype=object),
        "stage": segments["stage"].to_numpy(dtype=object),
        "as_of": scores["as_of"].to_numpy(dtype=object),
        "scored_at": scores["scored_at"].to_numpy(dtype=object),
    })
    return frame[WARNING_COLUMNS].reset_index(drop=True)


@writes(Topic.WARNINGS, Topic.CONTACTS, Topic.TASKS, Topic.AUDIT)
def mark_warning(portfolio: Portfolio, customer_id: str, action: WarningAction | str, note: str = "",
                 until: dt.date | None = None, *, language: str, follow_up_on: dt.date | None = None,
                 channel: ContactChannel | str = ContactChannel.PHONE,
                 outcome: ContactOutcome | str = ContactOutcome.REACHED,
                 today: dt.date | None = None) -> dict[str, Any]:
    """Mark a customer's warning HANDLED or SNOOZED (until a date), log the contact in
    interactions (purpose RETENTION) and, with `follow_up_on`, create an open follow-up task —
    all in one transaction. Returns the ids written. `today` (default: the data date) is the day
    the snooze and follow-up dates must not lie before. The task's title is written in
    `language` (the RM's: "en" or "zh_CN"), as it is stored and shown as it is."""
    today = data_date.as_of(portfolio, today)
    try:
        action = WarningAction(action)
        channel = ContactChannel(channel)
        outcome = ContactOutcome(outcome)
    except ValueError as error:
        raise ValueError(f"mark_warning: {error}") from None
    if action is WarningAction.SNOOZED and (until is None or until <= today):
        raise ValueError("a snoozed warning needs a date after today to snooze until")
    if follow_up_on is not None and follow_up_on < today:
        raise ValueError("the follow-up date lies in the past")
    if not store.customer_exists(portfolio, customer_id):
        raise ValueError("mark_warning: no such customer in this portfolio")
    band = portfolio.query("SELECT band FROM churn_scores WHERE customer_id = ?", (customer_id,))
    at = _now()
    with portfolio.transaction():
        interaction_id = store.insert_interaction(
            portfolio, customer_id=customer_id, occurred_at=at, channel=channel.value,
            purpose=ContactPurpose.RETENTION.value, outcome=outcome.value, note=note)
        task_id = None
        if follow_up_on is not None:
            task_id = store.insert_task(portfolio, customer_id=customer_id, title=churn_follow_up_title(language=language),
                                        due_on=follow_up_on.isoformat(), created_at=at, note=note)
        action_id = store.insert_action(
            portfolio, customer_id=customer_id, action=action.value, note=note, at=at,
            until=until.isoformat() if until else None, band=band[0][0] if band else None,
            interaction_id=interaction_id, task_id=task_id)
    return {"action_id": action_id, "interaction_id": interaction_id, "task_id": task_id}


# -- model card and reports ------------------------------------------------------------------------
def model_card(portfolio: Portfolio) -> dict[str, Any]:
    """What the model predicts (definition and horizon, from the team rules), when and on which
    window it was trained, its out-of-time metrics next to the logistic and rule baselines,
    calibration by decile, and — for a rule baseline — why no model was trained."""
    rules = load_churn_rules(portfolio)
    record = store.latest_model(portfolio, with_blob=False)
    card: dict[str, Any] = {"trained": record is not None, "definition": dataclasses.asdict(rules)}
    if record is None:
        return card
    metrics = record["metrics"]
    card.update({
        "model_id": record["model_id"], "kind": record["kind"], "trained_at": record["trained_at"],
        "as_of": record["as_of"], "horizon_days": record["horizon_days"],
        "cutoffs": record["cutoffs"], "note": record["note"],
        "current": _current_model(portfolio, rules) is not None,
        "trained_definition": record["rules"],
        "model": metrics.get("model"), "logistic": metrics.get("logistic"), "rule": metrics.get("rule"),
        "rule_baseline": metrics.get("rule_baseline"),
        "model_minus_rule_roc_auc": metrics.get("model_minus_rule_roc_auc"),
        "model_minus_rule_roc_auc_ci95": metrics.get("model_minus_rule_roc_auc_ci95"),
        "heldout_churners": metrics.get("heldout_churners"), "warning": metrics.get("warning"),
        "label_counts": metrics.get("label_counts"), "timings": metrics.get("timings"),
        "features": record["features"], "seconds": record["seconds"],
    })
    run = store.latest_score_run(portfolio)
    card["last_scored"] = run
    # Why customers leave, across the portfolio: from the scores of this very model only.
    card["drivers"] = (risk_drivers(store.read_scores(portfolio))
                       if run is not None and run["model_id"] == record["model_id"] else [])
    card["flagged"] = flagged_summary(card.get("model") or card.get("rule") or {},
                                      horizon_days=record["horizon_days"])
    return card


def flagged_summary(metrics: dict[str, Any], *, horizon_days: int) -> dict[str, Any] | None:
    """What the model is good for, in numbers an RM reads: of the 10% of customers it scores
    highest, the share who churned within the horizon on the held-out month ("about 1 in 5"),
    and how many times the average that is. None without held-out figures."""
    rate, lift = metrics.get("top_decile_rate"), metrics.get("top_decile_lift")
    if rate is None or lift is None or not rate > 0:
        return None
    one_in = max(1, round(1 / rate))
    return {"share_flagged": 0.1, "churn_rate": rate, "lift": lift, "horizon_days": horizon_days,
            # "1 in N" reads well up to a third; above it "k in 10".
            "one_in": one_in if rate <= 0.34 else None,
            "in_ten": round(rate * 10) if rate > 0.34 else None,
            "base_rate": metrics.get("base_rate")}


def scores_are_current(portfolio: Portfolio, card: dict[str, Any] | None = None) -> bool:
    """True when the last scoring used the current model at the portfolio's data date."""
    card = model_card(portfolio) if card is None else card
    run = card.get("last_scored")
    return bool(card.get("current")) and run is not None and run["model_id"] == card.get("model_id") \
        and run["as_of"] == data_date.as_of(portfolio).isoformat()


def churn_report(portfolio: Portfolio, *, retrain: bool = False, progress: Progress = no_progress,
                 cancel: CancelCheck = never) -> dict[str, Any]:
    """JSON of `relmgr churn FILE --json`: scores every customer (training first when asked or
    when no model is current) and lists per customer probability, band, value at risk and
    reason codes with values, highest value at risk first."""
    if retrain:
        train_churn_model(portfolio, cancel=cancel, progress=lambda f, s="": progress(0.5 * f, s))
    summary = score_churn(portfolio, cancel=cancel, progress=progress)
    scores = store.read_scores(portfolio)
    card = model_card(portfolio)
    return {
        "as_of": summary.as_of.isoformat(), "kind": summary.kind.value, "model_id": summary.model_id,
        "note": card.get("note", ""), "horizon_days": card.get("horizon_days"),
        "customers": summary.customers, "bands": summary.bands, "trained_now": summary.trained or retrain,
        "seconds": summary.seconds, "timings": summary.timings,
        "per_customer": [
            {"customer_id": r.customer_id, "probability": round(float(r.probability), 4),
             "band": r.band, "aum": round(float(r.aum), 2), "value_at_risk": round(float(r.value_at_risk), 2),
             "reasons": [{"code": x["code"], "value": x["value"]} for x in r.reasons]}
            for r in scores.itertuples(index=False)],
    }


def evaluate_flat_csv(path: str | os.PathLike[str], *, target: str, folds: int = 5,
                      progress: Progress = no_progress, cancel: CancelCheck = never) -> dict[str, Any]:
    """k-fold ROC-AUC of the churn pipeline on a flat labelled CSV (relmgr/analytics/churn_model.py
    prepare_flat says what is dropped and encoded). ValueError names the file and the problem."""
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"{path}: no such file")
    try:
        frame = pd.read_csv(path)
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as error:
        raise ValueError(f"{path}: not a readable CSV file ({type(error).__name__})") from None
    started = time.perf_counter()
    try:
        result = cross_validate_flat(frame, target=target, folds=folds, progress=progress, cancel=cancel)
    except ValueError as error:
        raise ValueError(f"{path}: {error}") from None
    return {"file": path.name, **result, "seconds": round(time.perf_counter() - started, 2)}
