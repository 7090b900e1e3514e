"""One cooperative of the campaign view: its net footprint with the 90 % interval and what weighs most in it, its
recommendations in the order of the mitigation hierarchy (each citing its numbers), the report's split beside the
model's, and — for a cooperative surveyed by a sample of farms — its totals extrapolated to its partners and
production (ratio estimator, interval, the farms needed for ±10 %)."""

from __future__ import annotations

import json
from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cocoa_desktop.engine.decisions.recommendation_words import comparison, message, tier_words
from cocoa_desktop.engine.decisions.recommendations import HIERARCHY, Plan
from cocoa_desktop.engine.footprint.extrapolation import (
    SampledCooperative,
    cooperative_from_footprints,
    sample_size_for_margin,
)
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.husk_model import husk_model_sentence
from cocoa_desktop.engine.footprint.results import Footprint
from cocoa_desktop.engine.model.issues import SurveyValidationError
from cocoa_desktop.engine.uncertainty.monte_carlo import UnitUncertainty
from cocoa_desktop.gui.fields import InputError, NumberEdit, format_number
from cocoa_desktop.gui.i18n import translate

SAMPLE_MARGIN = 0.10


class CooperativeDetail(QWidget):
    estimated = Signal(str)  # the cooperative whose totals were just extrapolated from its sample

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.plan: Plan | None = None
        self.farms: list[Footprint] = []  # the footprints of the cooperative's farm surveys
        self.factors: Factors | None = None
        self.settings = None  # (repository, key) where the sample's partners and production are remembered
        self.sampled: SampledCooperative | None = None
        self.text = QTextBrowser()
        self.text.setObjectName("cooperative_detail")
        self.text.setOpenExternalLinks(False)
        self.sample_box = QGroupBox(translate("campaign", "Cooperative surveyed by a sample of farms"))
        self.sample_box.setObjectName("sample_box")
        self.partners = NumberEdit(whole=True)
        self.partners.setObjectName("sample.partners")
        self.production = NumberEdit()
        self.production.setObjectName("sample.production_kg")
        estimate = QPushButton(translate("campaign", "Extrapolate"))
        estimate.setObjectName("sample.estimate")
        estimate.clicked.connect(self.extrapolate)
        self.partners.returnPressed.connect(self.extrapolate)
        self.production.returnPressed.connect(self.extrapolate)
        self.sample_result = QLabel()
        self.sample_result.setObjectName("sample.result")
        self.sample_result.setWordWrap(True)
        form = QFormLayout(self.sample_box)
        form.addRow(translate("campaign", "Partners of the cooperative"), self.partners)
        row = QHBoxLayout()
        row.addWidget(self.production)
        row.addWidget(estimate)
        form.addRow(translate("campaign", "Its total dry cocoa (kg/yr, from its records)"), row)
        form.addRow(self.sample_result)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.sample_box)
        self.sample_box.hide()

    def show_plan(self, plan: Plan, uncertainty: UnitUncertainty | None, farms: list[Footprint], f: Factors,
                  settings: tuple | None = None) -> None:
        """``farms``: the footprints of the cooperative's farm surveys (its sample, when it has two or more)."""
        self.plan, self.factors, self.settings = plan, f, settings
        self.farms = list(farms)
        self.render(uncertainty)
        self.sample_box.setVisible(len(self.farms) >= 2)
        self.sample_result.clear()
        self.sampled = None
        remembered = self._remembered()
        if remembered:
            self.partners.setText(str(remembered["partners"]))
            self.production.setText(format_number(remembered["production_kg"]))
            self.extrapolate()
        else:
            self.partners.clear()
            self.production.clear()

    def render(self, uncertainty: UnitUncertainty | None) -> None:
        plan, lang = self.plan, self.lang
        if plan is None:
            self.text.clear()
            return
        weighs = translate("campaign", "What weighs most in the uncertainty:")
        computing = translate("campaign", "Computing the 90 % interval…")
        heading = translate("campaign", "Recommendations (avoid, reduce, restore, compensate)")
        nothing = translate("campaign", "Nothing to recommend from these data.")
        report_words = translate("campaign", "The report (§7):")
        parts = [f"<h3>{escape(plan.name)}</h3>"]
        if uncertainty is not None:
            parts.append(f"<p><b>{escape(uncertainty.net_per_kg.sentence(lang=lang))}</b></p>")
            main = uncertainty.main_contributions(lang)
            if main:
                parts.append(f"<p>{escape(weighs)} {escape(main)}</p>")
        else:
            parts.append(f"<p><i>{escape(computing)}</i></p>")
        if plan.husk_model is not None:  # the factor that may decide the sign, with both numbers
            parts.append(f"<p>{escape(husk_model_sentence(plan.husk_model, lang))}</p>")
        parts.append(f"<h4>{escape(heading)}</h4><ol>")
        for tier in HIERARCHY:
            for rec in (r for r in plan.items if r.tier is tier):
                parts.append(f"<li><b>{escape(tier_words(tier, lang))}.</b> {escape(message(rec, lang))}</li>")
        if not plan.items:
            parts.append(f"<li>{escape(nothing)}</li>")
        parts.append("</ol>")
        parts.append(f"<p>{escape(comparison(plan, lang))}</p>")
        if plan.published is not None:
            parts.append(f"<p>{escape(report_words)} {escape(plan.published.reduction_words(lang))} | "
                         f"{escape(plan.published.compensation_words(lang))}</p>")
        self.text.setHtml("".join(parts))

    def _remembered(self) -> dict | None:
        if self.settings is None:
            return None
        repo, key = self.settings
        try:
            found = json.loads(repo.setting(key) or "null")
        except ValueError:
            return None
        return found if isinstance(found, dict) and {"partners", "production_kg"} <= set(found) else None

    def extrapolate(self) -> SampledCooperative | None:
        """The cooperative's totals from its sample of farms (the partners and production typed)."""
        if self.factors is None or len(self.farms) < 2:
            return None
        try:
            partners, production = self.partners.number(), self.production.number()
            if partners is None or production is None:
                raise InputError(translate("campaign", "Type the cooperative's partners and its total dry cocoa."))
            name = self.plan.name if self.plan else ""
            self.sampled = cooperative_from_footprints(self.farms, name, partners, production)
            needed = sample_size_for_margin(self.sampled.net, SAMPLE_MARGIN)
        except InputError as exc:
            self.sample_result.setText(str(exc))
            return None
        except SurveyValidationError as exc:
            self.sample_result.setText(exc.issues[0].message(self.lang))
            return None
        self.sample_result.setText(
            self.sampled.sentence(self.lang) + ". " +
            (translate("campaign", "For ±10 % about 1 farm would be needed (%2 surveyed).") if needed == 1 else
             translate("campaign", "For ±10 % about %1 farms would be needed (%2 surveyed)."))
            .replace("%1", str(needed)).replace("%2", str(self.sampled.net.n)))
        if self.settings is not None and not getattr(self.settings[0], "read_only", False):
            repo, key = self.settings
            repo.set_setting(key, json.dumps({"partners": partners, "production_kg": production}))
        self.estimated.emit(self.plan.name if self.plan else "")
        return self.sampled
