"""Each stage equation's Excel template gives what its Python function computes, checked in-process (issue 21
point 3): no LibreOffice needed (tests/workbook keeps recalculating real workbooks with it where it is installed).

A survey is laid out as the workbook holds it — its input cells, the choices as the words typed (Spanish, English
or the key, all read through ``claves``), the factor sheet's named cells and table — and every formula cell is
evaluated on demand by tests/formula_eval.py: the stage templates read from the engine (``*_TEMPLATE`` beside each
function in engine/stages; the workbook's columns are checked to be those very strings), every other column (the
production, the hidden key columns, the fuels' split by use) as the layout writes it, the factor sheet's derived rows
as factor_sheet writes them. Each template's value is compared with its function's, rel 1e-9, on hypothesis-drawn
surveys within the model's bounds under both factor sets (PROMPERÚ 2020 and IPCC 2006), any GWP set, and factor
values scaled at random (so that two factors of equal value, EF1 and EF4, cannot stand in for each other unseen).
"""

from __future__ import annotations

import dataclasses
import math
import random
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cocoa_desktop.engine.footprint import land_use
from cocoa_desktop.engine.footprint.factors import Factors, factors_for, gwp_sets
from cocoa_desktop.engine.footprint.nitrogen import BY_TYPE, nominal_n_percent
from cocoa_desktop.engine.footprint.stages import fertilisation, fuels, husk, post_harvest, sequestration, transport
from cocoa_desktop.engine.model import vocabulary as v
from cocoa_desktop.engine.model.survey import (
    VEHICLE_FUELS,
    AgeClass,
    BagType,
    DistanceUnit,
    DryingMethod,
    FermentationMethod,
    FertiliserType,
    Fuel,
    HuskDestination,
    PesticideType,
    PreviousUse,
    ProductionSystem,
    Survey,
    Vehicle,
)
from cocoa_desktop.workbook import factor_sheet
from cocoa_desktop.workbook.calc_layout import BY_KEY, CALC
from cocoa_desktop.workbook.formulas import Formulas
from cocoa_desktop.workbook.layout import GENERAL, SheetSpec
from cocoa_desktop.workbook.lists_sheet import forms
from cocoa_desktop.workbook.rows import CHOICE_LISTS
from tests.formula_eval import DIV0, EMPTY, NA, VALUE, Evaluator, Table, XlError, number

SETS = ("promperu-2020", "ipcc2006-ar5")

# (sheet, column) → the engine's template the column writes
ENGINE_TEMPLATES: dict[tuple[str, str], tuple[Any, str]] = {
    ("husk", "husk_kg"): (husk, "HUSK_KG_TEMPLATE"), ("husk", "s1"): (husk, "S1_TEMPLATE"),
    ("fermentation", "fermented_kg"): (post_harvest, "FERMENTED_KG_TEMPLATE"),
    ("fermentation", "s3"): (post_harvest, "S3_TEMPLATE"),
    ("products", "mass"): (fertilisation, "PRODUCT_MASS_TEMPLATE"),
    ("products", "n"): (fertilisation, "N_APPLIED_TEMPLATE"),
    ("products", "total"): (fertilisation, "PRODUCT_EMISSIONS_TEMPLATE"),
    ("pesticides", "total"): (fertilisation, "PESTICIDE_EMISSIONS_TEMPLATE"),
    ("fuels", "total"): (fuels, "FUEL_USE_TEMPLATE"),
    ("bags", "material_kg"): (post_harvest, "BAG_MASS_TEMPLATE"),
    ("bags", "total"): (post_harvest, "BAG_EMISSIONS_TEMPLATE"),
    ("legs", "vehicle_km"): (transport, "VEHICLE_KM_TEMPLATE"),
    ("legs", "total"): (transport, "LEG_EMISSIONS_TEMPLATE"),
    ("areas", "total"): (sequestration, "AREA_SEQUESTRATION_TEMPLATE"),
    ("conversions", "one_off"): (sequestration, "LUC_ONE_OFF_TEMPLATE"),
    ("conversions", "basis"): (sequestration, "LUC_BASIS_TEMPLATE"),
    ("conversions", "amortised"): (sequestration, "LUC_AMORTISED_TEMPLATE"),
    ("calc", "s2"): (fertilisation, "S2_TEMPLATE"),
    ("calc", "s4"): (post_harvest, "S4_TEMPLATE"),
    ("calc", "s5"): (post_harvest, "S5_TEMPLATE"),
    ("calc", "s6"): (transport, "S6_TEMPLATE"),
    ("calc", "luc_one_off"): (sequestration, "LUC_ONE_OFF_TOTAL_TEMPLATE"),
    ("calc", "luc_amortised"): (sequestration, "LUC_AMORTISED_TOTAL_TEMPLATE"),
}
CLAVES = Table(tuple(forms()))  # every accepted word → its key


