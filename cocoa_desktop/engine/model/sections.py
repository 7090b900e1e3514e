"""The survey's sections, named once (issue 21: they were nine hand-written lists).

A survey document is its id, a few top-level fields stored together as the ``meta`` section, and one section per
part of the questionnaire, in the questionnaire's order. The survey model (engine/model/survey.py) declares the same
fields; tests/test_sections.py fails if the two differ. Everything else — the storage's sections, the wizard's
pages, the help chapters of the pages, the workbook's per-survey sheets, the conflict dialog — takes them from
here. Kept free of pydantic: the storage reads it at start-up.
"""

from __future__ import annotations

META = "meta"
META_FIELDS: tuple[str, ...] = ("unit", "notes", "estimated_fields")  # stored in the meta section
SECTIONS: tuple[str, ...] = ("general", "husk", "fertilisation", "fermentation", "drying", "packaging", "transport",
                             "sequestration", "land_use_change")
LIST_SECTIONS: frozenset[str] = frozenset({"packaging"})  # a list of items rather than a mapping
STORED: tuple[str, ...] = (META, *SECTIONS)  # the sections a stored survey is made of
# the wizard's pages: "general" is asked on two (who and when; production and areas), then one page per section,
# then the results
GENERAL_PAGES: tuple[str, ...] = ("organisation", "production")
PAGES: tuple[str, ...] = (*GENERAL_PAGES, *SECTIONS[1:], "results")
# the workbook's sheets with one row per survey (besides "Datos generales"): the sections that are a mapping and
# hold no more than a few items beside their own fields
ONE_ROW_SHEETS: tuple[str, ...] = ("husk", "fertilisation", "fermentation", "drying", "sequestration")


def section_of(path: str) -> str:
    """The stored section of a field path: ``husk.shares.composted`` → husk; ``packaging[].type`` → packaging;
    ``unit`` → meta."""
    head = path.split(".", 1)[0].removesuffix("[]")
    return head if head in SECTIONS else META
