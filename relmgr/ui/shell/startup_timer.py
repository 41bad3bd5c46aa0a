"""`relmgr --time-to-unlock` (hidden; for tests/test_bundle.py): print how long after the process
started the unlock dialog was first painted, then quit.

Counted from the process's start as the OS records it, so a frozen bundle's bootloader and
unpacking are included, not only the Python part.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


def process_age_s() -> float | None:
    """Seconds since this process started (Linux: /proc; Windows: GetProcessTimes), or None."""
    if sys.platform.startswith("linux"):
        import os

        try:
            with open("/proc/self/stat", encoding="ascii") as stat:
                # Field 22 (starttime, in clock ticks since boot) comes after the ")" of the name.
                started_ticks = int(stat.read().rsplit(")", 1)[1].split()[19])
            with open("/proc/uptime", encoding="ascii") as uptime:
                up_s = float(uptime.read().split()[0])
        except (OSError, ValueError, IndexError):
            return None
        return up_s - started_ticks / os.sysconf("SC_CLK_TCK")
    if sys.platform == "win32":
        import ctypes
        from ctypes import wintypes

        creation, exit_, kernel, user = (wintypes.FILETIME() for _ in range(4))
        now = wintypes.FILETIME()
        kernel32 = ctypes.windll.kernel32
        if not kernel32.GetProcessTimes(kernel32.GetCurrentProcess(), ctypes.byref(creation),
                                        ctypes.byref(exit_), ctypes.byref(kernel), ctypes.byref(user)):
            return None
        kernel32.GetSystemTimeAsFileTime(ctypes.byref(now))

        def ticks(t: wintypes.FILETIME) -> int:   # 100 ns units
            return (t.dwHighDateTime << 32) | t.dwLowDateTime

        return (ticks(now) - ticks(creation)) / 1e7
    return None


class UnlockTimer(QObject):
    """Watches a dialog; on its first paint prints the time and ends the event loop with 0."""

    def __init__(self, dialog: QWidget, *, fallback_started: float) -> None:
        super().__init__(dialog)
        self._fallback_started = fallback_started
        self._done = False
        dialog.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            age = process_age_s()
            if age is None:   # no OS start time: from relmgr's first import (a lower bound)
                age, how = time.perf_counter() - self._fallback_started, "since Python started relmgr"
            else:
                how = "since the process started"
            print(f"unlock dialog shown after {age:.2f} s ({how})", flush=True)
            QTimer.singleShot(0, lambda: QApplication.exit(0))
        return False