def _column(spec: SheetSpec, key: str) -> Any:
    return spec.columns[spec.index(key)]


def _derived(f: Factors) -> dict[str, str]:
    """The factor sheet's computed rows: id → formula, as factor_sheet writes them."""
    return {row_id: formula for row_id, formula, _, _ in factor_sheet.derived(SimpleNamespace(f=f))}


class Sheets:
    """One survey as the workbook holds it; ``cell(spec, row, key)`` evaluates a formula cell on demand."""

    def __init__(self, survey: Survey, f: Factors, form: int = 0) -> None:
        self.survey, self.f, self.form = survey, f, form
        s = survey
        self.general = _inputs(GENERAL, s.general.model_dump(mode="json"))
        self.per_survey = {
            "husk": {"husk_kg_per_kg_cocoa": s.husk.husk_kg_per_kg_cocoa,
                     **{f"shares.{k.value}": x for k, x in s.husk.shares.items()}},
            "fertilisation": {"data_collected": self.word(v.YES_NO, "yes" if s.fertilisation.data_collected else "no")},
            "fermentation": {"method": self.word(v.FERMENTATION, s.fermentation.method),
                             "fermented_share": s.fermentation.fermented_share,
                             "on_farm_share": s.fermentation.on_farm_share},
            "drying": {"electricity_kwh": s.drying.electricity_kwh,
                       **{f"shares.{k.value}": x for k, x in s.drying.shares.items()}},
        }
        self.items: dict[str, list[dict[str, Any]]] = {
            "areas": [self.item("areas", a.model_dump(mode="json")) for a in s.general.areas],
            "products": [self.item("products", p.model_dump(mode="json")) for p in s.fertilisation.products],
            "pesticides": [self.item("pesticides", p.model_dump(mode="json")) for p in s.fertilisation.pesticides],
            "fuels": [self.item("fuels", {**u.model_dump(mode="json"), "use": use})
                      for use, uses in (("fertilisation", s.fertilisation.fuels), ("drying", s.drying.fuels))
                      for u in uses],
            "bags": [self.item("bags", b.model_dump(mode="json")) for b in s.packaging],
            "legs": [self.item("legs", leg.model_dump(mode="json")) for leg in s.transport.legs],
            "conversions": [self.item("conversions", c.model_dump(mode="json"))
                            for c in s.land_use_change.conversions],
        }
        expand = Formulas(f, "es", {}, "")  # the calculation sheet's choices by factor set, as the workbook makes them
        self.calc_markers = {"{FALLBACK}": expand._fallback(), "{SEQUESTRATION}": expand._sequestration()}
        self.derived = _derived(f)
        self.factor_names = {factor_sheet.factor_name(k): x for k, x in f.items()}
        self._names: dict[str, Any] = {}
        # the factor table (column A: id, B: value): the factors, then the rows computed in the sheet
        computed = [(k, self.name(k if k.startswith(("ef_", "PCG_")) else factor_sheet.factor_name(k)))
                    for k in self.derived]
        self.table = Table((*f.items(), *computed))

    def word(self, words: v.Words, key: str) -> str:
        """The word typed for ``key``: its Spanish word, its English word or the key itself (a key the list lacks,
        such as firewood in a transport leg, is written as the key, as the export does)."""
        return (*words.get(key, (key, key)), str(key))[self.form]

    def item(self, sheet: str, dumped: dict[str, Any]) -> dict[str, Any]:
        row = _inputs(BY_KEY[sheet], dumped)
        for column, list_name in CHOICE_LISTS[sheet].items():
            if column in row:
                row[column] = self.word(v.LISTS[list_name], row[column])
        return row

    def name(self, name: str) -> Any:
        if name == "claves":
            return CLAVES
        if name in self.factor_names:
            return self.factor_names[name]
        if name not in self._names:
            row_id = name if name.startswith(("ef_", "PCG_")) else name.removeprefix("f_")
            if row_id not in self.derived:
                raise KeyError(f"no name {name} in the factor sheet")
            self._names[name] = Evaluator(self._no_reference, self.name)(self.derived[row_id])
        return self._names[name]

    @staticmethod
    def _no_reference(marker: str) -> Any:
        raise KeyError(f"the factor sheet has no marker {marker}")

    def formula(self, spec: SheetSpec, key: str) -> str:
        found = ENGINE_TEMPLATES.get((spec.key, key))
        text = getattr(*found) if found else _column(spec, key).formula
        if spec is CALC:
            for marker, replacement in self.calc_markers.items():
                text = text.replace(marker, replacement)
        return text

    def cell(self, spec: SheetSpec, row: dict[str, Any], key: str) -> Any:
        col = _column(spec, key)
        if col.is_input:
            value = row.get(key)
            return EMPTY if value is None else value
        return Evaluator(lambda marker: self.ref(spec, row, marker), self.name)(self.formula(spec, key))

    def ref(self, spec: SheetSpec, row: dict[str, Any], marker: str) -> Any:
        token = marker[1:-1]
        if token == "FT":
            return self.table
        kind, _, rest = token.partition(":")
        if kind == "c":
            return self.cell(spec, row, rest)
        if kind == "k":  # the hidden key column where the sheet has one, else its lookup in place
            if any(c.key == f"_k_{rest}" for c in spec.columns):
                return self.cell(spec, row, f"_k_{rest}")
            return Evaluator(lambda m: self.ref(spec, row, m), self.name)(f"VLOOKUP({{c:{rest}}},claves,2,FALSE)")
        if kind in ("g", "same"):
            return self.cell(GENERAL, self.general, rest)
        sheet, _, key = rest.partition(":")
        if kind == "s":
            return self.cell(BY_KEY[sheet], self.per_survey[sheet], key)
        if kind == "items":
            total = 0.0
            for item in self.items[sheet]:
                x = number(self.cell(BY_KEY[sheet], item, key))
                if isinstance(x, XlError):
                    return x
                total += x
            return total
        raise KeyError(marker)


