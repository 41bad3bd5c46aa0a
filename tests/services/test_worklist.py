"""Today worklist: the pure assembly on constructed signals (one line per customer with every
reason, explained priority, leap-year birthdays, pins, closed customers), and the loader on a
real encrypted portfolio (dismiss for the day, snooze, move, logging a contact, churn actions,
accepted recommendations, missing optional tables)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest

from relmgr.analytics.tiers import CONTACT_COLUMNS
from relmgr.services import worklist as wl
from relmgr.services.contacts import log_contact
from relmgr.services.worklist import (
    WorklistRules,
    WorklistSignals,
    WorkReason,
    assemble_worklist,
    birthday_dates,
    load_worklist,
)
from relmgr.storage import open_portfolio
from tests.conftest import DEMO_AS_OF, DEMO_PASSWORD_FOR_TESTS

TODAY = dt.date(2026, 6, 30)


def _customers(*rows: tuple[str, str, str | None]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["customer_id", "birth_date", "closed_on"])


def _contact(*rows: tuple[str, str, int, str]) -> pd.DataFrame:
    """(customer_id, due_on, days_overdue, status) rows shaped like contact_due's output."""
    return pd.DataFrame({
        "customer_id": [r[0] for r in rows], "tier": ["WEALTH"] * len(rows),
        "cadence_days": pd.array([90] * len(rows), dtype="Int64"),
        "last_contact_on": ["2026-01-01"] * len(rows), "due_on": [r[1] for r in rows],
        "days_overdue": pd.array([r[2] for r in rows], dtype="Int64"),
        "status": [r[3] for r in rows]})[CONTACT_COLUMNS]


def _signals(**frames: pd.DataFrame) -> WorklistSignals:
    customers = frames.pop("customers", _customers(("A", "1980-05-05", None), ("B", "1970-07-07", None),
                                                   ("C", "1990-09-09", None)))
    tiers = frames.pop("tiers", pd.DataFrame({"customer_id": ["A", "B", "C"],
                                              "tier": ["WEALTH", "MASS", "PRIVATE"]}))
    return WorklistSignals(customers=customers, tiers=tiers, **frames)


def test_a_customer_both_overdue_and_at_risk_is_one_line_with_both_reasons() -> None:
    signals = _signals(
        contact_due=_contact(("A", "2026-06-10", 20, "OVERDUE"), ("B", "2026-07-03", 0, "DUE")),
        churn=pd.DataFrame({"customer_id": ["A", "C"], "probability": [0.5, 0.1],
                            "band": ["MEDIUM", "LOW"], "value_at_risk": [50_000.0, 900.0],
                            "reasons": [json.dumps([{"code": "AUM_DROP_90D", "value": -0.6}]), "[]"]}))
    frame = assemble_worklist(signals, today=TODAY)

    assert list(frame["customer_id"]) == ["A", "B"]          # C's low risk is not a warning
    a = frame.iloc[0]
    assert set(a["reasons"]) == {WorkReason.CHURN_RISK, WorkReason.CONTACT_OVERDUE}
    assert a["reasons"][0] == WorkReason.CHURN_RISK           # strongest first: 30 > 25
    assert a["action"] == "RETENTION_CALL"
    # Explained: 60 × 0.5 = 30 for the warning, 20 + 20 days × 0.25 = 25 for the contact,
    # times the WEALTH weight 1.5.
    points = {d["reason"]: d["points"] for d in a["details"]}
    assert points == {"CHURN_RISK": 30.0, "CONTACT_OVERDUE": 25.0}
    assert a["tier_weight"] == 1.5 and a["priority"] == pytest.approx(82.5)
    assert sum(d["weighted"] for d in a["details"]) == pytest.approx(a["priority"])
    churn = next(d for d in a["details"] if d["reason"] == "CHURN_RISK")
    assert churn["reasons"] == [{"code": "AUM_DROP_90D", "value": -0.6}]
    b = frame.iloc[1]
    assert b["reasons"] == ("CONTACT_DUE",) and b["priority"] == 10.0 and b["tier_weight"] == 1.0
    assert list(frame["rank"]) == [1, 2]


def test_high_band_is_listed_whatever_the_probability_and_handled_warnings_are_not() -> None:
    churn = pd.DataFrame({"customer_id": ["A", "B", "C"], "probability": [0.2, 0.9, 0.8],
                          "band": ["HIGH", "HIGH", "HIGH"], "handled": [0, 1, None]})
    frame = assemble_worklist(_signals(churn=churn), today=TODAY)
    assert sorted(frame["customer_id"]) == ["A", "C"]


