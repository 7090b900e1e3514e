"""The app as a user meets it: the installed console script started as its own process on a real X server (Xvfb
with the openbox window manager), driven only by real input events sent from outside (xdotool, through the X
server's XTEST extension), and judged only by what a user can see or keep: windows on screen with their titles
and frames, screenshots, the data folder, the files written, the exit code and stderr.

Nothing here imports the app: the tests read pixels from screenshots with QImage, and window titles and
geometry from the X server (xdotool, xwininfo, xprop).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

MAIN_TITLE_PATTERN = r"^(Huella de carbono del cacao|Cocoa carbon footprint) — San Martín$"
TOOLS = ("Xvfb", "openbox", "xdotool", "xwininfo", "xprop", "import", "setxkbmap")
SCRIPT = Path(sys.executable).parent / "cocoa-desktop"  # the console script pip installed beside this Python


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


@dataclass(frozen=True)
class Window:
    id: str
    title: str
    x: int  # the frame drawn by the window manager, title bar included, in screen pixels
    y: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.x + self.width

    @property
    def bottom(self) -> int:
        return self.y + self.height

    def inside(self, width: int, height: int) -> bool:
        return self.x >= 0 and self.y >= 0 and self.right <= width and self.bottom <= height


class Screen:
    """A virtual screen with a window manager, as a laptop's desktop (1024×768 by default)."""

    def __init__(self, width: int = 1024, height: int = 768) -> None:
        self.width, self.height = width, height
        read, write = os.pipe()
        self.xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24",
                                      "-nolisten", "tcp"], pass_fds=(write,), stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as answer:  # Xvfb writes its display number once it accepts clients
            number = answer.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"
        self.wm = subprocess.Popen(["openbox", "--sm-disable"], env=self.env(), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        wait_until(lambda: "window id" in self.x11("xprop", "-root", "_NET_SUPPORTING_WM_CHECK", check=False),
                   10, "openbox did not take the screen")
        # The Latin American layout of Peruvian laptops: ñ and the accented letters are real keys, so xdotool presses
        # them. On the default US map it remaps a spare key for each one and back, and under load the app read the
        # map after it was restored: "campaña" arrived as "campaa" (a CI run lost the workbook that way).
        self.x11("setxkbmap", "latam")

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WAYLAND"))}
        env.update(DISPLAY=self.display, **extra)
        return env

    def x11(self, *command: str, check: bool = True) -> str:
        done = subprocess.run(command, env=self.env(), capture_output=True, text=True, timeout=20)
        if check and done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)}: {done.stderr.strip()}")
        return done.stdout

    def screenshot(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.x11("import", "-window", "root", str(path))
        return path

    def close(self) -> None:
        for process in (self.wm, self.xvfb):
            process.terminate()
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()


def wait_until(condition, timeout: float, what: str, step: float = 0.1):
    """Poll ``condition`` until it gives something true; fail with ``what`` after ``timeout`` seconds."""
    end = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f"{what} (waited {timeout:.0f} s)")
        time.sleep(step)


