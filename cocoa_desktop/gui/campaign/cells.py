"""The words in the campaign view's table: a cooperative's row and the total's, column by column (``COLUMNS`` of
:mod:`campaign_view`); "…" where a figure is still being computed off the GUI thread."""

from __future__ import annotations

import math

from cocoa_desktop.engine.decisions.recommendation_words import compensation_words, reduction_words
from cocoa_desktop.engine.decisions.recommendations import Plan
from cocoa_desktop.engine.footprint.campaign import CampaignTable, CooperativeRow
from cocoa_desktop.engine.footprint.results import Stage
from cocoa_desktop.engine.words import decimal_sign, quantity
from cocoa_desktop.gui.i18n import translate

PENDING = "…"


def hectares(value: float, lang: str) -> str:
    """An area as typed, up to two decimals in the language's way: 1,25 ha (Spanish) / 1.25 (English), 9 301 —
    not rounded to whole hectares (1,25 ha showed as 1)."""
    text = quantity(value, 2, lang)
    decimal = decimal_sign(lang)
    return text.rstrip("0").removesuffix(decimal) if decimal in text else text


def row_cells(row: CooperativeRow, plan: Plan | None, sample: str | None, lang: str) -> list[str]:
    """A cooperative's row; ``plan`` and ``sample`` None while its surveys are being read (a large campaign)."""
    fp = row.footprint
    return [str(row.rank), row.name, hectares(fp.area_ha, lang), quantity(fp.producers, 0, lang),
            quantity(row.husk_share * 100, 0, lang) + " %", quantity(row.net_t, 1, lang),
            quantity(row.net_per_kg, 2, lang), PENDING,
            quantity(row.published.net_per_kg, 2, lang) if row.published else "—",
            quantity(row.yield_kg_ha, 0, lang), quantity(row.area_per_partner_ha, 2, lang),
            quantity(row.net_of_gross * 100, 0, lang) + " %",
            reduction_words(plan, lang) if plan else PENDING, compensation_words(plan, lang) if plan else PENDING,
            PENDING if sample is None else sample]


def total_cells(table: CampaignTable, lang: str) -> list[str]:
    """The total's row: the sum of the cooperatives, its shares and intensities from the sums."""
    total = table.total
    per_partner = total.area_ha / total.producers if total.producers else math.nan
    husk = total.share(Stage.HUSK) * 100 if total.gross_kg else math.nan
    return ["", translate("campaign", "Total (sum of the cooperatives)"), hectares(total.area_ha, lang),
            quantity(total.producers, 0, lang), quantity(husk, 0, lang) + " %",
            quantity(total.net_kg / 1000, 1, lang), quantity(total.net_per_kg, 2, lang), PENDING, "",
            quantity(table.yield_kg_ha, 0, lang), quantity(per_partner, 2, lang),
            quantity(total.net_kg / total.gross_kg * 100 if total.gross_kg else math.nan, 0, lang) + " %",
            "", "", ""]
