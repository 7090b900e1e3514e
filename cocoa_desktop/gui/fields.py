"""Input widgets for survey fields: numbers typed the Peruvian way, percentages that must add up, choices.

Every widget's objectName is its field key in the survey model (``general.dry_cocoa_kg``), so tests,
screenshots and the user guide can find it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHeaderView,
    QLineEdit,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from cocoa_desktop.engine import words
from cocoa_desktop.engine.model.numbers import AmbiguousNumber, parse_number
from cocoa_desktop.engine.words import pick
from cocoa_desktop.gui.i18n import current_language, translate
from cocoa_desktop.gui.screen_fit import (  # noqa: F401  (re-exported: windows size themselves through fields)
    FRAME_ROOM,
    TITLE_BAR,
    available_geometry,
    closed_by_escape,
    fit_to_screen,
)

if TYPE_CHECKING:  # the vocabulary imports the survey model (pydantic): loaded when a wizard opens, not at start-up
    from cocoa_desktop.engine.model.fields import Leaf
    from cocoa_desktop.engine.model.vocabulary import Words


@dataclass(frozen=True)
class FieldSpec:
    key: str  # path inside the section, e.g. "dry_cocoa_kg" or "shares.composted"
    label: str  # English source text, translated in context "fields"; the unit is added after it, once
    unit: str = ""
    hint: str = ""
    kind: str = "number"  # number | int | text | choice | percent (stored 0–1) | percent100 (stored 0–100) | bool
    words: Words | None = None  # the choices (engine vocabulary: same words as the workbook)
    # A point before three digits groups thousands ("240.000" = 240 000): set where decimals make no sense at
    # that size (kg of cocoa a year, counts). Elsewhere ("1.250" ha) the number is questioned, not guessed.
    thousands: bool = False
    optional_choice: bool = False  # the choice may stay unknown (empty)
    label_words: tuple[str, str] | None = None  # (es, en) from the engine vocabulary, instead of ``label``
    hint_words: tuple[str, str] | None = None  # (es, en) declared with Asked in the model, not ``hint``


ASKED_KIND = {"text": "text", "number": "number", "whole": "int"}  # a declared leaf's kind → its widget's


def asked_field(leaf: Leaf) -> FieldSpec:
    """The field of a leaf declared with its words in the model (engine/model/asked.py): nothing else to write."""
    asked = leaf.asked
    assert asked is not None, leaf.path
    return FieldSpec(leaf.path, "", asked.unit, kind=ASKED_KIND[leaf.kind], label_words=(asked.es, asked.en),
                     hint_words=(asked.hint_es, asked.hint_en) if asked.hint_es or asked.hint_en else None)


def field_hint(spec: FieldSpec) -> str:
    """The hint under a field, in the user's language ("" for none)."""
    if spec.hint_words is not None:
        return pick(spec.hint_words, current_language())
    return translate("hints", spec.hint) if spec.hint else ""


def field_label(spec: FieldSpec, with_unit: bool = True) -> str:
    """The label as shown: the words in the user's language, then the unit once, in brackets."""
    if spec.label_words is not None:
        text = pick(spec.label_words, current_language())
    else:
        text = translate("fields", spec.label)
    if with_unit and spec.unit:
        text += f" ({translate('units', spec.unit)})"
    return text