class App:
    """``cocoa-desktop`` started from its console script with its own data folder and home, on ``screen``."""

    def __init__(self, screen: Screen, data_dir: Path, home: Path, shots: Path, name: str = "app") -> None:
        self.screen, self.data_dir, self.home, self.shots, self.name = screen, data_dir, home, shots, name
        home.mkdir(parents=True, exist_ok=True)
        self.stderr_path = shots / f"{name}.stderr.txt"
        shots.mkdir(parents=True, exist_ok=True)
        self.stderr_file = self.stderr_path.open("w")
        env = screen.env(COCOA_DESKTOP_DATA_DIR=str(data_dir), HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
                         XDG_DATA_HOME=str(home / ".local/share"), XDG_CACHE_HOME=str(home / ".cache"),
                         LANG="C.UTF-8", QT_QPA_PLATFORM="xcb")
        self.process = subprocess.Popen([str(SCRIPT)], env=env, cwd=home, stdout=subprocess.DEVNULL,
                                        stderr=self.stderr_file)
        self.shot_count = 0

    # ---- what is on screen ----
    def window_ids(self) -> list[str]:
        # --all: the pid AND a visible window (xdotool's default is either, which lists every app's windows)
        out = self.screen.x11("xdotool", "search", "--all", "--onlyvisible", "--pid", str(self.process.pid),
                              "--name", "", check=False)
        return out.split()

    def window(self, window_id: str) -> Window | None:
        info = self.screen.x11("xwininfo", "-id", window_id, check=False)
        found = dict(re.findall(r"^\s*(Absolute upper-left X|Absolute upper-left Y|Width|Height):\s+(-?\d+)", info,
                                re.M))
        title = re.search(r'xwininfo: Window id: \S+ "(.*)"', info)
        if len(found) < 4 or title is None:
            return None  # gone meanwhile
        extents = self.screen.x11("xprop", "-id", window_id, "_NET_FRAME_EXTENTS", check=False)
        numbers = [int(n) for n in re.findall(r"\d+", extents.split("=", 1)[-1])] if "=" in extents else []
        left, right, top, bottom = numbers if len(numbers) == 4 else (0, 0, 0, 0)
        return Window(window_id, title.group(1), int(found["Absolute upper-left X"]) - left,
                      int(found["Absolute upper-left Y"]) - top, int(found["Width"]) + left + right,
                      int(found["Height"]) + top + bottom)

    def windows(self) -> list[Window]:
        return [w for w in (self.window(i) for i in self.window_ids()) if w is not None and w.width > 1]

    def wait_window(self, title: str, timeout: float = 30) -> Window:
        """The app's visible window whose title matches the regular expression ``title``."""
        pattern = re.compile(title)

        def find() -> Window | None:
            self.check_running()
            return next((w for w in self.windows() if pattern.search(w.title)), None)

        window = wait_until(find, timeout, f"no window titled /{title}/; on screen: {self.titles()}")
        time.sleep(0.3)  # mapped; give the toolkit a moment to paint before keys and screenshots
        return window

    def wait_no_window(self, title: str, timeout: float = 30) -> None:
        pattern = re.compile(title)
        wait_until(lambda: not any(pattern.search(t) for t in self.titles()), timeout,
                   f"window /{title}/ still open; on screen: {self.titles()}")

    def titles(self) -> list[str]:
        return [w.title for w in self.windows()]

    def active_title(self) -> str:
        """The title of the window that has the keyboard, if it is one of this app's ("" otherwise)."""
        active = self.screen.x11("xdotool", "getactivewindow", check=False).strip()
        window = self.window(active) if active and active in self.window_ids() else None
        return window.title if window else ""

    def activate(self, title: str = MAIN_TITLE_PATTERN) -> None:
        """Bring this app's window to the front, as a click on it would (two laptops' apps share one screen)."""
        window = self.wait_window(title)
        self.screen.x11("xdotool", "windowactivate", "--sync", window.id, check=False)
        self.wait_active(title)

    def wait_active(self, title: str, timeout: float = 15) -> None:
        pattern = re.compile(title)
        wait_until(lambda: pattern.search(self.active_title()), timeout,
                   f"/{title}/ never took the keyboard; active: {self.active_title()!r}")
        time.sleep(0.2)

    def check_running(self) -> None:
        if self.process.poll() is not None:
            raise AssertionError(f"the app exited with {self.process.returncode}: {self.stderr()}")

    # ---- input, from outside, as a user's keyboard ----
    def key(self, *keys: str, delay_ms: int = 80) -> None:
        self.screen.x11("xdotool", "key", "--clearmodifiers", "--delay", str(delay_ms), *keys)
        time.sleep(0.25)

    def type(self, text: str) -> None:
        self.screen.x11("xdotool", "type", "--clearmodifiers", "--delay", "40", text)
        time.sleep(0.2)

    def click(self, x: int, y: int) -> None:
        self.screen.x11("xdotool", "mousemove", "--sync", str(x), str(y), "click", "1")
        time.sleep(0.3)

    # ---- what a user can keep ----
    def screenshot(self, label: str) -> Path:
        self.shot_count += 1
        return self.screen.screenshot(self.shots / f"{self.name}-{self.shot_count:02d}-{label}.png")

    def stderr(self) -> str:
        self.stderr_file.flush()
        return self.stderr_path.read_text(errors="replace")

    def wait_exit(self, timeout: float = 20) -> int:
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired as exc:
            raise AssertionError(f"the app did not exit within {timeout:.0f} s; on screen: {self.titles()}") from exc

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(5)
        self.stderr_file.close()

    # ---- journeys' common steps ----
    def answer_file_dialog(self, title: str, path: Path) -> None:
        """A file dialog titled ``title`` is up: type the whole path into its file name box and press Enter, as a
        user who knows where the file goes (or is) does."""
        self.wait_window(title)
        self.wait_active(title)
        self.key("ctrl+a")
        self.type(str(path))
        self.key("Return")
        self.wait_no_window(title)

    def quit(self) -> tuple[int, str]:
        """Salir with Ctrl+Q from the main window: the exit code and everything written to stderr."""
        self.wait_active(MAIN_TITLE)
        self.key("ctrl+q")
        code = self.wait_exit()
        return code, self.stderr()


MAIN_TITLE = MAIN_TITLE_PATTERN