def _inputs(spec: SheetSpec, dumped: dict[str, Any]) -> dict[str, Any]:
    """The input cells the export fills: the model's values of the sheet's input columns (empty: None)."""
    inputs = {c.key for c in spec.columns if c.is_input}
    return {k: x for k, x in dumped.items() if k in inputs and x is not None and x != ""}


def _close(template: Any, python: float) -> bool:
    return (isinstance(template, float) and not isinstance(template, bool)
            and math.isclose(template, python, rel_tol=1e-9, abs_tol=1e-12))


def mismatches(survey: Survey, f: Factors, form: int = 0, blank_n: frozenset[int] = frozenset()) -> list[str]:
    """Every template whose value differs from its function's on this survey: '<template>: <value> ≠ <python>'.
    ``blank_n``: the products whose N % cell is left empty (the type's usual content, which the template fills)."""
    book = Sheets(survey, f, form)
    out: list[str] = []

    def check(what: str, template: Any, python: float) -> None:
        if not _close(template, python):
            out.append(f"{what}: {template!r} ≠ {python!r}")

    efs = husk.destination_efs(f)
    equations = {HuskDestination.COMPOSTED: husk.composting_ef(f), HuskDestination.BURNED: husk.burned_ef(f)}
    if f.method("husk") != "promperu":
        equations |= {HuskDestination.HEAPED: husk.heaped_ef(f), HuskDestination.LEFT_ON_SOIL: husk.scattered_ef(f)}
    for d, ef in efs.items():
        check(f"ef_husk_{d.value}", book.name(f"ef_husk_{d.value}"), equations.get(d, ef))
    check("fuel_firewood", book.name("f_fuel_firewood"), fuels.fuel_ef(Fuel.FIREWOOD, f))

    sheet = BY_KEY
    production = survey.production_kg
    for p, row in zip(survey.fertilisation.products, book.items["products"], strict=True):
        if id(p) in blank_n:
            row.pop("n_percent", None)
        check("products.mass", book.cell(sheet["products"], row, "mass"), p.mass_kg)
        check("products.n", book.cell(sheet["products"], row, "n"), p.mass_kg * p.n_percent / 100)
        check("products.total", book.cell(sheet["products"], row, "total"), fertilisation.product_emissions(p, f))
    for q, row in zip(survey.fertilisation.pesticides, book.items["pesticides"], strict=True):
        check("pesticides.total", book.cell(sheet["pesticides"], row, "total"),
              fertilisation.pesticide_emissions(q, f))
    uses = [*survey.fertilisation.fuels, *survey.drying.fuels]
    for u, row in zip(uses, book.items["fuels"], strict=True):
        check("fuels.total", book.cell(sheet["fuels"], row, "total"), fuels.fuel_emissions([u], f))
    for b, row in zip(survey.packaging, book.items["bags"], strict=True):
        check("bags.material_kg", book.cell(sheet["bags"], row, "material_kg"), b.material_kg)
        check("bags.total", book.cell(sheet["bags"], row, "total"), post_harvest.bag_emissions(b, f))
    for leg, row in zip(survey.transport.legs, book.items["legs"], strict=True):
        if not leg.uses_litres:
            check("legs.vehicle_km", book.cell(sheet["legs"], row, "vehicle_km"), leg.vehicle_km)
        check("legs.total", book.cell(sheet["legs"], row, "total"), transport.leg_emissions(leg, f))
    for a, row in zip(survey.general.areas, book.items["areas"], strict=True):
        check("areas.total", book.cell(sheet["areas"], row, "total"), sequestration.area_sequestration(a, f))
    campaign, years = survey.general.campaign_year, f["luc_amortisation_years"]
    for c, row in zip(survey.land_use_change.conversions, book.items["conversions"], strict=True):
        one_off, amortised = sequestration.conversion_emissions(c, campaign, f)
        check("conversions.one_off", book.cell(sheet["conversions"], row, "one_off"), one_off)
        check("conversions.amortised", book.cell(sheet["conversions"], row, "amortised"), amortised)
        basis = book.cell(sheet["conversions"], row, "basis")
        if basis != f"{{LUC:{land_use.basis(c, campaign, years).value}}}":
            out.append(f"conversions.basis: {basis!r} ≠ {land_use.basis(c, campaign, years).value}")

    husk_row, calc = book.per_survey["husk"], {}
    check("husk.husk_kg", book.cell(sheet["husk"], husk_row, "husk_kg"), production * husk.husk_ratio(survey, f))
    check("husk.s1", book.cell(sheet["husk"], husk_row, "s1"), husk.emissions(survey, production, f))
    check("fermentation.s3", book.cell(sheet["fermentation"], book.per_survey["fermentation"], "s3"),
          post_harvest.fermentation(survey, production, f))
    one_off, amortised = sequestration.land_use_change(survey, f)
    for key, python in (("s2", fertilisation.emissions(survey, production, f)),
                        ("s4", post_harvest.drying(survey, production, f)),
                        ("s5", post_harvest.packaging(survey, production, f)),
                        ("s6", transport.emissions(survey, production, f)),
                        ("sequestration", sequestration.sequestration(survey, production, f)),
                        ("luc_one_off", one_off), ("luc_amortised", amortised)):
        check(f"calc.{key}", book.cell(CALC, calc, key), python)
    return out


