"""Segments service: refresh on a real encrypted portfolio, storage round trip, team rules,
cancel, the CLI report; and the demo portfolio (all 8 RFM segments, all 5 stages, flows)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest

from relmgr.analytics.activity import month_range
from relmgr.domain.progress import Cancelled
from relmgr.domain.segments import RfmSegment, Stage
from relmgr.services.segments import (
    compute_segments,
    load_segments,
    refresh_segments,
    segments_report,
)
from relmgr.storage import create_portfolio, open_portfolio
from relmgr.storage.rules import delete_rule, get_rule, set_rule
from tests.analytics.segment_frames import Book

AS_OF = dt.date(2026, 6, 30)
PASSWORD = "segments-test"


def _book() -> Book:
    book = Book()
    months = month_range("2025-01", "2026-06")
    for i in range(12):
        cid = f"C{i:03d}"
        opened = "2020-01-15" if i < 10 else "2026-06-10"
        book.customer(cid, opened_on=opened, birth_date=f"{1950 + 4 * i}-03-01")
        book.holding(cid, opened_on=opened)
        for month in months:
            if month >= opened[:7]:
                aum = 7_000_000 if i == 0 else 20_000 * (i + 1) ** 2
                book.balance(cid, month, aum, logins=i)
        if i < 10:
            book.txns_every(cid, first="2025-01-03", last="2026-06-25", days=3 + i * 4,
                            channel="MOBILE" if i % 2 else "BRANCH")
    # C000 is wealthy (PRIVATE); C001 was last called in January.
    book.contact("C001", "2026-01-31")
    return book


def _fill(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Complete the schema's required columns with harmless values."""
    customers = frames["customers"].assign(
        name="测试", id_number=[f"ID{i:016d}" for i in range(len(frames["customers"]))],
        phone="13800000000", gender="F", risk_rating="C3")
    products = pd.DataFrame([{"product_id": "P-CUR", "name_zh": "活期", "name_en": "Current",
                              "family": "CURRENT", "risk_level": "R1"}])
    return {"customers": customers, "products": products, "holdings": frames["holdings"],
            "monthly_balances": frames["monthly_balances"], "transactions": frames["transactions"],
            "interactions": frames["interactions"]}


@pytest.fixture
def portfolio_path(tmp_path: Path) -> Path:
    path = tmp_path / "segments.rmdb"
    with create_portfolio(path, PASSWORD) as portfolio, portfolio.transaction():
        for table, frame in _fill(_book().frames()).items():
            portfolio.insert_frame(table, frame)
        portfolio.set_meta("as_of", AS_OF.isoformat())
    return path


def test_refresh_stores_results_and_load_reads_them_back(portfolio_path: Path) -> None:
    with open_portfolio(portfolio_path, PASSWORD) as portfolio:
        seen: list[float] = []
        result = refresh_segments(portfolio, progress=lambda f, s="": seen.append(f))
        loaded = load_segments(portfolio)
    assert seen[-1] == 1.0 and seen == sorted(seen)
    assert loaded is not None and loaded.as_of == AS_OF
    assert len(loaded.customers) == 12
    fresh = loaded.customers.set_index("customer_id")
    assert fresh.loc["C000", "tier"] == "PRIVATE"
    assert fresh.loc["C010", "stage"] == "ACQUISITION"
    assert fresh.loc["C010", "stage_detail"] == {"tenure_days": 20}
    # PRIVATE cadence 30 days: C000 never called since opening -> overdue.
    assert fresh.loc["C000", "contact_status"] == "OVERDUE"
    assert set(fresh["rfm_code"]) <= {a + b + c for a in "HL" for b in "HL" for c in "HL"}
    assert fresh["cluster"].notna().all()
    # What was stored is what was computed.
    computed = result.customers.set_index("customer_id")
    for column in ("tier", "rfm_segment", "stage", "stage_since", "stage_reason", "cluster"):
        assert computed[column].astype(str).tolist() == fresh[column].astype(str).tolist()
    assert loaded.stage_flow["count"].sum() == result.stage_flow["count"].sum()
    assert len(loaded.tier_history) == len(result.tier_history) > 0
    assert len(loaded.cluster_profiles) == result.cluster_k