def test_maturities_tasks_and_recommendations_each_add_their_reason() -> None:
    signals = _signals(
        maturities=pd.DataFrame({
            "customer_id": ["A", "A", "B", "C"], "holding_id": ["h1", "h2", "h3", "h4"],
            "product_id": ["TD-1Y", "CD-3Y", "TD-1Y", "TD-1Y"],
            "maturity_on": ["2026-07-14", "2026-06-30", "2026-07-15", "2026-06-29"],
            "balance": [100.0, 200.0, 5.0, 7.0]}),
        tasks=pd.DataFrame({"task_id": [1, 2, 3, 4], "customer_id": ["B", "B", "C", None],
                            "title": ["回访", "送资料", "later", "team meeting"],
                            "due_on": ["2026-06-25", "2026-06-30", "2026-07-02", "2026-06-01"]}),
        recommendations=pd.DataFrame({"customer_id": ["C", "C", "A"],
                                      "product_id": ["FUND-1", "INS-1", "FUND-1"],
                                      "accepted_on": ["2026-06-20", "2026-05-01", "2026-06-25"],
                                      "fulfilled": [0, 0, 1]}))
    frame = assemble_worklist(signals, today=TODAY).set_index("customer_id")

    a = frame.loc["A", "details"]
    assert [d["reason"] for d in a] == ["MATURING"]            # A carried its recommendation out
    assert a[0]["maturity_on"] == "2026-06-30" and a[0]["days_left"] == 0
    assert a[0]["holdings"] == 2 and a[0]["balance"] == 300.0 and a[0]["points"] == 35.0
    b = {d["reason"]: d for d in frame.loc["B", "details"]}
    assert set(b) == {"TASK_DUE"}                              # 15 days out is past the horizon
    assert b["TASK_DUE"]["task_ids"] == [1, 2] and b["TASK_DUE"]["days_overdue"] == 5
    assert b["TASK_DUE"]["points"] == 40.0                     # 30 + 5 days × 2
    c = {d["reason"]: d for d in frame.loc["C", "details"]}
    # C: the task is not due yet, the maturity is past, INS-1 was accepted too long ago.
    assert set(c) == {"RECOMMENDATION_ACCEPTED"}
    assert c["RECOMMENDATION_ACCEPTED"]["product_ids"] == ["FUND-1"]
    assert frame.loc["C", "priority"] == 25.0 * 2.0


def test_closed_customers_keep_only_their_due_tasks_and_the_recent_ones_are_win_backs() -> None:
    customers = _customers(("A", "1980-06-30", "2026-01-01"), ("B", "1970-07-07", "2026-07-20"),
                           ("C", "1975-01-09", "2026-05-01"))
    signals = _signals(
        customers=customers,
        contact_due=_contact(("A", "2026-06-01", 29, "OVERDUE"), ("B", "2026-06-01", 29, "OVERDUE"),
                             ("C", "2026-06-01", 29, "OVERDUE")),
        tasks=pd.DataFrame({"task_id": [7, 8], "customer_id": ["A", "C"], "title": ["销户回访", "回访"],
                            "due_on": ["2026-06-30", "2026-06-30"]}))
    frame = assemble_worklist(signals, today=TODAY).set_index("customer_id")
    assert frame.loc["A", "reasons"] == ("TASK_DUE",)          # closed 180 days ago: no win-back
    assert frame.loc["B", "reasons"] == ("CONTACT_OVERDUE",)   # closes later: still served
    # Closed 60 days ago: a win-back line, its reason first, and never a must-do line.
    assert frame.loc["C", "reasons"] == ("WIN_BACK", "TASK_DUE")
    assert frame.loc["C", "action"] == "WIN_BACK_CALL" and not frame.loc["C", "must_do"]
    win_back = frame.loc["C", "details"][0]
    assert win_back["kind"] == "CLOSED" and win_back["days_ago"] == 60
    assert frame.loc["A", "must_do"]


