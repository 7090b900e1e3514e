"""What each wizard page asks, declared once (English source text; Spanish in resources/translations).

Field keys are full paths in the survey model; they are the widgets' objectNames.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP as N

from cocoa_desktop.gui.fields import FieldSpec as F


@dataclass(frozen=True)
class TableSpec:
    key: str  # full path of the list, e.g. "general.areas", "packaging"
    title: str
    columns: tuple[F, ...]


@dataclass(frozen=True)
class PageSpec:
    id: str
    title: str
    subtitle: str
    fields: tuple[F, ...] = ()
    tables: tuple[TableSpec, ...] = ()
    percent_group: str = ""  # prefix of percent fields that must add up to 100 %


def choices(*pairs: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    return pairs


UNIT = choices(("cooperative", N("choices", "Whole cooperative")), ("farm", N("choices", "One farm")),
               ("region", N("choices", "Region (several cooperatives as one)")))
SYSTEM = choices(("agroforestry_timber", N("choices", "Agroforestry, timber shade")),
                 ("agroforestry_fruit", N("choices", "Agroforestry, fruit shade")),
                 ("monoculture", N("choices", "Monoculture")))
AGE = choices(("0-7", "0-7"), ("8-15", "8-15"), ("16-29", "16-29"), ("30+", "30+"))
FERTILISER = choices(("guano", N("choices", "Guano de isla")), ("own_compost", N("choices", "Own compost")),
                     ("bought_compost", N("choices", "Bought compost")), ("biol", N("choices", "Biol")),
                     ("manure", N("choices", "Manure")), ("urea", N("choices", "Urea")), ("npk", N("choices", "NPK")),
                     ("foliar", N("choices", "Foliar fertiliser")), ("lime", N("choices", "Agricultural lime")),
                     ("dolomite", N("choices", "Dolomite")))
PESTICIDE = choices(("herbicide", N("choices", "Herbicide")), ("insecticide", N("choices", "Insecticide")),
                    ("fungicide", N("choices", "Fungicide")))
FUEL = choices(("gasoline", N("choices", "Gasoline (litres)")), ("diesel", N("choices", "Diesel (litres)")),
               ("lpg", N("choices", "LPG (kg)")), ("firewood", N("choices", "Firewood (kg)")))
FERMENTATION = choices(("box", N("choices", "Wooden boxes")), ("sack", N("choices", "Sacks")),
                       ("heap", N("choices", "Heap")))
BAG = choices(("jute_sack", N("choices", "Jute sack")), ("polypropylene_sack", N("choices", "Polypropylene sack")),
              ("plastic_bag", N("choices", "Plastic bag")), ("big_bag", N("choices", "Big bag")))
VEHICLE = choices(("pack_animal", N("choices", "Pack animal")), ("motorcycle", N("choices", "Motorcycle")),
                  ("pickup", N("choices", "Pickup")), ("light_truck", N("choices", "Light truck")),
                  ("rigid_truck", N("choices", "Rigid truck")),
                  ("articulated_truck", N("choices", "Articulated truck")))
DISTANCE = choices(("km", "km"), ("mi", N("choices", "miles")))
PREVIOUS = choices(("primary_forest", N("choices", "Primary forest")),
                   ("secondary_forest", N("choices", "Secondary forest")),
                   ("pasture", N("choices", "Pasture")), ("annual_crops", N("choices", "Annual crops")))

PAGES: tuple[PageSpec, ...] = (
    PageSpec("organisation", N("pages", "Organisation and campaign"),
             N("pages", "Who is surveyed, in which campaign, and by whom."), (
                 F("general.organisation", N("fields", "Cooperative"), kind="text",
                   hint=N("hints", "Full name of the cooperative, as on its documents.")),
                 F("unit", N("fields", "Survey covers"), kind="choice", choices=UNIT,
                   hint=N("hints", "A whole cooperative, or one farm whose results add up into its cooperative.")),
                 F("general.farm_name", N("fields", "Farm (if one farm)"), kind="text"),
                 F("general.campaign_year", N("fields", "Campaign year"), kind="int",
                   hint=N("hints", "The year the harvest was sold, e.g. 2024.")),
                 F("general.region", N("fields", "Region"), kind="text"),
                 F("general.technician", N("fields", "Technician"), kind="text"),
                 F("general.producers", N("fields", "Producers (partners)"), kind="int"),
             )),
    PageSpec("production", N("pages", "Production and areas"),
             N("pages", "How much dry cocoa was delivered, and on how many hectares."), (
                 F("general.productive_area_ha", N("fields", "Productive area"), "ha",
                   N("hints", "Hectares of cocoa in production.")),
                 F("general.dry_cocoa_kg", N("fields", "Dry cocoa delivered"), N("units", "kg/yr"),
                   N("hints", "Kilograms of dry cocoa delivered in the year. If you only know wet cocoa, leave this "
                              "empty and fill in the two fields below.")),
                 F("general.wet_cocoa_kg", N("fields", "Wet cocoa bought"), N("units", "kg/yr")),
                 F("general.wet_to_dry_ratio", N("fields", "Wet → dry ratio"), "kg/kg",
                   N("hints", "Kilograms of dry cocoa per kilogram of wet cocoa (about 0.38).")),
                 F("general.cocoa_trees_per_ha", N("fields", "Cocoa trees per hectare"), N("units", "per ha")),
                 F("general.shade_trees_per_ha", N("fields", "Shade trees per hectare"), N("units", "per ha")),
             ), (TableSpec("general.areas", N("tables", "Areas by system and age"), (
                 F("system", N("fields", "System"), kind="choice", choices=SYSTEM),
                 F("age_class", N("fields", "Age (years)"), kind="choice", choices=AGE),
                 F("hectares", N("fields", "Hectares"), "ha"),
             )),)),
    PageSpec("husk", N("pages", "Husk management"),
             N("pages", "What happens to the cocoa pod husk. The shares must add up to 100 %."), (
                 F("husk.shares.left_on_soil", N("fields", "Left scattered on the soil"), "%", kind="percent"),
                 F("husk.shares.heaped", N("fields", "Heaped"), "%", kind="percent"),
                 F("husk.shares.composted", N("fields", "Composted"), "%", kind="percent"),
                 F("husk.shares.burned", N("fields", "Burned"), "%", kind="percent"),
                 F("husk.shares.animal_feed", N("fields", "Fed to animals"), "%", kind="percent"),
                 F("husk.shares.biodigester", N("fields", "Biodigester"), "%", kind="percent"),
                 F("husk.shares.other", N("fields", "Other"), "%", kind="percent"),
                 F("husk.compost_method", N("fields", "Composting method"), kind="text"),
                 F("husk.husk_kg_per_kg_cocoa", N("fields", "Husk per kg of dry cocoa (optional)"), "kg/kg",
                   N("hints", "Leave empty to use the factor set's value (8.5).")),
             ), percent_group="husk.shares."),
    PageSpec("fertilisation", N("pages", "Fertilisation, composting and pest control"),
             N("pages", "Every product applied in the year, with its nitrogen content."), (
                 F("fertilisation.data_collected", N("fields", "Fertiliser data was collected"), kind="bool",
                   hint=N("hints", "Untick only if there is no information: the factor set's per-hectare value is "
                                   "then used and the results say so.")),
             ), (
                 TableSpec("fertilisation.products", N("tables", "Fertilisers and amendments"), (
                     F("type", N("fields", "Type"), kind="choice", choices=FERTILISER),
                     F("name", N("fields", "Name"), kind="text"),
                     F("kg_per_year", N("fields", "kg per year"), "kg"),
                     F("kg_per_ha", N("fields", "or kg per ha"), "kg/ha"),
                     F("hectares", N("fields", "× hectares"), "ha"),
                     F("n_percent", N("fields", "Nitrogen"), "% N"),
                 )),
                 TableSpec("fertilisation.pesticides", N("tables", "Pesticides"), (
                     F("type", N("fields", "Type"), kind="choice", choices=PESTICIDE),
                     F("product", N("fields", "Product"), kind="text"),
                     F("active_ingredient_kg", N("fields", "Active ingredient (kg/yr)"), "kg"),
                 )),
                 TableSpec("fertilisation.fuels", N("tables", "Fuel for brush-cutters and sprayers"), (
                     F("fuel", N("fields", "Fuel"), kind="choice", choices=FUEL),
                     F("amount", N("fields", "Amount per year"), ""),
                 )),
             )),
    PageSpec("fermentation", N("pages", "Fermentation"), N("pages", "How the cocoa is fermented."), (
        F("fermentation.method", N("fields", "Method"), kind="choice", choices=FERMENTATION),
        F("fermentation.fermented_share", N("fields", "Share of the cocoa fermented"), "%", kind="percent"),
        F("fermentation.on_farm_share", N("fields", "Share fermented on the farm"), "%", kind="percent"),
    )),
    PageSpec("drying", N("pages", "Drying"), N("pages", "How the cocoa is dried. The shares must add up to 100 %."), (
        F("drying.shares.sun_tarp", N("fields", "Sun, on tarps"), "%", kind="percent"),
        F("drying.shares.sun_concrete", N("fields", "Sun, on concrete"), "%", kind="percent"),
        F("drying.shares.solar_dryer", N("fields", "Solar dryer"), "%", kind="percent"),
        F("drying.shares.mechanical", N("fields", "Mechanical dryer"), "%", kind="percent"),
        F("drying.electricity_kwh", N("fields", "Electricity for drying"), "kWh/yr"),
    ), (TableSpec("drying.fuels", N("tables", "Fuel for dryers"), (
        F("fuel", N("fields", "Fuel"), kind="choice", choices=FUEL),
        F("amount", N("fields", "Amount per year"), ""),
    )),), percent_group="drying.shares."),
    PageSpec("packaging", N("pages", "Packaging"), N("pages", "The bags used in the year for the dry cocoa."), (), (
        TableSpec("packaging", N("tables", "Bags"), (
            F("type", N("fields", "Type"), kind="choice", choices=BAG),
            F("bags_per_year", N("fields", "Bags per year"), ""),
            F("kg_per_bag", N("fields", "kg per bag"), "kg"),
            F("material_kg_per_year", N("fields", "or total kg of bags"), "kg"),
            F("reuse_cycles", N("fields", "Uses per bag"), ""),
        )),)),
    PageSpec("transport", N("pages", "Transport"),
             N("pages", "Each leg from the farm to the port: trips and one-way distance, or litres if known."), (), (
                 TableSpec("transport.legs", N("tables", "Transport legs"), (
                     F("name", N("fields", "Leg"), kind="text"),
                     F("vehicle", N("fields", "Vehicle"), kind="choice", choices=VEHICLE),
                     F("trips_per_year", N("fields", "Trips per year"), ""),
                     F("distance", N("fields", "Distance (one way)"), ""),
                     F("distance_unit", N("fields", "Unit"), kind="choice", choices=DISTANCE),
                     F("litres_per_year", N("fields", "Litres per year (if known)"), "l"),
                 )),)),
    PageSpec("sequestration", N("pages", "Sequestration"),
             N("pages", "Carbon taken up by the cocoa and its shade trees. Areas by system and age are on the "
                        "production page."), (
                 F("sequestration.shade_trees_inventory", N("fields", "Shade-tree inventory (notes)"), kind="text"),
             )),
    PageSpec("land_use_change", N("pages", "Land-use change"),
             N("pages", "Forest or other land converted to cocoa, with the year if known."), (), (
                 TableSpec("land_use_change.conversions", N("tables", "Conversions"), (
                     F("hectares", N("fields", "Hectares"), "ha"),
                     F("year", N("fields", "Year"), kind="int"),
                     F("previous_use", N("fields", "Previous use"), kind="choice", choices=PREVIOUS),
                     F("source", N("fields", "Source of the information"), kind="text"),
                 )),)),
)