def test_team_rule_overrides_change_the_result(portfolio_path: Path) -> None:
    with open_portfolio(portfolio_path, PASSWORD) as portfolio:
        with portfolio.transaction():
            set_rule(portfolio, "segments.tiers", {"private_min_aum": 8_000_000})
        assert get_rule(portfolio, "segments.tiers") == {"private_min_aum": 8_000_000}
        refresh_segments(portfolio)
        tiers = load_segments(portfolio).customers.set_index("customer_id")["tier"]
        assert tiers["C000"] == "WEALTH"
        with portfolio.transaction():
            delete_rule(portfolio, "segments.tiers")
        refresh_segments(portfolio)
        assert load_segments(portfolio).customers.set_index("customer_id").loc["C000", "tier"] == "PRIVATE"
        with portfolio.transaction():
            set_rule(portfolio, "segments.lifecycle", {"dormant_days": "soon"})
        with pytest.raises(ValueError, match="dormant_days must be a number"):
            refresh_segments(portfolio)


def test_cancel_keeps_the_previous_results(portfolio_path: Path) -> None:
    with open_portfolio(portfolio_path, PASSWORD) as portfolio:
        first = refresh_segments(portfolio)
        calls = {"n": 0}

        def cancel_during_write() -> bool:
            calls["n"] += 1
            return calls["n"] > 8   # well into the refresh

        with pytest.raises(Cancelled):
            refresh_segments(portfolio, cancel=cancel_during_write)
        stored = load_segments(portfolio)
        runs = portfolio.query("SELECT COUNT(*) FROM segment_runs")[0][0]
    assert runs == 1
    assert stored.computed_at == first.computed_at
    assert len(stored.customers) == 12


def test_report_is_json_with_totals(portfolio_path: Path) -> None:
    with open_portfolio(portfolio_path, PASSWORD) as portfolio:
        report = segments_report(portfolio)   # nothing stored yet: computes first
    text = json.dumps(report, ensure_ascii=False)
    assert json.loads(text)["customers"] == 12
    assert sum(report["totals"]["tier"].values()) == 12
    assert sum(report["totals"]["stage"].values()) == 12
    assert set(report["totals"]["rfm_segment"]) == {s.value for s in RfmSegment}
    first = report["per_customer"][0]
    assert {"customer_id", "tier", "rfm_segment", "cluster", "stage", "stage_reason",
            "stage_detail"} <= set(first)


# -- demo portfolio ------------------------------------------------------------------------------
DEMO_AS_OF = dt.date(2026, 6, 30)


@pytest.fixture(scope="module")
def demo_segments():
    demo = pytest.importorskip("relmgr.services.demo")
    frames = demo.generate_demo_frames(customers=1_000, seed=7, as_of=DEMO_AS_OF)
    return compute_segments(frames, as_of=DEMO_AS_OF)


def test_demo_populates_all_eight_rfm_segments(demo_segments) -> None:
    counts = demo_segments.customers["rfm_segment"].value_counts()
    missing = [s.value for s in RfmSegment if counts.get(s.value, 0) == 0]
    assert not missing, f"RFM segments without customers in the demo: {missing}"


def test_demo_populates_all_five_stages(demo_segments) -> None:
    counts = demo_segments.customers["stage"].value_counts()
    missing = [s.value for s in Stage if counts.get(s.value, 0) == 0]
    assert not missing, f"lifecycle stages without customers in the demo: {missing}"


def test_demo_stage_flow_is_conserved(demo_segments) -> None:
    flow = demo_segments.stage_flow
    into = flow.groupby("month")["count"].sum()
    out_of = flow[flow["from_stage"] != "NEW"].groupby("month")["count"].sum()
    months = list(into.index)
    assert len(months) >= 12
    for previous, month in zip(months, months[1:]):
        assert out_of.get(month, 0) == into[previous]
    assert into.iloc[-1] == len(demo_segments.customers)
    # The stage each customer ends in is the flow's last destination.
    last = flow[flow["month"] == months[-1]].groupby("to_stage")["count"].sum()
    assert last.to_dict() == demo_segments.customers["stage"].value_counts().to_dict()


def test_cli_segments_json(portfolio_path: Path, monkeypatch: pytest.MonkeyPatch,
                           capsys: pytest.CaptureFixture[str]) -> None:
    from relmgr.cli import main

    monkeypatch.setenv("RELMGR_PASSWORD", PASSWORD)
    assert main(["segments", str(portfolio_path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["as_of"] == AS_OF.isoformat()
    assert {row["customer_id"] for row in report["per_customer"]} == {f"C{i:03d}" for i in range(12)}
    monkeypatch.setenv("RELMGR_PASSWORD", "wrong")
    assert main(["segments", str(portfolio_path), "--json"]) == 3