def test_a_customer_whose_aum_has_gone_is_a_win_back_not_a_retention_call() -> None:
    gone = json.dumps([{"code": "AUM_DROP_90D", "value": -0.998}, {"code": "LOW_BALANCE", "value": 200}])
    drifting = json.dumps([{"code": "AUM_DROP_90D", "value": -0.4}])
    signals = _signals(
        customers=_customers(("A", "1980-01-02", None), ("B", "1980-01-03", None), ("C", "1980-01-04", None)),
        churn=pd.DataFrame({"customer_id": ["A", "B", "C"], "probability": [0.9, 0.5, 0.4],
                            "band": ["HIGH", "HIGH", "HIGH"], "value_at_risk": [180.0, 60_000.0, 900.0],
                            "reasons": [gone, drifting, drifting]}))
    frame = assemble_worklist(signals, today=TODAY).set_index("customer_id")
    assert frame.loc["A", "reasons"] == ("WIN_BACK",) and frame.loc["A", "action"] == "WIN_BACK_CALL"
    assert frame.loc["A", "priority"] == WorklistRules().win_back_points * frame.loc["A", "tier_weight"]
    assert frame.loc["B", "reasons"] == ("CHURN_RISK",) and frame.loc["B", "must_do"]
    # The win-back comes last although its churn probability is the highest.
    assert list(frame.index) == ["B", "C", "A"]


@pytest.mark.parametrize(("today", "expected"), [
    (dt.date(2027, 2, 28), (dt.date(2027, 2, 28), 0)),   # no 29 Feb in 2027: celebrated on the 28th
    (dt.date(2028, 2, 28), (dt.date(2028, 2, 29), 1)),   # leap year: the real day, tomorrow
    (dt.date(2028, 2, 29), (dt.date(2028, 2, 29), 0)),
    (dt.date(2027, 2, 26), (dt.date(2027, 2, 28), 2)),
    (dt.date(2027, 3, 1), None),                         # already past this year
])
def test_29_february_birthdays_across_leap_years(today: dt.date, expected: tuple | None) -> None:
    signals = _signals(customers=_customers(("L", "2000-02-29", None), ("M", "2000-03-01", None)),
                       tiers=pd.DataFrame({"customer_id": ["L"], "tier": ["VIP"]}))
    frame = assemble_worklist(signals, today=today).set_index("customer_id")
    if expected is None:
        assert "L" not in frame.index
        return
    detail = frame.loc["L", "details"][0]
    assert detail["reason"] == "BIRTHDAY"
    assert (dt.date.fromisoformat(detail["on"]), detail["days_left"]) == expected
    assert detail["age"] == expected[0].year - 2000
    assert detail["points"] == (15.0 if expected[1] == 0 else 8.0)


def test_birthdays_wrap_around_the_new_year() -> None:
    window = birthday_dates(dt.date(2026, 12, 30), 3)
    assert window["01-01"] == (dt.date(2027, 1, 1), 2)
    assert window["12-30"] == (dt.date(2026, 12, 30), 0)
    assert "01-03" not in window


def test_hidden_customers_are_left_out_and_pins_hold_their_place() -> None:
    signals = _signals(contact_due=_contact(("A", "2026-06-01", 29, "OVERDUE"),
                                            ("B", "2026-06-01", 60, "OVERDUE"),
                                            ("C", "2026-06-01", 10, "OVERDUE")))
    by_priority = list(assemble_worklist(signals, today=TODAY)["customer_id"])
    assert by_priority == ["C", "A", "B"]                      # PRIVATE ×2, WEALTH ×1.5, MASS
    pinned = assemble_worklist(signals, today=TODAY, pinned={"B": 1, "X": 1})
    assert list(pinned["customer_id"]) == ["B", "C", "A"] and list(pinned["pinned"]) == [True, False, False]
    beyond = assemble_worklist(signals, today=TODAY, pinned={"C": 9})
    assert list(beyond["customer_id"]) == ["A", "B", "C"]
    hidden = assemble_worklist(signals, today=TODAY, hidden={"C"})
    assert list(hidden["customer_id"]) == ["A", "B"]


def test_nothing_to_do_gives_an_empty_list_with_the_columns() -> None:
    frame = assemble_worklist(_signals(), today=dt.date(2026, 1, 2))
    assert frame.empty and list(frame.columns) == wl.WORKLIST_COLUMNS


def test_rules_reject_nonsense() -> None:
    with pytest.raises(ValueError, match="maturity_days_ahead"):
        WorklistRules(maturity_days_ahead=0)


# -- on a real portfolio ------------------------------------------------------------------------
@pytest.fixture
def portfolio(writable_demo_portfolio: Path):
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as opened:
        yield opened


def _ids(portfolio, day: dt.date) -> list[str]:
    return list(load_worklist(portfolio, today=day).frame["customer_id"])


