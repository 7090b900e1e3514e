"""The report's pages: a QTextDocument laid out page by page on a QPdfWriter, every page with a footer naming the unit
and "página n de N" / "page n of N", no heading left alone at the foot of a page and no short table cut in two.

QTextDocument.print_() numbers pages with a bare "n" and knows no ``page-break-after: avoid`` or ``break-inside:
avoid`` (only ``page-break-before/after: always``), so the document is paginated here: laid out at the page's
height, then each heading whose next block (a paragraph's first line, a chart, or a whole table when it takes less
than half a page) would start on the next page gets a page break before it, as does a table of less than half a page
that a page's foot would cut, until none is left.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTable,
)

from cocoa_desktop.engine.words import say

FOOTER_MM = 9.0  # below the text: a rule and one line of 8 pt
TABLE_KEPT_WHOLE = 0.5  # a table after a heading is kept whole with it when it takes less than this share of a page


def _mm_to_px(mm: float, dpi: int) -> float:
    return mm / 25.4 * dpi


def body_size(writer: QPdfWriter) -> QSizeF:
    """The text area of a page in device pixels: the printable area less the footer."""
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    return QSizeF(rect.width(), rect.height() - _mm_to_px(FOOTER_MM, writer.resolution()))


def _next_content(block: QTextBlock) -> QTextBlock:
    nxt = block.next()
    while nxt.isValid() and not nxt.text().strip() and QTextCursor(nxt).currentTable() is None \
            and not _has_image(nxt):
        nxt = nxt.next()
    return nxt


def _has_image(block: QTextBlock) -> bool:
    it = block.begin()
    while not it.atEnd():
        if it.fragment().charFormat().isImageFormat():
            return True
        it += 1
    return False


def _needs_break(doc: QTextDocument, block: QTextBlock, page_h: float) -> bool:
    """True when ``block`` (a heading) would stand at a page's foot without what follows it."""
    layout = doc.documentLayout()
    rect = layout.blockBoundingRect(block)
    page = int(rect.top() // page_h)
    if rect.top() - page * page_h < 1.0:  # already at the top of its page: moving it cannot help
        return False
    nxt = _next_content(block)
    if not nxt.isValid():
        return False
    table = QTextCursor(nxt).currentTable()
    if table is not None:
        frame = layout.frameBoundingRect(table)
        if frame.height() < TABLE_KEPT_WHOLE * page_h:
            end = frame.bottom()
        else:  # a long table may break: keep its first rows with the heading
            end = frame.top() + min(frame.height(), 0.08 * page_h)
    else:
        nrect = layout.blockBoundingRect(nxt)
        line = nxt.layout().lineAt(0) if nxt.layout().lineCount() else None
        end = nrect.top() + (line.height() if line is not None else nrect.height())
    return int((end - 1.0) // page_h) > page


def _table_split(doc: QTextDocument, table: QTextTable, page_h: float) -> bool:
    """True when a short table (under TABLE_KEPT_WHOLE of a page) would be cut by a page's foot."""
    frame = doc.documentLayout().frameBoundingRect(table)
    page = int(frame.top() // page_h)
    if frame.height() >= TABLE_KEPT_WHOLE * page_h or frame.top() - page * page_h < 1.0:
        return False
    return int((frame.bottom() - 1.0) // page_h) > page


def _heading_above(doc: QTextDocument, first: QTextBlock, page_h: float) -> QTextBlock | None:
    """The heading a few lines above a table (its introduction between them), moved with the table rather than left
    with its introduction at the page's foot; None when there is none near or it already opens a page."""
    layout = doc.documentLayout()
    top = layout.blockBoundingRect(first).top()
    block = first.previous()
    for _ in range(3):
        if not block.isValid() or QTextCursor(block).currentTable() is not None:
            return None
        rect = layout.blockBoundingRect(block)
        if top - rect.top() > 0.3 * page_h:
            return None
        if block.blockFormat().headingLevel() > 0:
            return block if rect.top() - int(rect.top() // page_h) * page_h >= 1.0 else None
        block = block.previous()
    return None


def _first_to_move(doc: QTextDocument, page_h: float) -> QTextBlock | QTextTable | None:
    block = doc.begin()
    last_table = None
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is not None:
            if table != last_table and _table_split(doc, table, page_h):
                return _heading_above(doc, block, page_h) or table
            last_table = table
        elif block.blockFormat().headingLevel() > 0 and _needs_break(doc, block, page_h):
            return block
        block = block.next()
    return None


def keep_headings_with_next(doc: QTextDocument, page_h: float) -> int:
    """Give a page break before every heading that would be stranded at a page's foot and every short table that
    would be cut in two (the first in the document at each pass, then laid out again); returns how many moved."""
    moved = 0
    for _ in range(1000):  # each pass moves one item forward: the document only grows, so it ends
        item = _first_to_move(doc, page_h)
        if item is None:
            break
        if isinstance(item, QTextTable):
            table_format = item.format()
            table_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            item.setFormat(table_format)
        else:
            fmt = item.blockFormat()
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            QTextCursor(item).setBlockFormat(fmt)
        moved += 1
    return moved


def _footer(painter: QPainter, writer: QPdfWriter, body: QSizeF, left: str, right: str) -> None:
    dpi = writer.resolution()
    top = body.height() + _mm_to_px(3.0, dpi)
    painter.setPen(QColor("#8d6e63"))
    painter.drawLine(0, int(top), int(body.width()), int(top))
    font = QFont("DejaVu Sans")
    font.setPointSizeF(8)
    painter.setFont(font)
    painter.setPen(QColor("#444"))
    box = QRectF(0, top + _mm_to_px(1.0, dpi), body.width(), _mm_to_px(FOOTER_MM - 4.0, dpi))
    room = body.width() * 0.75
    text = painter.fontMetrics().elidedText(left, Qt.TextElideMode.ElideRight, int(room))
    painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
    painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, right)


def page_words(n: int, total: int, lang: str) -> str:
    return say(lang, f"página {n} de {total}", f"page {n} of {total}")


def print_pages(doc: QTextDocument, writer: QPdfWriter, footer: str, lang: str = "es") -> int:
    """Lay ``doc`` out on the writer's pages (headings kept with what follows), paint each page and its footer;
    returns the number of pages."""
    doc.documentLayout().setPaintDevice(writer)
    body = body_size(writer)
    doc.setPageSize(body)
    keep_headings_with_next(doc, body.height())
    pages = doc.pageCount()
    painter = QPainter(writer)
    try:
        layout = doc.documentLayout()
        for index in range(pages):
            if index:
                writer.newPage()
            painter.save()
            painter.translate(0, -index * body.height())
            view = QRectF(0, index * body.height(), body.width(), body.height())
            painter.setClipRect(view)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = view
            layout.draw(painter, context)
            painter.restore()
            _footer(painter, writer, body, footer, page_words(index + 1, pages, lang))
    finally:
        painter.end()
    return pages

