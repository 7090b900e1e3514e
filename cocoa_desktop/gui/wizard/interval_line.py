"""The results page's line with the survey's 90 % interval (10,000 seeded draws over the factors' ranges and the
values marked estimated), computed off the GUI thread as the campaign view's intervals are.

On the GUI thread its draws, and numpy's import the first time, took most of the Siguiente that showed the results.
The line says the interval is being computed until it comes. The draws start when the page has stayed on screen
AFTER_MS: walking past the page (Back and Next, closing the survey at once) starts none that nobody waits for; the
first draws import numpy, a fifth of a second of a worker's time during which the GUI thread ran at half speed (the
next survey opened took twice as long)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel

from cocoa_desktop.gui.i18n import translate

if TYPE_CHECKING:
    from cocoa_desktop.engine.footprint.factors import Factors
    from cocoa_desktop.engine.model.survey import Survey
    from cocoa_desktop.engine.progress import Progress
    from cocoa_desktop.gui.actions.background import Background

AFTER_MS = 150


class IntervalLine(QObject):
    def __init__(self, label: QLabel, factors: Factors, parent: QObject) -> None:
        super().__init__(parent)
        self.label = label
        self.factors = factors
        self.lang = "es"
        self.below = ""  # what the line says after the interval (the husk model's two numbers)
        self.survey: Survey | None = None  # the survey whose interval is to be computed
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AFTER_MS)
        self.timer.timeout.connect(self.compute)
        self.background: Background | None = None  # not the page's child: a late answer finds no page

    def start(self, survey: Survey, below: str, lang: str) -> None:
        """"Computing the interval…" now, the draws in AFTER_MS if the page is still on screen."""
        self.survey, self.below, self.lang = survey, below, lang
        self.show(None)
        self.timer.start()

    def compute(self) -> None:
        from cocoa_desktop.gui.actions.background import Background

        survey, factors = self.survey, self.factors
        if survey is None or not self.label.isVisible():
            return  # left meanwhile
        if self.background is None:
            self.background = Background()
            self.background.done.connect(self.show)
            self.background.failed.connect(lambda message: self.show(None, message))
        self.background.start(lambda progress: _interval(survey, factors, progress), self.lang)

    def show(self, spread: Any, failed: str = "") -> None:
        """``spread`` (the survey's Uncertainty total) once computed; None while it is (or when it failed)."""
        if not shiboken6.isValid(self.label):
            return  # the wizard closed meanwhile
        if spread is not None:
            text = (translate("results", "With its uncertainty: %1. What weighs most: %2.")
                    .replace("%1", spread.net_per_kg.sentence("kg CO2e/kg", self.lang))
                    .replace("%2", spread.main_contributions(self.lang) or "—"))
        else:
            text = failed or translate("campaign", "Computing the 90 % interval…")
        self.label.setText("\n".join(filter(None, (text, self.below))))

    def stop(self) -> None:
        """The page is left: an interval not yet computed is no longer wanted."""
        self.survey = None
        self.timer.stop()
        if self.background is not None:
            self.background.cancel()


def _interval(survey: Survey, factors: Factors, progress: Progress) -> Any:
    """In a worker thread: the survey's net result drawn 10,000 times (its Uncertainty total)."""
    from cocoa_desktop.engine.uncertainty import monte_carlo as uncertainty

    return uncertainty.simulate([survey], factors, seed=1, progress=progress).total
