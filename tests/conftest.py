from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.footprint.factors import Factors, factors_for
from cocoa_desktop.engine.model.survey import Campaign, Survey

ROOT = Path(__file__).resolve().parents[1]

# CI explores the same examples every run (a property that fails there fails on every run, with its example
# printed); a developer's run explores new ones each time.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(scope="session")
def promperu() -> Factors:
    return factors_for("promperu-2020")


@pytest.fixture(scope="session")
def ipcc() -> Factors:
    return factors_for("ipcc2006-ar5")


@pytest.fixture
def region() -> Survey:
    item = survey_io.read(example_path("san-martin-2020-region.json"))
    assert isinstance(item, Survey)
    return item


@pytest.fixture
def cooperatives() -> Campaign:
    item = survey_io.read(example_path("san-martin-2020-cooperatives.json"))
    assert isinstance(item, Campaign)
    return item
