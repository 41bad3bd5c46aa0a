"""Churn warnings service on real encrypted demo portfolios: training with out-of-time
evaluation against the rule baseline, scoring and ranking, reasons for a collapsing customer,
handled/snoozed actions with their contact and task, the rule-baseline fallback on a tiny
portfolio, cancel, and the CLI."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from relmgr.domain.churn import CHURN_RULE_KEY, ModelKind, WarningAction, WarningState
from relmgr.domain.progress import Cancelled
from relmgr.services.churn import (
    load_churn_warnings,
    mark_warning,
    model_card,
    score_churn,
    train_churn_model,
)
from relmgr.services.demo import build_demo_portfolio
from relmgr.storage import open_portfolio
from relmgr.storage.rules import set_rule

AS_OF = dt.date(2026, 6, 30)
PASSWORD = "churn-test"
TODAY = dt.date(2026, 7, 1)


@pytest.fixture(scope="module")
def trained_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 4,000-customer demo portfolio with a trained model and stored scores (read-only)."""
    path = tmp_path_factory.mktemp("churn") / "churn.rmdb"
    build_demo_portfolio(path, PASSWORD, customers=4000, seed=21, as_of=AS_OF)
    with open_portfolio(path, PASSWORD) as portfolio:
        train_churn_model(portfolio)
        score_churn(portfolio, train_if_needed=False)
    return path


