"""Coloured text on the wizard's pages (errors, warnings, hints) through the label's palette, not a style sheet.

A style sheet per label made Qt give each its own style-sheet style: the three or four coloured labels of every field
(its hint, its error and its warning, hidden until needed) took about a third of the time a page took to be made and
shown. A palette that sets only the text colour draws the same colour and leaves the rest to the parent's."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel

ERROR = "#b00020"
WARNING = "#8a5a00"
HINT = "#555555"

_palettes: dict[str, QPalette] = {}  # made when first needed (after the QApplication), shared by every label


def text_colour(label: QLabel, colour: str | None) -> None:
    """The label's text in ``colour`` (None: the usual colour again)."""
    if colour is None:
        label.setPalette(QPalette())  # nothing set: every colour comes from the parent again
        return
    palette = _palettes.get(colour)
    if palette is None:
        palette = QPalette()  # empty: only the text colour is set, the other roles resolve to the parent's
        palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
        _palettes[colour] = palette
    label.setPalette(palette)
