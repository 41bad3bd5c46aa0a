"""The summary that leaves for head office, on the seeded demo portfolio: aggregates only (no
customer's name, ID number, phone, birth date, customer or holding number anywhere in the signed
payload), every published count 0 or >= k, totals consistent with the portfolio, the team rule k
honoured, and signing / outbox / export audited."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from relmgr.domain.codes import AuditAction
from relmgr.services import churn
from relmgr.services.audit import list_audit
from relmgr.services.sync import branch, outbox, signing
from relmgr.services.sync.summary import TOTAL, build_summary
from relmgr.storage import open_portfolio
from relmgr.storage.rules import set_rule
from tests.conftest import DEMO_AS_OF, DEMO_PASSWORD_FOR_TESTS


@pytest.fixture(scope="module")
def scored_portfolio(demo_portfolio_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo with churn scored and a branch id: what a branch has before it syncs."""
    path = tmp_path_factory.mktemp("sync") / "branch.rmdb"
    shutil.copy(demo_portfolio_file, path)
    with open_portfolio(path, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        churn.score_churn(portfolio)
        branch.set_branch_id(portfolio, "BR-EAST")
    return path


@pytest.fixture(scope="module")
def signed(scored_portfolio: Path) -> dict:
    with open_portfolio(scored_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        return outbox.envelope(portfolio, build_summary(portfolio, k=branch.k_of(portfolio)))


def test_no_personal_value_of_any_customer_is_in_the_payload(scored_portfolio: Path, signed: dict) -> None:
    text = signing.canonical(signed).decode("utf-8")
    with open_portfolio(scored_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        people = portfolio.query("SELECT customer_id, name, id_number, phone, birth_date FROM customers")
        holdings = [row[0] for row in portfolio.query("SELECT holding_id FROM holdings")]
    assert len(people) == 300 and holdings
    values = {value for row in people for value in row if value} | set(holdings)
    hits = sorted(value for value in values if value in text)
    assert hits == []


def test_every_published_count_is_zero_or_at_least_k_and_suppressed_cells_carry_no_figures(signed: dict) -> None:
    payload = signed["payload"]
    assert payload["k"] == 10 and payload["branch_id"] == "BR-EAST" and payload["sequence"] >= 1
    assert payload["period"]["to"] == DEMO_AS_OF.isoformat()
    cells = [cell for table in payload["tables"] for cell in table["cells"]]
    published = [cell["customers"] for cell in cells if not cell["suppressed"]]
    assert published and all(n == 0 or n >= 10 for n in published)
    hidden = [cell for cell in cells if cell["suppressed"]]
    assert hidden, "the demo has small cells (one PRIVATE customer): some must be suppressed"
    assert all(cell["customers"] is None and cell.get("aum") is None for cell in hidden)
    assert all(cell.get("aum") is None or cell["aum"] % 100_000 == 0 for cell in cells)


def test_grand_totals_count_every_customer(signed: dict) -> None:
    for table in signed["payload"]["tables"]:
        grand = [c for c in table["cells"] if c["column"] == TOTAL and c["row"] in (TOTAL, "ALL")]
        assert grand[-1]["customers"] == 300, table["table"]
    names = {t["table"] for t in signed["payload"]["tables"]}
    assert {"customers_by_tier_and_stage", "customers_by_segment", "contacts_due_by_tier",
            "recommendation_answers", "churn_band_by_handling"} <= names


def test_model_quality_is_withheld_when_few_customers_churned(signed: dict) -> None:
    # The demo's churn model is trained on 3 churners: metrics over 3 people describe them.
    quality = signed["payload"]["model_quality"]
    assert quality["published"] is False and "fewer than 10" in quality["reason"]


def test_a_larger_k_from_the_team_rules_suppresses_more(scored_portfolio: Path, tmp_path: Path) -> None:
    copy = tmp_path / "k.rmdb"
    shutil.copy(scored_portfolio, copy)
    with open_portfolio(copy, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        with portfolio.transaction():
            set_rule(portfolio, branch.RULE_K, 40)
        summary = build_summary(portfolio, k=branch.k_of(portfolio))
    cells = [c for t in summary.body()["tables"] for c in t["cells"] if not c["suppressed"]]
    assert all(c["customers"] == 0 or c["customers"] >= 40 for c in cells)


def test_signature_breaks_when_one_figure_changes(scored_portfolio: Path, signed: dict) -> None:
    with open_portfolio(scored_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        key = branch.public_key(portfolio)
    assert signing.verify(signed, key) == signed["payload"]
    tampered = json.loads(json.dumps(signed))
    cell = next(c for c in tampered["payload"]["tables"][0]["cells"] if c["customers"])
    cell["customers"] += 1
    with pytest.raises(signing.BadSignature, match="does not match"):
        signing.verify(tampered, key)
    with pytest.raises(signing.BadSignature):
        signing.verify(signed, signing.public_key(signing.new_key()))


def test_sequence_numbers_rise_and_export_is_audited(scored_portfolio: Path, tmp_path: Path) -> None:
    copy = tmp_path / "seq.rmdb"
    shutil.copy(scored_portfolio, copy)
    with open_portfolio(copy, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        summary = build_summary(portfolio, k=10)
        first, second = outbox.envelope(portfolio, summary), outbox.envelope(portfolio, summary)
        assert second["payload"]["sequence"] == first["payload"]["sequence"] + 1
        assert first["payload"]["summary_id"] != second["payload"]["summary_id"]
        written = outbox.export(portfolio, first, tmp_path / "carry.json")
        queued = outbox.queue(portfolio, second)
        rows = list_audit(portfolio, action=AuditAction.SYNCED)
        assert [i.summary_id for i in outbox.items(portfolio)] == [queued.summary_id]
    assert json.loads(written.read_bytes()) == first
    assert list(rows["target"]) == [first["payload"]["summary_id"]]
    assert not list(tmp_path.glob(".*.part"))


def test_no_branch_id_says_how_to_set_it(demo_portfolio_file: Path, tmp_path: Path) -> None:
    copy = tmp_path / "nobranch.rmdb"
    shutil.copy(demo_portfolio_file, copy)
    with open_portfolio(copy, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        if portfolio.get_meta("branch"):
            pytest.skip("the demo sets meta 'branch'")
        with pytest.raises(branch.NotSetUp, match="relmgr sync setup"):
            branch.branch_id(portfolio)
