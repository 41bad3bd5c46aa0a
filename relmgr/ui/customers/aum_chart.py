"""The AUM trend chart of the customer 360 pane (matplotlib inside Qt).

matplotlib is imported when the first chart is made, not when the app starts, so the window
appears without paying for it.
"""

from __future__ import annotations

import pandas as pd
from PySide6.QtWidgets import QVBoxLayout, QWidget

# Fonts that carry Chinese glyphs, most likely first per platform (Linux needs fonts-noto-cjk).
CJK_FONTS = ["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "SimHei", "WenQuanYi Zen Hei",
             "DejaVu Sans"]


class AumChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        import matplotlib

        matplotlib.use("QtAgg")
        matplotlib.rcParams["font.sans-serif"] = CJK_FONTS
        matplotlib.rcParams["axes.unicode_minus"] = False
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure
        from matplotlib.ticker import FuncFormatter

        self._figure = Figure(figsize=(5, 1.8), dpi=100, layout="constrained")
        self._axes = self._figure.add_subplot()
        self._formatter = FuncFormatter(lambda v, _pos: f"{v / 10_000:,.0f}")
        self.canvas = FigureCanvasQTAgg(self._figure)
        self.canvas.setMinimumHeight(150)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self.plotted_months = 0

    def plot(self, monthly: pd.DataFrame, *, unit_label: str) -> None:
        """Month-end AUM (line) and monthly average (dotted); the y axis in units of 10,000."""
        ax = self._axes
        ax.clear()
        self.plotted_months = len(monthly)
        if len(monthly):
            x = range(len(monthly))
            ax.fill_between(x, monthly["aum_end"], color="#2f6fb0", alpha=0.12, linewidth=0)
            ax.plot(x, monthly["aum_end"], color="#2f6fb0", linewidth=1.6)
            ax.plot(x, monthly["aum_avg"], color="#7a8a99", linewidth=1, linestyle=":")
            step = max(1, len(monthly) // 6)
            ax.set_xticks(list(x)[::step], list(monthly["month"])[::step], fontsize=7)
        ax.yaxis.set_major_formatter(self._formatter)
        ax.set_ylabel(unit_label, fontsize=7)
        ax.tick_params(axis="y", labelsize=7)
        ax.set_ylim(bottom=0)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        self.canvas.draw_idle()

    def clear(self) -> None:
        self._axes.clear()
        self.plotted_months = 0
        self.canvas.draw_idle()
