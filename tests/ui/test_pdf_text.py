"""The PDF call sheet read back as text with Qt's PDF reader (the text extractor at hand; the
core writes the PDF without Qt): Chinese title, branch, RM and date, masked names, page numbers
on every page, and the text is real text (TrueType embedded), not outlines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from relmgr.services.export import ExportMeta, export_list, rows_per_page

QtPdf = pytest.importorskip("PySide6.QtPdf")


def _pages_text(path: Path) -> list[str]:
    document = QtPdf.QPdfDocument()
    assert document.load(str(path)) == QtPdf.QPdfDocument.Error.None_
    try:
        return [document.getAllText(page).text() for page in range(document.pageCount())]
    finally:
        document.close()


def test_call_sheet_text_is_chinese_masked_and_numbered(qapp, tmp_path: Path) -> None:
    rows = rows_per_page() + 5                                # two pages
    frame = pd.DataFrame({
        "rank": range(1, rows + 1),
        "customer_id": [f"C{i:07d}" for i in range(rows)],
        "name": ["张小明"] * (rows - 1) + ["欧阳娜娜"],
        "phone": ["13812345678"] * rows,
        "reasons": ["联系逾期 20 天（周期 90 天）"] * rows,
        "action": ["例行回访"] * rows,
    })
    path = tmp_path / "sheet.pdf"
    export_list(frame, path, title="今日工作清单",
                meta=ExportMeta(branch="城东支行", rm="王经理", date=dt.date(2026, 6, 30)))
    pages = _pages_text(path)
    assert len(pages) == 2
    first, second = pages
    assert "今日工作清单" in first and "城东支行" in first and "王经理" in first and "2026-06-30" in first
    assert "第 1 页 / 共 2 页" in first and "第 2 页 / 共 2 页" in second
    assert "张*明" in first and "欧**娜" in second and "138****5678" in first
    assert "张小明" not in first + second and "13812345678" not in first + second
    assert "联系逾期 20 天" in first and "已脱敏" in first
    # The header row repeats on every page; the last row is on page 2.
    assert "姓名" in second and f"C{rows - 1:07d}" in second


def test_english_call_sheet(qapp, tmp_path: Path) -> None:
    frame = pd.DataFrame({"customer_id": ["C1"], "name": ["李四"], "title": ["Bring the forms"]})
    path = tmp_path / "tasks.pdf"
    export_list(frame, path, title="Open tasks", masked=False, language="en",
                meta={"branch": "East", "rm": "Wang", "date": "2026-06-30"})
    (text,) = _pages_text(path)
    assert "Open tasks" in text and "Page 1 of 1" in text and "李四" in text
    assert "NOT masked" in text


def _embedded_fonts(path: Path) -> set[str]:
    """The BaseFont names the PDF embeds (e.g. 'ABCDEF+relmgrSansCJK-Regular'), read raw."""
    import re

    return {name.split("+")[-1] for name in re.findall(rb"/BaseFont\s*/([A-Za-z0-9+_-]+)",
                                                     path.read_bytes())
            for name in [name.decode()]}


def test_a_rare_character_comes_from_the_system_font_and_reads_back(qapp, tmp_path: Path) -> None:
    """The call sheet is set in relmgr's pre-cut subset font alone while every character is in
    it; a name with a character outside it (喆, not in GB 2312) still prints and reads back as
    text, its glyph drawn from the system's full Chinese font."""
    from relmgr.services.pdf_fonts import system_cjk_font

    common = tmp_path / "common.pdf"
    export_list(pd.DataFrame({"customer_id": ["C1"], "name": ["张小明"]}), common, title="今日工作清单",
                masked=False, meta={"date": "2026-06-30"})
    assert {font.split("-")[0] for font in _embedded_fonts(common)} == {"relmgrSansCJK"}

    if system_cjk_font() is None:
        pytest.skip("no system Chinese font to fall back on (apt-get install fonts-noto-cjk)")
    rare = tmp_path / "rare.pdf"
    export_list(pd.DataFrame({"customer_id": ["C1"], "name": ["王喆"]}), rare, title="今日工作清单",
                masked=False, meta={"date": "2026-06-30"})
    (text,) = _pages_text(rare)
    assert "王喆" in text
    assert len({font.split("-")[0] for font in _embedded_fonts(rare)}) == 2


def test_the_subset_font_holds_every_character_relmgr_prints(qapp) -> None:
    """Every Chinese character and CJK punctuation mark of the translations and of the code's
    own wording is in the shipped subset font, so a PDF in relmgr's words never needs the (slow)
    full font. Fails when a new word brings a new character: re-run installer/make_cjk_font.py.
    (Symbols such as ▸ are not in Noto Sans CJK at all, so not in its subset either.)"""
    from matplotlib.ft2font import FT2Font

    from relmgr.services.pdf_fonts import resources_dir, shipped_font

    root = resources_dir().parent
    texts = [(root / "resources" / "i18n" / "relmgr_zh_CN.ts").read_text(encoding="utf-8")]
    texts += [path.read_text(encoding="utf-8") for path in (root / "relmgr").rglob("*.py")]
    cjk = ((0x2E80, 0x9FFF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF))
    wanted = {c for text in texts for c in text if any(lo <= ord(c) <= hi for lo, hi in cjk)}
    assert len(wanted) > 500                                  # the scan did find the wording
    for bold in (False, True):
        cmap = FT2Font(str(shipped_font(bold=bold))).get_charmap()
        missing = sorted(c for c in wanted if ord(c) not in cmap)
        assert not missing, f"{shipped_font(bold=bold).name} lacks {''.join(missing[:40])}"