# --- strategies: surveys within the model's bounds -------------------------------------------------------------

def _amount(top: float) -> st.SearchStrategy[float]:
    return st.one_of(st.just(0.0), st.floats(0.0, top, allow_nan=False, allow_subnormal=False))


def _shares(keys: list[str]) -> st.SearchStrategy[dict[str, float]]:
    @st.composite
    def draw(d: st.DrawFn) -> dict[str, float]:
        chosen = d(st.lists(st.sampled_from(keys), min_size=1, max_size=len(keys), unique=True))
        weights = [d(st.integers(1, 20)) for _ in chosen]
        return {k: w / sum(weights) for k, w in zip(chosen, weights, strict=True)}
    return draw()


@st.composite
def _product(d: st.DrawFn) -> dict[str, Any]:
    kind = d(st.sampled_from(list(FertiliserType)))
    name = d(st.sampled_from(["", "Urea agrícola", "NPK 15-15-15", "sulfato de amonio", "Guano de isla"]))
    doc: dict[str, Any] = {"type": kind.value, "name": name}
    how = d(st.sampled_from(["year", "rate", "both"]))
    if how != "rate":
        doc["kg_per_year"] = d(_amount(1e9))
    if how != "year":
        doc |= {"kg_per_ha": d(_amount(100_000.0)), "hectares": d(_amount(1e6))}
    if nominal_n_percent(kind.value, name) is None or d(st.booleans()):
        doc["n_percent"] = d(_amount(100.0))
    return doc


