"""Phone submissions stored (issue 23, points 2 and 3): each valid submission a survey of the campaign, in one
transaction; imported twice, recognised by its id; a farm another technician already surveyed, a conflict as a
package's; the refused ones reported and never stored; the round trip through the database keeps every footprint
to 1e-12; and ``cocoa-desktop import-submissions`` prints it all, exit 0 or 2."""

from __future__ import annotations

import pytest
from helpers import farm, generated_surveys
from submission_files import odk_tables, typed, write_kobo, write_odk
from test_submissions import FACTOR_SETS, footprint_numbers, max_difference

from cocoa_desktop.cli import main
from cocoa_desktop.engine.cancel import Cancelled
from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.storage.submissions import import_submissions
from cocoa_desktop.storage.sync import open_conflicts
from cocoa_desktop.workbook import xlsform as x
from cocoa_desktop.workbook.submissions import read_submissions


def _store(storage, *paths, campaign=None, **kwargs):
    return import_submissions(storage.repo, [read_submissions(p) for p in paths], campaign, **kwargs)


def test_round_trip_through_the_database_keeps_every_footprint(storage, cooperatives, tmp_path):
    """Both layouts, choices as names and as Spanish and English labels, into one data folder: the first file
    stores the surveys, every other one finds them identical; the stored surveys' footprints are the originals'."""
    surveys = [*cooperatives.surveys, *typed(generated_surveys(30, seed=7))]  # the shipped ones as they are
    files = [write_kobo(surveys, tmp_path / f"kobo-{c}.xlsx", c) for c in ("name", "es", "en")]
    files += [write_odk(surveys, tmp_path / f"odk-{c}.zip", c) for c in ("name", "es", "en")]
    first = _store(storage, files[0])
    assert len(first.stored) == len(surveys) and first.complete
    for path in files[1:]:
        again = _store(storage, path)
        assert again.stored == [] and again.conflicts == [], path  # recognised by its id: nothing twice
        assert len(again.identical) == len(surveys)
    worst = 0.0
    for name in FACTOR_SETS:
        f = factors_for(name)
        for survey in surveys:
            stored = storage.repo.survey(survey.id)
            worst = max(worst, max_difference(footprint_numbers(survey, f), footprint_numbers(stored, f)))
    print(f"\nround trip through the database: {len(surveys)} surveys, 6 files, max relative difference {worst:.3g}")
    assert worst <= 1e-12
    assert len(storage.repo.surveys()) == len(surveys)


def test_a_farm_surveyed_by_another_technician_is_a_conflict(storage, tmp_path):
    ours = farm(general={"organisation": "Coop Norte", "farm_name": "La Esperanza", "campaign_year": 2024,
                         "productive_area_ha": 2.0, "dry_cocoa_kg": 1000.0})
    _store(storage, write_kobo([ours], tmp_path / "a.xlsx"))
    theirs = ours.model_copy(update={"id": "otro-tecnico-1", "general": ours.general.model_copy(
        update={"farm_name": "  la esperanza ", "dry_cocoa_kg": 1200.0})})
    same = ours.model_copy(update={"id": "otro-tecnico-2"})
    report = _store(storage, write_odk([theirs, same], tmp_path / "b.zip"))
    assert len(report.conflicts) == 1 and len(report.identical) == 1 and report.stored == []
    assert len(storage.repo.surveys()) == 1  # the farm once, never counted twice
    conflicts = open_conflicts(storage.repo, ours.id)
    assert len(conflicts) == 1 and conflicts[0]["theirs"]["general"]["dry_cocoa_kg"] == 1200.0
    assert report.lines("en") == [f"CONFLICT Coop Norte — la esperanza ({x.FORM_ID}.csv, row 2)"]


