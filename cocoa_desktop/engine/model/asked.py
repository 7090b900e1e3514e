"""How a survey field is asked, declared beside the field in the model (issue 21's field registry).

A field the footprint does not read (a record-only field: who, where, how) that carries :class:`Asked` in its
annotation needs nothing else to reach the technician: the wizard shows
it on the page of the field declared before it, right after that field; the workbook gives it a column after that
field's column, and writes and reads it; the phone form asks it there too (engine/model/fields.py ``with_asked`` places
it for each of them). Its words travel with it as Spanish–English pairs, so no catalogue entry is needed either.
The guide's page still names it in a sentence of its own (tests/gui/test_guide.py checks that).
"""

from __future__ import annotations

from dataclasses import dataclass

from cocoa_desktop.engine.words import say


@dataclass(frozen=True)
class Asked:
    es: str  # the label, in Spanish
    en: str  # … and in English
    hint_es: str = ""  # one sentence under the field and in the workbook cell's input message
    hint_en: str = ""
    unit: str = ""  # after the label, in brackets: one of the wizard's units, in English ("ha", "kg/yr", "per yr")
    width: float = 14  # of its workbook column, in characters

    def label(self, lang: str) -> str:
        return say(lang, self.es, self.en)

    def hint(self, lang: str) -> str:
        return say(lang, self.hint_es, self.hint_en)
