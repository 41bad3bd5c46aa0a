"""The report's charts (matplotlib, no Qt): net inflow by month, AUM per tier, customers per
lifecycle stage, contacts made vs due per tier, and churn risk per band. Each is drawn into an
Axes with its title and both axis labels in the report's language; money ticks read as
wording.money's axis_money (2,811万 / 28.1M).

Chinese glyphs come from the fonts the PDF call sheet uses (services.pdf_fonts), set as the
font family for the duration of `report_style()`; matplotlib resolves fonts when it
draws, so the building and the saving both run inside it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

from relmgr.services.pdf_fonts import cjk_families
from relmgr.services.report.content import ReportData
from relmgr.services.wording import CHINESE, say
from relmgr.services.wording.churn import band
from relmgr.services.wording.dashboard import FIGURES
from relmgr.services.wording.money import axis_money
from relmgr.services.wording.report import CHART_LABELS, ordered_stages, stage_word, word
from relmgr.services.wording.segments import tier

CHARTS = ("net_inflow", "tiers", "stages", "contacts", "churn")
LIGATURES_OFF = ("-liga",)
_BLUE, _GREY, _RED, _AMBER, _GREEN = "#2f5d8a", "#b8c4d0", "#c0392b", "#e0a030", "#5a9a68"


@contextlib.contextmanager
def report_style(language: str) -> Iterator[None]:
    """matplotlib settings of the report in `language`: the Chinese report is set in the CJK font
    alone; the English one in DejaVu Sans with the CJK font for the Chinese in it (branch, names,
    campaign names), so its Latin text keeps Latin punctuation and digits."""
    import matplotlib

    families = [*cjk_families()] if language == CHINESE else ["DejaVu Sans", *cjk_families()]
    # A list of families, not "sans-serif": matplotlib falls back glyph by glyph only along
    # font.family itself.
    with matplotlib.rc_context({"font.family": families,
                                "axes.unicode_minus": False, "pdf.fonttype": 42,
                                # matplotlib 3.11's PDF backend splits a font into 256-glyph
                                # subsets unless ps.fonttype is 42 too, and starts another subset
                                # for a glyph that differs from the first one drawn for its
                                # character: in the CJK font, Latin-script runs take other digit
                                # forms unless the language is Chinese, and ligatures (fi, fl)
                                # always do (LIGATURES_OFF is passed to every text with letters).
                                # Each subset embeds, and costs seconds to cut from, the whole
                                # CJK font again.
                                "ps.fonttype": 42, "text.language": "zh-Hans" if language == CHINESE else "en",
                                "font.weight": "normal", "axes.titleweight": "normal",
                                "pdf.compression": 6, "axes.titlesize": 10, "axes.labelsize": 8.5,
                                "xtick.labelsize": 7.5, "ytick.labelsize": 7.5, "legend.fontsize": 7.5}):
        yield


def _money_axis(axes: Any, language: str) -> None:
    from matplotlib.ticker import FuncFormatter

    axes.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: axis_money(v, language=language)))


def _label(axes: Any, code: str, language: str) -> None:
    (x_pair, y_pair) = CHART_LABELS[code]
    axes.set_title(say(FIGURES[code], language), loc="left")
    axes.set_xlabel(say(x_pair, language))
    axes.set_ylabel(say(y_pair, language))
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    legend = axes.get_legend()
    for text in [axes.title, axes.xaxis.label, axes.yaxis.label, *axes.texts,
                 *(legend.get_texts() if legend else [])]:
        text.set_fontfeatures(LIGATURES_OFF)


def _nothing(axes: Any, text: str) -> None:
    axes.text(0.5, 0.5, text, ha="center", va="center", transform=axes.transAxes, color="#666666")
    axes.set_xticks([])
    axes.set_yticks([])


def draw_net_inflow(axes: Any, data: ReportData, language: str) -> None:
    rows = data.dashboard.figures["net_inflow"]
    nets = [row["net"] for row in rows]
    axes.bar(range(len(rows)), nets, color=[_BLUE if v >= 0 else _RED for v in nets], width=0.7)
    axes.axhline(0, color="#333333", linewidth=0.6)
    axes.set_xticks(range(len(rows)), [row["month"][2:] for row in rows])
    _money_axis(axes, language)


def draw_tiers(axes: Any, data: ReportData, language: str) -> None:
    rows = data.dashboard.figures["tiers"]
    if rows is None:
        _nothing(axes, word("unavailable", language=language))
        return
    bars = axes.bar(range(len(rows)), [row["aum"] for row in rows], color=_BLUE, width=0.6)
    axes.set_xticks(range(len(rows)), [tier(row["tier"], language=language) for row in rows])
    for bar, row in zip(bars, rows, strict=True):
        axes.annotate(f"{row['customers']:,}", (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                      ha="center", va="bottom", fontsize=7, xytext=(0, 2), textcoords="offset points")
    _money_axis(axes, language)


def draw_stages(axes: Any, data: ReportData, language: str) -> None:
    stages = data.dashboard.figures["stages"]
    if stages is None:
        _nothing(axes, word("unavailable", language=language))
        return
    codes = [code for code, _ in ordered_stages(stages)]
    axes.bar(range(len(codes)), [stages[c] for c in codes], color=_BLUE, width=0.6)
    axes.set_xticks(range(len(codes)), [stage_word(c, language=language) for c in codes])


def draw_contacts(axes: Any, data: ReportData, language: str) -> None:
    rows = data.dashboard.figures["contacts"]
    if not rows:
        _nothing(axes, word("unavailable", language=language) if rows is None else "0")
        return
    positions = range(len(rows))
    axes.bar([p - 0.2 for p in positions], [r["due"] for r in rows], width=0.4, color=_GREY,
             label=word("due", language=language))
    axes.bar([p + 0.2 for p in positions], [r["made"] for r in rows], width=0.4, color=_BLUE,
             label=word("made", language=language))
    axes.set_xticks(list(positions), [tier(r["tier"], language=language) for r in rows])
    axes.legend(frameon=False)


def draw_churn(axes: Any, data: ReportData, language: str) -> None:
    churn = data.dashboard.figures["churn"]
    if churn is None:
        _nothing(axes, word("unavailable", language=language))
        return
    rows = churn["bands"]
    colours = {"HIGH": _RED, "MEDIUM": _AMBER, "LOW": _GREEN}
    bars = axes.bar(range(len(rows)), [r["customers"] for r in rows],
                    color=[colours.get(r["band"], _BLUE) for r in rows], width=0.6)
    axes.set_xticks(range(len(rows)), [band(r["band"], language=language) for r in rows])
    for bar, row in zip(bars, rows, strict=True):
        axes.annotate(axis_money(row["value_at_risk"], language=language),
                      (bar.get_x() + bar.get_width() / 2, bar.get_height()), ha="center", va="bottom",
                      fontsize=7, xytext=(0, 2), textcoords="offset points")


DRAWERS: dict[str, Callable[[Any, ReportData, str], None]] = {
    "net_inflow": draw_net_inflow, "tiers": draw_tiers, "stages": draw_stages,
    "contacts": draw_contacts, "churn": draw_churn}


def draw_chart(axes: Any, code: str, data: ReportData, language: str) -> None:
    """Draw chart `code` into `axes`, titled and labelled in `language`."""
    DRAWERS[code](axes, data, language)
    _label(axes, code, language)
