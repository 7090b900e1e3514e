"""Input widgets for survey fields: numbers typed the Peruvian way, percentages that must add up, choices.

Every widget's objectName is its field key in the survey model (``general.dry_cocoa_kg``), so tests,
screenshots and the user guide can find it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFrame, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from cocoa_desktop.engine.numbers import AmbiguousNumber, parse_number
from cocoa_desktop.gui.i18n import translate


@dataclass(frozen=True)
class FieldSpec:
    key: str  # path inside the section, e.g. "dry_cocoa_kg" or "shares.composted"
    label: str  # English source text, translated in context "fields"
    unit: str = ""
    hint: str = ""
    kind: str = "number"  # number | int | text | choice | percent | bool
    choices: tuple[tuple[str, str], ...] = ()  # (stored value, English label)


class InputError(ValueError):
    """A value the technician typed that cannot be read; the message is already translated."""


def format_number(value: float | None, decimals: int = 6) -> str:
    """A number as a Peruvian technician writes it (decimal comma), without trailing zeros."""
    if value is None:
        return ""
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


class NumberEdit(QLineEdit):
    """A line edit that reads "1 250,5", "1.250,5" or "0,25"; an ambiguous "1.250" is questioned."""

    def __init__(self, whole: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.whole = whole

    def number(self) -> float | int | None:
        text = self.text().strip()
        if not text:
            return None
        try:
            value = parse_number(text, whole=self.whole)
        except AmbiguousNumber:
            raise InputError(translate("fields", "“%1” is ambiguous: write 1250 or 1,25").replace("%1", text)) from None
        except ValueError:
            raise InputError(translate("fields", "“%1” is not a number").replace("%1", text)) from None
        if self.whole:
            if not value.is_integer():
                raise InputError(translate("fields", "“%1” must be a whole number").replace("%1", text))
            return int(value)
        return value

    def set_number(self, value: float | None) -> None:
        self.setText(format_number(value))


class PercentEdit(NumberEdit):
    """Shown in % (what technicians think in); stored as a fraction 0–1."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(False, parent)
        self.textChanged.connect(self.changed)

    def number(self) -> float | None:
        value = super().number()
        return None if value is None else value / 100.0

    def set_number(self, value: float | None) -> None:
        self.setText(format_number(None if value is None else value * 100.0, 4))


def scrolling_body(page: QWidget) -> QVBoxLayout:
    """Give a page a frameless scroll area and return the layout inside it: long pages stay usable on a small
    laptop screen."""
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    body = QWidget()
    scroll.setWidget(body)
    outer.addWidget(scroll)
    return QVBoxLayout(body)


def make_widget(spec: FieldSpec, object_name: str) -> QWidget:
    if spec.kind == "choice":
        widget: QWidget = QComboBox()
        for value, label in spec.choices:
            widget.addItem(translate("choices", label), value)
    elif spec.kind == "bool":
        widget = QCheckBox()
    elif spec.kind == "percent":
        widget = PercentEdit()
    elif spec.kind in ("number", "int"):
        widget = NumberEdit(whole=spec.kind == "int")
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


# Units used by the page specs, listed so that lupdate finds them and they get translated.
UNITS = (QT_TRANSLATE_NOOP("units", "kg/yr"), QT_TRANSLATE_NOOP("units", "ha"), QT_TRANSLATE_NOOP("units", "%"),
         QT_TRANSLATE_NOOP("units", "kg/kg"), QT_TRANSLATE_NOOP("units", "% N"),
         QT_TRANSLATE_NOOP("units", "kWh/yr"), QT_TRANSLATE_NOOP("units", "kg"), QT_TRANSLATE_NOOP("units", "l"),
         QT_TRANSLATE_NOOP("units", "kg/ha"))
