"""Every export of every list, in both languages and all three formats, reads in words (issue 12,
item 5): no heading, cell, title or info line holds a raw code of the domain's enums.

The demo portfolio is brought to the state an RM works in: segments refreshed, churn scored, a
warning handled with a follow-up task, a recommendation accepted, so every list has rows and
every kind of reason appears. XLSX and CSV are read back from the files. For the PDF, every
string the call sheet places on its pages is collected as it is placed, and the pages are not
rendered: reading a PDF back needs Qt's PDF reader (tests/ui/test_pdf_text.py does that), and
rendering is most of an export's time (embedding the CJK font subset costs seconds a file).
"""

from __future__ import annotations

import datetime as dt
import inspect
import re
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

import relmgr.analytics.recommend
import relmgr.domain.churn
import relmgr.domain.codes
import relmgr.domain.segments
import relmgr.domain.suitability
import relmgr.services.worklist
from relmgr.domain.churn import WarningAction
from relmgr.services.churn import load_churn_warnings, mark_warning, score_churn
from relmgr.services.export import LIST_NAMES, export_named_list
from relmgr.services.recommendations import record_outcome, recommend_all
from relmgr.services.segments import refresh_segments
from relmgr.storage import open_portfolio
from tests.conftest import DEMO_AS_OF, DEMO_PASSWORD_FOR_TESTS

LANGUAGES = ("en", "zh_CN")
FORMATS = ("xlsx", "csv", "pdf")

# Codes that are also the words an RM reads: the English abbreviations AUM, VIP, ATM and POS, and
# the regulator's risk grades (C1-C5 customers, R1-R5 products), which every label quotes.
CODES_THAT_ARE_WORDS = {"AUM", "VIP", "ATM", "POS", *(f"C{i}" for i in range(1, 6)),
                        *(f"R{i}" for i in range(1, 6))}


def code_enums() -> list[type[StrEnum]]:
    """Every StrEnum of codes the domain, the analytics and the worklist define."""
    modules = (relmgr.domain.codes, relmgr.domain.churn, relmgr.domain.segments,
               relmgr.domain.suitability, relmgr.analytics.recommend, relmgr.services.worklist)
    return [kind for module in modules for _, kind in inspect.getmembers(module, inspect.isclass)
            if issubclass(kind, StrEnum) and kind.__module__ == module.__name__]


CODES = sorted({code.value for kind in code_enums() for code in kind
                if re.fullmatch(r"[A-Z][A-Z0-9_]*", code.value)} - CODES_THAT_ARE_WORDS)
# A code as a whole word: not part of a longer identifier (a product id such as FD-BOND may
# contain letters, but never a code between word boundaries).
CODE_TOKEN = re.compile(r"(?<![A-Za-z0-9_])(" + "|".join(map(re.escape, CODES)) + r")(?![A-Za-z0-9_])")


def test_the_scan_knows_the_codes() -> None:
    assert {"SIMILAR_HOLDERS", "PEERS", "AUM_DROP_180D", "NET_OUTFLOW_90D", "PRIVATE", "HIGH",
            "RETENTION_CALL", "SENIOR_ABOVE_R2", "CONTACT_OVERDUE", "DECLINE"} <= set(CODES)
    assert CODE_TOKEN.search("原因：AUM_DROP_180D -0.42") and CODE_TOKEN.search("持有PEERS")
    assert not CODE_TOKEN.search("FD-BOND AUM down 42% in 180 days; VIP; R1 Low risk; High")


@pytest.fixture(scope="module")
def worked_portfolio(demo_portfolio_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("words") / "portfolio.rmdb"
    path.write_bytes(demo_portfolio_file.read_bytes())
    with open_portfolio(path, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        refresh_segments(portfolio)
        score_churn(portfolio)
        warning = load_churn_warnings(portfolio, today=DEMO_AS_OF)["customer_id"].iloc[0]
        mark_warning(portfolio, warning, WarningAction.HANDLED, "called", today=DEMO_AS_OF,
                     follow_up_on=DEMO_AS_OF, language="en")
        pick = recommend_all(portfolio, today=DEMO_AS_OF)
        pick = pick[(pick["kind"] == "PRODUCT").to_numpy()].iloc[0]
        record_outcome(portfolio, pick["customer_id"], pick["product_id"], "ACCEPTED", "keen",
                       reason_code=pick["reason_code"], at=dt.datetime(2026, 6, 20, 10, 0))
    return path


def _xlsx_text(path: Path) -> Iterator[str]:
    book = load_workbook(path, read_only=True)
    for sheet in book.worksheets:
        yield sheet.title
        for row in sheet.iter_rows(values_only=True):
            yield from (str(v) for v in row if v is not None)


def _csv_text(path: Path) -> Iterator[str]:
    frame = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    yield from frame.columns
    for column in frame.columns:
        yield from frame[column]


@pytest.fixture
def drawn_text(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every string the PDF call sheet places on its pages (matplotlib Figure.text), in order;
    the pages are built but not rendered into the file."""
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    drawn: list[str] = []
    place = Figure.text

    def recording(self, x, y, s, *args, **kwargs):
        drawn.append(str(s))
        return place(self, x, y, s, *args, **kwargs)

    monkeypatch.setattr(Figure, "text", recording)
    monkeypatch.setattr(PdfPages, "savefig", lambda self, figure=None, **kwargs: None)
    return drawn


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_list_in_every_format_reads_in_words(worked_portfolio: Path, tmp_path: Path,
                                                   drawn_text: list[str], language: str) -> None:
    found: dict[str, set[str]] = {}
    with open_portfolio(worked_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        for list_name in LIST_NAMES:
            for fmt in FORMATS:
                path = tmp_path / f"{list_name}.{fmt}"
                drawn_text.clear()
                result = export_named_list(portfolio, list_name=list_name, path=path, actor="test",
                                           today=DEMO_AS_OF, language=language)
                assert result.rows > 0, f"{list_name} is empty: the scan would prove nothing"
                text = (list(_xlsx_text(path)) if fmt == "xlsx" else list(_csv_text(path)) if fmt == "csv"
                        else list(drawn_text))
                assert text, (list_name, fmt)
                for cell in text:
                    for code in CODE_TOKEN.findall(cell):
                        found.setdefault(f"{list_name}.{fmt}", set()).add(f"{code} in {cell[:80]!r}")
    assert not found, "exports speak in codes:\n" + "\n".join(
        f"  {where}: {sorted(hits)[:3]}" for where, hits in sorted(found.items()))
