"""The words for every choice in a survey, in Spanish and English, written once.

The survey model and the file format store short English keys (``heaped``, ``rigid_truck``); people never
have to read them. The wizard's lists, the workbook's lists (and its hidden "Listas" sheet) and the user guide
all take their words from here, so a technician meets the same words everywhere.

The husk destinations are worded so that the two ways of leaving husk on the farm cannot be confused: the
2020 report's "left on the soil" means husk piled on the ground, rotting without air (methane, ``heaped``);
husk spread thinly under the trees behaves as crop residue (nitrous oxide only, ``left_on_soil``).
"""

from __future__ import annotations

from enum import StrEnum

from cocoa_desktop.engine.model.survey import (
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
    SurveyUnit,
    Vehicle,
)
from cocoa_desktop.engine.words import pick

Words = dict[str, tuple[str, str]]  # key -> (Spanish, English)

UNIT: Words = {
    SurveyUnit.COOPERATIVE: ("Cooperativa completa", "Whole cooperative"),
    SurveyUnit.FARM: ("Una finca", "One farm"),
    SurveyUnit.REGION: ("Región (varias cooperativas juntas)", "Region (several cooperatives as one)"),
}
SYSTEM: Words = {
    ProductionSystem.AGROFORESTRY_TIMBER: ("Agroforestal, sombra maderable", "Agroforestry, timber shade"),
    ProductionSystem.AGROFORESTRY_FRUIT: ("Agroforestal, sombra frutal", "Agroforestry, fruit shade"),
    ProductionSystem.MONOCULTURE: ("Monocultivo", "Monoculture"),
}
AGE: Words = {a: (f"{a.value} años", f"{a.value} years") for a in AgeClass}
HUSK: Words = {
    HuskDestination.HEAPED: ("Amontonada en pilas sobre el suelo (se pudre sin aire)",
                             "Piled in heaps on the ground (rots without air)"),
    HuskDestination.LEFT_ON_SOIL: ("Esparcida en capa delgada bajo los árboles",
                                   "Spread thinly under the trees"),
    HuskDestination.COMPOSTED: ("Compostada", "Composted"),
    HuskDestination.BURNED: ("Quemada", "Burned"),
    HuskDestination.ANIMAL_FEED: ("Alimento para animales", "Fed to animals"),
    HuskDestination.BIODIGESTER: ("Biodigestor", "Biodigester"),
    HuskDestination.OTHER: ("Otro destino", "Other"),
}
FERTILISER: Words = {
    FertiliserType.GUANO: ("Guano de isla", "Island guano"),
    FertiliserType.OWN_COMPOST: ("Compost propio", "Own compost"),
    FertiliserType.BOUGHT_COMPOST: ("Compost comprado", "Bought compost"),
    FertiliserType.BIOL: ("Biol", "Biol"),
    FertiliserType.MANURE: ("Estiércol", "Manure"),
    FertiliserType.UREA: ("Urea", "Urea"),
    FertiliserType.NPK: ("NPK", "NPK"),
    FertiliserType.FOLIAR: ("Abono foliar", "Foliar fertiliser"),
    FertiliserType.LIME: ("Cal agrícola", "Agricultural lime"),
    FertiliserType.DOLOMITE: ("Dolomita", "Dolomite"),
}
PESTICIDE: Words = {
    PesticideType.HERBICIDE: ("Herbicida", "Herbicide"),
    PesticideType.INSECTICIDE: ("Insecticida", "Insecticide"),
    PesticideType.FUNGICIDE: ("Fungicida", "Fungicide"),
}
FUEL: Words = {
    Fuel.GASOLINE: ("Gasolina (litros)", "Gasoline (litres)"),
    Fuel.DIESEL: ("Diésel (litros)", "Diesel (litres)"),
    Fuel.LPG: ("GLP (kg)", "LPG (kg)"),
    Fuel.FIREWOOD: ("Leña (kg)", "Firewood (kg)"),
}
# In a transport leg the amount is always litres (LPG as liquid, converted with its density).
VEHICLE_FUEL: Words = {
    Fuel.GASOLINE: ("Gasolina", "Gasoline"),
    Fuel.DIESEL: ("Diésel", "Diesel"),
    Fuel.LPG: ("GLP", "LPG"),
}
FUEL_USE: Words = {
    "fertilisation": ("Abonamiento y plagas", "Fertilisation and pests"),
    "drying": ("Secado", "Drying"),
}
FERMENTATION: Words = {
    FermentationMethod.BOX: ("Cajones de madera", "Wooden boxes"),
    FermentationMethod.SACK: ("Sacos", "Sacks"),
    FermentationMethod.HEAP: ("Montón", "Heap"),
}
DRYING: Words = {
    DryingMethod.SUN_TARP: ("Al sol, sobre mantas", "Sun, on tarps"),
    DryingMethod.SUN_CONCRETE: ("Al sol, sobre losa de cemento", "Sun, on concrete"),
    DryingMethod.SOLAR_DRYER: ("Secador solar", "Solar dryer"),
    DryingMethod.MECHANICAL: ("Secadora mecánica", "Mechanical dryer"),
}
BAG: Words = {
    BagType.JUTE_SACK: ("Saco de yute", "Jute sack"),
    BagType.POLYPROPYLENE_SACK: ("Saco de polipropileno", "Polypropylene sack"),
    BagType.PLASTIC_BAG: ("Bolsa plástica", "Plastic bag"),
    BagType.BIG_BAG: ("Big bag (saca grande)", "Big bag"),
}
VEHICLE: Words = {
    Vehicle.PACK_ANIMAL: ("Acémila (animal de carga)", "Pack animal"),
    Vehicle.MOTORCYCLE: ("Motocicleta", "Motorcycle"),
    Vehicle.PICKUP: ("Camioneta", "Pickup"),
    Vehicle.LIGHT_TRUCK: ("Camión ligero", "Light truck"),
    Vehicle.RIGID_TRUCK: ("Camión rígido", "Rigid truck"),
    Vehicle.ARTICULATED_TRUCK: ("Tráiler (camión articulado)", "Articulated truck"),
}
DISTANCE_UNIT: Words = {DistanceUnit.KM: ("km", "km"), DistanceUnit.MILE: ("millas", "miles")}
PREVIOUS_USE: Words = {
    PreviousUse.PRIMARY_FOREST: ("Bosque primario", "Primary forest"),
    PreviousUse.SECONDARY_FOREST: ("Bosque secundario", "Secondary forest"),
    PreviousUse.PASTURE: ("Pastizal", "Pasture"),
    PreviousUse.ANNUAL_CROPS: ("Cultivos anuales", "Annual crops"),
}
YES_NO: Words = {"yes": ("sí", "yes"), "no": ("no", "no")}

