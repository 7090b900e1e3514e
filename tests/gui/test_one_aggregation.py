"""One aggregation path (issue 21 point 2): the same stored campaigns summed by every place that shows a
cooperative's or a campaign's figures — the workbook's report sheets, the main window's tree, the campaign view (its
quick table from the tree's footprints, its summary from the terms kept beside them and its full reading) and the
command line — give the same figures, to the last bit where they add the same surveys in the same order, and leave
out the same drafts.

The data folder holds the report's ten cooperatives (resources/examples), the region's survey, and a generated
campaign of farms and cooperatives with drafts (not valid yet), a farm that produced nothing and one with no husk
section. The surveys are stored in the tree's order, so that every path adds them in the same order."""

from __future__ import annotations

import json
from dataclasses import replace
from types import SimpleNamespace

import pytest

from cocoa_desktop.cli.app import main
from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.model.survey import Campaign, Survey
from cocoa_desktop.engine.report import footprint_document
from cocoa_desktop.gui.actions.workbooks import campaign_item
from cocoa_desktop.gui.campaign.data import StoredSurveys, kept_read, quick_table, read_now
from cocoa_desktop.gui.main import computed_footprints
from cocoa_desktop.gui.main.tree_footprints import compute_footprints
from cocoa_desktop.storage.database import transaction
from cocoa_desktop.workbook import values
from cocoa_desktop.workbook.report_data import ReportData
from tests.helpers import farm, generated_surveys

GENERATED = "Campaña generada 2024"
DRAFTS = 3


def _generated() -> list[dict]:
    docs = [s.model_dump(mode="json") for s in generated_surveys(40, seed=11)]
    assert any(d["general"].get("dry_cocoa_kg") == 0.0 for d in docs)  # a farm that produced nothing
    no_husk = farm(general={"organisation": "Cooperativa 1", "farm_name": "Sin cáscara", "campaign_year": 2024,
                            "producers": 2, "productive_area_ha": 3.0, "dry_cocoa_kg": 1800.0})
    docs.append(no_husk.model_dump(mode="json", exclude={"husk"}))
    for i in range(DRAFTS):  # not valid yet: no production
        docs.append({"unit": "farm", "general": {"organisation": f"Cooperativa {i}", "farm_name": f"Borrador {i}",
                                                 "campaign_year": 2024}})
    return docs


def _store(storage, name: str, year: int, docs: list[dict]) -> None:
    """The documents in the tree's order (cooperative, farm name), every other one marked complete."""
    docs = sorted(docs, key=lambda d: (d["general"]["organisation"], d["general"].get("farm_name") or ""))
    with transaction(storage.conn):
        campaign = storage.repo._campaign_id(name, year)
        for i, doc in enumerate(docs):
            storage.repo._insert(doc, campaign, completed=i % 2 == 0)


def fill(storage):
    """The three campaigns stored."""
    examples = survey_io.read(example_path("san-martin-2020-cooperatives.json"))
    region = survey_io.read(example_path("san-martin-2020-region.json"))
    assert isinstance(examples, Campaign) and isinstance(region, Survey)
    _store(storage, "Campaña 2019", 2019, [s.model_dump(mode="json") for s in examples.surveys])
    _store(storage, "Región 2019", 2019, [region.model_dump(mode="json")])
    _store(storage, GENERATED, 2024, _generated())
    return storage


@pytest.fixture
def folder(storage):
    return fill(storage)


def _cli(capsys, tmp_path, surveys, f, name) -> dict:
    path = tmp_path / "campaign.json"
    survey_io.write(Campaign(name=name, year=2024, surveys=surveys), path)
    capsys.readouterr()
    assert main(["compute", str(path), "--json", "--factor-set", f.factor_set.id, "--gwp", f.gwp.id]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(("factor_set", "gwp"), [("promperu-2020", None), ("ipcc2006-ar5", None),
                                                 ("promperu-2020", "AR6")])
def test_every_place_sums_the_same_surveys_into_the_same_figures(folder, capsys, tmp_path, factor_set, gwp):
    f = factors_for(factor_set, gwp)
    repo = folder.repo
    found, kept = compute_footprints(repo, f, {}, lambda *_: None, lambda: False)
    computed_footprints.remember(folder, f, kept)
    for name in ("Campaña 2019", "Región 2019", GENERATED):
        rows = repo.surveys(name)
        # the workbook: the campaign's surveys that count, their cooperatives and total
        campaign = campaign_item(SimpleNamespace(storage=folder), name)
        report = ReportData(campaign.surveys, values.footprints(campaign.surveys, f), f, "es", {})
        workbook = {c.name: c.footprint for c in report.cooperatives}
        drafts = len(rows) - len(campaign.surveys)
        assert drafts == (DRAFTS if name == GENERATED else 0)
        # the campaign view: at once from the tree's footprints, then from its full reading
        quick = quick_table(folder, rows, f, name)
        assert quick is not None and quick[1] == drafts
        source = StoredSurveys(repo, [row.id for row in rows])
        full = read_now(source, f, name)
        assert full.drafts == drafts
        # ... and from the terms the tree's footprints kept beside them: the very figures, no survey read but a
        # unit's to densify
        folded = kept_read(folder, repo, rows, f, name)
        assert folded is not None and folded.drafts == drafts and folded.valid == full.valid
        assert folded.summary.table == full.summary.table and folded.plans == full.plans
        assert folded.summary.units() == full.summary.units() and folded.summary.farms == full.summary.farms
        spread, listed = folded.summary.simulate(), full.summary.simulate(source.again)
        assert spread.units == listed.units and spread.total == listed.total
        for table in (quick[0], full.summary.table):
            assert [r.footprint for r in table.rows] == [c.footprint for c in report.cooperatives]  # every float
            assert replace(table.total, label="Total") == report.total
        assert report.total.surveys == len(campaign.surveys)
        # the tree: each survey's, each cooperative's and the campaign's net per kg
        for survey, fp in zip(campaign.surveys, values.footprints(campaign.surveys, f), strict=True):
            assert found[("survey", survey.id)] == pytest.approx(fp.net_per_kg, nan_ok=True)
        tree = {key[2]: value for key, value in found.items() if key[0] == "cooperative" and key[1] == name}
        assert tree.keys() == workbook.keys()
        for coop, fp in workbook.items():
            assert tree[coop] == fp.net_per_kg or (tree[coop] != tree[coop] and fp.net_per_kg != fp.net_per_kg)
        assert found[("campaign", name)] == report.total.net_per_kg  # a sum of its cooperatives, as the others'
        # the command line, on the same surveys as a campaign file (its units in the order first met)
        printed = _cli(capsys, tmp_path, campaign.surveys, f, name)
        years = f["luc_amortisation_years"]
        if len(campaign.surveys) > 1:
            assert printed["total"] == footprint_document(replace(report.total, label=name), years)
            assert {u["label"]: u for u in printed["units"]} == {n: footprint_document(fp, years)
                                                                  for n, fp in workbook.items()}
        else:
            assert printed["units"] == [footprint_document(values.footprints(campaign.surveys, f)[0], years)]
