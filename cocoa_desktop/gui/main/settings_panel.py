"""The main window's settings: the factor set (by its title in the user's language), the global warming potential
set (with what it is: IPCC report, year, CH4 and N2O values) and the language; remembered in the data folder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from cocoa_desktop.gui.i18n import LANGUAGES, translate

if TYPE_CHECKING:
    from cocoa_desktop.engine.footprint.factors import Factors
    from cocoa_desktop.storage.repository import Repository

GWP_YEARS = {"SAR": "1995", "TAR": "2001", "AR4": "2007", "AR5": "2013", "AR6": "2021"}


def combo(name: str, items: list[tuple[str, str]] = (), current: str | None = None) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    for value, label in items:
        box.addItem(label, value)
    box.setCurrentIndex(max(box.findData(current), 0))
    return box


class SettingsPanel(QWidget):
    factors_changed = Signal()
    language_chosen = Signal(str)

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.repo: Repository | None = None
        self.factor_set = combo("factor_set")
        self.gwp = combo("gwp")
        self.language = combo("language", [("es", "Español"), ("en", "English")], lang)
        self.language.currentIndexChanged.connect(self._language)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(translate("main", "Factor set"), self.factor_set)
        form.addRow(translate("main", "Global warming potential (GWP)"), self.gwp)
        form.addRow(translate("main", "Language"), self.language)

    def attach(self, repo: Repository, read_only: bool) -> None:
        """Fill the lists (the factor sets load here, after the window is on screen) and select what was saved."""
        from cocoa_desktop.engine.footprint.factors import DEFAULT_FACTOR_SET, available_factor_sets, gwp_sets

        self.repo = None if read_only else repo  # read-only data: the choices hold for this session only
        for value in available_factor_sets():
            self.factor_set.addItem(value, value)
        self.gwp.addItem("", "")
        for value in gwp_sets():
            self.gwp.addItem(value, value)
        for box, name, default in ((self.factor_set, "factor_set", DEFAULT_FACTOR_SET), (self.gwp, "gwp", "")):
            box.setCurrentIndex(max(box.findData(repo.setting(name, default)), 0))
            box.currentIndexChanged.connect(self._changed)
        self.name_choices()

    def name_choices(self) -> None:
        """The factor sets' titles in the user's language and what each GWP set is, instead of bare ids."""
        from cocoa_desktop.engine.footprint.factors import gwp_sets, load_factor_set

        for index in range(self.factor_set.count()):
            self.factor_set.setItemText(index, load_factor_set(self.factor_set.itemData(index)).name(self.lang))
        sets = gwp_sets()
        own = load_factor_set(self.factor_set.currentData()).default_gwp
        for index in range(self.gwp.count()):
            gwp = self.gwp.itemData(index) or own
            words = f"IPCC {gwp} ({GWP_YEARS.get(gwp, '')}): CH4 {sets[gwp].ch4:g}, N2O {sets[gwp].n2o:g}"
            if not self.gwp.itemData(index):
                words = translate("main", "The factor set's own: %1").replace("%1", words)
            self.gwp.setItemText(index, words)

    def _changed(self) -> None:
        self.name_choices()
        if self.repo is not None:
            self.repo.set_setting("factor_set", self.factor_set.currentData())
            self.repo.set_setting("gwp", self.gwp.currentData())
        self.factors_changed.emit()

    def _language(self) -> None:
        lang = self.language.currentData()
        if lang in LANGUAGES and lang != self.lang:
            self.language_chosen.emit(lang)

    def factors(self) -> Factors:
        from cocoa_desktop.engine.footprint.factors import factors_for

        return factors_for(self.factor_set.currentData(), self.gwp.currentData() or None)
