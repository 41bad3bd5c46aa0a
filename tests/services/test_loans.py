"""Loan customers (issue 21) on the seeded demo portfolio: loans in, the repayment watch and its
handling (audited), prospects only among eligible customers, the honest evaluation, the loan
book, the mapping of common Chinese headers, and a portfolio without loan fields."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from relmgr.analytics.activity import day_number
from relmgr.domain.loans import LoanRules, exclusions
from relmgr.services import loans
from relmgr.services.changes import Topic, changes_of
from relmgr.services.mapping.sniff import Dialect, RawFile
from relmgr.services.mapping.suggest import suggest
from relmgr.storage import create_portfolio, open_portfolio
from tests.conftest import DEMO_AS_OF, DEMO_PASSWORD_FOR_TESTS

REPO = Path(__file__).resolve().parents[2]


def test_the_demo_has_loans_with_arrears_recoveries_and_defaults(demo_portfolio_file: Path) -> None:
    with open_portfolio(demo_portfolio_file, DEMO_PASSWORD_FOR_TESTS) as p:
        counts = dict(p.query("SELECT status, COUNT(*) FROM loans GROUP BY status"))
        families = {r[0] for r in p.query("SELECT DISTINCT family FROM loans")}
        unpaid = p.query("SELECT COUNT(*) FROM loan_repayments WHERE paid_on IS NULL")[0][0]
        late = p.query("SELECT COUNT(*) FROM loan_repayments WHERE paid_on > due_on")[0][0]
        profiles = p.query("SELECT COUNT(*), COUNT(monthly_income), COUNT(credit_score) FROM credit_profiles")[0]
        customers = p.query("SELECT COUNT(*) FROM customers")[0][0]
    assert families == {"MORTGAGE", "CONSUMER", "BUSINESS", "CREDIT_CARD"}
    assert counts["CURRENT"] > 100 and counts.get("IN_ARREARS", 0) + counts.get("DEFAULTED", 0) >= 1
    assert unpaid >= 1 and late >= 10
    # Optional fields are optional in the demo too: not everyone declared an income or has a score.
    assert 0 < profiles[1] < customers and 0 < profiles[2] < customers


def test_demo_repayment_transactions_follow_the_schedule(demo_portfolio_file: Path) -> None:
    """A loan in arrears misses its repayments: the LOAN_REPAYMENT transactions are exactly the
    paid instalments of the schedule (cards' statements are not booked as transactions), on the
    day paid, for the amount paid; none for an instalment still unpaid."""
    with open_portfolio(demo_portfolio_file, DEMO_PASSWORD_FOR_TESTS) as p:
        booked = Counter(p.query("SELECT holding_id, substr(txn_date, 1, 10), round(amount, 2) FROM transactions "
                                 "WHERE kind = 'LOAN_REPAYMENT'"))
        paid = Counter(p.query("SELECT r.loan_id, r.paid_on, round(r.amount_paid, 2) FROM loan_repayments r "
                               "JOIN loans l USING (loan_id) "
                               "WHERE l.family != 'CREDIT_CARD' AND r.paid_on IS NOT NULL"))
        unpaid = p.query("SELECT r.loan_id, r.due_on FROM loan_repayments r JOIN loans l USING (loan_id) "
                         "WHERE l.family != 'CREDIT_CARD' AND r.paid_on IS NULL")
        after_unpaid = p.query(
            "SELECT COUNT(*) FROM transactions t JOIN loans l ON l.loan_id = t.holding_id "
            "WHERE t.kind = 'LOAN_REPAYMENT' AND l.days_past_due > 0 AND l.family != 'CREDIT_CARD' "
            "AND t.txn_date > date(?, '-' || l.days_past_due || ' days')", (DEMO_AS_OF.isoformat(),))[0][0]
    assert unpaid, "the demo has instalments in arrears"
    assert booked == paid
    assert after_unpaid == 0          # nothing repaid since the oldest instalment still unpaid


def test_watch_lines_have_reasons_and_handling_is_recorded_and_audited(writable_demo_portfolio: Path) -> None:
    assert changes_of(loans.handle_watch_line).touches({Topic.LOANS})
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as p:
        watch = loans.load_watch(p)
        assert watch.today == DEMO_AS_OF and len(watch.lines) >= 1 and watch.missing == []
        dpd = dict(p.query("SELECT loan_id, days_past_due FROM loans"))
        arrears = watch.lines[watch.lines["reason"] == "ARREARS"]
        assert all(dpd[lid] > 0 for lid in arrears["loan_id"])
        line = watch.lines.iloc[0]
        assert loans.handle_watch_line(p, loan_id=line["loan_id"], reason=line["reason"]) is True
        assert loans.handle_watch_line(p, loan_id=line["loan_id"], reason=line["reason"]) is False
        again = loans.load_watch(p)
        handled = again.lines[again.lines["loan_id"] == line["loan_id"]]
        assert handled[handled["reason"] == line["reason"]]["handled"].all()
        assert len(again.open_lines) == len(watch.lines) - 1
        audit = p.query("SELECT target, detail FROM audit_log WHERE action = 'LOAN_WATCH_HANDLED'")
        assert [a[0] for a in audit] == [line["loan_id"]]
        with pytest.raises(ValueError):
            loans.handle_watch_line(p, loan_id="NO-SUCH-LOAN", reason="ARREARS")


def test_prospects_are_always_eligible_and_carry_reasons(demo_portfolio_file: Path) -> None:
    with open_portfolio(demo_portfolio_file, DEMO_PASSWORD_FOR_TESTS) as p:
        result = loans.load_prospects(p, limit=1000)
        world = loans._world(p, today=result.today, months_back=12,
                             earliest_cutoff=day_number(result.today) - 365)
        facts = loans._facts(p, world, today=result.today).set_index("customer_id")
    assert any(len(f) for f in result.by_family.values())
    for family, frame in result.by_family.items():
        if not len(frame):
            continue
        chosen = facts.loc[list(frame["customer_id"])].reset_index()
        assert pd.isna(exclusions(chosen, family, LoanRules())).all(), family
        assert frame["probability"].is_monotonic_decreasing
        assert all(isinstance(r, list) for r in frame["reasons"])
        assert sum(result.excluded[family].values()) > 0


def test_team_rules_change_who_is_eligible(writable_demo_portfolio: Path) -> None:
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as p:
        loans.set_loan_rules(p, LoanRules(min_income=10**9))
        result = loans.load_prospects(p)
        assert loans.loan_rules(p).min_income == 10**9
    assert all(len(f) == 0 for f in result.by_family.values())


def test_evaluation_is_point_in_time_with_intervals(demo_portfolio_file: Path) -> None:
    with open_portfolio(demo_portfolio_file, DEMO_PASSWORD_FOR_TESTS) as p:
        report = loans.evaluate_prospects(p, rounds=30)
    assert report["test_cutoff"] == "2026-04-01"          # as_of - 90 days: the last closed window
    for family, entry in report["families"].items():
        assert entry["test_customers"] > 0, family
        if "metrics" in entry:
            assert set(entry["metrics"]) == {"model", "rule", "popularity"}
            # 300 customers: too few openings to rely on, and the report says so.
            assert "warning" in entry


def test_loan_book_adds_up(demo_portfolio_file: Path) -> None:
    with open_portfolio(demo_portfolio_file, DEMO_PASSWORD_FOR_TESTS) as p:
        book = loans.loan_book(p)
        total = p.query("SELECT SUM(outstanding) FROM loans WHERE status != 'REPAID' AND closed_on IS NULL")[0][0]
    assert book["outstanding"] == pytest.approx(total, abs=0.05)
    assert sum(book["by_family"].values()) == pytest.approx(total, abs=0.05)
    assert sum(book["by_classification"].values()) == pytest.approx(total, abs=0.05)


def test_a_portfolio_without_loans_says_what_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "empty.rmdb"
    with create_portfolio(path, "pw") as p:
        p.set_meta("as_of", "2026-06-30")
        watch = loans.load_watch(p)
        prospects = loans.load_prospects(p)
        book = loans.loan_book(p)
    assert watch.lines.empty and watch.missing == [loans.Missing.NO_LOANS]
    assert prospects.missing["*"] == [loans.Missing.NO_LOANS]
    assert book["live_loans"] == 0 and book["missing"] == [loans.Missing.NO_LOANS]


def test_common_chinese_headers_map_to_the_loan_fields() -> None:
    dialect = Dialect(encoding="utf-8", separator=",", header_row=1)
    loan_file = RawFile("贷款台账.csv", dialect, ["借据号", "客户号", "贷款品种", "放款日期", "贷款余额", "逾期天数",
                                               "五级分类", "下次还款日"])
    credit_file = RawFile("征信.csv", dialect, ["客户号", "月收入", "信用评分", "评分日期"])
    result = suggest([loan_file, credit_file])
    tables = {f.file: f.table for f in result.files}
    assert tables == {"贷款台账.csv": "loans", "征信.csv": "credit_profiles"}
    columns = {f.table: f.mapping.columns for f in result.files}
    assert columns["loans"]["outstanding"] == "贷款余额" and columns["loans"]["days_past_due"] == "逾期天数"
    assert columns["loans"]["classification"] == "五级分类"
    assert columns["credit_profiles"]["monthly_income"] == "月收入"


def test_cli_loans_json_is_masked_and_worded(demo_portfolio_file: Path) -> None:
    env = dict(os.environ, RELMGR_PASSWORD=DEMO_PASSWORD_FOR_TESTS)
    out = subprocess.run([sys.executable, "-m", "relmgr", "loans", str(demo_portfolio_file), "--json"],
                         cwd=REPO, env=env, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert out.returncode == 0, out.stderr
    payload = json.loads(out.stdout)
    assert set(payload["prospects"]) == {"MORTGAGE", "CONSUMER", "BUSINESS", "CREDIT_CARD"}
    with open_portfolio(demo_portfolio_file, DEMO_PASSWORD_FOR_TESTS) as p:
        names = {r[0] for r in p.query("SELECT name FROM customers")}
    lines = payload["watch"] + [l for f in payload["prospects"].values() for l in f["lines"]]
    assert lines and all(l["name"] not in names for l in lines)
    assert all(l["reason"]["en"] and l["reason"]["zh_CN"] for l in payload["watch"])


def _recount(p, month: str) -> tuple[int, dict[str, tuple[int, float]]]:
    """The live loans and the arrears by bucket at the end of `month`, counted one loan at a
    time from the loans and the repayment schedule on file (the demo's schedule is its truth):
    days past due since the oldest instalment due by then and unpaid then; outstanding then is
    what is owed now plus what was repaid since, at most what was lent (a card's: its balance)."""
    import calendar
    import datetime as dt

    year, mon = map(int, month.split("-"))
    end = dt.date(year, mon, calendar.monthrange(year, mon)[1]).isoformat()
    schedule: dict[str, list[tuple[str, str | None, float]]] = {}
    for loan_id, due_on, paid_on, amount_paid in p.query(
            "SELECT loan_id, due_on, paid_on, amount_paid FROM loan_repayments"):
        schedule.setdefault(loan_id, []).append((due_on, paid_on, amount_paid))
    live, buckets = 0, {}
    for loan_id, family, opened_on, closed_on, outstanding, principal in p.query(
            "SELECT loan_id, family, opened_on, closed_on, outstanding, principal FROM loans"):
        if opened_on > end or (closed_on is not None and closed_on <= end):
            continue
        live += 1
        unpaid = [d for d, paid, _ in schedule.get(loan_id, []) if d <= end and (paid is None or paid > end)]
        if not unpaid:
            continue
        days = (dt.date.fromisoformat(end) - dt.date.fromisoformat(min(unpaid))).days
        if days <= 0:
            continue
        key = "1-30" if days <= 30 else "31-60" if days <= 60 else "61-90" if days <= 90 else "90+"
        since = sum(a for _, paid, a in schedule.get(loan_id, []) if paid is not None and paid > end)
        then = outstanding if family == "CREDIT_CARD" else min(outstanding + since, principal)
        count, total = buckets.get(key, (0, 0.0))
        buckets[key] = (count + 1, total + then)
    return live, buckets


def test_arrears_trend_by_month_equals_a_recount_from_the_demo(demo_portfolio_file: Path) -> None:
    """Past months from the snapshots the demo seeded as monthly imports would have kept; the
    data date's month from the loans on file: each equals a plain recount, and the trend moves."""
    with open_portfolio(demo_portfolio_file, DEMO_PASSWORD_FOR_TESTS) as p:
        trend = loans.loan_book(p)["arrears_trend"]
        assert [m["month"] for m in trend] == sorted(m["month"] for m in trend)
        assert len(trend) == 13 and trend[-1]["month"] == DEMO_AS_OF.isoformat()[:7]
        for entry in trend[:-1]:
            live, counted = _recount(p, entry["month"])
            assert entry["live_loans"] == live, entry["month"]
            for key, figures in entry["buckets"].items():
                count, total = counted.get(key, (0, 0.0))
                assert figures["count"] == count, (entry["month"], key)
                assert figures["outstanding"] == pytest.approx(total, abs=0.05), (entry["month"], key)
        now = trend[-1]["buckets"]
        rows = p.query("SELECT days_past_due, outstanding FROM loans WHERE status != 'REPAID' "
                       "AND (closed_on IS NULL OR closed_on > ?) AND days_past_due > 0", (DEMO_AS_OF.isoformat(),))
        keys = ["1-30" if d <= 30 else "31-60" if d <= 60 else "61-90" if d <= 90 else "90+" for d, _ in rows]
        assert {k: now[k]["count"] for k in now} == {k: keys.count(k) for k in now}
        assert sum(b["outstanding"] for b in now.values()) == pytest.approx(sum(o for _, o in rows), abs=0.05)
    totals = [sum(b["count"] for b in m["buckets"].values()) for m in trend]
    assert len(set(totals)) > 1 and totals[-1] > 0            # a trend, not a flat line


def test_an_import_with_loans_keeps_the_months_arrears_in_its_transaction(tmp_path: Path) -> None:
    """The first import of a month is its snapshot; the next month's import keeps the earlier
    one as history; an import refused whole writes none."""
    import datetime as dt

    from relmgr.services.demo import generate_demo_frames
    from relmgr.services.importer import ImportRejected, import_folder
    from relmgr.services.loan_months import arrears_trend

    frames = generate_demo_frames(customers=150, seed=11, as_of=dt.date(2026, 5, 31))
    folder = tmp_path / "may"
    folder.mkdir()
    for table, frame in frames.items():
        frame.to_csv(folder / f"{table}.csv", index=False)
    with create_portfolio(tmp_path / "p.rmdb", "pw") as p:
        import_folder(p, folder)
        assert p.query("SELECT month, as_of FROM loan_arrears_snapshots") == [("2026-05", "2026-05-31")]
        may = arrears_trend(p, today=dt.date(2026, 5, 31))
        assert len(may) == 1
        (stored,), = p.query("SELECT COUNT(*) FROM loan_arrears_months WHERE month = '2026-05'")
        assert stored == sum(b["count"] for b in may[0]["buckets"].values())
        # A refused import (a loan of an unknown customer) leaves no snapshot of its month.
        bad = tmp_path / "bad"
        bad.mkdir()
        broken = frames["loans"].head(3).assign(customer_id="NO-SUCH", days_past_due=12)
        broken.to_csv(bad / "loans.csv", index=False)
        frames["transactions"].tail(1).assign(txn_id=10**9, txn_date="2026-06-02").to_csv(
            bad / "transactions.csv", index=False)
        with pytest.raises(ImportRejected):
            import_folder(p, bad)
        assert p.query("SELECT month FROM loan_arrears_snapshots") == [("2026-05",)]
        # June's export: May stays as history beside June read from the loans.
        june = tmp_path / "june"
        june.mkdir()
        frames["loans"].assign(days_past_due=45).to_csv(june / "loans.csv", index=False)
        frames["transactions"].tail(1).assign(txn_id=10**9, txn_date="2026-06-30").to_csv(
            june / "transactions.csv", index=False)
        import_folder(p, june)
        trend = arrears_trend(p, today=dt.date(2026, 6, 30))
    assert [m["month"] for m in trend] == ["2026-05", "2026-06"]
    assert trend[0] == may[0]
    assert trend[1]["buckets"]["31-60"]["count"] == trend[1]["live_loans"] > 0
