"""Windows on the screen they open on: sized to it with room for the window manager's frame, centred, closed with
Esc. A module of its own, light to import: the main window uses it before anything else is on screen (importing
the survey field widgets cost 15 ms of every start-up)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QWidget

# Room left around a window for the window manager's frame: its borders, and the title bar on top (Windows 10:
# 8 + 8 pixels of borders and a 31-pixel title bar; openbox 2 and 20; GNOME about 37 with its title bar).
FRAME_ROOM = (32, 64)
TITLE_BAR = 40


def available_geometry(widget: QWidget) -> QRect:
    """The part of the widget's screen a window may use (without task bars and docks)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(window: QWidget, width: int, height: int, anchor: QWidget | None = None) -> None:
    """Size a top-level window or dialog ``width`` × ``height``, or less on a small screen (a 1024×768 projector),
    with room for the window manager's frame, and centre it on the screen: no part of it, frame and title bar
    included, opens off screen. Every window and dialog of the app is sized here."""
    screen = available_geometry(anchor or window)
    fitted = QSize(min(width, screen.width() - FRAME_ROOM[0]), min(height, screen.height() - FRAME_ROOM[1]))
    window.resize(fitted)
    size = window.size()  # the window's minimum size may have won: centre what it really is
    window.move(screen.x() + max(0, (screen.width() - size.width() - FRAME_ROOM[0] // 2) // 2),
                screen.y() + max(0, (screen.height() - size.height() - TITLE_BAR) // 2))


def closed_by_escape(window: QWidget, event: QKeyEvent) -> bool:
    """For a window's keyPressEvent: Esc closes it, as it closes a dialog (only a key that the widget with the
    focus did not use reaches the window: an open list or an edit in a cell takes its own Esc first)."""
    from PySide6.QtCore import Qt  # here, not at import: the first look at Qt's namespace builds it (12 ms)

    if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
        window.close()
        return True
    return False
