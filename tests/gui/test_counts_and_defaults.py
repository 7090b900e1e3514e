"""Words a technician reads in the main window and its dialogs: no "1 encuestas" or "faltan 0 %", the campaign's year
with its name (not in the State column), areas with their decimals, and no differences nobody made ("— / 0") in the
conflict dialog and the change history, whose count is what it lists."""

from __future__ import annotations

import copy
import csv
import re

from PySide6.QtWidgets import QLabel, QMessageBox

from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.model.survey import Campaign
from cocoa_desktop.gui.history.conflict_dialog import ConflictDialog, differences
from cocoa_desktop.gui.history.view import HistoryView
from cocoa_desktop.gui.main.window import MainWindow
from cocoa_desktop.storage.packages import write_package
from cocoa_desktop.storage.sync import import_campaigns, open_conflicts, read_any
from tests.gui.keyboard import open_wizard
from tests.gui.test_keyboard import EXPECTED

# a count of 1 followed by a plural noun, in either language
ONE_PLURAL = re.compile(r"(?<![\d.,])1 (encuestas|surveys|cambios|changes|datos|fields|fincas|farms|productores|"
                        r"producers|nuevas|actualizadas|idénticas|conflictos|conflicts)\b")


def _window(storage, qtbot) -> MainWindow:
    window = MainWindow(storage, "es")
    qtbot.addWidget(window)
    window.show()
    return window


def _typed_survey(storage, campaign: str = "Campaña 2024", year: int = 2024, **changes) -> str:
    """A completed survey stored as the wizard stores it: empty fields missing, no defaults written."""
    doc = copy.deepcopy(EXPECTED)
    doc["fertilisation"]["products"][0].pop("n_percent")  # urea: its 46 % is the model's
    doc["general"].update(changes)
    survey_id = storage.repo.add_survey(doc, storage.repo.ensure_campaign(campaign, year))
    storage.repo.mark_completed(survey_id)
    return survey_id


def test_the_campaign_row_has_its_year_with_the_name_not_as_its_state(storage, qtbot):
    _typed_survey(storage)
    _typed_survey(storage, "Piloto Lamas", 2023, campaign_year=2023)
    window = _window(storage, qtbot)
    named = window.tree.rows[("campaign", "Campaña 2024")]
    other = window.tree.rows[("campaign", "Piloto Lamas")]
    assert (named.text(0), named.text(1)) == ("Campaña 2024", "")
    assert (other.text(0), other.text(1)) == ("Piloto Lamas (2023)", "")
    window.tree.setCurrentItem(other)
    assert window.tree.selected_campaign() == "Piloto Lamas"  # the name, not the text shown


def test_the_campaign_view_shows_an_area_with_its_decimals(storage, qtbot):
    from cocoa_desktop.gui.campaign.view import CampaignView, hectares

    _typed_survey(storage, productive_area_ha=1.25, dry_cocoa_kg=900)
    view = CampaignView(storage, "Campaña 2024", factors_for("promperu-2020"), "es")
    qtbot.addWidget(view)
    assert view.table.item(0, 2).text() == "1,25"  # it showed 1
    assert view.table.item(1, 2).text() == "1,25"  # the total
    assert (hectares(9301, "es"), hectares(1.2, "es"), hectares(1234.5, "en")) == ("9 301", "1,2", "1,234.5")


def test_one_incomplete_survey_is_said_in_the_singular(storage, qtbot):
    from cocoa_desktop.gui.campaign.view import CampaignView

    _typed_survey(storage)
    storage.repo.add_survey({"general": {"organisation": "Borrador", "campaign_year": 2024}},
                            storage.repo.ensure_campaign("Campaña 2024", 2024))
    view = CampaignView(storage, "Campaña 2024", factors_for("promperu-2020"), "es")
    qtbot.addWidget(view)
    assert "(1 " in view.title.text() and not ONE_PLURAL.search(view.title.text())


def test_shares_that_add_up_say_so_not_0_left(storage, qtbot):
    survey_id = _typed_survey(storage)
    wizard = open_wizard(storage, survey_id, qtbot, "husk", active=False)
    remaining = wizard.findChild(QLabel, "page.husk.remaining")
    assert "100 %" in remaining.text() and not re.search(r"(?<![\d,])0 %", remaining.text())  # "faltan 0 %"
    wizard.currentPage().widgets["husk.shares.burned"].setText("10")
    wizard.currentPage().update_remaining()
    assert "110 %" in remaining.text() and "-10" not in remaining.text()  # "faltan -10 %"


