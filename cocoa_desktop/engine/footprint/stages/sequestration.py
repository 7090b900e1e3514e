"""R Sequestration and L Land-use change, both reported apart from the six stages (methodology §3).

Each equation's Excel template (``*_TEMPLATE``, markers as in :mod:`cocoa_desktop.engine.footprint.stages`) sits under
its function: the area and land-use change sheets' columns and the calculation sheet's sequestration and land-use
change.
"""

from __future__ import annotations

from cocoa_desktop.engine.footprint import land_use
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.results import KG_CO2_ONCE, KG_CO2_YR, Trace
from cocoa_desktop.engine.model.survey import AgeClass, AreaBlock, LandConversion, PreviousUse, ProductionSystem, Survey
from cocoa_desktop.engine.words import KG_PER_T

_SEQ_KEY = {(s, a): f"seq_{s.value}_{a.value}" for s in ProductionSystem for a in AgeClass}
_LUC_KEY = {p: f"luc_{p.value}" for p in PreviousUse}

C_TO_CO2 = 44 / 12


def area_sequestration(block: AreaBlock, f: Factors) -> float:
    """kg CO2 per year taken up by one block of cocoa: ha × ΔC (t C/ha·yr) × 44/12 × 1000.

    Source: methodology §3 R (``Σ_s area_s × ΔC_s × 44/12`` by system and age class); ΔC from Goñas et al. 2022
    aboveground stocks divided by age (methodology §6), soil carbon excluded.
    """
    return block.hectares * f[_SEQ_KEY[block.system, block.age_class]] * C_TO_CO2 * KG_PER_T


AREA_SEQUESTRATION_TEMPLATE = '{c:hectares}*VLOOKUP("seq_"&{k:system}&"_"&{k:age_class},{FT},2,FALSE)*44/12*1000'


def conversion_emissions(conversion: LandConversion, campaign_year: int, f: Factors) -> tuple[float, float]:
    """(one-off kg CO2, kg CO2 per year in this campaign): PAS 2050 §5.6 spreads the one-off evenly over 20 years;
    an unknown year is taken as within them, a period at its first year (rules and words: engine.land_use).

    Source: PAS 2050:2011 §5.6 (the amortisation); the one-off as the PROMPERÚ 2020 report: area × EF_LUC
    (methodology §3 L), the IPCC set's EF_LUC from IPCC 2006 Guidelines Vol. 4 Ch. 4 Tables 4.4 and 4.7.
    """
    one_off = conversion.hectares * f[_LUC_KEY[conversion.previous_use]] * KG_PER_T
    years = f["luc_amortisation_years"]
    return one_off, land_use.per_year(one_off, land_use.basis(conversion, campaign_year, years), years)


# the one-off, the assumption taken (land_use.basis: the words' markers {LUC:<basis>}) and the share in the campaign
LUC_ONE_OFF_TEMPLATE = '{c:hectares}*VLOOKUP("luc_"&{k:previous_use},{FT},2,FALSE)*1000'
_FIRST, _LAST, _CAMPAIGN = "{c:year}", 'IF({c:year_last}="",{c:year},{c:year_last})', "{c:campaign_year}"
_WINDOW = f"{_CAMPAIGN}-f_luc_amortisation_years"
LUC_BASIS_TEMPLATE = (
    f'IF({_FIRST}="","{{LUC:year_unknown}}",IF({_FIRST}>{_CAMPAIGN},"{{LUC:after_campaign}}",'
    f'IF({_LAST}<{_WINDOW},"{{LUC:before_window}}",IF({_FIRST}>={_WINDOW},'
    f'IF(OR({{c:year_last}}="",{{c:year_last}}={_FIRST}),"{{LUC:year_inside}}","{{LUC:range_inside}}"),'
    f'"{{LUC:range_straddles}}"))))')