def test_demo_worklist_uses_the_data_date_and_reads_every_signal(portfolio) -> None:
    assert wl.worklist_today(portfolio) == DEMO_AS_OF
    worklist = load_worklist(portfolio, today=DEMO_AS_OF)
    frame = worklist.frame
    assert len(frame) > 10 and frame["customer_id"].is_unique
    assert worklist.tier_source == "summary"                   # the demo has no segment refresh
    assert {"CONTACT_OVERDUE", "MATURING", "TASK_DUE"} <= set(frame["reason_codes"].str.split("|").explode())
    assert frame["name"].notna().all() and frame["phone"].str.len().eq(11).all()
    # The must-do lines (due tasks, much at stake) first, each part by priority.
    assert frame["must_do"].is_monotonic_decreasing
    for _must_do, part in frame.groupby("must_do"):
        assert part["priority"].is_monotonic_decreasing


def test_a_real_portfolio_lives_at_its_data_date_too(portfolio) -> None:
    with portfolio.transaction():
        portfolio.conn.execute("DELETE FROM meta WHERE key = 'demo_seed'")
    assert wl.worklist_today(portfolio) == DEMO_AS_OF                     # not the calendar date
    assert wl.worklist_today(portfolio, dt.date(2030, 1, 2)) == dt.date(2030, 1, 2)   # --today


def test_dismissed_stays_dismissed_for_the_day_and_returns_the_next(portfolio) -> None:
    day = DEMO_AS_OF
    overdue = load_worklist(portfolio, today=day).frame
    customer = overdue[overdue["reason_codes"].str.contains("CONTACT_OVERDUE")]["customer_id"].iloc[0]
    wl.dismiss(portfolio, customer_ids=[customer], day=day)
    assert customer not in _ids(portfolio, day)
    assert customer not in _ids(portfolio, day)                # and on reopening the same day
    assert load_worklist(portfolio, today=day).hidden == 1
    assert customer in _ids(portfolio, day + dt.timedelta(days=1))
    assert wl.restore(portfolio, customer_id=customer, day=day) == 1
    assert customer in _ids(portfolio, day)


def test_a_selection_is_dismissed_in_one_write_or_not_at_all(portfolio) -> None:
    day = DEMO_AS_OF
    first, second = load_worklist(portfolio, today=day).frame["customer_id"].iloc[:2]
    with pytest.raises(ValueError, match="no customer 'C-NOBODY'"):
        wl.dismiss(portfolio, customer_ids=[first, "C-NOBODY"], day=day)
    assert first in _ids(portfolio, day)                       # nothing written
    wl.dismiss(portfolio, customer_ids=[first, second, first], day=day)
    assert not {first, second} & set(_ids(portfolio, day))
    assert load_worklist(portfolio, today=day).hidden == 2


def test_snooze_hides_until_the_given_day(portfolio) -> None:
    day = DEMO_AS_OF
    customer = load_worklist(portfolio, today=day).frame["customer_id"].iloc[0]
    wl.snooze(portfolio, customer_ids=[customer], day=day, until=day + dt.timedelta(days=3))
    assert customer not in _ids(portfolio, day)
    assert customer not in _ids(portfolio, day + dt.timedelta(days=2))
    assert customer in _ids(portfolio, day + dt.timedelta(days=3))
    assert list(wl.hidden_today(portfolio, day=day + dt.timedelta(days=1))["customer_id"]) == [customer]
    with pytest.raises(ValueError, match="must be after"):
        wl.snooze(portfolio, customer_ids=[customer], day=day, until=day)


def test_moved_customers_keep_their_place_for_the_day(portfolio) -> None:
    day = DEMO_AS_OF
    last = _ids(portfolio, day)[-1]
    wl.move(portfolio, customer_id=last, day=day, position=2)
    ids = _ids(portfolio, day)
    assert ids[1] == last
    tomorrow = load_worklist(portfolio, today=day + dt.timedelta(days=1)).frame
    assert not tomorrow["pinned"].any()                        # a position belongs to its day
    assert wl.reset_order(portfolio, day=day) == 1
    assert _ids(portfolio, day)[-1] == last
    with pytest.raises(ValueError, match="no customer"):
        wl.move(portfolio, customer_id="NOPE", day=day, position=1)


def test_a_logged_contact_takes_the_customer_off_the_due_list(portfolio) -> None:
    day = DEMO_AS_OF
    frame = load_worklist(portfolio, today=day).frame
    only_contact = frame[frame["reason_codes"] == "CONTACT_OVERDUE"]["customer_id"].iloc[:2].tolist()
    unanswered, reached = only_contact
    log_contact(portfolio, customer_id=unanswered, channel="PHONE", purpose="SERVICE",
                outcome="NO_ANSWER", note="")
    # Logged at the wall clock, after the demo's data date: counts as made today.
    log_contact(portfolio, customer_id=reached, channel="PHONE", purpose="SERVICE",
                outcome="REACHED", note="例行回访")
    ids = _ids(portfolio, day)
    assert unanswered in ids                                   # trying is not reaching
    assert reached not in ids


