"""File dialogs: Qt's own dialog in the app's language (its labels were English in a Spanish app), starting in the
folder last used for each kind of file (they always opened in the working folder), usable from the keyboard (a
path typed in the file name box and Enter)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel, QLineEdit

from cocoa_desktop.gui import i18n
from cocoa_desktop.gui.actions import file_dialogs
from cocoa_desktop.storage.paths import ENV_VAR

ENGLISH = {"lookInLabel": "&Look in:", "fileNameLabel": "File &name:", "fileTypeLabel": "Files of &type:"}


@pytest.fixture
def folders(tmp_path, monkeypatch):
    """A data folder, a home folder with Documents, and a working folder that is neither."""
    data = tmp_path / "datos"
    data.mkdir()
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv(ENV_VAR, str(data))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(home / "Documents"))
    work = tmp_path / "program"
    work.mkdir()
    monkeypatch.chdir(work)
    return {"data": data, "documents": home / "Documents", "work": work, "tmp": tmp_path}


def _labels(box: QFileDialog) -> dict[str, str]:
    return {name: box.findChild(QLabel, name).text() for name in ENGLISH}


def _buttons(box: QFileDialog) -> set[str]:
    return {button.text() for button in box.findChild(QDialogButtonBox).buttons()}


def test_qt_file_dialog_speaks_the_apps_language(qapp):
    i18n.install(qapp, "es")
    box = QFileDialog()
    box.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    box.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    spanish = _labels(box)
    assert spanish["lookInLabel"] == "&Ver en:" and spanish["fileTypeLabel"] == "&Ficheros de tipo:"
    assert spanish["fileNameLabel"] == "&Nombre de fichero:"
    assert all(QKeySequence.mnemonic(text) for text in spanish.values())  # Alt+letter still reaches each box
    assert len({QKeySequence.mnemonic(text).toString() for text in spanish.values()}) == 3
    assert _buttons(box) == {"&Guardar", "Cancelar"}
    i18n.install(qapp, "en")
    box = QFileDialog()
    box.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    box.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    assert _labels(box) == ENGLISH and _buttons(box) == {"&Save", "Cancel"}


def test_the_apps_dialogs_are_qt_ones_so_they_follow_the_language(qapp, folders):
    box = file_dialogs.dialog(None, file_dialogs.PDF, "Informe", "PDF (*.pdf)", True, "informe.pdf")
    assert box.testOption(QFileDialog.Option.DontUseNativeDialog)
    assert _labels(box)["lookInLabel"] == "&Ver en:"
    assert box.findChild(QLineEdit, "fileNameEdit").text() == "informe.pdf"


def _answer_with(path: str, opened: list[str]) -> None:
    """When the dialog is up and has the keyboard: type ``path`` into its file name box and press Enter once, as a
    technician would (a dialog still open after that is cancelled: the test then fails instead of waiting)."""
    from PySide6.QtTest import QTest

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QFileDialog) or not box.isActiveWindow():
            if isinstance(box, QFileDialog):
                box.activateWindow()
            QTimer.singleShot(10, answer)
            return
        opened.append(box.directory().absolutePath())  # the folder it opened in
        edit = box.findChild(QLineEdit, "fileNameEdit")
        if QApplication.focusWidget() is not edit:  # the file name box has the focus: type at once
            opened.append("the file name box had not the focus")
        edit.selectAll()
        QTest.keyClicks(edit, path)
        QTest.keyClick(edit, Qt.Key.Key_Return)
        if box.isVisible():
            opened.append("Enter did not accept")
            box.reject()

    QTimer.singleShot(0, answer)


def test_each_kind_reopens_in_its_last_folder_never_the_working_folder(qapp, folders):
    slides = folders["tmp"] / "taller" / "diapositivas"
    slides.mkdir(parents=True)
    opened: list[str] = []
    _answer_with(str(slides / "huella.png"), opened)
    chosen = file_dialogs.save_path(None, file_dialogs.CHARTS, "Guardar gráficos", "huella.png",
                                    "PNG (*.png);;SVG (*.svg)")
    assert chosen == str(slides / "huella.png"), opened  # a whole path typed and Enter
    assert Path(opened[0]) == folders["documents"] != folders["work"]  # the first time: Documents
    assert file_dialogs.last_folder(file_dialogs.CHARTS) == slides
    assert file_dialogs.last_folder(file_dialogs.PACKAGE) == folders["documents"]  # kinds are apart
    stored = json.loads((folders["data"] / file_dialogs.STORE_NAME).read_text(encoding="utf-8"))
    assert stored == {file_dialogs.CHARTS: str(slides)}  # kept for the next start
    usb = folders["tmp"] / "usb"
    usb.mkdir()
    (usb / "campana.cacao.zip").write_bytes(b"PK")
    _answer_with(str(usb / "campana.cacao.zip"), opened)
    assert file_dialogs.open_path(None, file_dialogs.PACKAGE, "Importar", "(*.cacao.zip)") == \
        str(usb / "campana.cacao.zip")
    assert file_dialogs.last_folder(file_dialogs.PACKAGE) == usb
    assert file_dialogs.last_folder(file_dialogs.CHARTS) == slides
    _answer_with("otra.png", opened)  # a name alone: in the folder the dialog opened in
    assert file_dialogs.save_path(None, file_dialogs.CHARTS, "Guardar", "x.png", "PNG (*.png)") == \
        str(slides / "otra.png")
    assert Path(opened[-1]) == slides
    assert len(opened) == 3, opened  # each had the focus in its file name box and was accepted by Enter


def test_a_cancelled_dialog_changes_nothing(qapp, folders):
    def cancel() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QFileDialog):
            box.reject()
        else:
            QTimer.singleShot(10, cancel)

    QTimer.singleShot(0, cancel)
    assert file_dialogs.save_path(None, file_dialogs.PDF, "Informe", "informe.pdf", "PDF (*.pdf)") == ""
    assert not (folders["data"] / file_dialogs.STORE_NAME).exists()


@pytest.mark.parametrize("damage", ["not json", "a list", "a folder", "unwritable", "no data folder", "folder gone"])
def test_a_broken_store_never_raises(qapp, folders, monkeypatch, damage):
    store = folders["data"] / file_dialogs.STORE_NAME
    reports = folders["tmp"] / "informes"
    reports.mkdir()
    if damage == "not json":
        store.write_bytes(b"\xff{ nada")
    elif damage == "a list":
        store.write_text("[1, 2]", encoding="utf-8")
    elif damage == "a folder":
        store.mkdir()
    elif damage == "unwritable":
        folders["data"].chmod(0o500)
    elif damage == "no data folder":
        monkeypatch.setenv(ENV_VAR, str(folders["tmp"] / "missing" / "datos"))
    elif damage == "folder gone":
        store.write_text(json.dumps({file_dialogs.PDF: str(folders["tmp"] / "borrada")}), encoding="utf-8")
    try:
        assert file_dialogs.last_folder(file_dialogs.PDF) == folders["documents"]
        file_dialogs.remember(file_dialogs.PDF, reports / "informe.pdf")
        assert file_dialogs.last_folder(file_dialogs.PDF) == reports  # remembered, on disk or until closing
    finally:
        folders["data"].chmod(0o700)


def test_no_dialog_of_the_app_bypasses_the_module():
    """Every open and save dialog goes through file_dialogs (Qt's dialog, translated, last folder per kind)."""
    gui = Path(file_dialogs.__file__).parent
    offenders = [str(path.relative_to(gui)) for path in gui.rglob("*.py")
                 if "getSaveFileName" in path.read_text(encoding="utf-8")
                 or "getOpenFileName" in path.read_text(encoding="utf-8")]
    assert offenders == []
