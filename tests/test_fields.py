"""Every leaf of the survey model (engine/model/fields.py walks the model itself) has its place everywhere a technician
meets the survey: a wizard field (whose page's guide chapter names it: tests/gui/test_guide.py), a workbook
column, and it survives export → import (here without LibreOffice; with LibreOffice's recalculation and save in
tests/workbook/test_every_field.py). A field added to the model and forgotten in one of them fails here."""

from __future__ import annotations

import math
from typing import Any

import pytest

from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.model.fields import ITEM, Leaf, leaves
from cocoa_desktop.engine.model.sections import META, SECTIONS
from cocoa_desktop.engine.model.survey import Campaign, Survey

# Leaves the wizard does not ask, each with its reason (the notes, the fuels' purpose and a leg's load were typed only
# in the workbook until this test found them; issue 21).
NOT_IN_THE_WIZARD = {
    "estimated_fields": "set by the app (reconstructions, the example data), not typed",
}


def test_the_walk_finds_every_kind_of_leaf():
    found = {leaf.path: leaf for leaf in leaves()}
    assert found["general.dry_cocoa_kg"].kind == "number" and found["general.dry_cocoa_kg"].optional
    assert found["general.campaign_year"] == Leaf("general.campaign_year", "whole", False, 1990, 2100)
    assert found["husk.shares.composted"].kind == "share"
    assert found["packaging[].type"].choices[:2] == ("polypropylene_sack", "plastic_bag")
    assert found["fertilisation.data_collected"].kind == "yes_no"
    assert found["land_use_change.conversions[].year_last"].table == "land_use_change.conversions"
    assert found["transport.legs[].distance_unit"].column == "distance_unit"
    assert found["general.organisation"].max_length == 200
    assert {leaf.section for leaf in found.values()} == {META, *SECTIONS}
    assert len(found) > 60


def _wizard_keys() -> set[str]:
    from cocoa_desktop.gui.wizard.specs import PAGES

    keys = set()
    for page in PAGES:
        keys |= {field.key for field in page.fields}
        keys |= {f"{table.key}{ITEM}.{column.key}" for table in page.tables for column in table.columns}
    return keys


def test_every_leaf_has_a_wizard_field():
    keys = _wizard_keys()
    missing = [leaf.path for leaf in leaves() if leaf.path not in keys and leaf.path not in NOT_IN_THE_WIZARD]
    assert not missing, missing
    assert not [path for path in NOT_IN_THE_WIZARD if path in keys]  # asked now: take it off the list
    assert keys <= {leaf.path for leaf in leaves()}  # and the wizard asks nothing the model does not hold


def test_every_leaf_has_a_workbook_column():
    from cocoa_desktop.workbook.calc_layout import BY_KEY
    from cocoa_desktop.workbook.leaves import place

    inputs = {key: {c.key for c in spec.columns if c.is_input} for key, spec in BY_KEY.items()}
    missing = [(leaf.path, *place(leaf)) for leaf in leaves() if place(leaf)[1] not in inputs.get(place(leaf)[0], ())]
    assert not missing, missing


def test_the_workbook_checks_the_models_bounds(tmp_path):
    """The input cells' validation takes the model's bounds (a ratio ≤ 1, N ≤ 100 %, years 1990–2100 …)."""
    from openpyxl import load_workbook

    from cocoa_desktop.workbook.export import export_workbook
    from cocoa_desktop.workbook.layout import GENERAL, PRODUCTS

    survey = every_leaf_survey()
    path = export_workbook(Campaign(name="c", year=2024, surveys=[survey]), tmp_path / "b.xlsx", factors_for())
    wb = load_workbook(path)

    def rule(sheet: str, spec, key: str) -> tuple[str, str, str | None]:
        letter = spec.letter(key)
        found = [dv for dv in wb[sheet].data_validations.dataValidation if letter + "5" in str(dv.sqref).split(":")[0]]
        assert len(found) == 1, (sheet, key)
        return found[0].type, found[0].formula1, found[0].formula2

    assert rule("Datos generales", GENERAL, "wet_to_dry_ratio") == ("decimal", "0", "1")
    assert rule("Datos generales", GENERAL, "campaign_year") == ("whole", "1990", "2100")
    assert rule("Abonos", PRODUCTS, "n_percent") == ("decimal", "0", "100")