# Every list, by the name the workbook's "Listas" sheet and the guide use.
LISTS: dict[str, Words] = {
    "unit": UNIT, "system": SYSTEM, "age_class": AGE, "husk_destination": HUSK, "fertiliser": FERTILISER,
    "pesticide": PESTICIDE, "fuel": FUEL, "vehicle_fuel": VEHICLE_FUEL, "fuel_use": FUEL_USE,
    "fermentation": FERMENTATION, "drying": DRYING, "bag": BAG, "vehicle": VEHICLE,
    "distance_unit": DISTANCE_UNIT, "previous_use": PREVIOUS_USE, "yes_no": YES_NO,
}
# The enum each list names (so a test can check that every member has its words).
ENUM_OF: dict[str, type[StrEnum]] = {
    "unit": SurveyUnit, "system": ProductionSystem, "age_class": AgeClass, "husk_destination": HuskDestination,
    "fertiliser": FertiliserType, "pesticide": PesticideType, "fuel": Fuel, "fermentation": FermentationMethod,
    "drying": DryingMethod, "bag": BagType, "vehicle": Vehicle, "distance_unit": DistanceUnit,
    "previous_use": PreviousUse,
}


def label(words: Words, key: str, lang: str = "es") -> str:
    """The word for ``key`` in ``lang`` (the key itself when unknown, so nothing is ever hidden)."""
    pair = words.get(key)
    if pair is None:
        return str(key)
    return pick(pair, lang)


def choices(words: Words, lang: str = "es") -> list[tuple[str, str]]:
    """(key, word) pairs in the list's order, for a combo box or a validation list."""
    return [(str(key), pick(pair, lang)) for key, pair in words.items()]


def key_of(words: Words, text: str) -> str | None:
    """The key for a word typed in either language, or for the key itself; None when nothing matches.

    Case, accents' absence and surrounding spaces are forgiven ("camion rigido" finds ``rigid_truck``)."""
    wanted = _fold(text)
    if not wanted:
        return None
    for key, (es, en) in words.items():
        if wanted in (_fold(str(key)), _fold(es), _fold(en)):
            return str(key)
    return None


_ACCENTS = str.maketrans("áéíóúüñÁÉÍÓÚÜÑ", "aeiouunAEIOUUN")


def _fold(text: str) -> str:
    return " ".join(str(text).translate(_ACCENTS).casefold().split())
