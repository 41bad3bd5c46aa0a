"""Loan prospects where the RM meets the customer (issue 21), on the demo portfolio: the
recommendation panel's data says why a top prospect is one, in words and numbers, only while
the ranking is current; and a family's prospects export as a masked, audited target list."""

from __future__ import annotations

import csv
from pathlib import Path

from relmgr.domain.codes import AuditAction
from relmgr.domain.loans import LoanRules
from relmgr.services import loan_reasons, loans
from relmgr.services.audit import list_audit
from relmgr.services.export import LIST_NAMES, export_named_list
from relmgr.services.recommendation_views import load_panel
from relmgr.services.wording.loans import prospect_line_sentence
from relmgr.storage import open_portfolio
from tests.conftest import DEMO_PASSWORD_FOR_TESTS


def test_the_panel_names_a_top_prospects_family_rank_likelihood_and_reasons(writable_demo_portfolio: Path) -> None:
    loan_reasons.forget()
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as p:
        ranked = loans.load_prospects(p)
        family, frame = next((f, fr) for f, fr in ranked.by_family.items() if len(fr))
        top = str(frame["customer_id"].iat[0])
        lines = load_panel(p, top).loan_prospects
        assert family in {line.family for line in lines}
        line = next(line for line in lines if line.family == family)
        assert line.rank == 1 and line.of == len(frame) and 0 < line.probability < 1 and line.reasons
        english = prospect_line_sentence(line, language="en")
        assert english.startswith("Loan prospect: no. 1 of the") and f"{line.probability * 100:.1f}%" in english
        assert any(ch.isdigit() for ch in english.split("—")[1])          # the reasons carry numbers
        assert "贷款潜在客户" in prospect_line_sentence(line, language="zh_CN")
        # Someone who is no prospect of any family gets no loan line.
        everyone = {str(c) for fr in ranked.by_family.values() for c in fr["customer_id"]}
        other = next(r[0] for r in p.query("SELECT customer_id FROM customers ORDER BY customer_id")
                     if r[0] not in everyone)
        assert load_panel(p, other).loan_prospects == []
        # A changed rule makes the remembered ranking stale: the panel says nothing about loans
        # rather than reasons the rules no longer give.
        loans.set_loan_rules(p, LoanRules(min_income=9_000.0))
        assert load_panel(p, top).loan_prospects == []


def test_a_familys_prospects_export_masked_and_audited(writable_demo_portfolio: Path, tmp_path: Path) -> None:
    assert {"loan-mortgage", "loan-consumer", "loan-business", "loan-credit_card"} <= set(LIST_NAMES)
    loan_reasons.forget()
    out = tmp_path / "prospects.csv"
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as p:
        ranked = loans.load_prospects(p)
        family, frame = next((f, fr) for f, fr in ranked.by_family.items() if len(fr))
        names = dict(p.query("SELECT customer_id, name FROM customers"))
        result = export_named_list(p, list_name=f"loan-{family.lower()}", path=out, language="en")
        rows = list_audit(p, action=AuditAction.EXPORTED)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert result.rows == len(frame) == len(table) - 1
    header = table[0]
    assert "Likelihood (3 months)" in header and "Reasons" in header
    first = dict(zip(header, table[1], strict=True))
    customer = str(frame["customer_id"].iat[0])
    assert customer in table[1] and names[customer] not in table[1]          # masked by default
    assert first["Likelihood (3 months)"] == f"{frame['probability'].iat[0] * 100:.1f}%"
    assert len(rows) == 1 and f"loan-{family.lower()}" in rows["detail"].iat[0]