def test_one_survey_exported_is_singular(storage, qtbot, tmp_path, monkeypatch):
    from cocoa_desktop.gui.actions import packages as package_actions

    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: said.append(a[2]))
    _typed_survey(storage)
    window = _window(storage, qtbot)
    job = package_actions.export_package(window, tmp_path / f"una{package_actions.SUFFIX}", "Campaña 2024")
    with qtbot.waitSignal(job.done, timeout=60_000):
        pass
    assert said and said[0].startswith("1 ") and not ONE_PLURAL.search(said[0])


def _conflict_with_defaults(storage, tmp_path) -> str:
    """Typed here (defaults missing), producers changed here; exported by another laptop (every default written:
    reuse 1, N 46 %, empty texts, no estimated fields) with only the composting method changed."""
    survey_id = _typed_survey(storage)
    survey = storage.repo.survey(survey_id)
    general = storage.repo.document(survey_id)["general"]
    storage.repo.save_section(survey_id, "general", {**general, "producers": 300})
    theirs = survey.model_copy(deep=True)
    theirs.husk.compost_method = "pilas tapadas"
    path = tmp_path / "otra.cacao.zip"
    write_package([Campaign(name="Campaña 2024", year=2024, surveys=[theirs])], path)
    import_campaigns(storage.repo, read_any(path), str(path))
    assert open_conflicts(storage.repo, survey_id)
    return survey_id


def test_the_conflict_shows_only_what_someone_changed(storage, qtbot, tmp_path):
    survey_id = _conflict_with_defaults(storage, tmp_path)
    found = differences(storage.repo.document(survey_id), open_conflicts(storage.repo, survey_id)[0]["theirs"])
    assert found == {"general": [("general.producers", 300, 312)],
                     "husk": [("husk.compost_method", "pilas volteadas", "pilas tapadas")]}
    dialog = ConflictDialog(storage.repo, survey_id, "es")
    qtbot.addWidget(dialog)
    shown = [[head.child(i).text(c) for c in range(3)] for head in
             (dialog.tree.topLevelItem(j) for j in range(dialog.tree.topLevelItemCount()))
             for i in range(head.childCount())]
    assert shown == [["Productores (socios)", "300", "312"],
                     ["Método de compostaje", "pilas volteadas", "pilas tapadas"]]


def test_the_history_lists_and_counts_only_what_someone_changed(storage, qtbot, tmp_path):
    survey_id = _conflict_with_defaults(storage, tmp_path)
    dialog = ConflictDialog(storage.repo, survey_id, "es")
    qtbot.addWidget(dialog)
    dialog.keep_theirs.click()  # the other laptop's whole document, defaults written, is saved here
    assert len(storage.repo.history(survey_id)) > 10  # recorded field by field, defaults included
    view = HistoryView(storage.repo, survey_id, "es")
    qtbot.addWidget(view)
    groups = [view.tree.topLevelItem(i) for i in range(view.tree.topLevelItemCount())]
    rows = [[g.child(j).text(c) for c in range(3)] for g in groups for j in range(g.childCount())]
    assert rows == [["Productores (socios)", "312", "300"], ["Productores (socios)", "300", "312"],
                    ["Método de compostaje", "pilas volteadas", "pilas tapadas"]]
    assert not any(before in ("—", "") and after in ("—", "", "0", "1", "46", "(vacío)") for _, before, after in rows)
    assert view.intro.text().startswith("3 ")  # what is listed, not the 20-odd rows recorded
    # one group per save: the edit (1 field), the resolution (2 fields, one save since its sections share a time)
    assert [re.search(r"\((\d+) \w+\)$", g.text(0)).group(1) for g in groups] == ["1", "2"]
    assert not any(ONE_PLURAL.search(g.text(0)) for g in groups)
    with view.export(tmp_path / "historial.csv").open(encoding="utf-8-sig") as handle:
        assert len(list(csv.reader(handle, delimiter=";"))) == len(rows) + 1  # the export lists the same


def test_restoring_still_works_with_the_hidden_rows(storage, qtbot, tmp_path, monkeypatch):
    survey_id = _conflict_with_defaults(storage, tmp_path)
    before = storage.repo.document(survey_id)
    dialog = ConflictDialog(storage.repo, survey_id, "es")
    qtbot.addWidget(dialog)
    dialog.keep_theirs.click()
    view = HistoryView(storage.repo, survey_id, "es")
    qtbot.addWidget(view)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.tree.setCurrentItem(view.tree.topLevelItem(1))  # the first save of the conflict's resolution
    view.ask_restore()
    assert storage.repo.document(survey_id) == before