@st.composite
def _leg(d: st.DrawFn) -> dict[str, Any]:
    doc: dict[str, Any] = {"vehicle": d(st.sampled_from(list(Vehicle))).value, "trips_per_year": d(_amount(1e8)),
                           "distance_unit": d(st.sampled_from(list(DistanceUnit))).value}
    fuel = d(st.none() | st.sampled_from(list(Fuel)))
    if fuel is not None:
        doc["fuel"] = fuel.value
    if fuel in VEHICLE_FUELS and d(st.booleans()):
        doc["litres_per_year"] = d(_amount(1e9))
        if d(st.booleans()):
            doc["distance"] = d(_amount(1e8))  # typed as well, not used
    else:
        doc["distance"] = d(_amount(1e8))
    return doc


@st.composite
def _bag(d: st.DrawFn) -> dict[str, Any]:
    doc: dict[str, Any] = {"type": d(st.sampled_from(list(BagType))).value,
                           "reuse_cycles": d(st.floats(1.0, 1000.0, allow_nan=False))}
    if d(st.booleans()):
        doc["material_kg_per_year"] = d(_amount(1e9))
    if "material_kg_per_year" not in doc or d(st.booleans()):
        doc |= {"bags_per_year": d(_amount(1e8)), "kg_per_bag": d(_amount(100.0))}
    return doc


@st.composite
def _conversion(d: st.DrawFn) -> dict[str, Any]:
    doc: dict[str, Any] = {"hectares": d(_amount(1e6)), "previous_use": d(st.sampled_from(list(PreviousUse))).value}
    year = d(st.none() | st.integers(1900, 2100))
    if year is not None:
        doc["year"] = year
        last = d(st.none() | st.integers(year, 2100))
        if last is not None:
            doc["year_last"] = last
    return doc


_FUEL_USE = st.fixed_dictionaries({"fuel": st.sampled_from([x.value for x in Fuel]), "amount": _amount(1e9)})