def _value(leaf: Leaf, index: int) -> Any:
    """A valid value of the leaf that is not its default."""
    if leaf.kind == "choice":
        others = [choice for choice in leaf.choices if choice != _default(leaf.path)]
        return others[-1 - index % len(others)]
    if leaf.kind == "text":
        return f"Texto ñ {index}"[: leaf.max_length]
    if leaf.kind == "yes_no":
        return False
    if leaf.kind == "list":
        return ["general.dry_cocoa_kg"]
    if leaf.kind == "whole":
        return int(leaf.low or 0) + 7 + index
    low = leaf.low or 0.0
    high = leaf.high if leaf.high is not None else low + 1000
    return low + (high - low) * (0.3 + 0.01 * index) if high - low <= 2 else low + 1.5 + index


def _default(path: str) -> Any:
    """The model's default of a leaf outside a list (None when it has none)."""
    node: Any = _DEFAULTS
    for part in path.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    return node


_DEFAULTS = Survey.model_validate({"general": {"organisation": "x", "campaign_year": 2024, "productive_area_ha": 1,
                                               "dry_cocoa_kg": 1}}).model_dump(mode="json")


def every_leaf_survey(survey_id: str = "todas-las-hojas") -> Survey:
    """One survey holding a value of its own in every leaf (two items in every list)."""
    doc: dict[str, Any] = {"id": survey_id}
    for index, leaf in enumerate(leaves()):
        items = 2 if leaf.table else 1
        for item in range(items):
            node = doc
            parts = leaf.path.split(".")
            for part in parts[:-1]:
                if part.endswith(ITEM):
                    node = node.setdefault(part.removesuffix(ITEM), [])
                    while len(node) <= item:
                        node.append({})
                    node = node[item]
                else:
                    node = node.setdefault(part, {})
            node[parts[-1]] = _value(leaf, index + item)
    for section in ("husk", "drying"):  # shares: every destination, summing to 100 %
        shares = doc[section]["shares"]
        doc[section]["shares"] = {k: 1 / len(shares) for k in shares}
    doc["transport"]["legs"][1].pop("fuel")  # a leg without a fuel: its litres are not read
    doc["transport"]["legs"][1].pop("litres_per_year")
    return Survey.model_validate(doc)


def test_the_every_leaf_survey_sets_every_leaf():
    dumped = every_leaf_survey().model_dump(mode="json")
    defaults = Survey.model_validate({"general": {"organisation": "x", "campaign_year": 2024,
                                                  "productive_area_ha": 1, "dry_cocoa_kg": 1}}).model_dump(mode="json")
    for leaf in leaves():
        parts = leaf.path.replace(ITEM, ".0").split(".")
        value: Any = dumped
        for part in parts:
            value = value[int(part)] if isinstance(value, list) else value[part]
        default: Any = defaults
        for part in parts:
            default = None if default is None else (default[int(part)] if isinstance(default, list) and default
                                                    else None if isinstance(default, list) else default.get(part))
        assert value is not None and value != default, leaf.path


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_leaf_survives_export_and_import(tmp_path, lang):
    from cocoa_desktop.workbook.export import export_workbook
    from cocoa_desktop.workbook.reader import import_workbook

    survey = every_leaf_survey()
    campaign = Campaign(name="Todas las hojas", year=survey.general.campaign_year, surveys=[survey])
    path = export_workbook(campaign, tmp_path / f"{lang}.xlsx", factors_for(), lang)
    back = import_workbook(path)
    assert isinstance(back, Campaign)
    assert _close(back.surveys[0].model_dump(mode="json"), survey.model_dump(mode="json"))


def _close(a: Any, b: Any) -> bool:
    """Equal, numbers to 1e-12 (the workbook stores doubles; a share typed 1/7 comes back as the same double)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_close(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float | int) and isinstance(b, float | int) and not isinstance(a, bool):
        return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)
    assert a == b, (a, b)
    return True
