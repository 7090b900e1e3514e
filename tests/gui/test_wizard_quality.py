"""The data-quality defects of issue 10, each as a technician meets it in the wizard (Spanish, keys typed)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QScrollArea, QTextBrowser, QWizard

from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.footprint.results import Stage
from cocoa_desktop.engine.model import vocabulary
from tests.gui.keyboard import open_wizard, press, replace_text, tab_to

GENERAL = {"organisation": "Cooperativa Prueba", "campaign_year": 2024, "productive_area_ha": 100,
           "dry_cocoa_kg": 60_000}


def _wizard(storage, survey_id, qtbot, page="organisation", factor_set="promperu-2020", lang="es"):
    wizard = open_wizard(storage, survey_id, qtbot, page if page != "organisation" else "", factor_set, lang)
    assert wizard.current_page_name() == page
    return wizard


def _type(qtbot, key, text):
    tab_to(qtbot, key)
    replace_text(qtbot, text)


def _started(storage, **sections):
    """A survey with its general data typed, and more sections if given."""
    campaign = storage.repo.ensure_campaign("Campaña 2024", 2024)
    doc = {"unit": "cooperative", "general": GENERAL, "husk": {"shares": {"heaped": 1.0}},
           "drying": {"shares": {"sun_tarp": 1.0}}}
    return storage.repo.add_survey({**doc, **sections}, campaign)


def test_percent_fields_take_0_to_100_and_the_percent_sign(storage, qtbot):
    """Defect 5: 150 was refused with "cannot be more than 1", and typing 1 as advised stored 1 %."""
    wizard = _wizard(storage, _started(storage, husk={}), qtbot, "husk")
    _type(qtbot, "husk.shares.heaped", "150")
    wizard.next()
    error = wizard.findChild(QLabel, "husk.shares.heaped.error").text()
    assert "150 % es más de 100 %" in error and "60 para 60 %" in error
    _type(qtbot, "husk.shares.heaped", "60 %")
    assert not wizard.findChild(QLabel, "husk.shares.heaped.error").isVisible()  # gone once edited
    _type(qtbot, "husk.shares.composted", "40%")
    wizard.next()
    assert wizard.current_page_name() == "fertilisation"
    assert storage.repo.document(wizard.session.survey_id)["husk"]["shares"] == {"heaped": 0.6, "composted": 0.4}


def test_fractions_typed_as_percentages_are_pointed_out(storage, qtbot):
    wizard = _wizard(storage, _started(storage, husk={}), qtbot, "husk")
    _type(qtbot, "husk.shares.heaped", "0,4")
    _type(qtbot, "husk.shares.composted", "0,6")
    assert "escriba porcentajes: 40 para 40 %" in wizard.findChild(QLabel, "page.husk.remaining").text()
    wizard.next()
    assert wizard.current_page_name() == "husk"
    assert "deben sumar 100 %" in wizard.findChild(QLabel, "page.husk.error").text()


def test_litres_of_a_transport_leg_are_used_without_a_distance(storage, qtbot):
    """Defect 4: "litres per year" was ignored (no fuel column) while "How was it computed" listed them."""
    survey_id = _started(storage)
    wizard = _wizard(storage, survey_id, qtbot, "transport")
    table = wizard.currentPage().tables["transport.legs"]
    table.add_button.click()
    vehicle = table.widget(0, "vehicle")
    vehicle.setFocus()
    press(qtbot, Qt.Key.Key_Home)
    for _ in range(4):
        press(qtbot, Qt.Key.Key_Down)  # rigid truck
    litres = table.widget(0, "litres_per_year")
    litres.setFocus()
    replace_text(qtbot, "1.000")
    wizard.next()  # litres without their fuel: refused, row and column named
    assert wizard.current_page_name() == "transport"
    error = wizard.findChild(QLabel, "transport.legs.error").text()
    assert "Fila 1" in error and "combustible" in error
    fuel = table.widget(0, "fuel")
    assert [fuel.itemText(i) for i in range(fuel.count())] == ["(no se sabe)", "Gasolina", "Diésel", "GLP"]
    fuel.setFocus()
    press(qtbot, Qt.Key.Key_Home)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)  # diesel
    wizard.next()
    assert wizard.current_page_name() == "sequestration"  # no distance needed
    leg = storage.repo.document(survey_id)["transport"]["legs"][0]
    assert leg["vehicle"] == "rigid_truck" and leg["fuel"] == "diesel" and leg["litres_per_year"] == 1000
    assert "distance" not in leg
    factors = factors_for("promperu-2020")
    transport = compute(storage.repo.survey(survey_id), factors).stages[Stage.TRANSPORT]
    assert transport > 0
    wizard.next()
    wizard.next()
    page = wizard.currentPage()
    assert page.objectName() == "page.results"
    assert [s.key for s in page.steps if s.stage == "transport"] == ["transport_litres"]
    assert abs(sum(s.value for s in page.steps if s.stage == "transport") - transport) < 1e-9


def test_packaging_asks_for_the_empty_bag_and_warns_on_its_own_page(storage, qtbot):
    """Defect 6: "kg por envase" was read as the cocoa a bag holds; the warning showed only on the results."""
    survey_id = _started(storage)
    wizard = _wizard(storage, survey_id, qtbot, "packaging")
    table = wizard.currentPage().tables["packaging"]
    header = table.table.horizontalHeaderItem(2).text()
    assert header.replace("\n", " ") == "Peso de un envase vacío (kg)"
    assert "UN ENVASE VACÍO" in wizard.findChild(QLabel, "packaging.hint").text()
    table.add_button.click()
    table.widget(0, "type").setCurrentIndex(table.widget(0, "type").findData("polypropylene_sack"))
    table.widget(0, "bags_per_year").setText("1000")
    table.widget(0, "kg_per_bag").setText("60")  # the cocoa in the bag, not the bag
    wizard.next()
    assert wizard.current_page_name() == "packaging"  # stopped once, to look at the warning where it was typed
    warning = wizard.findChild(QLabel, "packaging.warning")
    assert warning.isVisible() and "peso del envase vacío" in warning.text()
    assert "pulse Siguiente otra vez" in wizard.findChild(QLabel, "page.packaging.warning").text()
    wizard.next()
    assert wizard.current_page_name() == "transport"  # the value stands if the technician says so


def test_table_errors_name_row_and_column_and_outline_the_cell(storage, qtbot):
    wizard = _wizard(storage, _started(storage), qtbot, "packaging")
    table = wizard.currentPage().tables["packaging"]
    table.add_row({"type": "jute_sack", "material_kg_per_year": 10})
    table.add_row({"type": "plastic_bag", "bags_per_year": 100})
    table.widget(1, "kg_per_bag").setText("abc")
    wizard.next()
    error = wizard.findChild(QLabel, "packaging.error").text()
    assert "Fila 2, «Peso de un envase vacío»: «abc» no es un número" in error
    assert "2px solid" in table.widget(1, "kg_per_bag").styleSheet()
    table.widget(1, "kg_per_bag").setText("")
    wizard.next()  # the survey model's own message, about row 2 as a whole
    assert "Fila 2: indique la cantidad" in wizard.findChild(QLabel, "packaging.error").text()


def test_whole_number_fields_read_thousands_and_others_ask(storage, qtbot, new_survey):
    wizard = _wizard(storage, _started(storage), qtbot, "production")
    _type(qtbot, "general.dry_cocoa_kg", "240.000")
    _type(qtbot, "general.cocoa_trees_per_ha", "1.111")
    _type(qtbot, "general.productive_area_ha", "1.250")
    wizard.next()
    assert wizard.findChild(QLabel, "general.dry_cocoa_kg.error").text() == ""
    assert wizard.findChild(QLabel, "general.cocoa_trees_per_ha.error").text() == ""
    asked = wizard.findChild(QLabel, "general.productive_area_ha.error").text()
    assert "1250 ha o como 1,25 ha" in asked and "puede tener decimales" in asked
    general = storage.repo.document(wizard.session.survey_id)["general"]
    assert general["dry_cocoa_kg"] == 240_000 and general["cocoa_trees_per_ha"] == 1111


def test_closing_asks_first_and_keeps_what_was_typed(storage, qtbot):
    """Defect 11: Cancel saved and Esc closed without asking."""
    survey_id = _started(storage)
    wizard = _wizard(storage, survey_id, qtbot, "production")
    wizard.ask_before_closing = True
    _type(qtbot, "general.shade_trees_per_ha", "45")
    answers = []

    def answer(button_text):
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "wizard.confirm_close"
        answers.append(box.text())
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(0, lambda: answer("Seguir trabajando"))
    press(qtbot, Qt.Key.Key_Escape)
    assert wizard.isVisible() and "No se pierde nada" in answers[0]
    assert wizard.button(QWizard.WizardButton.CancelButton).text() == "Cerrar"
    QTimer.singleShot(0, lambda: answer("Cerrar"))
    wizard.button(QWizard.WizardButton.CancelButton).click()
    assert not wizard.isVisible()
    assert storage.repo.document(survey_id)["general"]["shade_trees_per_ha"] == 45  # this page too


def test_pages_say_where_the_technician_is(storage, qtbot, new_survey):
    wizard = _wizard(storage, new_survey, qtbot)
    assert wizard.currentPage().title() == "Página 1 de 11: Organización y campaña"
    assert wizard.section_page("husk").title().startswith("Página 3 de 11: ")


def test_the_factor_set_says_when_it_does_not_use_the_areas(storage, qtbot):
    promperu = _wizard(storage, _started(storage), qtbot, "production")
    info = promperu.findChild(QLabel, "page.production.info")
    assert info.isVisible() and "las áreas por sistema y edad no se usan" in info.text()
    ipcc = _wizard(storage, _started(storage), qtbot, "production", factor_set="ipcc2006-ar5")
    assert not ipcc.findChild(QLabel, "page.production.info").isVisible()


def test_choices_use_the_engines_words_in_each_language(storage, qtbot, qapp):
    from cocoa_desktop.gui import i18n

    wizard = _wizard(storage, _started(storage), qtbot, "husk")
    labels = {label.buddy().objectName(): label.text() for label in wizard.currentPage().findChildren(QLabel)
              if label.buddy() is not None}
    assert labels["husk.shares.heaped"] == vocabulary.HUSK["heaped"][0] + " (%)"
    assert labels["husk.shares.left_on_soil"] == "Esparcida en capa delgada bajo los árboles (%)"
    i18n.install(qapp, "en")
    try:
        english = _wizard(storage, _started(storage), qtbot, "transport", lang="en")
        table = english.currentPage().tables["transport.legs"]
        table.add_button.click()
        vehicle = table.widget(0, "vehicle")
        assert [vehicle.itemText(i) for i in range(vehicle.count())] == [w[1] for w in vocabulary.VEHICLE.values()]
        assert english.button(QWizard.WizardButton.NextButton).text().replace("&", "") == "Next >"
    finally:
        i18n.install(qapp, "es")


def test_how_it_was_computed_reads_in_words_with_units_in_both_languages(storage, qtbot, qapp):
    from cocoa_desktop.engine.files.resources import example_path
    from cocoa_desktop.gui import i18n
    from cocoa_desktop.storage.sync import import_campaigns, read_any

    import_campaigns(storage.repo, read_any(example_path("san-martin-2020-cooperatives.json")), "x")
    survey_id = storage.repo.surveys()[0].id
    for lang, words in (("es", ("Cáscara: Amontonada en pilas", "kg/año", "producción × cáscara por kg")),
                        ("en", ("Husk: Piled in heaps", "kg/yr", "production × husk per kg"))):
        i18n.install(qapp, lang)
        try:
            wizard = _wizard(storage, survey_id, qtbot, "results", lang=lang)
            wizard.currentPage().show_steps()
            text = wizard.currentPage().steps_dialog.findChild(QTextBrowser).toPlainText()
        finally:
            i18n.install(qapp, "es")
        for word in words:
            assert word in text, (lang, word)
        assert "R_husk" not in text and "composted" not in text.replace("Composted", "")


def test_the_wizard_fits_a_1024_by_768_screen(storage, qtbot, new_survey):
    """Defect 10: the wizard was 902×745, its buttons half off a 1280×720 screen."""
    wizard = _wizard(storage, new_survey, qtbot)
    assert wizard.minimumSizeHint().width() <= 1024 and wizard.minimumSizeHint().height() <= 768 - 48
    screen = wizard.screen().availableGeometry()
    assert wizard.frameGeometry().width() <= screen.width() and wizard.height() <= screen.height()
    for page_id in ("organisation", "fertilisation", "transport"):
        wizard.setStartId(wizard.page_ids[page_id])
        wizard.restart()
        QApplication.processEvents()
        for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.CancelButton):
            button = wizard.button(which)
            corner = button.mapTo(wizard, button.rect().bottomRight())
            assert corner.x() <= wizard.width() and corner.y() <= wizard.height(), page_id
        scroll = wizard.currentPage().findChild(QScrollArea)
        assert not scroll.horizontalScrollBar().isVisible(), page_id  # nothing cut on the right
