"""What each wizard page asks, declared once (English source text; Spanish in resources/translations).

Field keys are full paths in the survey model; they are the widgets' objectNames. Choice words and the names of
husk destinations and drying methods come from the engine's vocabulary, so wizard = workbook = guide.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from cocoa_desktop.engine.footprint.nitrogen import nominal_n_percent
from cocoa_desktop.engine.model import vocabulary as V
from cocoa_desktop.engine.model.fields import with_asked
from cocoa_desktop.gui.fields import FieldSpec as F
from cocoa_desktop.gui.fields import asked_field


@dataclass(frozen=True)
class TableSpec:
    key: str  # full path of the list, e.g. "general.areas", "packaging"
    title: str
    columns: tuple[F, ...]
    hint: str = ""  # shown under the table
    # the values a row's empty cells get from the survey model, from what the row holds: {column: value}
    implied: Callable[[dict[str, Any]], dict[str, float]] | None = None


def implied_nitrogen(row: dict[str, Any]) -> dict[str, float]:
    """An empty N % is the product's standard content when it has one (urea 46 …): the model fills it in."""
    value = nominal_n_percent(row.get("type") or "", row.get("name") or "")
    return {} if value is None else {"n_percent": value}


@dataclass(frozen=True)
class PageSpec:
    id: str
    title: str
    subtitle: str
    fields: tuple[F, ...] = ()
    tables: tuple[TableSpec, ...] = ()
    percent_group: str = ""  # prefix of percent fields that must add up to 100 %


def share(key: str, words: V.Words, hint: str = "") -> F:
    """A percent field whose label is the engine's word for a husk destination or a drying method."""
    return F(key, "", "%", hint, kind="percent", label_words=words[key.rsplit(".", 1)[1]])


