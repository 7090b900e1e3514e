"""S1 Husk (cáscara de mazorca) management.

``M_husk = P × R_husk``; ``E_S1 = Σ_m M_husk × s_m × EF_m`` over the destinations m (methodology §3).
The emission factor of each destination (kg CO2e per kg fresh husk) depends only on the factor set and GWP
set, so it is computed once per :class:`Factors` and cached there.

Each equation's Excel template (``*_TEMPLATE``, markers as in :mod:`cocoa_desktop.engine.footprint.stages`) sits under
its function: the factor sheet writes the destinations' factors from them, the husk sheet its husk and S1 columns.
"""

from __future__ import annotations

from collections.abc import Mapping

from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.results import Stage, Trace
from cocoa_desktop.engine.model.survey import HuskDestination, Survey
from cocoa_desktop.engine.model.vocabulary import HUSK

C_TO_CH4 = 16 / 12
N_TO_N2O = 44 / 28


def composting_ef(f: Factors) -> float:
    """CH4 and N2O per kg wet waste composted, in kg CO2e.

    Source: IPCC 2006 Guidelines Vol. 5 Ch. 4 Eq. 4.1 (CH4) and Eq. 4.2 (N2O), factors of Table 4.1.
    """
    return f["compost_ch4"] * f.gwp_ch4 + f["compost_n2o"] * f.gwp_n2o


COMPOSTING_EF_TEMPLATE = "f_compost_ch4*PCG_CH4+f_compost_n2o*PCG_N2O"


def heaped_ef(f: Factors) -> float:
    """First-order decay simplified to the total CH4 a kg of heaped husk releases, in kg CO2e.

    ``DOC × DOCf × MCF × F × 16/12 × (1 − OX) × GWP_CH4`` with the husk's DOC scaled from garden waste by
    dry matter (DOC_garden × DM_husk / DM_garden).

    Source: IPCC 2006 Guidelines Vol. 5 Ch. 3 (first-order decay; DOCf and F §3.2.3, MCF Table 3.1, OX Table 3.2),
    DOC of garden waste Vol. 5 Ch. 2 Table 2.4 (methodology §3 S1, §6).
    """
    doc = f["doc_garden_wet"] * f["husk_dry_matter"] / f["doc_garden_dm"]
    ch4 = doc * f["docf"] * f["mcf_heap"] * f["ch4_fraction_gas"] * C_TO_CH4 * (1 - f["oxidation_factor"])
    return ch4 * f.gwp_ch4


HEAPED_EF_TEMPLATE = ("f_doc_garden_wet*f_husk_dry_matter/f_doc_garden_dm*f_docf*f_mcf_heap*f_ch4_fraction_gas"
                      "*16/12*(1-f_oxidation_factor)*PCG_CH4")


def scattered_ef(f: Factors) -> float:
    """Husk scattered under the trees as crop residue: N2O only, in kg CO2e per kg fresh husk.

    ``N × (EF1 + FracLEACH × EF5) × 44/28 × GWP_N2O`` with N = DM × N content of DM.

    Source: IPCC 2006 Guidelines Vol. 4 Ch. 11 Eq. 11.1 (direct N2O) and Eq. 11.10 (leaching), EF1 Table 11.1,
    FracLEACH and EF5 Table 11.3.
    """
    n = f["husk_dry_matter"] * f["husk_n_of_dm"]
    return n * (f["soil_ef1"] + f["frac_leach"] * f["soil_ef5"]) * N_TO_N2O * f.gwp_n2o


SCATTERED_EF_TEMPLATE = "f_husk_dry_matter*f_husk_n_of_dm*(f_soil_ef1+f_frac_leach*f_soil_ef5)*44/28*PCG_N2O"


def burned_ef(f: Factors) -> float:
    """Open burning: CH4 and N2O per kg fresh husk burned, in kg CO2e (the CO2 is biogenic).

    Source: IPCC 2006 Guidelines Vol. 4 Ch. 2 Eq. 2.27, combustion factor Table 2.6, CH4 and N2O Table 2.5.
    """
    burned_dm = f["husk_dry_matter"] * f["burn_combustion_factor"]
    return burned_dm * (f["burn_ch4"] * f.gwp_ch4 + f["burn_n2o"] * f.gwp_n2o)


BURNED_EF_TEMPLATE = "f_husk_dry_matter*f_burn_combustion_factor*(f_burn_ch4*PCG_CH4+f_burn_n2o*PCG_N2O)"


