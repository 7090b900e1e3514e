"""The change history in the app: rows in words, export to CSV, and restoring an earlier version — checked against
every version a random sequence of saves went through."""

from __future__ import annotations

import csv

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QMessageBox

from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.gui.history.restore import first_of_save, sections_before
from cocoa_desktop.gui.history.view import HistoryView
from cocoa_desktop.storage.database import connect
from cocoa_desktop.storage.documents import split_sections
from cocoa_desktop.storage.repository import Repository
from cocoa_desktop.storage.schema import migrate
from cocoa_desktop.storage.sync import import_campaigns, read_any

# No None: the history stores a null value and a missing field alike (both are "no value" to the survey model).
# Mapping keys are words, as in the survey model: a digit is a list index in the history's field paths.
scalars = st.one_of(st.booleans(), st.integers(-5, 5), st.sampled_from(["a", "b", "urea"]),
                    st.integers(0, 1000).map(lambda x: x / 1000))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(["x", "y", "z"]), inner, max_size=3)),
    max_leaves=8)
sections = st.fixed_dictionaries({"general": st.dictionaries(st.sampled_from(["a", "b", "areas"]), values, max_size=3),
                                  "packaging": st.lists(st.dictionaries(st.sampled_from(["type", "kg"]), scalars,
                                                                        min_size=1, max_size=2), max_size=12)})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(versions=st.lists(sections, min_size=1, max_size=5))
def test_any_earlier_version_comes_back_from_the_history(tmp_path_factory, versions):
    conn = connect(tmp_path_factory.mktemp("history") / "data.sqlite")
    migrate(conn)
    repo = Repository(conn)
    campaign = repo.ensure_campaign("C", 2024)
    survey_id = repo.add_survey({"general": {}, "packaging": []}, campaign, completed=True)
    snapshots = []
    for version in versions:
        snapshots.append(split_sections(repo.document(survey_id)))
        for section, content in version.items():
            repo.save_section(survey_id, section, content)
    changes = repo.history(survey_id)
    current = split_sections(repo.document(survey_id))
    for index, change in enumerate(changes):
        earlier = sections_before(current, changes, index)
        # the version just before the save this change belongs to
        saves_before = len({(c.changed_at, c.section) for c in changes[:first_of_save(changes, index)]})
        expected = _replay(versions, saves_before)
        for section in ("general", "packaging"):
            assert earlier.get(section) == expected[section], (index, change.field)
    conn.close()
    assert snapshots


def _replay(versions, saves):
    """The sections after the first ``saves`` section-saves that changed something."""
    state = {"general": {}, "packaging": []}
    done = 0
    for version in versions:
        for section, content in version.items():
            if done == saves:
                return state
            if state[section] != content:
                state = {**state, section: content}
                done += 1
    return state


def _completed_region(storage):
    import_campaigns(storage.repo, read_any(example_path("san-martin-2020-region.json")), "ejemplo.json")
    survey_id = storage.repo.surveys()[0].id
    general = storage.repo.document(survey_id)["general"]
    storage.repo.save_section(survey_id, "general", {**general, "producers": 5000})
    husk = storage.repo.document(survey_id)["husk"]
    storage.repo.save_section(survey_id, "husk", {**husk, "shares": {"heaped": 0.5, "composted": 0.5}})
    return survey_id, general, husk


def test_history_view_in_words_exports_and_restores(storage, qtbot, tmp_path, monkeypatch):
    survey_id, _, husk = _completed_region(storage)
    view = HistoryView(storage.repo, survey_id, "es")
    qtbot.addWidget(view)
    view.show()
    groups = [view.tree.topLevelItem(i) for i in range(view.tree.topLevelItemCount())]
    rows = [[g.text(0)] + [g.child(j).text(c) for c in range(3)] for g in groups for j in range(g.childCount())]
    producers = next(r for r in rows if r[1] == "Productores (socios)")
    assert "editado en esta computadora — Organización, producción y áreas" in producers[0]
    assert producers[2:] == ["4809", "5000"]
    heaped = next(r for r in rows if r[1].startswith("Amontonada en pilas"))
    assert heaped[2:] == ["42,503 %", "50 %"]
    exported = view.export(tmp_path / "historial.csv")
    with exported.open(encoding="utf-8-sig") as handle:
        table = list(csv.reader(handle, delimiter=";"))
    assert table[0] == ["Cuándo", "Origen", "Sección", "Dato", "Antes", "Después"] and len(table) == len(rows) + 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    husk_save = next(g for g in groups if g.text(0).endswith("Manejo de la cáscara (2 datos)"))
    view.tree.setCurrentItem(husk_save)
    view.ask_restore()  # back to before the husk change: producers stay 5000, husk as imported
    doc = storage.repo.document(survey_id)
    assert doc["husk"] == husk and doc["general"]["producers"] == 5000
    assert any(r.origin.startswith("restore:") for r in storage.repo.history(survey_id))
    assert view.tree.topLevelItemCount() > len(groups)  # the restore is in the history too, so it can be undone


def test_history_in_english(storage, qtbot, qapp):
    from cocoa_desktop.gui import i18n

    survey_id, _, _ = _completed_region(storage)
    i18n.install(qapp, "en")
    try:
        view = HistoryView(storage.repo, survey_id, "en")
        qtbot.addWidget(view)
        groups = [view.tree.topLevelItem(i) for i in range(view.tree.topLevelItemCount())]
        texts = {g.child(j).text(0) for g in groups for j in range(g.childCount())}
    finally:
        i18n.install(qapp, "es")
    assert "Producers (partners)" in texts and "Piled in heaps on the ground (rots without air) (%)" in texts


def test_a_conflict_settled_by_the_other_laptop_is_said_in_words():
    from cocoa_desktop.gui.history.view import origin_words

    words = origin_words("conflict-settled:a2.cacao.zip")
    assert "a2.cacao.zip" in words and not words.startswith("conflict-settled")