@pytest.fixture
def writable(trained_file: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy.rmdb"
    shutil.copyfile(trained_file, copy)
    return copy


def test_model_beats_the_rule_baseline_out_of_time(trained_file: Path) -> None:
    with open_portfolio(trained_file, PASSWORD) as portfolio:
        card = model_card(portfolio)
    assert card["kind"] == ModelKind.MODEL.value and card["current"]
    assert card["cutoffs"]["holdout"] == "2026-03-31"
    assert card["cutoffs"]["holdout"] not in card["cutoffs"]["train"]
    model, rule = card["model"], card["rule"]
    print(f"\n4,000 customers, out of time: model ROC-AUC {model['roc_auc']}, "
          f"rule {rule['roc_auc']}, logistic {card['logistic']['roc_auc']}, "
          f"top-decile lift {model['top_decile_lift']} (base rate {model['base_rate']})")
    assert model["roc_auc"] > rule["roc_auc"]
    assert model["top_decile_lift"] > 1.5
    for scorer in (model, rule, card["logistic"]):
        for metric in ("roc_auc", "pr_auc", "top_decile_lift"):
            lo, hi = scorer[f"{metric}_ci95"]
            assert lo <= scorer[metric] <= hi and lo < hi
    lo, hi = card["model_minus_rule_roc_auc_ci95"]
    assert lo <= card["model_minus_rule_roc_auc"] <= hi
    assert card["heldout_churners"] == card["label_counts"]["2026-03-31"][1]
    predicted = [b["predicted"] for b in model["calibration"]]
    assert predicted == sorted(predicted)


def test_warnings_are_ranked_by_value_at_risk_with_reasons(trained_file: Path) -> None:
    with open_portfolio(trained_file, PASSWORD) as portfolio:
        warnings = load_churn_warnings(portfolio, today=TODAY)
        everyone = load_churn_warnings(portfolio, bands=("HIGH", "MEDIUM", "LOW"), today=TODAY)
        closed = {r[0] for r in portfolio.query(
            "SELECT customer_id FROM customers WHERE closed_on IS NOT NULL")}
    assert len(warnings) > 0 and set(warnings["band"]) <= {"HIGH", "MEDIUM"}
    values = warnings["value_at_risk"].to_numpy()
    assert (np.diff(values) <= 1e-6).all()
    np.testing.assert_allclose(values, warnings["probability"] * warnings["aum"], rtol=1e-4, atol=0.02)
    assert (warnings["state"] == WarningState.OPEN.value).all()
    assert warnings["is_new"].all()          # first scoring: every warning is new
    assert not closed & set(everyone["customer_id"])   # the churned are not scored
    high = warnings[warnings["band"] == "HIGH"]
    assert all(len(r) >= 1 for r in high["reasons"])
    assert all({"code", "value", "impact"} <= set(x) for r in high["reasons"] for x in r)


def test_a_customer_whose_balance_collapses_gets_the_aum_reason(writable: Path) -> None:
    with open_portfolio(writable, PASSWORD) as portfolio:
        before = load_churn_warnings(portfolio, bands=("LOW",), today=TODAY)
        steady = before[(before["aum"] > 100_000) & (before["probability"] < 0.05)]
        customer = str(steady["customer_id"].iloc[0])
        with portfolio.transaction():
            # Balances fall to 3% over the last three months; nothing else changes.
            portfolio.conn.execute(
                "UPDATE monthly_balances SET aum_end = aum_end * 0.03, aum_avg = aum_avg * 0.05 "
                "WHERE customer_id = ? AND month >= '2026-04'", (customer,))
        score_churn(portfolio, train_if_needed=False)
        after = load_churn_warnings(portfolio, bands=("HIGH", "MEDIUM", "LOW"), today=TODAY)
    row = after.set_index("customer_id").loc[customer]
    codes = [r["code"] for r in row["reasons"]]
    assert row["probability"] > steady["probability"].iloc[0]
    assert codes and codes[0] in {"AUM_DROP_30D", "AUM_DROP_90D", "AUM_DROP_180D", "LOW_BALANCE"}
    drop = next(r for r in row["reasons"] if r["code"].startswith("AUM_DROP"))
    assert drop["value"] <= -0.9


def test_mark_warning_logs_a_retention_contact_and_a_follow_up_task(writable: Path) -> None:
    with open_portfolio(writable, PASSWORD) as portfolio:
        warnings = load_churn_warnings(portfolio, today=TODAY)
        first, second = warnings["customer_id"].iloc[0], warnings["customer_id"].iloc[1]
        ids = mark_warning(portfolio, first, WarningAction.HANDLED, "客户说明资金用于购房",
                           follow_up_on=dt.date(2026, 7, 15), today=TODAY, language="zh_CN")
        mark_warning(portfolio, second, "SNOOZED", "下周再联系", until=dt.date(2026, 7, 10), today=TODAY,
                     language="zh_CN")
        contact = portfolio.query("SELECT customer_id, purpose, note FROM interactions "
                                  "WHERE interaction_id = ?", (ids["interaction_id"],))
        task = portfolio.query("SELECT customer_id, due_on, status, title FROM tasks WHERE task_id = ?",
                               (ids["task_id"],))
        english = mark_warning(portfolio, warnings["customer_id"].iloc[2], WarningAction.HANDLED, "ok", today=TODAY,
                               follow_up_on=dt.date(2026, 7, 15), language="en")
        english_title = portfolio.query("SELECT title FROM tasks WHERE task_id = ?", (english["task_id"],))
        states = load_churn_warnings(portfolio, today=TODAY).set_index("customer_id")["state"]
        later = load_churn_warnings(portfolio, today=dt.date(2026, 7, 11)).set_index("customer_id")["state"]
        with pytest.raises(ValueError, match="snooze"):
            mark_warning(portfolio, first, WarningAction.SNOOZED, "", today=TODAY, language="en")
        with pytest.raises(ValueError, match="no such customer"):
            mark_warning(portfolio, "C9999999", WarningAction.HANDLED, "", today=TODAY, language="en")
        # Re-scoring with unchanged data: the handled warning stays handled and is not new.
        score_churn(portfolio, train_if_needed=False)
        rescored = load_churn_warnings(portfolio, today=TODAY).set_index("customer_id")
    assert contact == [(first, "RETENTION", "客户说明资金用于购房")]
    # The follow-up task's title is in the RM's language.
    assert task == [(first, "2026-07-15", "OPEN", "流失预警跟进")]
    assert english_title == [("Churn warning follow-up",)]
    assert states[first] == "HANDLED" and states[second] == "SNOOZED"
    assert later[second] == "OPEN"       # the snooze has run out
    assert rescored.loc[first, "state"] == "HANDLED"
    assert not rescored["is_new"].any()


def test_tiny_portfolio_falls_back_to_the_documented_rule_baseline(tmp_path: Path) -> None:
    path = tmp_path / "tiny.rmdb"
    build_demo_portfolio(path, PASSWORD, customers=60, seed=3, as_of=AS_OF)
    with open_portfolio(path, PASSWORD) as portfolio:
        summary = score_churn(portfolio)          # no model yet: trains first
        card = model_card(portfolio)
        warnings = load_churn_warnings(portfolio, bands=("HIGH", "MEDIUM", "LOW"), today=TODAY)
    assert summary.trained and summary.kind is ModelKind.RULE_BASELINE
    assert card["kind"] == "RULE_BASELINE" and "churners" in card["note"]
    assert card["rule_baseline"]["rates"] == sorted(card["rule_baseline"]["rates"])
    assert len(warnings) == summary.customers > 0
    # The rule's reason is inactivity, said only where it is long enough to raise the rule's risk.
    assert all(not r or (r[0]["code"] == "NO_ACTIVITY_DAYS" and r[0]["value"] >= 30)
               for r in warnings["reasons"])
    # Pooled buckets share a rate because it is their combined rate, and only then.
    rule = card["rule_baseline"]
    for a, b in zip(range(len(rule["rates"]) - 1), range(1, len(rule["rates"])), strict=True):
        if rule["rates"][a] == rule["rates"][b]:
            assert rule["observed"][a] >= rule["observed"][b]


def test_cancelled_training_stores_nothing_and_changed_rules_make_the_model_stale(writable: Path) -> None:
    with open_portfolio(writable, PASSWORD) as portfolio:
        models = portfolio.query("SELECT COUNT(*) FROM churn_models")[0][0]
        calls = []

        def cancel() -> bool:
            calls.append(1)
            return len(calls) > 3

        with pytest.raises(Cancelled):
            train_churn_model(portfolio, cancel=cancel)
        assert portfolio.query("SELECT COUNT(*) FROM churn_models")[0][0] == models
        with portfolio.transaction():
            set_rule(portfolio, CHURN_RULE_KEY, {"horizon_days": 60})
        card = model_card(portfolio)
    assert card["definition"]["horizon_days"] == 60 and not card["current"]


def test_cli_churn_and_eval_csv(trained_file: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    from relmgr.cli import main

    copy = tmp_path / "cli.rmdb"
    shutil.copyfile(trained_file, copy)
    monkeypatch.setenv("RELMGR_PASSWORD", PASSWORD)
    assert main(["churn", str(copy), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["kind"] == "MODEL" and not report["trained_now"]
    first = report["per_customer"][0]
    assert {"customer_id", "probability", "band", "value_at_risk", "reasons"} <= set(first)
    assert all(set(r) == {"code", "value"} for r in first["reasons"])

    rng = np.random.default_rng(1)
    flat = pd.DataFrame({"RowNumber": range(400), "Age": rng.integers(18, 80, 400),
                         "Exited": rng.integers(0, 2, 400)})
    flat.to_csv(tmp_path / "flat.csv", index=False)
    assert main(["eval", "churn", "--csv", str(tmp_path / "flat.csv"), "--target", "Exited",
                 "--folds", "3", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["folds"] == 3 and result["dropped_columns"] == ["RowNumber"]
    assert main(["eval", "churn", "--csv", str(tmp_path / "flat.csv"), "--target", "Nope"]) == 2
    assert "Nope" in capsys.readouterr().err


def _risk_side(code: str, value: float, medians: dict[str, float]) -> bool:
    """Whether a reason's number is on the side its words call a risk (relmgr/domain/churn.py
    ReasonCode units)."""
    import math

    checks = {
        "AUM_DROP_30D": value <= -0.05, "AUM_DROP_90D": value <= -0.05, "AUM_DROP_180D": value <= -0.05,
        "AUM_CHANGE_90D": value < 0, "TXNS_DOWN": value < 0, "LOGINS_DOWN": value < 0,
        "NET_OUTFLOW_90D": value > 0, "DEPOSIT_MATURED_WITHDRAWN": value > 0,
        "PRODUCTS_CLOSED": value > 0, "COMPLAINT": value > 0,
        "SALARY_STOPPED": value >= 1, "PENSION_STOPPED": value >= 1,
        "NO_ACTIVITY_DAYS": value > medians["days_since_txn"],
        "NO_RECENT_CONTACT": value > medians["days_since_contact"],
        "SHORT_TENURE": value < medians["tenure_days"],
        "LOW_BALANCE": math.log10(1 + max(value, 0)) <= medians["log_aum"] + 1e-9,
        "PROFILE": True,                       # neutral words: age and product mix
    }
    return checks[code]


def test_every_reason_says_what_raises_the_risk_in_its_own_direction(trained_file: Path) -> None:
    from relmgr.services.wording.churn import reason_sentence
    from relmgr.storage import churn_store

    with open_portfolio(trained_file, PASSWORD) as portfolio:
        everyone = load_churn_warnings(portfolio, bands=("HIGH", "MEDIUM", "LOW"), today=TODAY)
        medians = churn_store.latest_model(portfolio, with_blob=False)["medians"]
    reasons = [r for rs in everyone["reasons"] for r in rs]
    assert len(reasons) > 100
    seen = set()
    for reason in reasons:
        assert reason["impact"] > 0, reason                 # every reason adds risk ...
        assert _risk_side(reason["code"], reason["value"], medians), reason   # ... and says so
        sentence = reason_sentence(reason, language="en")
        assert " up " not in sentence and "flat" not in sentence and " 0 days ago" not in sentence
        seen.add(reason["code"])
    assert "NO_ACTIVITY_DAYS" in seen or "AUM_DROP_90D" in seen


def test_reasons_compare_with_the_training_population_not_the_held_out_month(trained_file: Path) -> None:
    from relmgr.analytics.churn_model import labelled_frame
    from relmgr.services.churn import read_training
    from relmgr.storage import churn_store

    with open_portfolio(trained_file, PASSWORD) as portfolio:
        record = churn_store.latest_model(portfolio, with_blob=False)
        snapshot = read_training(portfolio)
    by_date = {c.isoformat(): c for c in snapshot.cutoffs}
    train = pd.concat([labelled_frame(snapshot.history, by_date[c], snapshot.rules)
                       for c in record["cutoffs"]["train"]])
    holdout = labelled_frame(snapshot.history, by_date[record["cutoffs"]["holdout"]], snapshot.rules)
    for name in ("days_since_txn", "log_aum", "tenure_days"):
        assert record["medians"][name] == pytest.approx(float(np.nanmedian(train[name])))
    assert any(record["medians"][name] != pytest.approx(float(np.nanmedian(holdout[name])))
               for name in ("log_aum", "tenure_days", "aum_chg_3m"))


def test_the_card_splits_the_value_at_risk_by_reason_and_says_what_the_model_is_good_for(trained_file: Path) -> None:
    from relmgr.storage import churn_store

    with open_portfolio(trained_file, PASSWORD) as portfolio:
        card = model_card(portfolio)
        scores = churn_store.read_scores(portfolio)
    drivers = card["drivers"]
    assert len(drivers) >= 3
    assert sum(d["share"] for d in drivers) == pytest.approx(1.0, abs=1e-3)
    assert sum(d["value_at_risk"] for d in drivers) == pytest.approx(scores["value_at_risk"].sum(), rel=1e-6)
    assert [d["share"] for d in drivers] == sorted((d["share"] for d in drivers), reverse=True)
    # A customer counts under a group when one of their reasons belongs to it.
    from relmgr.domain.churn import DRIVER_OF, ReasonCode
    at_risk = scores[scores["value_at_risk"] > 0]
    for driver in drivers:
        if driver["group"] != "NO_SINGLE_REASON":
            holders = sum(any(DRIVER_OF[ReasonCode(r["code"])].value == driver["group"] for r in rs)
                          for rs in at_risk["reasons"])
            assert driver["customers"] == holders
    flagged, model = card["flagged"], card["model"]
    assert flagged["churn_rate"] == model["top_decile_rate"] and flagged["lift"] == model["top_decile_lift"]
    assert flagged["horizon_days"] == 90
    if flagged["one_in"]:
        assert abs(1 / flagged["one_in"] - model["top_decile_rate"]) <= 0.5 / flagged["one_in"] ** 2 + 0.02
