"""“How was this computed?”: every calculation step in words, in the user's language, with its formula, the
inputs and factors with their units, and the value — one readable block per step, wrapped, never truncated."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from cocoa_desktop.engine.footprint.explanation import describe
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.results import Step
from cocoa_desktop.gui.fields import fit_to_screen
from cocoa_desktop.gui.i18n import translate


def steps_html(steps: list[Step], factors: Factors, lang: str) -> str:
    """The steps as HTML: a heading with the value, the formula in words, then what went in."""
    data_typed = escape(translate("results", "Data typed"))
    factor_words = escape(translate("results", "Factors of the factor set"))
    blocks = []
    for step in steps:
        words = describe(step, factors, lang)
        lines = [f"<h3>{escape(words.title)}: {escape(words.value)}</h3>",
                 f"<p><i>{escape(words.formula)}</i></p>"] if words.formula else [
                 f"<h3>{escape(words.title)}: {escape(words.value)}</h3>"]
        if words.inputs:
            lines.append(f"<p>{data_typed}:</p><ul>"
                         + "".join(f"<li>{escape(x)}</li>" for x in words.inputs) + "</ul>")
        if words.factors:
            lines.append(f"<p>{factor_words}:</p><ul>"
                         + "".join(f"<li>{escape(x)}</li>" for x in words.factors) + "</ul>")
        blocks.append("\n".join(lines))
    head = translate("results", "Factor set: %1 — GWP %2").replace("%1", factors.factor_set.name(lang))
    head = head.replace("%2", factors.gwp.id)
    return f"<p><b>{escape(head)}</b></p>\n" + "\n<hr/>\n".join(blocks)


class StepsDialog(QDialog):
    def __init__(self, steps: list[Step], factors: Factors, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("results.steps")
        self.setWindowTitle(translate("results", "How was this computed?"))
        self.text = QTextBrowser()
        self.text.setObjectName("results.steps.text")
        self.text.setHtml(steps_html(steps, factors, lang))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        fit_to_screen(self, 820, 640, parent)