@st.composite
def surveys(d: st.DrawFn) -> Survey:
    general: dict[str, Any] = {
        "organisation": "Cooperativa", "campaign_year": d(st.integers(1990, 2100)),
        "productive_area_ha": d(_amount(1e6)),
        "areas": d(st.lists(st.fixed_dictionaries({
            "system": st.sampled_from([x.value for x in ProductionSystem]),
            "age_class": st.sampled_from([x.value for x in AgeClass]), "hectares": _amount(1e6)}), max_size=3)),
    }
    if d(st.booleans()):
        general["dry_cocoa_kg"] = d(st.just(0.0) | st.floats(1.0, 1e9, allow_nan=False))
    else:
        general |= {"wet_cocoa_kg": d(st.floats(1e3, 1e9)), "wet_to_dry_ratio": d(st.floats(1e-3, 1.0))}
    husk_doc: dict[str, Any] = {"shares": d(_shares([x.value for x in HuskDestination]))}
    if d(st.booleans()):
        husk_doc["husk_kg_per_kg_cocoa"] = d(st.floats(1e-3, 50.0))
    doc = {
        "general": general,
        "husk": husk_doc,
        "fertilisation": {
            "data_collected": d(st.booleans()),
            "products": d(st.lists(_product(), max_size=4)),
            "pesticides": d(st.lists(st.fixed_dictionaries({
                "type": st.sampled_from([x.value for x in PesticideType]), "active_ingredient_kg": _amount(1e9)}),
                max_size=3)),
            "fuels": d(st.lists(_FUEL_USE, max_size=2)),
        },
        "fermentation": {"method": d(st.sampled_from([x.value for x in FermentationMethod])),
                         "fermented_share": d(st.floats(0.0, 1.0)), "on_farm_share": d(st.floats(0.0, 1.0))},
        "drying": {"shares": d(_shares([x.value for x in DryingMethod])), "fuels": d(st.lists(_FUEL_USE, max_size=2)),
                   "electricity_kwh": d(_amount(1e9))},
        "packaging": d(st.lists(_bag(), max_size=3)),
        "transport": {"legs": d(st.lists(_leg(), max_size=3))},
        "land_use_change": {"conversions": d(st.lists(_conversion(), max_size=3))},
    }
    return Survey.model_validate(doc)


def _scaled(f: Factors, seed: int) -> Factors:
    """The factor set with every factor's value scaled at random (a zero made non-zero), its methods kept."""
    rng = random.Random(seed)
    fs = f.factor_set
    values = {k: (x.value or 1.0) * rng.uniform(0.5, 2.0) for k, x in fs.factors.items()}
    values["luc_amortisation_years"] = float(rng.randint(5, 40))
    scaled = dataclasses.replace(fs, factors={k: dataclasses.replace(x, value=values[k])
                                              for k, x in fs.factors.items()})
    return Factors(scaled, f.gwp)


@st.composite
def factor_sets(d: st.DrawFn) -> Factors:
    f = factors_for(d(st.sampled_from(SETS)), d(st.none() | st.sampled_from(sorted(gwp_sets()))))
    seed = d(st.none() | st.integers(0, 2**32))
    return f if seed is None else _scaled(f, seed)


def _blank_n(survey: Survey, pick: list[bool]) -> frozenset[int]:
    """Products whose N % the workbook user may leave empty: by type the template knows (urea, guano, lime …)."""
    products = survey.fertilisation.products
    return frozenset(id(p) for p, blank in zip(products, pick, strict=False)
                     if blank and p.type.value in BY_TYPE and p.n_percent == BY_TYPE[p.type.value])


