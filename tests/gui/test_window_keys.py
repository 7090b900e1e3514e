"""Keys in the app's windows, pressed as a technician presses them: Esc closes the decisions and economics windows
as it closes a dialog; the survey wizard's first field takes what is typed when it opens and after Next and Back;
Tab goes the way the eye reads, top to bottom and left to right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWizard

from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.storage import training
from tests.gui.keyboard import focused, open_wizard, press, type_text


def shown(qtbot, window):
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_esc_closes_the_decisions_window_from_its_table_and_from_a_field(qtbot, storage):
    from cocoa_desktop.gui.decisions.window import DecisionsWindow

    training.install(storage.repo)
    f = factors_for("promperu-2020")
    for focus in ("table", "field"):
        window = shown(qtbot, DecisionsWindow(storage, training.TRAINING_NAME, f, "es"))
        widget = window.view.table if focus == "table" else window.view.region_ha
        widget.setFocus()
        assert QApplication.focusWidget() is widget
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        assert not window.isVisible(), focus
        assert window.view.background.wait(5000)  # its Monte Carlo thread stopped on closing


def test_esc_closes_the_economics_window(qtbot):
    from cocoa_desktop.gui.decisions.economics_window import EconomicsWindow

    window = shown(qtbot, EconomicsWindow("es"))
    window.project_tab.load_example()
    field = window.project_tab.inputs["discount_rate"]
    field.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_what_is_typed_goes_into_the_first_field_of_each_page(storage, new_survey, qtbot):
    """Defect: a cooperative's name typed as the wizard opened (Ctrl+N) and "310" ha typed after Siguiente went
    nowhere: the page's scroll area had the focus."""
    wizard = open_wizard(storage, new_survey, qtbot)
    type_text(qtbot, "Cooperativa Norte")  # key events to whatever has the focus
    assert wizard.findChild(QLineEdit, "general.organisation").text() == "Cooperativa Norte"
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.current_page_name() == "production"
    type_text(qtbot, "310")
    assert wizard.findChild(QLineEdit, "general.productive_area_ha").text() == "310"
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    assert wizard.current_page_name() == "organisation"
    assert focused().objectName() == "general.organisation"
    # a page of tables only: its first cell, or "Add row" while it has none
    wizard.setStartId(wizard.page_ids["packaging"])
    wizard.restart()
    assert focused().objectName() == "packaging.add"


def test_a_survey_reopened_at_its_page_takes_the_keys_there(storage, new_survey, qtbot):
    storage.repo.save_section(new_survey, "general", {"organisation": "X", "campaign_year": 2019,
                                                      "productive_area_ha": 10, "dry_cocoa_kg": 5000})
    wizard = open_wizard(storage, new_survey, qtbot, page="husk")
    assert wizard.current_page_name() == "husk"
    type_text(qtbot, "60")
    assert wizard.findChild(QLineEdit, "husk.shares.heaped").text() == "60"


def tab_chain(qtbot, start, limit: int = 80) -> list:
    """The widgets Tab visits from ``start`` until it comes back to it."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    assert focused() is start
    seen = [start]
    for _ in range(limit):
        press(qtbot, Qt.Key.Key_Tab)
        if focused() is start:
            return seen
        seen.append(focused())
    raise AssertionError(f"Tab does not come back: {[w.objectName() for w in seen[-20:]]}")


def first_on(page):
    """The first widget of ``page`` that Tab stops at."""
    widget = page.nextInFocusChain()
    while not (page.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled()
               and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
        widget = widget.nextInFocusChain()
    return widget


def test_tab_reaches_the_wizards_buttons_left_to_right(storage, new_survey, qtbot):
    """Defect: the language button came after Cerrar (at the far right)."""
    wizard = open_wizard(storage, new_survey, qtbot)
    row = [wizard.button(b) for b in (QWizard.WizardButton.HelpButton, QWizard.WizardButton.CustomButton1,
                                      QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                                      QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton)]
    for page_id in ("organisation", "production", "results"):
        wizard.setStartId(wizard.page_ids[page_id])
        wizard.restart()
        QApplication.processEvents()
        page = wizard.currentPage()
        chain = tab_chain(qtbot, first_on(page))
        buttons = [w for w in chain if w in row]
        assert [b.objectName() for b in buttons] == [b.objectName() for b in row if b.isVisible()], page_id
        xs = [b.mapToGlobal(b.rect().topLeft()).x() for b in buttons]
        assert xs == sorted(xs), page_id  # left to right, as they stand
        # the page's own widgets first, then the row of buttons under it
        on_page = [i for i, w in enumerate(chain) if page.isAncestorOf(w)]
        assert not on_page or max(on_page) < chain.index(buttons[0]), page_id


def test_tab_in_the_conflict_dialog_goes_down_the_choices_then_the_buttons(storage, qtbot, tmp_path):
    """Defect: Tab went to the buttons first and only then to the choices above them."""
    from cocoa_desktop.gui.history.conflict_dialog import ConflictDialog
    from cocoa_desktop.storage.sync import import_campaigns, read_any
    from tests.gui.test_exchange import _conflict

    survey_id, path = _conflict(storage, tmp_path)
    import_campaigns(storage.repo, read_any(path), str(path))
    dialog = shown(qtbot, ConflictDialog(storage.repo, survey_id, "es"))
    assert len(dialog.choosers) == 2
    chain = [w.objectName() for w in tab_chain(qtbot, dialog.tree)]
    assert chain == ["conflict.tree", *(c.objectName() for c in dialog.choosers.values()), "conflict.keep_mine",
                     "conflict.keep_theirs", "conflict.apply", "conflict.later"]
    tops = [dialog.choosers[s].mapToGlobal(dialog.choosers[s].rect().topLeft()).y() for s in dialog.choosers]
    assert tops == sorted(tops)  # the choices in the order they stand, top down