def test_refused_submissions_are_reported_and_never_stored(storage, tmp_path):
    surveys = generated_surveys(5, seed=3)
    tables = odk_tables(surveys)
    header = tables[f"{x.FORM_ID}.csv"][0]
    tables[f"{x.FORM_ID}.csv"][2][header.index("page_production-general__productive_area_ha")] = "mil"
    areas = tables[f"{x.FORM_ID}-general__areas.csv"]
    areas.append(["monoculture", "0-7", "1.0", "uuid:nadie", "uuid:nadie/page_production/general__areas[1]"])
    report = _store(storage, write_odk(surveys, tmp_path / "envios.zip", tables=tables))
    assert len(report.stored) == 4 and len(report.refused) == 1 and len(report.orphans) == 1
    assert not report.complete
    assert storage.repo.survey_row(surveys[1].id) is None
    text = report.summary("es") + "\n" + "\n".join(report.lines("es"))
    assert "1 rechazado" in text and "1 fila sin su envío" in text and "RECHAZADO" in text
    assert surveys[1].general.farm_name in text and "debe ser un número" in text


def test_the_campaign_named_by_the_user(storage, tmp_path):
    surveys = generated_surveys(3, seed=1)
    report = _store(storage, write_kobo(surveys, tmp_path / "envios.xlsx"), campaign="Cosecha 2024 — norte")
    assert report.campaigns == ["Cosecha 2024 — norte"]
    assert {r.campaign for r in storage.repo.surveys()} == {"Cosecha 2024 — norte"}


def test_one_transaction_a_cancel_stores_nothing(storage, tmp_path, monkeypatch):
    from cocoa_desktop.storage import sync

    monkeypatch.setattr(sync, "PROGRESS_EVERY", 2)
    seen = []
    surveys = generated_surveys(6, seed=2)
    files = [read_submissions(write_kobo(surveys, tmp_path / "envios.xlsx"))]
    with pytest.raises(Cancelled):
        import_submissions(storage.repo, files, progress=seen.append, cancelled=lambda: len(seen) >= 1)
    assert storage.repo.surveys() == [] and seen
    report = import_submissions(storage.repo, files, progress=seen.append)
    assert len(report.stored) == 6 and seen[-1] == 1.0


def test_the_command(data_folder, tmp_path, capsys):
    surveys = generated_surveys(4, seed=9)
    good = write_odk(surveys, tmp_path / "envios.zip")
    assert main(["import-submissions", str(good), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "4 stored" in out and "Campaña 2024" in out
    assert main(["import-submissions", str(good)]) == 0
    assert "4 idénticos (omitidos)" in capsys.readouterr().out
    tables = odk_tables(surveys[:2])
    header = tables[f"{x.FORM_ID}.csv"][0]
    tables[f"{x.FORM_ID}.csv"][1][header.index("page_organisation-general__campaign_year")] = "dos mil"
    bad = write_odk(surveys[:2], tmp_path / "malo.zip", tables=tables)
    assert main(["import-submissions", str(bad), "--lang", "en"]) == 2
    captured = capsys.readouterr()
    assert "1 refused" in captured.out and "REFUSED" in captured.err and "whole number" in captured.err
    broken = tmp_path / "roto.zip"
    broken.write_bytes(good.read_bytes()[:2000])
    assert main(["import-submissions", str(broken)]) == 2
    err = capsys.readouterr().err
    assert str(broken) in err and "Traceback" not in err


def test_only_questions_of_another_form_version_are_said_ignored(storage, cooperatives, tmp_path):
    """The exports' own columns (ids, dates, review states: 114 in a Kobo export) go without saying; a column named
    like a question the app does not know (a form of another version) is said, in the summary and the details."""
    plain = _store(storage, write_kobo(cooperatives.surveys[:2], tmp_path / "k.xlsx"))
    assert plain.ignored_columns > 20 and plain.unknown_questions == []
    assert "ignorad" not in plain.summary("es") and "ignored" not in plain.summary("en")
    tables = odk_tables(cooperatives.surveys[2:4])
    main_rows = next(iter(tables.values()))
    main_rows[0].append("page_general-general__shade_species")  # a question a newer form might ask
    for row in main_rows[1:]:
        row.append("inga")
    report = _store(storage, write_odk(cooperatives.surveys[2:4], tmp_path / "o.zip", tables=tables))
    assert len(report.stored) == 2 and len(report.unknown_questions) == 1
    assert report.summary("es").endswith("; 1 pregunta de otra versión del formulario, ignorada")
    assert report.summary("en").endswith("; 1 question of another version of the form, ignored")
    assert any(line.startswith("IGNORADA ") and "general__shade_species" in line for line in report.lines("es"))