# --- the tests ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("formula", "expected"), [
    ("1+2*3", 7.0), ("-2^2", 4.0), ("2^3^2", 64.0), ("50%*4", 2.0), ("(1+2)*3", 9.0), ("44/28*28", 44.0),
    ('"a"&1&"_"&2.5', "a1_2.5"), ('"Urea"="urea"', True), ('1<"a"', True), ('"z"<TRUE', True),
    ('{empty}=""', True), ("{empty}=0", True), ('{empty}<>""', False), ("{empty}*2+1", 1.0), ('{empty}&"x"', "x"),
    ('"3"+1', 4.0), ('"x"+1', VALUE), ("1/0", DIV0), ("IFERROR(1/0,7)", 7.0), ("IF(1/0>0,1,2)", DIV0),
    ("IF(FALSE,1/0,2)", 2.0), ("IF(0,1)", False), ("AND(1,TRUE,{empty})", True), ("OR(0,FALSE)", False),
    ("NOT(0)", True), ("MAX(0,-1,{empty})", 0.0), ("MIN(3,2)", 2.0), ("SUM(1,2,3)", 6.0), ("ROUND(2.5,0)", 3.0),
    ("ROUND(-2.345,2)", -2.35), ("ISNUMBER({empty})", False), ('VLOOKUP("B",{t},2,FALSE)', 2.0),
    ('VLOOKUP("c",{t},2,FALSE)', NA), ("VLOOKUP({empty},{t},2,FALSE)", NA), ('VLOOKUP("a",{t},2,FALSE)*2', 2.0),
    ("f_x*2", 6.0),
])
def test_the_evaluator_follows_excel(formula: str, expected: Any) -> None:
    refs = {"{empty}": EMPTY, "{t}": Table.of({"a": 1.0, "b": 2.0})}
    assert Evaluator(refs.__getitem__, {"f_x": 3.0}.__getitem__)(formula) == expected


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(survey=surveys(), f=factor_sets(), form=st.sampled_from([0, 1, 2]), blank=st.lists(st.booleans(), max_size=4))
def test_every_template_computes_what_its_function_does(survey: Survey, f: Factors, form: int,
                                                        blank: list[bool]) -> None:
    assert mismatches(survey, f, form, _blank_n(survey, blank)) == []


@pytest.mark.parametrize("set_id", SETS)
@pytest.mark.parametrize("gwp", sorted(gwp_sets()))
def test_factor_sheet_rows_compute_the_engine_factors(set_id: str, gwp: str) -> None:
    """The husk factors and firewood, every factor set and GWP set, as published (no scaling)."""
    survey = Survey.model_validate({"general": {"organisation": "x", "campaign_year": 2020, "productive_area_ha": 1.0,
                                                "dry_cocoa_kg": 1000.0}})
    assert mismatches(survey, factors_for(set_id, gwp)) == []


def test_the_workbook_writes_the_engine_templates() -> None:
    """The columns, the calculation sheet's choices and the factor sheet's rows are the engine's strings."""
    for (sheet, key), (module, name) in ENGINE_TEMPLATES.items():
        assert _column(BY_KEY[sheet], key).formula == getattr(module, name), (sheet, key)
    for set_id in SETS:
        f = factors_for(set_id)
        derived = _derived(f)
        for d, template in husk.destination_ef_templates(f).items():
            assert derived[f"ef_husk_{d.value}"] == "=" + template
        assert derived["fuel_firewood"] == "=" + fuels.FIREWOOD_EF_TEMPLATE
        expand = Formulas(f, "es", {}, "")
        assert expand._fallback() in (fertilisation.S2_FALLBACK_TEMPLATE, "0")
        assert expand._sequestration() in (sequestration.SEQUESTRATION_PER_KG_TEMPLATE,
                                           sequestration.SEQUESTRATION_BY_AREA_TEMPLATE)


# --- the check bites: a wrong template fails it ---------------------------------------------------------------------

BITE = Survey.model_validate({
    "general": {"organisation": "x", "campaign_year": 2020, "productive_area_ha": 10.0, "dry_cocoa_kg": 5000.0,
                "areas": [{"system": "agroforestry_timber", "age_class": "8-15", "hectares": 4.0}]},
    "husk": {"shares": {"left_on_soil": 0.3, "heaped": 0.2, "composted": 0.2, "burned": 0.1, "animal_feed": 0.1,
                        "biodigester": 0.05, "other": 0.05}},
    "fertilisation": {"products": [{"type": "urea", "kg_per_year": 100.0}, {"type": "guano", "kg_per_ha": 50.0,
                                                                               "hectares": 2.0},
                                   {"type": "lime", "kg_per_year": 300.0}],
                      "pesticides": [{"type": "herbicide", "active_ingredient_kg": 3.0}],
                      "fuels": [{"fuel": "diesel", "amount": 40.0}, {"fuel": "firewood", "amount": 10.0}]},
    "drying": {"shares": {"mechanical": 1.0}, "fuels": [{"fuel": "lpg", "amount": 20.0}], "electricity_kwh": 100.0},
    "packaging": [{"type": "polypropylene_sack", "bags_per_year": 100.0, "kg_per_bag": 0.1, "reuse_cycles": 2.0}],
    "transport": {"legs": [{"vehicle": "pickup", "trips_per_year": 20.0, "distance": 30.0, "distance_unit": "mi",
                            "fuel": "gasoline"},
                           {"vehicle": "rigid_truck", "litres_per_year": 50.0, "fuel": "lpg"}]},
    "land_use_change": {"conversions": [{"hectares": 2.0, "year": 2000}, {"hectares": 1.0}]},  # 2000: the window's edge
})

