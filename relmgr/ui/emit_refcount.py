"""Works around PySide6 6.12.0's `SignalInstance.emit`, which hands back `True` without owning a
reference to it: each emit from Python takes one reference from `True` for good. The app emits
often (the runner's busy_changed on every task), so after some thousands of emits `True`'s count
reaches zero and the interpreter aborts at exit with "Fatal Python error: bool_dealloc"
(exit code 134) although every test passed.

`install()` measures the loss once on a throwaway signal and, only if emit loses references,
wraps it to give back what it took. On a PySide6 that is fixed the probe finds no loss and emit
is left as it is, so this module can go once requirements.lock moves to such a version.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_PROBE_EMITS = 64
_installed = False


class _Probe(QObject):
    fired = Signal()


def references_lost_per_emit() -> int:
    """How many references to `True` one `emit()` (of a signal with no receiver) takes and never
    gives back: 0 on a sound PySide6."""
    probe = _Probe()
    emit = probe.fired.emit
    emit()  # the first emit may build caches that hold references of their own
    before = sys.getrefcount(True)
    for _ in range(_PROBE_EMITS):
        emit()
    lost = before - sys.getrefcount(True)
    # Another thread may take or drop a reference meanwhile: round to whole references per emit.
    return max(0, round(lost / _PROBE_EMITS))


def install() -> None:
    """Make `SignalInstance.emit` keep `True`'s reference count balanced (once per process)."""
    global _installed
    if _installed:
        return
    _installed = True
    lost = references_lost_per_emit()
    if not lost:
        return
    original = SignalInstance.emit
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)   # raises before taking anything when the arguments are wrong
        for _ in range(lost):
            incref(result)
        return result

    emit.__doc__ = original.__doc__
    SignalInstance.emit = emit  # type: ignore[method-assign]
