"""Print a call sheet on a QPrinter: its pages, drawn in memory by services.export.print_named_list
(the same figures as its PDF), each scaled to fit the printer's page. Nothing of it is written to
disk on the way, and no PDF renderer is needed (the bundle leaves QtPdf out)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter, QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter

from relmgr.services.export import PageImage


class PrintFailed(RuntimeError):
    pass


def call_sheet_printer() -> QPrinter:
    """A printer set up as the call sheet is laid out: A4 landscape."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    return printer


def print_pages(printer: QPrinter, pages: Sequence[PageImage]) -> int:
    """Draw `pages` on `printer`, one sheet each; returns the number of pages printed."""
    if not pages:
        raise PrintFailed("the call sheet has no pages")
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed("the printer could not be started")
    try:
        for number, page in enumerate(pages):
            if number:
                printer.newPage()
            image = QImage(page.rgba, page.width, page.height, page.width * 4, QImage.Format.Format_RGBA8888)
            area = QRectF(painter.viewport())
            scale = min(area.width() / image.width(), area.height() / image.height())
            painter.drawImage(QRectF(area.x(), area.y(), image.width() * scale, image.height() * scale), image)
    finally:
        painter.end()
    return len(pages)