LUC_AMORTISED_TEMPLATE = (
    'IF(OR({c:year}="",AND({c:year}<={c:campaign_year},IF({c:year_last}="",{c:year},{c:year_last})'
    '>={c:campaign_year}-f_luc_amortisation_years)),{c:one_off}/f_luc_amortisation_years,0)')


def sequestration(survey: Survey, production_kg: float, f: Factors, trace: Trace | None = None,
                  notes: set[str] | None = None) -> float:
    """kg CO2 per year: per kg of cocoa (PROMPERÚ 2020) or Σ area × ΔC × 44/12 by system and age.

    Source: PROMPERÚ 2020 report (29,663.95 t CO2 = 3.10 kg CO2 per kg of cocoa, methodology §3 R, §4), or
    :func:`area_sequestration` by block.
    """
    if f.method("sequestration") == "per_kg":
        if survey.general.areas and notes is not None:
            notes.add("sequestration_areas_unused")
        value = production_kg * f["sequestration_per_kg"]
        if trace is not None:
            trace.add("sequestration", "sequestration_per_kg", value, KG_CO2_YR,
                      inputs={"production_kg": production_kg},
                      factors={"sequestration_per_kg": f["sequestration_per_kg"]})
        return value
    total = 0.0
    for block in survey.general.areas:
        key = _SEQ_KEY[block.system, block.age_class]
        value = area_sequestration(block, f)
        total += value
        if block.hectares:
            f.note_if_unsourced(key, notes)
        if trace is not None:
            trace.add("sequestration", "sequestration_area", value, KG_CO2_YR,
                      item=f"{block.system.value} {block.age_class.value}",
                      inputs={"hectares": block.hectares}, factors={key: f[key]})
    if not survey.general.areas and notes is not None:
        notes.add("sequestration_no_areas")
    return total


SEQUESTRATION_PER_KG_TEMPLATE = "{c:p}*f_sequestration_per_kg"  # the factor set's method "per_kg"
SEQUESTRATION_BY_AREA_TEMPLATE = "{items:areas:total}"


def land_use_change(survey: Survey, f: Factors, trace: Trace | None = None,
                    notes: set[str] | None = None) -> tuple[float, float]:
    """(one-off kg CO2, amortised kg CO2 per year).

    One-off as published: Σ area × EF_LUC. PAS 2050 §5.6: each conversion's one-off ÷ 20 a year while it lies in
    the 20 years up to the campaign, an unknown year taken as within them, a period at its first year; 0 only for
    one shown to be older (or dated after the campaign). Each conversion's assumption is a note (luc_<basis>).

    Source: PAS 2050:2011 §5.6; the one-off as the PROMPERÚ 2020 report (methodology §3 L).
    """
    campaign_year = survey.general.campaign_year
    years = f["luc_amortisation_years"]
    one_off = amortised = 0.0
    for conversion in survey.land_use_change.conversions:
        key = _LUC_KEY[conversion.previous_use]
        value = conversion.hectares * f[key] * KG_PER_T
        rule = land_use.basis(conversion, campaign_year, years)
        this_year = land_use.per_year(value, rule, years)
        one_off += value
        amortised += this_year
        if notes is not None:
            notes.add(land_use.note(rule))
        if conversion.hectares:
            f.note_if_unsourced(key, notes)
        if trace is not None:
            trace.add("land_use_change", "land_use_change", value, KG_CO2_ONCE,
                      item=conversion.previous_use.value, inputs={"hectares": conversion.hectares},
                      factors={key: f[key]})
            trace.add("land_use_change", "land_use_change_amortised", this_year, KG_CO2_YR,
                      item=f"{conversion.previous_use.value} {rule.value}", inputs={"one_off_kg": value},
                      factors={"luc_amortisation_years": years})
    return one_off, amortised


LUC_ONE_OFF_TOTAL_TEMPLATE = "{items:conversions:one_off}"
LUC_AMORTISED_TOTAL_TEMPLATE = "{items:conversions:amortised}"