def test_churn_warnings_follow_the_rm_actions(portfolio) -> None:
    day = DEMO_AS_OF
    rows = [("C0100001", 0.9, "HIGH"), ("C0100002", 0.6, "MEDIUM"), ("C0100003", 0.1, "LOW"),
            ("C0100004", 0.7, "HIGH")]
    with portfolio.transaction():
        portfolio.insert_rows(
            "churn_scores", ["customer_id", "run_id", "as_of", "probability", "band", "aum",
                             "value_at_risk", "reasons", "scored_at"],
            [(c, 1, day.isoformat(), p, b, 1e5, p * 1e5, "[]", "2026-06-30T08:00:00") for c, p, b in rows])
        portfolio.insert_rows(
            "churn_actions", ["customer_id", "action", "note", "at", "until", "band"],
            [("C0100001", "HANDLED", "", "2026-06-29T10:00:00", None, "HIGH"),
             ("C0100002", "HANDLED", "", "2026-06-29T10:00:00", None, "LOW"),      # band rose since
             ("C0100004", "SNOOZED", "", "2026-06-29T10:00:00", "2026-07-02", "HIGH")])
    frame = load_worklist(portfolio, today=day).frame
    at_risk = set(frame[frame["reason_codes"].str.contains("CHURN_RISK")]["customer_id"])
    assert at_risk == {"C0100002"}
    later = load_worklist(portfolio, today=dt.date(2026, 7, 2)).frame
    assert "C0100004" in set(later[later["reason_codes"].str.contains("CHURN_RISK")]["customer_id"])


def test_accepted_recommendations_until_carried_out(portfolio) -> None:
    day = DEMO_AS_OF
    with portfolio.transaction():
        portfolio.insert_rows("recommendation_outcomes",
                              ["customer_id", "product_id", "outcome", "note", "at"],
                              [("C0100005", "FUND-EQ", "ACCEPTED", "", "2026-06-28T10:00:00"),
                               ("C0100006", "FUND-EQ", "DECLINED", "", "2026-06-28T10:00:00")])
    frame = load_worklist(portfolio, today=day).frame.set_index("customer_id")
    assert "RECOMMENDATION_ACCEPTED" in frame.loc["C0100005", "reasons"]
    assert "C0100006" not in frame.index or "RECOMMENDATION_ACCEPTED" not in frame.loc["C0100006", "reasons"]


def test_missing_optional_tables_are_skipped_with_a_reason(portfolio) -> None:
    with portfolio.transaction():
        portfolio.conn.execute("DROP TABLE churn_scores")
        portfolio.conn.execute("DROP TABLE recommendation_outcomes")
    worklist = load_worklist(portfolio, today=DEMO_AS_OF)
    assert set(worklist.skipped) == {"CHURN_RISK", "RECOMMENDATION_ACCEPTED"}
    assert "churn_scores" in worklist.skipped["CHURN_RISK"]
    assert len(worklist.frame) > 0


def test_tiers_come_from_the_segment_refresh_when_there_is_one(portfolio) -> None:
    ids = [r[0] for r in portfolio.query("SELECT customer_id FROM customers ORDER BY customer_id LIMIT 3")]
    with portfolio.transaction():
        portfolio.insert_rows(
            "customer_segments",
            ["customer_id", "tier", "tier_since", "avg_aum_3m", "months_below", "frequency",
             "monetary", "r_score", "f_score", "m_score", "rfm_code", "rfm_segment", "stage",
             "stage_since", "stage_reason", "stage_detail", "computed_at"],
            [(c, "PRIVATE", "2026-01", 7e6, 0, 1, 1.0, 1, 1, 1, "HHH", "IMPORTANT_VALUE", "MATURITY",
              "2025-01-01", "STEADY", "{}", "2026-06-30T00:00:00") for c in ids])
    tiers, source = wl.read_tiers(portfolio, tier_rules=wl.team_tier_rules(portfolio))
    assert source == "segments" and set(tiers["tier"]) == {"PRIVATE"}
    # PRIVATE has a 30-day cadence: customers not contacted for a month are now due.
    frame = load_worklist(portfolio, today=DEMO_AS_OF).frame.set_index("customer_id")
    listed = [c for c in ids if c in frame.index]
    assert listed and all(frame.loc[c, "tier_weight"] == 2.0 for c in listed)
