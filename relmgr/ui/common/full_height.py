"""Widgets for a pane that scrolls as one page (the customer 360 pane, issue 19): a table as tall as
its rows, so it never scrolls inside the pane, and a tab widget as tall as its current tab only.

Nested scroll areas (a table that scrolls inside a pane that scrolls) left the RM chasing two or
three scroll bars to read one recommendation; here only the outer pane scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QSizePolicy, QTableWidget, QTabWidget, QWidget


class FullHeightTable(QTableWidget):
    """A table whose height is all its rows (plus header and a sideways scroll bar if shown);
    it has no vertical scroll bar of its own, and the wheel scrolls the pane around it."""

    def __init__(self, rows: int, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(rows, columns, parent)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # Rows that grow when wrapped text needs more lines change the height the table wants.
        self.verticalHeader().sectionResized.connect(lambda *_args: self.updateGeometry())
        self.verticalHeader().sectionCountChanged.connect(lambda *_args: self.updateGeometry())
        self.horizontalScrollBar().rangeChanged.connect(lambda *_args: self.updateGeometry())

    def content_height(self) -> int:
        height = 2 * self.frameWidth() + self.verticalHeader().length()
        if not self.horizontalHeader().isHidden():
            height += self.horizontalHeader().sizeHint().height()
        if self.horizontalScrollBar().maximum() > 0:
            height += self.horizontalScrollBar().sizeHint().height()
        return height

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(super().sizeHint().width(), self.content_height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(super().minimumSizeHint().width(), self.content_height())


class CurrentPageTabs(QTabWidget):
    """A tab widget as tall as the tab shown, not as the tallest tab: in a pane that scrolls, a
    short tab would otherwise sit above a long empty space."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(self._fit_current)

    def _fit_current(self, current: int) -> None:
        for index in range(self.count()):
            page = self.widget(index)
            vertical = QSizePolicy.Policy.Preferred if index == current else QSizePolicy.Policy.Ignored
            page.setSizePolicy(QSizePolicy.Policy.Preferred, vertical)
            page.updateGeometry()
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        # QTabWidget sizes itself for its tallest page; the frame and tab bar it adds are the
        # same for any page, so swap the tallest page's height for the current one's.
        hint = super().sizeHint()
        current = self.currentWidget()
        if current is None:
            return hint
        tallest = max(self.widget(i).sizeHint().height() for i in range(self.count()))
        return QSize(hint.width(), hint.height() - tallest + current.sizeHint().height())

    def tabInserted(self, index: int) -> None:  # noqa: N802 (Qt API)
        super().tabInserted(index)
        self._fit_current(self.currentIndex())
