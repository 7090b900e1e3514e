"""A fertiliser's empty N % is no longer 0 % N: a standard product gets its content, any other is an error."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from cocoa_desktop.cli import main
from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.footprint.nitrogen import nominal_n_percent
from cocoa_desktop.engine.footprint.results import Stage
from cocoa_desktop.engine.model.issues import issues_from_validation_error, known_error_types
from cocoa_desktop.engine.model.survey import FertiliserProduct
from tests.helpers import farm


def _products(*products: dict) -> dict:
    return {"fertilisation": {"products": list(products)}}


@pytest.mark.parametrize("factor_set", ["promperu-2020", "ipcc2006-ar5"])
def test_urea_without_its_n_percent_counts_as_urea(factor_set):
    """The defect: a urea row with N % left empty counted 0 % N and lost its N2O and manufacture."""
    f = factors_for(factor_set)
    typed = compute(farm(**_products({"type": "urea", "kg_per_year": 1500, "n_percent": 46})), f)
    empty = farm(**_products({"type": "urea", "kg_per_year": 1500}))
    assert empty.fertilisation.products[0].n_percent == 46
    assert compute(empty, f).stages[Stage.FERTILISATION] == pytest.approx(typed.stages[Stage.FERTILISATION])
    zero = compute(farm(**_products({"type": "urea", "kg_per_year": 1500, "n_percent": 0})), f)
    assert typed.stages[Stage.FERTILISATION] > 2 * zero.stages[Stage.FERTILISATION]  # the N was most of it


@pytest.mark.parametrize(("kind", "name", "expected"), [
    ("urea", "", 46.0), ("guano", "Guano de isla", 10.0), ("lime", "", 0.0), ("dolomite", "", 0.0),
    ("npk", "Nitrato de amonio", 33.5), ("npk", "SULFATO DE AMONIO", 21.0), ("npk", "Fosfato diamónico", 18.0),
    ("npk", "DAP 18-46-0", 18.0), ("npk", "MAP", 11.0), ("foliar", "Nitrato de calcio", 15.5),
    ("npk", "NPK 15-15-15", 15.0), ("npk", "Triple 20-20-20", 20.0), ("npk", "urea", 46.0),
    ("npk", "", None), ("npk", "Mezcla de la tienda", None), ("npk", "Mapacho", None), ("foliar", "Bayfolan", None),
    ("own_compost", "", None), ("bought_compost", "urea", None), ("manure", "", None), ("biol", "", None),
])
def test_standard_contents_by_type_name_or_grade(kind, name, expected):
    assert nominal_n_percent(kind, name) == expected
    doc = {"type": kind, "name": name, "kg_per_year": 100}
    if expected is None:
        with pytest.raises(ValidationError):
            FertiliserProduct.model_validate(doc)
    else:
        assert FertiliserProduct.model_validate(doc).n_percent == expected
        assert FertiliserProduct.model_validate({**doc, "n_percent": None}).n_percent == expected


def test_a_typed_n_percent_wins_over_the_standard_content():
    assert FertiliserProduct(type="urea", kg_per_year=10, n_percent=40).n_percent == 40
    assert FertiliserProduct(type="npk", name="NPK 15-15-15", kg_per_year=10, n_percent=12).n_percent == 12


def test_unknown_product_without_n_percent_is_an_error_naming_row_and_column():
    with pytest.raises(ValidationError) as caught:
        farm(**_products({"type": "urea", "kg_per_year": 10}, {"type": "npk", "name": "Abono X", "kg_per_year": 50}))
    issues = issues_from_validation_error(caught.value)
    assert [(i.path, i.code) for i in issues] == [("fertilisation.products.1.n_percent", "n_percent_missing")]
    assert "n_percent_missing" in known_error_types()
    assert "nitrógeno (% N" in issues[0].message_es and "nitrogen (% N" in issues[0].message_en


def _file(tmp_path, product: dict, n_percent: float | None) -> str:
    """A survey file with one product, its N % typed or left out."""
    doc = survey_io.survey_document(farm(**_products({**product, "n_percent": n_percent or 0.0})))
    if n_percent is None:
        del doc["survey"]["fertilisation"]["products"][0]["n_percent"]
    path = tmp_path / f"{product['type']}-{n_percent}.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return str(path)


def test_cli_computes_the_standard_content(tmp_path, capsys):
    """The CLI reads the same model: a file without urea's N % gives what the file with 46 gives."""
    nets = []
    for n_percent in (46.0, None):
        assert main(["compute", _file(tmp_path, {"type": "urea", "kg_per_year": 1500}, n_percent), "--json"]) == 0
        nets.append(json.loads(capsys.readouterr().out)["units"][0]["net"]["kg_co2e_per_kg"])
    assert nets[0] == pytest.approx(nets[1])


def test_cli_refuses_a_product_without_a_known_content(tmp_path, capsys):
    assert main(["compute", _file(tmp_path, {"type": "npk", "kg_per_year": 100}, None)]) == 2
    assert "fertilisation.products.0.n_percent" in capsys.readouterr().err
