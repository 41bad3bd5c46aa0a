"""Print a PDF made in memory (the call sheet) on a QPrinter: each page rendered by QtPdf and
drawn to fit the printer's page, so what prints is exactly the PDF an export would write, and
nothing of it is written to disk on the way."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QPainter, QPageLayout, QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

RENDER_DPI = 200           # sharp on paper, without a page image of hundreds of megabytes


class PrintFailed(RuntimeError):
    pass


def call_sheet_printer() -> QPrinter:
    """A printer set up as the call sheet is laid out: A4 landscape."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    return printer


def print_pdf(printer: QPrinter, data: bytes) -> int:
    """Print the PDF `data` on `printer`; returns the number of pages printed."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        raise PrintFailed(f"the call sheet could not be read for printing ({document.error().name})")
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed("the printer could not be started")
    try:
        for page in range(pages):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            image = document.render(page, QSize(round(points.width() * RENDER_DPI / 72),
                                                round(points.height() * RENDER_DPI / 72)))
            area = QRectF(painter.viewport())
            scale = min(area.width() / image.width(), area.height() / image.height())
            target = QRectF(area.x(), area.y(), image.width() * scale, image.height() * scale)
            painter.drawImage(target, image)
    finally:
        painter.end()
    document.close()
    return pages
