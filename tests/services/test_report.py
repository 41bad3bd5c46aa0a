"""The monthly review report (issue 18) on the seeded demo: its figures are the command line's,
it holds no full name, ID number or phone of any customer, every chart is titled and labelled in
the report's language, branch and RM are on every page, and every report is audited."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from relmgr.domain.codes import AuditAction
from relmgr.domain.progress import Cancelled
from relmgr.services.audit import detail_of, list_audit
from relmgr.services.files import WriteFailed
from relmgr.services.report import export_report, load_report
from relmgr.services.report.charts import CHARTS, report_style
from relmgr.services.report.pdf import build_pages
from relmgr.services.wording import CHINESE, ENGLISH, say
from relmgr.services.wording.dashboard import FIGURES
from relmgr.storage import open_portfolio
from tests.conftest import DEMO_PASSWORD_FOR_TESTS
from tests.services.dashboard_fixtures import scored_copy, scored_demo_file  # noqa: F401
from tests.test_cli import run

BRANCH, RM = "城东支行", "王经理"
CJK = re.compile(r"[\u4e00-\u9fff]")


def _json(value):
    return json.loads(json.dumps(value, default=str))


def figure_texts(figure) -> list[str]:
    """Every text a page draws: its own, and each chart's title, labels, ticks, notes, legend."""
    texts = [t.get_text() for t in figure.texts]
    for axes in figure.axes:
        texts += [axes.get_title(loc="left"), axes.get_xlabel(), axes.get_ylabel()]
        texts += [t.get_text() for t in [*axes.texts, *axes.get_xticklabels()]]
        if axes.get_legend():
            texts += [t.get_text() for t in axes.get_legend().get_texts()]
    return texts


def _people(portfolio) -> tuple[list[str], list[str], list[str]]:
    rows = portfolio.query("SELECT name, id_number, phone FROM customers")
    return ([r[0] for r in rows if r[0]], [r[1] for r in rows if r[1]], [r[2] for r in rows if r[2]])


def assert_no_personal_data(text: str, people: tuple[list[str], list[str], list[str]]) -> None:
    names, ids, phones = people
    assert not [n for n in names if n in text], "a full name is in the report"
    assert not [i for i in ids if i in text or i[-8:] in text], "an ID number is in the report"
    assert not [p for p in phones if p in text], "a phone number is in the report"