MUTATIONS = [  # (module, template, text, replacement, factor set; "scaled": the IPCC set's values scaled at random)
    (fertilisation, "PRODUCT_EMISSIONS_TEMPLATE", "44/28", "44/12", "ipcc2006-ar5"),
    (fertilisation, "PRODUCT_EMISSIONS_TEMPLATE", "f_soil_ef4", "f_soil_ef1", "scaled"),  # published: EF1 = EF4
    (fertilisation, "N_APPLIED_TEMPLATE", "/100", "/10", "ipcc2006-ar5"),
    (fertilisation, "S2_TEMPLATE", "+{items:pesticides:total}", "", "ipcc2006-ar5"),
    (husk, "SCATTERED_EF_TEMPLATE", "44/28", "44/12", "ipcc2006-ar5"),
    (husk, "HEAPED_EF_TEMPLATE", "16/12", "44/12", "ipcc2006-ar5"),
    (husk, "CALIBRATED_ON_FARM_EF_TEMPLATE", "PCG_CH4", "PCG_N2O", "promperu-2020"),
    (husk, "HUSK_KG_TEMPLATE", "f_husk_ratio", "1", "ipcc2006-ar5"),
    (husk, "S1_TEMPLATE", "ef_husk_burned", "ef_husk_composted", "promperu-2020"),
    (fuels, "FIREWOOD_EF_TEMPLATE", "PCG_N2O", "PCG_CH4", "ipcc2006-ar5"),
    (post_harvest, "S4_TEMPLATE", "f_grid_electricity", "0", "ipcc2006-ar5"),
    (post_harvest, "BAG_EMISSIONS_TEMPLATE", "/{c:reuse_cycles}", "", "ipcc2006-ar5"),
    (post_harvest, "S3_TEMPLATE", '"fermentation_"', '"bag_"', "promperu-2020"),
    (transport, "LEG_EMISSIONS_TEMPLATE", "/1.609344", "*1.609344", "ipcc2006-ar5"),
    (sequestration, "AREA_SEQUESTRATION_TEMPLATE", "44/12", "44/28", "ipcc2006-ar5"),
    (sequestration, "LUC_AMORTISED_TEMPLATE", ">=", ">", "ipcc2006-ar5"),
    (sequestration, "LUC_BASIS_TEMPLATE", "{LUC:year_unknown}", "{LUC:before_window}", "ipcc2006-ar5"),
]


@pytest.mark.parametrize(("module", "name", "text", "replacement", "set_id"), MUTATIONS,
                         ids=[f"{m[1]}:{m[2]}->{m[3]}" for m in MUTATIONS])
def test_a_wrong_template_fails_the_check(monkeypatch: pytest.MonkeyPatch, module: Any, name: str, text: str,
                                          replacement: str, set_id: str) -> None:
    f = _scaled(factors_for("ipcc2006-ar5"), 1) if set_id == "scaled" else factors_for(set_id)
    assert mismatches(BITE, f) == []
    template = getattr(module, name)
    assert text in template
    monkeypatch.setattr(module, name, template.replace(text, replacement, 1))
    assert mismatches(BITE, f) != []
