"""Every leaf of the survey model survives the workbook as a user's LibreOffice leaves it: exported, opened,
recalculated and saved by LibreOffice, imported back — the same survey (tests/test_fields.py builds it: a value of
its own in every leaf, two items in every list), and LibreOffice's figures for it are the app's."""

from __future__ import annotations

import pytest
from compare import compare

from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.model.survey import Campaign
from cocoa_desktop.workbook.export import export_workbook
from cocoa_desktop.workbook.reader import import_workbook
from tests.test_fields import _close, every_leaf_survey


@pytest.mark.slow
def test_every_leaf_survives_libreoffice(tmp_path, recalc):
    survey = every_leaf_survey()
    campaign = Campaign(name="Todas las hojas", year=survey.general.campaign_year, surveys=[survey])
    paths = [export_workbook(campaign, tmp_path / f"{lang}.xlsx", factors_for(), lang) for lang in ("es", "en")]
    for saved in recalc(paths):
        back = import_workbook(saved)
        assert isinstance(back, Campaign)
        assert _close(back.surveys[0].model_dump(mode="json"), survey.model_dump(mode="json")), saved.name
        assert compare(saved, [survey], factors_for(), saved.stem) >= 50  # LibreOffice's figures: the app's