def wrap_words(text: str, width: int) -> str:
    """Break ``text`` between words into lines of at most ``width`` characters (a longer word keeps its line)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


class InputError(ValueError):
    """A value the technician typed that cannot be read; the message is already translated."""


def format_number(value: float | None, decimals: int = 6, grouped: bool = False) -> str:
    """A number as a Peruvian technician writes it (decimal comma), without trailing zeros; ``grouped``: thousands
    apart with a space (9 569 017), which the number fields read back."""
    if value is None:
        return ""
    text = f"{value:,.{decimals}f}" if grouped else f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return words.grouped(text, "es")  # the number fields' (Spanish) way, whatever the language


class NumberEdit(QLineEdit):
    """A line edit that reads "1 250,5", "1.250,5" or "0,25"; an ambiguous "1.250" is questioned unless the
    field only makes sense in whole units (``thousands``)."""

    def __init__(self, whole: bool = False, thousands: bool = False, unit: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.whole = whole
        self.thousands = thousands or whole
        self.unit = unit
        self.loaded: tuple[str, float | None] | None = None  # (text shown, value stored) when loaded

    def stored(self) -> tuple[bool, float | None]:
        """(True, the stored value) while the text loaded is untouched: a value with more decimals than shown
        (an imported 0,123456789) is saved back exactly, not rounded to what the field shows."""
        if self.loaded is not None and self.text() == self.loaded[0]:
            return True, self.loaded[1]
        return False, None

    def cleaned(self) -> str:
        return self.text().strip()

    def number(self) -> float | int | None:
        untouched, value = self.stored()
        if untouched:
            return value
        return self.typed_number()

    def typed_number(self) -> float | int | None:
        text = self.cleaned()
        if not text:
            return None
        try:
            value = parse_number(text, whole=self.thousands)
        except AmbiguousNumber:
            raise InputError(self.ambiguity(text)) from None
        except ValueError:
            raise InputError(translate("fields", "“%1” is not a number").replace("%1", self.text().strip())) from None
        if self.whole:
            if not value.is_integer():
                raise InputError(translate("fields", "“%1” must be a whole number").replace("%1", text))
            return int(value)
        return value

    def ambiguity(self, text: str) -> str:
        """Say both readings, with the unit, and why the field cannot tell them apart."""
        digits = text.replace(".", "")
        head, _, tail = text.partition(".")
        unit = f" {translate('units', self.unit)}" if self.unit else ""
        message = translate("fields", "“%1” can be read as %2%4 or as %3%4: this field can have decimals, so the "
                                      "point could group thousands or mark the decimals. Write %2 or %3.")
        decimal = format_number(float(f"{head}.{tail}"))
        return message.replace("%1", text).replace("%2", digits).replace("%3", decimal).replace("%4", unit)

    def set_number(self, value: float | None) -> None:
        # amounts (kg, litres, counts with a unit) grouped by thousands; a year or a plain count as typed
        self.setText(format_number(value, grouped=self.thousands and bool(self.unit)))
        self.loaded = (self.text(), value)


class PercentEdit(NumberEdit):
    """A percentage typed 0–100 ("60", "60 %", "60,5%"). Stored as a fraction 0–1 (shares) or as typed
    (``fraction=False``, e.g. the nitrogen content of a fertiliser)."""

    changed = Signal()

    def __init__(self, fraction: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.fraction = fraction
        self.textChanged.connect(self.changed)

    def cleaned(self) -> str:
        return self.text().strip().removesuffix("%").strip()

    def percent(self) -> float | None:
        """The value as typed, in percent (0–100)."""
        untouched, stored = self.stored()
        if untouched:
            return None if stored is None else stored * 100.0 if self.fraction else stored
        value = super().typed_number()
        if value is None:
            return None
        if value > 100:
            raise InputError(translate("fields", "%1 % is more than 100 %: write the percentage (0 to 100), "
                                                 "e.g. 60 for 60 %").replace("%1", format_number(value, 4)))
        if value < 0:
            raise InputError(translate("fields", "A percentage cannot be negative"))
        return value

    def number(self) -> float | None:
        untouched, stored = self.stored()
        if untouched:
            return stored
        value = self.percent()
        if value is None or not self.fraction:
            return value
        return value / 100.0

    def set_number(self, value: float | None) -> None:
        shown = value * 100.0 if value is not None and self.fraction else value
        self.setText(format_number(shown, 4))
        self.loaded = (self.text(), value)


def scrolling_body(page: QWidget, takes_focus: bool = True) -> QVBoxLayout:
    """Give a page a frameless scroll area and return the layout inside it: long pages stay usable on a small
    laptop screen. ``takes_focus=False`` for a page of fields: Tab goes from field to field (each scrolled into
    view), never to the page itself."""
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea()
    scroll.setObjectName(f"{page.objectName()}.scroll")
    if not takes_focus:
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    body = QWidget()
    scroll.setWidget(body)
    outer.addWidget(scroll)
    return QVBoxLayout(body)


def fit_table(table: QTableWidget) -> None:
    """Show every row without scrolling; the label column takes the spare width."""
    table.verticalHeader().hide()
    table.resizeColumnsToContents()
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.resizeRowsToContents()
    height = table.horizontalHeader().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(table.rowCount()))
    table.setFixedHeight(height)


def make_widget(spec: FieldSpec, object_name: str) -> QWidget:
    if spec.kind == "choice":
        from cocoa_desktop.engine.model import vocabulary

        widget: QWidget = QComboBox()
        if spec.optional_choice:
            widget.addItem(translate("fields", "(unknown)"), None)
        for value, label in vocabulary.choices(spec.words or {}, current_language()):
            widget.addItem(label, value)
    elif spec.kind == "bool":
        widget = QCheckBox()
    elif spec.kind in ("percent", "percent100"):
        widget = PercentEdit(fraction=spec.kind == "percent")
    elif spec.kind in ("number", "int"):
        widget = NumberEdit(whole=spec.kind == "int", thousands=spec.thousands, unit=spec.unit)
    else:
        widget = QLineEdit()
    widget.setObjectName(object_name)
    if spec.hint:
        widget.setToolTip(translate("hints", spec.hint))
    return widget


def read_widget(widget: QWidget) -> object:
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, NumberEdit):
        return widget.number()
    assert isinstance(widget, QLineEdit)
    return widget.text()


def write_widget(widget: QWidget, value: object) -> None:
    if isinstance(widget, QComboBox):
        index = widget.findData(value)
        widget.setCurrentIndex(max(index, 0))
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value) if value is not None else True)
    elif isinstance(widget, NumberEdit):
        widget.set_number(value if isinstance(value, int | float) else None)
    elif isinstance(widget, QLineEdit):
        widget.setText("" if value is None else str(value))


def edited_signal(widget: QWidget):
    """The signal a widget sends when the technician changes it (to clear an old message)."""
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QCheckBox):
        return widget.toggled
    return widget.textEdited


# Units used by the page specs, listed so that lupdate finds them and they get translated.
UNITS = (QT_TRANSLATE_NOOP("units", "kg/yr"), QT_TRANSLATE_NOOP("units", "ha"), QT_TRANSLATE_NOOP("units", "%"),
         QT_TRANSLATE_NOOP("units", "kg/kg"), QT_TRANSLATE_NOOP("units", "% N"),
         QT_TRANSLATE_NOOP("units", "kWh/yr"), QT_TRANSLATE_NOOP("units", "kg"), QT_TRANSLATE_NOOP("units", "l/yr"),
         QT_TRANSLATE_NOOP("units", "kg/ha"), QT_TRANSLATE_NOOP("units", "per ha"),
         QT_TRANSLATE_NOOP("units", "per yr"), QT_TRANSLATE_NOOP("units", "kg a.i./yr"),
         QT_TRANSLATE_NOOP("units", "l or kg/yr"), QT_TRANSLATE_NOOP("units", "kg/trip"))