_WRITTEN: tuple[PageSpec, ...] = (
    PageSpec("organisation", QT_TRANSLATE_NOOP("pages", "Organisation and campaign"),
             QT_TRANSLATE_NOOP("pages", "Who is surveyed, in which campaign, and by whom."), (
                 F("general.organisation", QT_TRANSLATE_NOOP("fields", "Cooperative"), kind="text",
                   hint=QT_TRANSLATE_NOOP("hints", "Full name of the cooperative, as on its documents.")),
                 F("unit", QT_TRANSLATE_NOOP("fields", "Survey covers"), kind="choice", words=V.UNIT,
                   hint=QT_TRANSLATE_NOOP("hints", "A whole cooperative, or one farm whose results add up into its cooperative.")),
                 F("general.farm_name", QT_TRANSLATE_NOOP("fields", "Farm (if one farm)"), kind="text", hint=QT_TRANSLATE_NOOP("hints", "Only when the survey covers a single farm: the producer's farm name.")),
                 F("general.campaign_year", QT_TRANSLATE_NOOP("fields", "Campaign year"), kind="int",
                   hint=QT_TRANSLATE_NOOP("hints", "The year the harvest was sold, e.g. 2024.")),
                 F("general.region", QT_TRANSLATE_NOOP("fields", "Region"), kind="text", hint=QT_TRANSLATE_NOOP("hints", "Department where the cocoa is grown, e.g. San Martín.")),
                 F("general.producers", QT_TRANSLATE_NOOP("fields", "Producers (partners)"), kind="int", hint=QT_TRANSLATE_NOOP("hints", "Number of producers covered; 1 for a single farm.")),
                 F("notes", QT_TRANSLATE_NOOP("fields", "Notes"), kind="text", hint=QT_TRANSLATE_NOOP("hints", "Anything worth keeping about this survey: who answered, what was estimated, what to check next time.")),
             )),
    PageSpec("production", QT_TRANSLATE_NOOP("pages", "Production and areas"),
             QT_TRANSLATE_NOOP("pages", "How much dry cocoa was delivered, and on how many hectares."), (
                 F("general.productive_area_ha", QT_TRANSLATE_NOOP("fields", "Productive area"), "ha",
                   QT_TRANSLATE_NOOP("hints", "Hectares of cocoa in production (decimals allowed: 1,5 ha).")),
                 F("general.dry_cocoa_kg", QT_TRANSLATE_NOOP("fields", "Dry cocoa delivered"), "kg/yr",
                   QT_TRANSLATE_NOOP("hints", "Kilograms of dry cocoa delivered in the year (240.000 is read as 240 000). If you only know wet cocoa, leave this empty and fill in the two fields below."), thousands=True),
                 F("general.wet_cocoa_kg", QT_TRANSLATE_NOOP("fields", "Wet cocoa bought"), "kg/yr", QT_TRANSLATE_NOOP("hints", "Only if dry cocoa is not known: kilograms of wet (baba) cocoa bought in the year."), thousands=True),
                 F("general.wet_to_dry_ratio", QT_TRANSLATE_NOOP("fields", "Wet → dry ratio"), "kg/kg",
                   QT_TRANSLATE_NOOP("hints", "Kilograms of dry cocoa per kilogram of wet cocoa (about 0,38).")),
                 F("general.cocoa_trees_per_ha", QT_TRANSLATE_NOOP("fields", "Cocoa trees"), "per ha", QT_TRANSLATE_NOOP("hints", "Optional: planting density, e.g. 1.111 at 3 × 3 m."), thousands=True),
                 F("general.shade_trees_per_ha", QT_TRANSLATE_NOOP("fields", "Shade trees"), "per ha", QT_TRANSLATE_NOOP("hints", "Optional: timber or fruit trees giving shade."), thousands=True),
             ), (TableSpec("general.areas", QT_TRANSLATE_NOOP("tables", "Areas by system and age"), (
                 F("system", QT_TRANSLATE_NOOP("fields", "System"), kind="choice", words=V.SYSTEM),
                 F("age_class", QT_TRANSLATE_NOOP("fields", "Age"), kind="choice", words=V.AGE),
                 F("hectares", QT_TRANSLATE_NOOP("fields", "Area"), "ha"),
             ), QT_TRANSLATE_NOOP("hints", "Used for sequestration by the IPCC 2006 + AR5 factor set; the PROMPERÚ 2020 set computes sequestration per kg of cocoa, as the report did.")),)),
    PageSpec("husk", QT_TRANSLATE_NOOP("pages", "Husk management"),
             QT_TRANSLATE_NOOP("pages", "What happens to the cocoa pod husk, in percent of its weight. The shares must add up to 100 %."), (
                 share("husk.shares.heaped", V.HUSK, QT_TRANSLATE_NOOP("hints", "Percent of the husk by weight. For a whole cooperative, weigh each farm by its production: a plain average of farms is wrong.")),
                 share("husk.shares.left_on_soil", V.HUSK),
                 share("husk.shares.composted", V.HUSK),
                 share("husk.shares.burned", V.HUSK),
                 share("husk.shares.animal_feed", V.HUSK),
                 share("husk.shares.biodigester", V.HUSK),
                 share("husk.shares.other", V.HUSK),
                 F("husk.husk_kg_per_kg_cocoa", QT_TRANSLATE_NOOP("fields", "Husk per kg of dry cocoa (optional)"), "kg/kg",
                   QT_TRANSLATE_NOOP("hints", "Leave empty to use the factor set's value (8,5).")),
             ), percent_group="husk.shares."),
    PageSpec("fertilisation", QT_TRANSLATE_NOOP("pages", "Fertilisation, composting and pest control"),
             QT_TRANSLATE_NOOP("pages", "Every product applied in the year, with its nitrogen content."), (
                 F("fertilisation.data_collected", QT_TRANSLATE_NOOP("fields", "Fertiliser data was collected"), kind="bool",
                   hint=QT_TRANSLATE_NOOP("hints", "Untick only if there is no information: the factor set's per-hectare value is "
                                   "then used and the results say so.")),
             ), (
                 TableSpec("fertilisation.products", QT_TRANSLATE_NOOP("tables", "Fertilisers and amendments"), (
                     F("type", QT_TRANSLATE_NOOP("fields", "Type"), kind="choice", words=V.FERTILISER),
                     F("name", QT_TRANSLATE_NOOP("fields", "Name"), kind="text"),
                     F("kg_per_year", QT_TRANSLATE_NOOP("fields", "Amount"), "kg/yr", thousands=True),
                     F("kg_per_ha", QT_TRANSLATE_NOOP("fields", "or per hectare"), "kg/ha"),
                     F("hectares", QT_TRANSLATE_NOOP("fields", "× area"), "ha"),
                     F("n_percent", QT_TRANSLATE_NOOP("fields", "Nitrogen"), "% N", kind="percent100"),
                 ), QT_TRANSLATE_NOOP("hints", "The amount a year, or the amount per hectare and the hectares it goes on. Nitrogen: the N % on the sack. Left empty, a product whose content is standard gets it, shown in grey (urea 46, guano de isla 10, lime 0; an NPK or foliar named ammonium nitrate or sulphate, DAP, MAP, calcium nitrate or with its grade, e.g. 15-15-15); any other product needs it."), implied=implied_nitrogen),
                 TableSpec("fertilisation.pesticides", QT_TRANSLATE_NOOP("tables", "Pesticides"), (
                     F("type", QT_TRANSLATE_NOOP("fields", "Type"), kind="choice", words=V.PESTICIDE),
                     F("product", QT_TRANSLATE_NOOP("fields", "Product"), kind="text"),
                     F("active_ingredient_kg", QT_TRANSLATE_NOOP("fields", "Active ingredient"), "kg a.i./yr"),
                 ), QT_TRANSLATE_NOOP("hints", "Kilograms of active ingredient a year (the product's amount × its concentration).")),
                 TableSpec("fertilisation.fuels", QT_TRANSLATE_NOOP("tables", "Fuel for brush-cutters and sprayers"), (
                     F("fuel", QT_TRANSLATE_NOOP("fields", "Fuel"), kind="choice", words=V.FUEL),
                     F("amount", QT_TRANSLATE_NOOP("fields", "Amount"), "l or kg/yr", thousands=True),
                     F("purpose", QT_TRANSLATE_NOOP("fields", "Purpose"), kind="text"),
                 ), QT_TRANSLATE_NOOP("hints", "Litres a year for gasoline and diesel, kilograms for LPG and firewood.")),
             )),
    PageSpec("fermentation", QT_TRANSLATE_NOOP("pages", "Fermentation"), QT_TRANSLATE_NOOP("pages", "How the cocoa is fermented."), (
        F("fermentation.method", QT_TRANSLATE_NOOP("fields", "Method"), kind="choice", words=V.FERMENTATION, hint=QT_TRANSLATE_NOOP("hints", "The usual way of fermenting in this unit.")),
        F("fermentation.fermented_share", QT_TRANSLATE_NOOP("fields", "Share of the cocoa fermented"), "%", QT_TRANSLATE_NOOP("hints", "Usually 100 %: all the cocoa delivered is fermented."), kind="percent"),
        F("fermentation.on_farm_share", QT_TRANSLATE_NOOP("fields", "Share fermented on the farm"), "%", QT_TRANSLATE_NOOP("hints", "The rest is fermented at the cooperative's plant."), kind="percent"),
    )),
    PageSpec("drying", QT_TRANSLATE_NOOP("pages", "Drying"), QT_TRANSLATE_NOOP("pages", "How the cocoa is dried, in percent of the cocoa. The shares must add up to 100 %."), (
        share("drying.shares.sun_tarp", V.DRYING, QT_TRANSLATE_NOOP("hints", "Percent of the cocoa dried each way.")),
        share("drying.shares.sun_concrete", V.DRYING),
        share("drying.shares.solar_dryer", V.DRYING),
        share("drying.shares.mechanical", V.DRYING),
        F("drying.electricity_kwh", QT_TRANSLATE_NOOP("fields", "Electricity for drying"), "kWh/yr", QT_TRANSLATE_NOOP("hints", "From the electricity bill of the dryers, if any. Sun drying emits nothing."), thousands=True),
    ), (TableSpec("drying.fuels", QT_TRANSLATE_NOOP("tables", "Fuel for dryers"), (
        F("fuel", QT_TRANSLATE_NOOP("fields", "Fuel"), kind="choice", words=V.FUEL),
        F("amount", QT_TRANSLATE_NOOP("fields", "Amount"), "l or kg/yr", thousands=True),
        F("purpose", QT_TRANSLATE_NOOP("fields", "Purpose"), kind="text"),
    ), QT_TRANSLATE_NOOP("hints", "Litres a year for gasoline and diesel, kilograms for LPG and firewood.")),), percent_group="drying.shares."),
    PageSpec("packaging", QT_TRANSLATE_NOOP("pages", "Packaging"), QT_TRANSLATE_NOOP("pages", "The bags used in the year for the dry cocoa."), (), (
        TableSpec("packaging", QT_TRANSLATE_NOOP("tables", "Bags"), (
            F("type", QT_TRANSLATE_NOOP("fields", "Type"), kind="choice", words=V.BAG),
            F("bags_per_year", QT_TRANSLATE_NOOP("fields", "Bags"), "per yr", thousands=True),
            F("kg_per_bag", QT_TRANSLATE_NOOP("fields", "Weight of one empty bag"), "kg",
              QT_TRANSLATE_NOOP("hints", "What one empty bag weighs, not the cocoa it holds: a polypropylene sack weighs about 0,1 kg.")),
            F("material_kg_per_year", QT_TRANSLATE_NOOP("fields", "or weight of all empty bags"), "kg/yr", thousands=True),
            F("reuse_cycles", QT_TRANSLATE_NOOP("fields", "Uses per bag"), kind="int"),
        ), QT_TRANSLATE_NOOP("hints", "Per bag type: the number of bags and the weight of ONE EMPTY bag (about 0,1 kg, not the 60 kg of cocoa it holds), or the total weight of the empty bags. Uses: how many times a bag is filled before it is thrown away.")),)),
    PageSpec("transport", QT_TRANSLATE_NOOP("pages", "Transport"),
             QT_TRANSLATE_NOOP("pages", "Each leg from the farm to the port: trips and one-way distance, or the fuel burned if known."), (), (
                 TableSpec("transport.legs", QT_TRANSLATE_NOOP("tables", "Transport legs"), (
                     F("name", QT_TRANSLATE_NOOP("fields", "Leg"), kind="text"),
                     F("vehicle", QT_TRANSLATE_NOOP("fields", "Vehicle"), kind="choice", words=V.VEHICLE),
                     F("trips_per_year", QT_TRANSLATE_NOOP("fields", "Trips"), "per yr", thousands=True),
                     F("distance", QT_TRANSLATE_NOOP("fields", "One-way distance")),
                     F("distance_unit", QT_TRANSLATE_NOOP("fields", "Unit"), kind="choice", words=V.DISTANCE_UNIT),
                     F("fuel", QT_TRANSLATE_NOOP("fields", "Fuel"), kind="choice", words=V.VEHICLE_FUEL, optional_choice=True),
                     F("litres_per_year", QT_TRANSLATE_NOOP("fields", "Fuel used, if known"), "l/yr", thousands=True),
                     F("load_kg_per_trip", QT_TRANSLATE_NOOP("fields", "Load"), "kg/trip", thousands=True),
                 ), QT_TRANSLATE_NOOP("hints", "Give trips and the one-way distance, or the litres of fuel a year with the fuel: when litres are given they are used (a more direct measurement) and the distance may stay empty.")),)),
    PageSpec("sequestration", QT_TRANSLATE_NOOP("pages", "Sequestration"),
             QT_TRANSLATE_NOOP("pages", "Carbon taken up by the cocoa and its shade trees. Areas by system and age are on the "
                        "production page."), (
                 F("sequestration.shade_trees_inventory", QT_TRANSLATE_NOOP("fields", "Shade-tree inventory (notes)"), kind="text", hint=QT_TRANSLATE_NOOP("hints", "Species and number of shade trees, if counted.")),
             )),
    PageSpec("land_use_change", QT_TRANSLATE_NOOP("pages", "Land-use change"),
             QT_TRANSLATE_NOOP("pages", "Forest or other land converted to cocoa, with the year or period of conversion if known."), (), (
                 TableSpec("land_use_change.conversions", QT_TRANSLATE_NOOP("tables", "Conversions"), (
                     F("hectares", QT_TRANSLATE_NOOP("fields", "Area"), "ha"),
                     F("year", QT_TRANSLATE_NOOP("fields", "Year or first year"), kind="int"),
                     F("year_last", QT_TRANSLATE_NOOP("fields", "Last year (period)"), kind="int"),
                     F("previous_use", QT_TRANSLATE_NOOP("fields", "Previous use"), kind="choice", words=V.PREVIOUS_USE),
                     F("source", QT_TRANSLATE_NOOP("fields", "Source of the information"), kind="text"),
                 ), QT_TRANSLATE_NOOP("hints", "Land turned into cocoa: hectares, when it was converted and what it was before. When: a year (e.g. 2015); a period as its first and last year (e.g. 2001 and 2017); both empty if unknown. PAS 2050 spreads it over 20 years: an unknown year counts as within the last 20 years, a period from its first year; only a change more than 20 years old counts 0.")),)),
)
# the fields declared with their words in the model (engine/model/asked.py) join the page of the field declared before them
PAGES: tuple[PageSpec, ...] = tuple(
    replace(page, fields=tuple(with_asked(page.fields, lambda field: field.key, asked_field))) for page in _WRITTEN)
