"""The monthly review report's PDF read back as text with Qt's PDF reader: as many pages as the
report says, branch, RM and page number on each, real (searchable) Chinese text, and no full
name, ID number or phone of any demo customer anywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from relmgr.services.report import export_report
from relmgr.services.wording import CHINESE, ENGLISH
from relmgr.storage import open_portfolio
from tests.conftest import DEMO_PASSWORD_FOR_TESTS
from tests.services.dashboard_fixtures import scored_copy, scored_demo_file  # noqa: F401
from tests.services.test_report import BRANCH, RM, _people, assert_no_personal_data

QtPdf = pytest.importorskip("PySide6.QtPdf")


def _pages_text(path: Path) -> list[str]:
    document = QtPdf.QPdfDocument()
    assert document.load(str(path)) == QtPdf.QPdfDocument.Error.None_
    try:
        return [document.getAllText(page).text() for page in range(document.pageCount())]
    finally:
        document.close()


@pytest.mark.parametrize("language", [CHINESE, ENGLISH])
def test_report_pdf_text(qapp, scored_copy, tmp_path: Path, language) -> None:
    path = tmp_path / f"review-{language}.pdf"
    with open_portfolio(scored_copy, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        result = export_report(portfolio, path=path, language=language, branch=BRANCH, rm=RM)
        people = _people(portfolio)
    pages = _pages_text(path)
    assert len(pages) == result.parts >= 4
    for number, text in enumerate(pages, start=1):
        assert BRANCH in text and RM in text
        assert (f"第 {number} 页 / 共 {len(pages)} 页" if language == CHINESE
                else f"Page {number} of {len(pages)}") in text
    everything = "\n".join(pages)
    assert ("月度客户经营报告" if language == CHINESE else "Monthly portfolio review") in everything
    assert ("考核指标完成情况" if language == CHINESE else "KPIs against targets") in everything
    assert_no_personal_data(everything, people)
