"""The survey sampling plan: how many producers to survey (finite population), how many per district, and — from
the cooperative's producer list (CSV) — whom to visit, drawn at random from a seed that can be written down and
repeated. Inputs are typed the Peruvian way; percentages in %."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cocoa_desktop.engine.economics.text import percent
from cocoa_desktop.engine.files.producers import Draw, Producer, draw, read_producers, strata_of
from cocoa_desktop.engine.model.issues import SurveyValidationError
from cocoa_desktop.engine.model.numbers import parse_number
from cocoa_desktop.engine.sampling import Allocation, SampleSize, allocate, sample_size
from cocoa_desktop.engine.words import quantity
from cocoa_desktop.gui.actions import file_dialogs
from cocoa_desktop.gui.fields import InputError, NumberEdit, PercentEdit, fit_table, scrolling_body
from cocoa_desktop.gui.i18n import translate

STRATA_ROWS = 7  # districts in view in their table
APROCAM_DISTRICTS = (("Aramango", 4), ("Cajaruro", 26), ("Copallín", 55), ("El Parco", 5), ("Imaza", 83),
                     ("La Peca", 57), ("Nieva", 5))


class SamplingPage(QWidget):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sampling_page")
        self.lang = lang
        self.producers: list[Producer] | None = None
        self.size: SampleSize | None = None
        self.allocation: Allocation | None = None
        self.drawn: Draw | None = None
        layout = scrolling_body(self)  # a long visit list scrolls with the page
        top = QHBoxLayout()
        form = QFormLayout()
        self.population = NumberEdit(whole=True)
        self.confidence = PercentEdit()
        self.error = PercentEdit()
        self.proportion = PercentEdit()
        self.seed = NumberEdit(whole=True)
        for widget, name, label in (
            (self.population, "population", translate("sampling", "Producers in the cooperative (N)")),
            (self.confidence, "confidence", translate("sampling", "Confidence (%)")),
            (self.error, "error", translate("sampling", "Margin of error (%)")),
            (self.proportion, "proportion", translate("sampling", "Expected proportion P (%; 50 if unknown)")),
            (self.seed, "seed", translate("sampling", "Draw seed (write it down to repeat the draw)")),
        ):
            widget.setObjectName(f"sampling.{name}")
            widget.returnPressed.connect(self.recalculate)
            form.addRow(label, widget)
        self.confidence.set_number(0.90)
        self.error.set_number(0.10)
        self.proportion.set_number(0.5)
        self.seed.setText("1")
        top.addLayout(form, 1)
        side = QVBoxLayout()
        self.strata = QTableWidget(0, 2)
        self.strata.setObjectName("sampling.strata")
        self.strata.setHorizontalHeaderLabels([translate("sampling", "District (stratum)"),
                                               translate("sampling", "Producers")])
        self.strata.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # a fixed height (seven districts, then it scrolls): the results below never move when they change
        self.strata.setFixedHeight(self.strata.horizontalHeader().sizeHint().height() + 2 * self.strata.frameWidth()
                                   + STRATA_ROWS * self.strata.verticalHeader().defaultSectionSize())
        side.addWidget(self.strata)
        buttons = QGridLayout()  # two rows: the form and the districts side by side fit 1024 pixels
        for number, (name, text, slot) in enumerate((
            ("sampling.add_stratum", translate("sampling", "Add district"), self.add_stratum),
            ("sampling.remove_stratum", translate("sampling", "Remove district"), self.remove_stratum),
            ("sampling.aprocam", translate("sampling", "APROCAM districts (example)"), self.load_aprocam),
            ("sampling.load_csv", translate("sampling", "Producer list (CSV)…"), self.ask_producers),
        )):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button, number // 2, number % 2)
        side.addLayout(buttons)
        top.addLayout(side, 1)
        layout.addLayout(top)
        actions = QHBoxLayout()
        calculate = QPushButton(translate("sampling", "Calculate"))
        calculate.setObjectName("sampling.calculate")
        calculate.clicked.connect(self.recalculate)
        self.save_button = QPushButton(translate("sampling", "Save the visit list (CSV)…"))
        self.save_button.setObjectName("sampling.save_list")
        self.save_button.clicked.connect(self.ask_save_list)
        actions.addWidget(calculate)
        actions.addWidget(self.save_button)
        actions.addStretch()
        layout.addLayout(actions)
        self.message = QLabel()
        self.message.setObjectName("sampling.message")
        self.message.setWordWrap(True)
        self.result = QLabel()
        self.result.setObjectName("sampling.result")
        self.result.setStyleSheet("font-size: 14pt; font-weight: bold")
        self.allocation_table = QTableWidget(0, 4)
        self.allocation_table.setObjectName("sampling.allocation")
        self.allocation_table.setHorizontalHeaderLabels([translate("sampling", "District (stratum)"), "N_h",
                                                         "n × N_h / N", "n_h"])
        self.visits = QTableWidget(0, 4)
        self.visits.setObjectName("sampling.visits")
        self.visits.setHorizontalHeaderLabels([translate("sampling", "District (stratum)"),
                                               translate("sampling", "Code"), translate("sampling", "Producer"),
                                               translate("sampling", "Visit")])
        self.visits.setWordWrap(False)
        self.visits.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        fit_table(self.allocation_table)  # its height follows its rows from the start
        for widget in (self.message, self.result, self.allocation_table):
            layout.addWidget(widget)
        self.visits.hide()  # shown once a producer list gives whom to visit
        layout.addWidget(self.visits, 1)  # the visit list takes the room left; hidden, the room stays empty
        layout.addStretch()

    # ---- strata ----
    def add_stratum(self, name: str = "", count: int | None = None) -> None:
        row = self.strata.rowCount()
        self.strata.insertRow(row)
        self.strata.setItem(row, 0, QTableWidgetItem(name or ""))
        self.strata.setItem(row, 1, QTableWidgetItem("" if count is None else str(count)))

    def remove_stratum(self) -> None:
        row = self.strata.currentRow()
        if row >= 0:
            self.strata.removeRow(row)

    def set_strata(self, strata: list[tuple[str, int]]) -> None:
        self.strata.setRowCount(0)
        for name, count in strata:
            self.add_stratum(name, count)

    def load_aprocam(self) -> None:
        self.producers = None
        self.set_strata(list(APROCAM_DISTRICTS))
        self.population.setText(str(sum(n for _, n in APROCAM_DISTRICTS)))
        self.recalculate()

    def ask_producers(self) -> None:
        path = file_dialogs.open_path(self, file_dialogs.PRODUCERS, translate("sampling", "Producer list (CSV)…"),
                                      "CSV (*.csv *.txt)")
        if path and not self.load_producers(Path(path)):  # the message the command line gives, in a box too
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, translate("sampling", "Producer list (CSV)…"), self.message.text())

    def load_producers(self, path: Path) -> bool:
        """Read the list and recalculate (True), or show why it cannot be used (False)."""
        try:
            self.producers = read_producers(path)
        except SurveyValidationError as exc:
            self.show_problem(exc.summary(self.lang))
            return False
        counts = strata_of(self.producers)
        self.set_strata(list(counts.items()))
        self.population.setText(str(len(self.producers)))
        self.recalculate()
        return True

    def typed_strata(self) -> dict[str, int]:
        strata: dict[str, int] = {}
        for row in range(self.strata.rowCount()):
            name = (self.strata.item(row, 0).text() if self.strata.item(row, 0) else "").strip()
            text = (self.strata.item(row, 1).text() if self.strata.item(row, 1) else "").strip()
            if not name and not text:
                continue
            try:
                count = parse_number(text, whole=True)
            except ValueError:
                raise InputError(translate("sampling", "District “%1”: “%2” is not a whole number")
                                 .replace("%1", name).replace("%2", text)) from None
            strata[name] = int(count) if count.is_integer() else -1
        return strata

    # ---- results ----
    def show_problem(self, text: str) -> None:
        self.message.setStyleSheet("color: #b00020")
        self.message.setText(text)

    def recalculate(self) -> None:
        self.message.clear()
        try:
            strata = self.typed_strata()
            population = self.population.number()
            if population is None and strata:
                population = sum(strata.values())
            values = [w.number() for w in (self.confidence, self.error, self.proportion)]
            if population is None or any(v is None for v in values):
                raise InputError(translate("sampling", "Enter the population, the confidence and the error."))
            if strata and sum(strata.values()) != population:
                total = sum(strata.values())
                raise InputError((translate("sampling", "The districts add up to 1 producer, not %2.") if total == 1
                                  else translate("sampling", "The districts add up to %1 producers, not %2."))
                                 .replace("%1", str(total)).replace("%2", str(population)))
            self.size = sample_size(int(population), *values)
            self.allocation = allocate(self.size.n, strata) if strata else None
            seed = self.seed.number() or 0
        except InputError as exc:
            self.show_problem(str(exc))
            return
        except SurveyValidationError as exc:
            self.show_problem("\n".join(i.message(self.lang) for i in exc.issues))
            return
        self.drawn = draw(self.producers, self.allocation, int(seed)) if self.producers and self.allocation else None
        self.show_plan()

    def show_plan(self) -> None:
        lang, size = self.lang, self.size
        assert size is not None
        n = self.allocation.n if self.allocation else size.n
        self.result.setText((translate("sampling", "Survey 1 producer (n = %2, Z = %3, confidence %4)") if n == 1 else
                             translate("sampling", "Survey %1 producers (n = %2, Z = %3, confidence %4)"))
                            .replace("%1", str(n))
                            .replace("%2", quantity(size.exact, 2, lang))
                            .replace("%3", quantity(size.z, 3, lang))
                            .replace("%4", percent(size.confidence, lang, 0)))
        strata = self.allocation.strata if self.allocation else []
        self.allocation_table.setRowCount(len(strata))
        for row, s in enumerate(strata):
            for column, text in enumerate((s.name, str(s.population), quantity(s.exact, 2, lang), str(s.n))):
                self.allocation_table.setItem(row, column, QTableWidgetItem(text))
        fit_table(self.allocation_table)
        people = ([(p, translate("sampling", "visit")) for p in self.drawn.chosen]
                  + [(p, translate("sampling", "replacement %1").replace("%1", str(i + 1)))
                     for i, p in enumerate(self.drawn.reserves)]) if self.drawn else []
        self.visits.setRowCount(len(people))
        for row, (p, role) in enumerate(people):
            for column, text in enumerate((p.stratum, p.code, p.name, role)):
                self.visits.setItem(row, column, QTableWidgetItem(text))
        self.visits.resizeColumnsToContents()
        self.visits.resizeRowsToContents()
        self.visits.setVisible(bool(people))
        self.save_button.setEnabled(bool(people))

    def ask_save_list(self) -> None:
        path = file_dialogs.save_path(self, file_dialogs.CSV, translate("sampling", "Save the visit list (CSV)…"),
                                      "visitas.csv", "CSV (*.csv)")
        if path:
            self.save_list(Path(path))

    def save_list(self, path: Path) -> None:
        """The visit list as CSV for a spreadsheet in Spanish (";", UTF-8 with BOM so Excel shows the accents)."""
        if self.drawn is None:
            return
        try:
            with path.open("w", encoding="utf-8-sig", newline="") as handle:
                out = csv.writer(handle, delimiter=";")
                out.writerow(["distrito", "codigo", "nombre", "visita", "linea"])
                for order, p in enumerate(self.drawn.chosen + self.drawn.reserves):
                    extra = order - len(self.drawn.chosen) + 1
                    role = "visitar" if extra <= 0 else f"reemplazo {extra}"
                    out.writerow([p.stratum, p.code, p.name, role, p.line])
        except OSError as exc:
            self.show_problem(str(exc))