def destination_efs(f: Factors) -> dict[HuskDestination, float]:
    """kg CO2e per kg fresh husk for every destination, under the factor set's husk method.

    Source: the equations above (IPCC 2006 Guidelines Vol. 4 Ch. 2 and 11, Vol. 5 Ch. 3 and 4); the "promperu"
    method's on-farm factor is calibrated to the PROMPERÚ 2020 report's S1 (methodology §4), its biodigester
    IPCC 2006 Vol. 5 Ch. 4 Table 4.1.
    """
    cached = f.cache.get("husk_efs")
    if cached is not None:
        return cached
    if f.method("husk") == "promperu":
        # The report's tool used one calibrated factor for husk decomposing on the farm, however it lies. The
        # report blames anaerobic decomposition, so the factor is methane and follows the chosen GWP set.
        anaerobic = scattered = f["husk_left_on_soil_ch4"] * f.gwp_ch4
    else:
        anaerobic, scattered = heaped_ef(f), scattered_ef(f)
    efs = {
        HuskDestination.LEFT_ON_SOIL: scattered,
        HuskDestination.HEAPED: anaerobic,
        HuskDestination.OTHER: anaerobic,  # unknown fate: counted like heaped husk (conservative)
        HuskDestination.COMPOSTED: composting_ef(f),
        HuskDestination.BURNED: burned_ef(f),
        HuskDestination.ANIMAL_FEED: f["animal_feed"],
        HuskDestination.BIODIGESTER: f["biodigester_ch4"] * f.gwp_ch4,
    }
    f.cache["husk_efs"] = efs
    return efs


CALIBRATED_ON_FARM_EF_TEMPLATE = "f_husk_left_on_soil_ch4*PCG_CH4"  # the "promperu" method's husk left on the farm
ANIMAL_FEED_EF_TEMPLATE = "f_animal_feed"
BIODIGESTER_EF_TEMPLATE = "f_biodigester_ch4*PCG_CH4"


def destination_ef_templates(f: Factors) -> dict[HuskDestination, str]:
    """The Excel template of each destination's factor, as :func:`destination_efs` chooses its equation.

    Source: as :func:`destination_efs`.
    """
    if f.method("husk") == "promperu":
        anaerobic = scattered = CALIBRATED_ON_FARM_EF_TEMPLATE
    else:
        anaerobic, scattered = HEAPED_EF_TEMPLATE, SCATTERED_EF_TEMPLATE
    return {
        HuskDestination.LEFT_ON_SOIL: scattered,
        HuskDestination.HEAPED: anaerobic,
        HuskDestination.OTHER: anaerobic,
        HuskDestination.COMPOSTED: COMPOSTING_EF_TEMPLATE,
        HuskDestination.BURNED: BURNED_EF_TEMPLATE,
        HuskDestination.ANIMAL_FEED: ANIMAL_FEED_EF_TEMPLATE,
        HuskDestination.BIODIGESTER: BIODIGESTER_EF_TEMPLATE,
    }


def husk_ratio(survey: Survey, f: Factors) -> float:
    """R_husk, kg fresh husk per kg dry cocoa: the survey's, else the factor set's.

    Source: methodology §3 S1 (``M_husk = P × R_husk``); the default reconstructed from the PROMPERÚ 2020 report
    (methodology §4: 8.5).
    """
    return survey.husk.husk_kg_per_kg_cocoa or f["husk_ratio"]


HUSK_RATIO_TEMPLATE = 'IF({c:husk_kg_per_kg_cocoa}<>"",{c:husk_kg_per_kg_cocoa},f_husk_ratio)'


def emissions(survey: Survey, production_kg: float, f: Factors, trace: Trace | None = None,
              shares: Mapping[HuskDestination, float] | None = None) -> float:
    """E_S1 in kg CO2e per year; ``shares`` replace the survey's husk shares (a what-if such as composting).

    Source: PROMPERÚ 2020 report, stage 1 (waste management, cocoa shells); methodology §3 S1:
    ``E_S1 = Σ_m P × R_husk × s_m × EF_m``.
    """
    ratio = husk_ratio(survey, f)
    husk_kg = production_kg * ratio
    efs = destination_efs(f)
    total = 0.0
    for destination, share in (survey.husk.shares if shares is None else shares).items():
        value = husk_kg * share * efs[destination]
        total += value
        if trace is not None:
            trace.add(Stage.HUSK, "husk_destination", value, item=destination.value,
                      inputs={"production_kg": production_kg, "husk_kg_per_kg": ratio, "share": share},
                      factors={f"ef_husk_{destination.value}": efs[destination]})
    return total


HUSK_KG_TEMPLATE = "{g:production_kg}*" + HUSK_RATIO_TEMPLATE
# the destinations in the order of the workbook's columns (the vocabulary's)
S1_TEMPLATE = "+".join(f"{{c:husk_kg}}*{{c:shares.{d}}}*ef_husk_{d}" for d in map(str, HUSK))