def test_the_reports_figures_are_the_command_lines(scored_copy, tmp_path: Path) -> None:
    kpis = run("kpis", str(scored_copy), "--json", password=DEMO_PASSWORD_FOR_TESTS)
    dash = run("dashboard", str(scored_copy), "--json", password=DEMO_PASSWORD_FOR_TESTS)
    assert kpis.returncode == 0 and dash.returncode == 0, kpis.stderr + dash.stderr
    kpis, dash = json.loads(kpis.stdout), json.loads(dash.stdout)
    with open_portfolio(scored_copy, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        data = load_report(portfolio)
    assert _json(data.dashboard.to_json()) == dash
    assert [_json(k.to_json()) for k in data.kpis] == kpis["kpis"]

    # And the workbook the command writes holds those very numbers.
    out = tmp_path / "review.xlsx"
    written = run("report", str(scored_copy), "--out", str(out), "--language", "en", "--branch", BRANCH,
                  "--rm", RM, password=DEMO_PASSWORD_FOR_TESTS)
    assert written.returncode == 0, written.stderr
    assert "2026-06" in written.stdout and "masked" in written.stdout
    book = load_workbook(out, read_only=True)
    glance = list(book[book.sheetnames[0]].iter_rows(values_only=True))
    total = next(row for row in glance if row[0] == "Total AUM")
    assert total[2] == pytest.approx(dash["figures"]["total_aum"]["value"], abs=0.005)
    # The loans past due per bucket and the early warnings, cell for cell.
    loans = dash["figures"]["loans"]["value"]
    cells = {row[1]: row[2] for row in glance if row[0] == "Loans past due and early warnings"}
    assert cells["Loans past due"] == loans["past_due"] > 0
    assert cells["Loans past due · outstanding"] == pytest.approx(loans["outstanding"], abs=0.005)
    assert cells["Over 90 days past due · loans"] == loans["buckets"][3]["loans"]
    assert [cells[k] for k in cells if k.endswith("days past due · outstanding") and k != "Loans past due · outstanding"] == pytest.approx(
        [b["outstanding"] for b in loans["buckets"]], abs=0.005)
    assert cells["Early warnings"] == loans["early_warnings"]
    assert [cells[f"Loans past due at the end of {m['month']}"] for m in loans["trend"]] == \
        [m["past_due"] for m in loans["trend"]] and len(loans["trend"]) == 6
    nets = [row[3] for row in list(book[book.sheetnames[1]].iter_rows(values_only=True))[1:]]
    assert nets == [m["net"] for m in dash["figures"]["net_inflow"]["value"]]
    kpi_rows = list(book["KPIs against targets"].iter_rows(values_only=True))[1:]
    assert [(r[1], r[2], r[4], r[5]) for r in kpi_rows] == [
        (k["target"], k["actual"], k["numerator"], k["denominator"]) for k in kpis["kpis"]]
    info = dict(list(book[book.sheetnames[-1]].iter_rows(values_only=True))[1:])
    assert info["Branch"] == BRANCH and info["Relationship manager"] == RM


@pytest.mark.parametrize("language", [CHINESE, ENGLISH])
def test_every_chart_is_titled_and_labelled_in_the_reports_language(scored_demo_file, language) -> None:
    with open_portfolio(scored_demo_file, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        data = load_report(portfolio, branch=BRANCH, rm=RM)
    with report_style(language):
        pages = build_pages(data, language=language)
    charts = [axes for page in pages for axes in page.axes]
    assert [axes.get_title(loc="left") for axes in charts] == [say(FIGURES[c], language) for c in CHARTS]
    for axes in charts:
        labels = [axes.get_title(loc="left"), axes.get_xlabel(), axes.get_ylabel()]
        assert all(labels), f"a chart lacks its title or an axis label: {labels}"
        if language == CHINESE:
            assert all(CJK.search(text) for text in labels), labels
        else:
            assert not any(CJK.search(text) for text in labels), labels
        assert axes.get_xticklabels(), "a chart without its categories on the x axis"


@pytest.mark.parametrize("language", [CHINESE, ENGLISH])
def test_the_report_has_its_pages_branch_and_rm_everywhere_and_no_personal_data(
        scored_demo_file, language) -> None:
    with open_portfolio(scored_demo_file, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        data = load_report(portfolio, branch=BRANCH, rm=RM)
        people = _people(portfolio)
    with report_style(language):
        pages = build_pages(data, language=language)
    # Glance and KPIs, charts, warnings, movements and campaigns, unusual activity.
    assert 4 <= len(pages) <= 6
    for number, page in enumerate(pages, start=1):
        text = "\n".join(figure_texts(page))
        assert BRANCH in text and RM in text and "2026-06" in text
        assert (f"第 {number} 页 / 共 {len(pages)} 页" if language == CHINESE
                else f"Page {number} of {len(pages)}") in text
        assert_no_personal_data(text, people)
    everything = "\n".join(t for page in pages for t in figure_texts(page))
    # The warnings are named, masked: each top warning's masked name is there.
    assert data.warnings and all(w["name_masked"] in everything for w in data.warnings)
    assert all("*" in w["name_masked"] for w in data.warnings)


def test_a_month_without_campaigns_says_so(scored_demo_file) -> None:
    with open_portfolio(scored_demo_file, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        (first,), = portfolio.query("SELECT MIN(start_on) FROM campaigns")
        current = load_report(portfolio)
        early = load_report(portfolio, month="2025-07")
    assert first > "2025-07-31" and early.campaigns == []
    assert current.campaigns and all(c["treated"] > 0 for c in current.campaigns)
    with report_style(ENGLISH):
        text = "\n".join(t for page in build_pages(early, language=ENGLISH) for t in figure_texts(page))
    assert "No campaign ran in 2025-07, so there are no campaign results to report." in text


@pytest.mark.parametrize(("month", "verdicts"), [("2025-12", {"UPLIFT"}), ("2026-06", {"NO_CONTROL"})])
def test_the_reports_campaigns_are_measured_as_the_marketing_page_measures_them(scored_copy, month,
                                                                                 verdicts) -> None:
    from relmgr.services.campaigns import load_campaign_reports
    from relmgr.services.dashboard import month_bounds

    with open_portfolio(scored_copy, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        data = load_report(portfolio, month=month)
        # Measured to the month's end (or the data date if sooner), as the page would have then.
        window_end = min(month_bounds(month)[1], data.as_of)
        measured = {r.campaign_id: r.result for r in load_campaign_reports(portfolio, today=window_end)}
        # What the RM typed does not count: every offer typed as accepted changes nothing.
        with portfolio.transaction():
            portfolio.conn.execute("UPDATE offers SET outcome = 'ACCEPTED'")
        typed = load_report(portfolio, month=month)
    assert data.campaigns and typed.campaigns == data.campaigns
    assert all(r["window_end"] <= window_end.isoformat() for r in data.campaigns)
    for row in data.campaigns:
        result = measured[row["campaign_id"]]
        c = result.comparison
        assert row["treated"] == c.treatment.n and row["treated_converted"] == c.treatment.converted
        assert row["verdict"] == c.verdict.value
        assert row["incremental_revenue"] == result.incremental_revenue
        assert row["roi"] == (None if result.roi is None else round(result.roi, 4))
        if c.control is None:
            assert row["uplift"] is None and row["roi"] is None and row["incremental_revenue"] is None
        else:
            assert row["control_converted"] == c.control.converted
            # ROI on the sales beyond the control's rate, not on all of them.
            assert row["incremental_revenue"] < row["revenue"]
            assert row["roi"] == pytest.approx((row["incremental_revenue"] - row["cost"]) / row["cost"], abs=1e-4)
    assert {r["verdict"] for r in data.campaigns} == verdicts


def test_tier_movements_are_the_stored_tier_history(scored_demo_file) -> None:
    with open_portfolio(scored_demo_file, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        data = load_report(portfolio)
        rows = portfolio.query("SELECT change, COUNT(*) FROM tier_history WHERE month = '2026-06' "
                               "AND change IN ('UP', 'DOWN') GROUP BY change")
    counted = {change: n for change, n in rows}
    for change in ("UP", "DOWN"):
        assert sum(m["customers"] for m in data.tier_moves if m["change"] == change) == counted.get(change, 0)


def test_every_report_is_audited_and_a_failed_one_leaves_nothing(scored_copy, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with open_portfolio(scored_copy, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        before = len(list_audit(portfolio, action=AuditAction.EXPORTED, limit=None))
        result = export_report(portfolio, path=tmp_path / "june.pdf", language=CHINESE, branch=BRANCH, rm=RM)
        assert result.fmt == "pdf" and result.parts >= 4 and result.path.read_bytes().startswith(b"%PDF")
        exports = list_audit(portfolio, action=AuditAction.EXPORTED, limit=None)
        assert len(exports) == before + 1
        detail = detail_of(exports.iloc[0]["detail"])
        assert detail == {"list": "monthly-report", "month": "2026-06", "format": "pdf", "language": CHINESE,
                          "masked": True, "file": "june.pdf"}
        assert exports.iloc[0]["target"] == "june.pdf"

        with pytest.raises(WriteFailed):
            export_report(portfolio, path=tmp_path / "missing" / "june.xlsx")
        with pytest.raises(Cancelled):
            export_report(portfolio, path=tmp_path / "cancelled.pdf", cancel=lambda: True)
        with pytest.raises(ValueError, match="after the portfolio's data date"):
            export_report(portfolio, path=tmp_path / "late.pdf", month="2026-07")
        assert len(list_audit(portfolio, action=AuditAction.EXPORTED, limit=None)) == before + 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["june.pdf"]   # no partial or temp file


def test_the_command_line_refuses_what_it_cannot_write(scored_copy, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    wrong = run("report", str(scored_copy), "--out", str(tmp_path / "r.docx"), password=DEMO_PASSWORD_FOR_TESTS)
    assert wrong.returncode == 2 and wrong.stderr.strip() == "relmgr: r.docx: the report is written as .pdf or .xlsx"
    late = run("report", str(scored_copy), "--month", "2027-01", "--out", str(tmp_path / "r.pdf"),
               password=DEMO_PASSWORD_FOR_TESTS)
    assert late.returncode == 2 and "after the portfolio's data date" in late.stderr
    language = run("report", str(scored_copy), "--language", "fr", "--out", str(tmp_path / "r.pdf"),
                   password=DEMO_PASSWORD_FOR_TESTS)
    assert language.returncode == 2 and "choose en or zh" in language.stderr
    assert list(tmp_path.iterdir()) == []


def test_every_report_word_has_both_languages_with_the_same_placeholders() -> None:
    from string import Formatter

    from relmgr.services.wording.report import REPORT_WORDS

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in Formatter().parse(text) if name}

    for key, (english, chinese) in REPORT_WORDS.items():
        assert english and chinese, key
        assert fields(english) == fields(chinese), key


def test_a_portfolio_never_segmented_or_scored_reports_what_it_has(demo_portfolio_file, tmp_path: Path) -> None:
    copy = tmp_path / "fresh.rmdb"
    copy.write_bytes(demo_portfolio_file.read_bytes())
    with open_portfolio(copy, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        data = load_report(portfolio)
        result = export_report(portfolio, path=tmp_path / "fresh.xlsx", language=ENGLISH)
    assert {"tiers", "stages", "churn"} <= set(data.dashboard.unavailable)
    assert data.warnings == [] and data.tier_moves == [] and result.parts >= 8
    with report_style(ENGLISH):
        pages = build_pages(data, language=ENGLISH)
    text = "\n".join(t for page in pages for t in figure_texts(page))
    assert "Segments not computed yet" in text and "Churn warnings not computed yet" in text
    assert data.dashboard.figures["total_aum"] > 0
