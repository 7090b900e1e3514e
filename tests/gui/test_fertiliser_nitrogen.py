"""The fertilisation page: an empty N % shows (in grey) the standard content the survey model uses, and a product
without a known content is refused, naming row and column, so the survey cannot be finished with it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.footprint.results import Stage
from tests.gui.keyboard import open_wizard

GENERAL = {"organisation": "Cooperativa Prueba", "campaign_year": 2024, "productive_area_ha": 100,
           "dry_cocoa_kg": 60_000}


def _survey(storage) -> str:
    campaign = storage.repo.ensure_campaign("Campaña 2024", 2024)
    return storage.repo.add_survey({"unit": "cooperative", "general": GENERAL, "husk": {"shares": {"heaped": 1.0}},
                                    "drying": {"shares": {"sun_tarp": 1.0}}}, campaign)


def test_empty_n_percent_shows_and_counts_the_standard_content(storage, qtbot):
    survey_id = _survey(storage)
    wizard = open_wizard(storage, survey_id, qtbot, "fertilisation", active=False)
    table = wizard.currentPage().tables["fertilisation.products"]
    table.add_button.click()
    kind = table.widget(0, "type")
    kind.setCurrentIndex(kind.findData("urea"))
    table.widget(0, "kg_per_year").setText("1500")
    n_cell = table.widget(0, "n_percent")
    assert n_cell.text() == "" and n_cell.placeholderText().startswith("46 (")  # "46 (habitual)"
    kind.setCurrentIndex(kind.findData("own_compost"))
    assert n_cell.placeholderText() == ""  # no standard content for compost
    kind.setCurrentIndex(kind.findData("npk"))
    table.widget(0, "name").setText("NPK 20-20-20")
    table.widget(0, "name").textEdited.emit("NPK 20-20-20")  # as typed
    assert n_cell.placeholderText().startswith("20 (")
    kind.setCurrentIndex(kind.findData("urea"))
    wizard.next()
    assert wizard.current_page_name() == "fermentation", wizard.findChild(QLabel, "fertilisation.products.error").text()
    survey = storage.repo.survey(survey_id)
    assert survey.fertilisation.products[0].n_percent == 46
    f = factors_for("promperu-2020")
    stage = compute(survey, f).stages[Stage.FERTILISATION]
    typed = survey.model_copy(deep=True)
    typed.fertilisation.products[0].n_percent = 46.0
    assert stage == compute(typed, f).stages[Stage.FERTILISATION] > 0


def test_a_product_without_a_known_content_is_refused_with_row_and_column(storage, qtbot):
    survey_id = _survey(storage)
    wizard = open_wizard(storage, survey_id, qtbot, "fertilisation", active=False)
    table = wizard.currentPage().tables["fertilisation.products"]
    table.add_row({"type": "urea", "kg_per_year": 1500})
    table.add_row({"type": "npk", "name": "Abono de la tienda", "kg_per_year": 300})
    assert table.widget(1, "n_percent").placeholderText() == ""
    wizard.next()
    assert wizard.current_page_name() == "fertilisation"  # not accepted: the survey cannot go on to its results
    error = wizard.findChild(QLabel, "fertilisation.products.error").text()
    assert "Fila 2, «Nitrógeno»: indique el nitrógeno (% N de la etiqueta)" in error
    assert "2px solid" in table.widget(1, "n_percent").styleSheet()
    assert "Fila 1" not in error  # urea's content is known
    table.widget(1, "n_percent").setText("12")
    wizard.next()
    assert wizard.current_page_name() == "fermentation"
    assert [p.n_percent for p in storage.repo.survey(survey_id).fertilisation.products] == [46, 12]
