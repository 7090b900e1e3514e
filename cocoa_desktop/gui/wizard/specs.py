"""What each wizard page asks, declared once (English source text; Spanish in resources/translations).

Field keys are full paths in the survey model; they are the widgets' objectNames.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

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


UNIT = choices(("cooperative", QT_TRANSLATE_NOOP("choices", "Whole cooperative")), ("farm", QT_TRANSLATE_NOOP("choices", "One farm")),
               ("region", QT_TRANSLATE_NOOP("choices", "Region (several cooperatives as one)")))
SYSTEM = choices(("agroforestry_timber", QT_TRANSLATE_NOOP("choices", "Agroforestry, timber shade")),
                 ("agroforestry_fruit", QT_TRANSLATE_NOOP("choices", "Agroforestry, fruit shade")),
                 ("monoculture", QT_TRANSLATE_NOOP("choices", "Monoculture")))
AGE = choices(("0-7", "0-7"), ("8-15", "8-15"), ("16-29", "16-29"), ("30+", "30+"))
FERTILISER = choices(("guano", QT_TRANSLATE_NOOP("choices", "Guano de isla")), ("own_compost", QT_TRANSLATE_NOOP("choices", "Own compost")),
                     ("bought_compost", QT_TRANSLATE_NOOP("choices", "Bought compost")), ("biol", QT_TRANSLATE_NOOP("choices", "Biol")),
                     ("manure", QT_TRANSLATE_NOOP("choices", "Manure")), ("urea", QT_TRANSLATE_NOOP("choices", "Urea")), ("npk", QT_TRANSLATE_NOOP("choices", "NPK")),
                     ("foliar", QT_TRANSLATE_NOOP("choices", "Foliar fertiliser")), ("lime", QT_TRANSLATE_NOOP("choices", "Agricultural lime")),
                     ("dolomite", QT_TRANSLATE_NOOP("choices", "Dolomite")))
PESTICIDE = choices(("herbicide", QT_TRANSLATE_NOOP("choices", "Herbicide")), ("insecticide", QT_TRANSLATE_NOOP("choices", "Insecticide")),
                    ("fungicide", QT_TRANSLATE_NOOP("choices", "Fungicide")))
FUEL = choices(("gasoline", QT_TRANSLATE_NOOP("choices", "Gasoline (litres)")), ("diesel", QT_TRANSLATE_NOOP("choices", "Diesel (litres)")),
               ("lpg", QT_TRANSLATE_NOOP("choices", "LPG (kg)")), ("firewood", QT_TRANSLATE_NOOP("choices", "Firewood (kg)")))
FERMENTATION = choices(("box", QT_TRANSLATE_NOOP("choices", "Wooden boxes")), ("sack", QT_TRANSLATE_NOOP("choices", "Sacks")),
                       ("heap", QT_TRANSLATE_NOOP("choices", "Heap")))
BAG = choices(("jute_sack", QT_TRANSLATE_NOOP("choices", "Jute sack")), ("polypropylene_sack", QT_TRANSLATE_NOOP("choices", "Polypropylene sack")),
              ("plastic_bag", QT_TRANSLATE_NOOP("choices", "Plastic bag")), ("big_bag", QT_TRANSLATE_NOOP("choices", "Big bag")))
VEHICLE = choices(("pack_animal", QT_TRANSLATE_NOOP("choices", "Pack animal")), ("motorcycle", QT_TRANSLATE_NOOP("choices", "Motorcycle")),
                  ("pickup", QT_TRANSLATE_NOOP("choices", "Pickup")), ("light_truck", QT_TRANSLATE_NOOP("choices", "Light truck")),
                  ("rigid_truck", QT_TRANSLATE_NOOP("choices", "Rigid truck")),
                  ("articulated_truck", QT_TRANSLATE_NOOP("choices", "Articulated truck")))
DISTANCE = choices(("km", "km"), ("mi", QT_TRANSLATE_NOOP("choices", "miles")))
PREVIOUS = choices(("primary_forest", QT_TRANSLATE_NOOP("choices", "Primary forest")),
                   ("secondary_forest", QT_TRANSLATE_NOOP("choices", "Secondary forest")),
                   ("pasture", QT_TRANSLATE_NOOP("choices", "Pasture")), ("annual_crops", QT_TRANSLATE_NOOP("choices", "Annual crops")))

PAGES: tuple[PageSpec, ...] = (
    PageSpec("organisation", QT_TRANSLATE_NOOP("pages", "Organisation and campaign"),
             QT_TRANSLATE_NOOP("pages", "Who is surveyed, in which campaign, and by whom."), (
                 F("general.organisation", QT_TRANSLATE_NOOP("fields", "Cooperative"), kind="text",
                   hint=QT_TRANSLATE_NOOP("hints", "Full name of the cooperative, as on its documents.")),
                 F("unit", QT_TRANSLATE_NOOP("fields", "Survey covers"), kind="choice", choices=UNIT,
                   hint=QT_TRANSLATE_NOOP("hints", "A whole cooperative, or one farm whose results add up into its cooperative.")),
                 F("general.farm_name", QT_TRANSLATE_NOOP("fields", "Farm (if one farm)"), kind="text", hint=QT_TRANSLATE_NOOP("hints", "Only when the survey covers a single farm: the producer's farm name.")),
                 F("general.campaign_year", QT_TRANSLATE_NOOP("fields", "Campaign year"), kind="int",
                   hint=QT_TRANSLATE_NOOP("hints", "The year the harvest was sold, e.g. 2024.")),
                 F("general.region", QT_TRANSLATE_NOOP("fields", "Region"), kind="text", hint=QT_TRANSLATE_NOOP("hints", "Department where the cocoa is grown, e.g. San Martín.")),
                 F("general.technician", QT_TRANSLATE_NOOP("fields", "Technician"), kind="text", hint=QT_TRANSLATE_NOOP("hints", "Who fills in this survey (the focal point).")),
                 F("general.producers", QT_TRANSLATE_NOOP("fields", "Producers (partners)"), kind="int", hint=QT_TRANSLATE_NOOP("hints", "Number of producers covered; 1 for a single farm.")),
             )),
    PageSpec("production", QT_TRANSLATE_NOOP("pages", "Production and areas"),
             QT_TRANSLATE_NOOP("pages", "How much dry cocoa was delivered, and on how many hectares."), (
                 F("general.productive_area_ha", QT_TRANSLATE_NOOP("fields", "Productive area"), "ha",
                   QT_TRANSLATE_NOOP("hints", "Hectares of cocoa in production.")),
                 F("general.dry_cocoa_kg", QT_TRANSLATE_NOOP("fields", "Dry cocoa delivered"), QT_TRANSLATE_NOOP("units", "kg/yr"),
                   QT_TRANSLATE_NOOP("hints", "Kilograms of dry cocoa delivered in the year. If you only know wet cocoa, leave this "
                              "empty and fill in the two fields below.")),
                 F("general.wet_cocoa_kg", QT_TRANSLATE_NOOP("fields", "Wet cocoa bought"), QT_TRANSLATE_NOOP("units", "kg/yr"), QT_TRANSLATE_NOOP("hints", "Only if dry cocoa is not known: kilograms of wet (baba) cocoa bought in the year.")),
                 F("general.wet_to_dry_ratio", QT_TRANSLATE_NOOP("fields", "Wet → dry ratio"), "kg/kg",
                   QT_TRANSLATE_NOOP("hints", "Kilograms of dry cocoa per kilogram of wet cocoa (about 0.38).")),
                 F("general.cocoa_trees_per_ha", QT_TRANSLATE_NOOP("fields", "Cocoa trees per hectare"), QT_TRANSLATE_NOOP("units", "per ha"), QT_TRANSLATE_NOOP("hints", "Optional: planting density, e.g. 1,111 at 3 × 3 m.")),
                 F("general.shade_trees_per_ha", QT_TRANSLATE_NOOP("fields", "Shade trees per hectare"), QT_TRANSLATE_NOOP("units", "per ha"), QT_TRANSLATE_NOOP("hints", "Optional: timber or fruit trees giving shade.")),
             ), (TableSpec("general.areas", QT_TRANSLATE_NOOP("tables", "Areas by system and age"), (
                 F("system", QT_TRANSLATE_NOOP("fields", "System"), kind="choice", choices=SYSTEM),
                 F("age_class", QT_TRANSLATE_NOOP("fields", "Age (years)"), kind="choice", choices=AGE),
                 F("hectares", QT_TRANSLATE_NOOP("fields", "Hectares"), "ha"),
             )),)),
    PageSpec("husk", QT_TRANSLATE_NOOP("pages", "Husk management"),
             QT_TRANSLATE_NOOP("pages", "What happens to the cocoa pod husk. The shares must add up to 100 %."), (
                 F("husk.shares.left_on_soil", QT_TRANSLATE_NOOP("fields", "Left scattered on the soil"), "%", QT_TRANSLATE_NOOP("hints", "Percent of the husk by weight. For a whole cooperative, weigh each farm by its production: a plain average of farms is wrong."), kind="percent"),
                 F("husk.shares.heaped", QT_TRANSLATE_NOOP("fields", "Heaped"), "%", kind="percent"),
                 F("husk.shares.composted", QT_TRANSLATE_NOOP("fields", "Composted"), "%", kind="percent"),
                 F("husk.shares.burned", QT_TRANSLATE_NOOP("fields", "Burned"), "%", kind="percent"),
                 F("husk.shares.animal_feed", QT_TRANSLATE_NOOP("fields", "Fed to animals"), "%", kind="percent"),
                 F("husk.shares.biodigester", QT_TRANSLATE_NOOP("fields", "Biodigester"), "%", kind="percent"),
                 F("husk.shares.other", QT_TRANSLATE_NOOP("fields", "Other"), "%", kind="percent"),
                 F("husk.compost_method", QT_TRANSLATE_NOOP("fields", "Composting method"), kind="text", hint=QT_TRANSLATE_NOOP("hints", "How the compost is made, e.g. piles turned every two weeks.")),
                 F("husk.husk_kg_per_kg_cocoa", QT_TRANSLATE_NOOP("fields", "Husk per kg of dry cocoa (optional)"), "kg/kg",
                   QT_TRANSLATE_NOOP("hints", "Leave empty to use the factor set's value (8.5).")),
             ), percent_group="husk.shares."),
    PageSpec("fertilisation", QT_TRANSLATE_NOOP("pages", "Fertilisation, composting and pest control"),
             QT_TRANSLATE_NOOP("pages", "Every product applied in the year, with its nitrogen content."), (
                 F("fertilisation.data_collected", QT_TRANSLATE_NOOP("fields", "Fertiliser data was collected"), kind="bool",
                   hint=QT_TRANSLATE_NOOP("hints", "Untick only if there is no information: the factor set's per-hectare value is "
                                   "then used and the results say so.")),
             ), (
                 TableSpec("fertilisation.products", QT_TRANSLATE_NOOP("tables", "Fertilisers and amendments"), (
                     F("type", QT_TRANSLATE_NOOP("fields", "Type"), kind="choice", choices=FERTILISER),
                     F("name", QT_TRANSLATE_NOOP("fields", "Name"), kind="text"),
                     F("kg_per_year", QT_TRANSLATE_NOOP("fields", "kg per year"), "kg"),
                     F("kg_per_ha", QT_TRANSLATE_NOOP("fields", "or kg per ha"), "kg/ha"),
                     F("hectares", QT_TRANSLATE_NOOP("fields", "× hectares"), "ha"),
                     F("n_percent", QT_TRANSLATE_NOOP("fields", "Nitrogen"), "% N"),
                 )),
                 TableSpec("fertilisation.pesticides", QT_TRANSLATE_NOOP("tables", "Pesticides"), (
                     F("type", QT_TRANSLATE_NOOP("fields", "Type"), kind="choice", choices=PESTICIDE),
                     F("product", QT_TRANSLATE_NOOP("fields", "Product"), kind="text"),
                     F("active_ingredient_kg", QT_TRANSLATE_NOOP("fields", "Active ingredient (kg/yr)")),
                 )),
                 TableSpec("fertilisation.fuels", QT_TRANSLATE_NOOP("tables", "Fuel for brush-cutters and sprayers"), (
                     F("fuel", QT_TRANSLATE_NOOP("fields", "Fuel"), kind="choice", choices=FUEL),
                     F("amount", QT_TRANSLATE_NOOP("fields", "Amount per year"), ""),
                 )),
             )),
    PageSpec("fermentation", QT_TRANSLATE_NOOP("pages", "Fermentation"), QT_TRANSLATE_NOOP("pages", "How the cocoa is fermented."), (
        F("fermentation.method", QT_TRANSLATE_NOOP("fields", "Method"), kind="choice", choices=FERMENTATION, hint=QT_TRANSLATE_NOOP("hints", "The usual way of fermenting in this unit.")),
        F("fermentation.fermented_share", QT_TRANSLATE_NOOP("fields", "Share of the cocoa fermented"), "%", QT_TRANSLATE_NOOP("hints", "Usually 100 %: all the cocoa delivered is fermented."), kind="percent"),
        F("fermentation.on_farm_share", QT_TRANSLATE_NOOP("fields", "Share fermented on the farm"), "%", QT_TRANSLATE_NOOP("hints", "The rest is fermented at the cooperative's plant."), kind="percent"),
    )),
    PageSpec("drying", QT_TRANSLATE_NOOP("pages", "Drying"), QT_TRANSLATE_NOOP("pages", "How the cocoa is dried. The shares must add up to 100 %."), (
        F("drying.shares.sun_tarp", QT_TRANSLATE_NOOP("fields", "Sun, on tarps"), "%", QT_TRANSLATE_NOOP("hints", "Percent of the cocoa dried each way."), kind="percent"),
        F("drying.shares.sun_concrete", QT_TRANSLATE_NOOP("fields", "Sun, on concrete"), "%", kind="percent"),
        F("drying.shares.solar_dryer", QT_TRANSLATE_NOOP("fields", "Solar dryer"), "%", kind="percent"),
        F("drying.shares.mechanical", QT_TRANSLATE_NOOP("fields", "Mechanical dryer"), "%", kind="percent"),
        F("drying.electricity_kwh", QT_TRANSLATE_NOOP("fields", "Electricity for drying"), "kWh/yr", QT_TRANSLATE_NOOP("hints", "From the electricity bill of the dryers, if any. Sun drying emits nothing.")),
    ), (TableSpec("drying.fuels", QT_TRANSLATE_NOOP("tables", "Fuel for dryers"), (
        F("fuel", QT_TRANSLATE_NOOP("fields", "Fuel"), kind="choice", choices=FUEL),
        F("amount", QT_TRANSLATE_NOOP("fields", "Amount per year"), ""),
    )),), percent_group="drying.shares."),
    PageSpec("packaging", QT_TRANSLATE_NOOP("pages", "Packaging"), QT_TRANSLATE_NOOP("pages", "The bags used in the year for the dry cocoa."), (), (
        TableSpec("packaging", QT_TRANSLATE_NOOP("tables", "Bags"), (
            F("type", QT_TRANSLATE_NOOP("fields", "Type"), kind="choice", choices=BAG),
            F("bags_per_year", QT_TRANSLATE_NOOP("fields", "Bags per year"), ""),
            F("kg_per_bag", QT_TRANSLATE_NOOP("fields", "kg per bag"), "kg"),
            F("material_kg_per_year", QT_TRANSLATE_NOOP("fields", "or total kg of bags"), "kg"),
            F("reuse_cycles", QT_TRANSLATE_NOOP("fields", "Uses per bag"), ""),
        )),)),
    PageSpec("transport", QT_TRANSLATE_NOOP("pages", "Transport"),
             QT_TRANSLATE_NOOP("pages", "Each leg from the farm to the port: trips and one-way distance, or litres if known."), (), (
                 TableSpec("transport.legs", QT_TRANSLATE_NOOP("tables", "Transport legs"), (
                     F("name", QT_TRANSLATE_NOOP("fields", "Leg"), kind="text"),
                     F("vehicle", QT_TRANSLATE_NOOP("fields", "Vehicle"), kind="choice", choices=VEHICLE),
                     F("trips_per_year", QT_TRANSLATE_NOOP("fields", "Trips per year"), ""),
                     F("distance", QT_TRANSLATE_NOOP("fields", "Distance (one way)"), ""),
                     F("distance_unit", QT_TRANSLATE_NOOP("fields", "Unit"), kind="choice", choices=DISTANCE),
                     F("litres_per_year", QT_TRANSLATE_NOOP("fields", "Litres per year (if known)"), "l"),
                 )),)),
    PageSpec("sequestration", QT_TRANSLATE_NOOP("pages", "Sequestration"),
             QT_TRANSLATE_NOOP("pages", "Carbon taken up by the cocoa and its shade trees. Areas by system and age are on the "
                        "production page."), (
                 F("sequestration.shade_trees_inventory", QT_TRANSLATE_NOOP("fields", "Shade-tree inventory (notes)"), kind="text", hint=QT_TRANSLATE_NOOP("hints", "Species and number of shade trees, if counted.")),
             )),
    PageSpec("land_use_change", QT_TRANSLATE_NOOP("pages", "Land-use change"),
             QT_TRANSLATE_NOOP("pages", "Forest or other land converted to cocoa, with the year if known."), (), (
                 TableSpec("land_use_change.conversions", QT_TRANSLATE_NOOP("tables", "Conversions"), (
                     F("hectares", QT_TRANSLATE_NOOP("fields", "Hectares"), "ha"),
                     F("year", QT_TRANSLATE_NOOP("fields", "Year"), kind="int"),
                     F("previous_use", QT_TRANSLATE_NOOP("fields", "Previous use"), kind="choice", choices=PREVIOUS),
                     F("source", QT_TRANSLATE_NOOP("fields", "Source of the information"), kind="text"),
                 )),)),
)
