"""Emitting a signal from Python leaves True's reference count as it was.

PySide6 6.12.0's emit() took one reference from True per call; the runner's busy_changed alone
then drove it to zero over a long test run, and the interpreter aborted at exit with
"Fatal Python error: bool_dealloc" (exit code 134) after every test had passed.
relmgr.ui.emit_refcount gives the references back; these tests count them over many emits
(far more than the few that other threads may take or drop meanwhile), so no crash is needed.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from relmgr.ui import emit_refcount

EMITS = 5_000
# Other threads (the database thread, Qt's) may move True's count by a few meanwhile;
# the leak moved it by one per emit.
NOISE = EMITS // 20


def _true_references_lost(emit, *args) -> int:
    emit(*args)
    before = sys.getrefcount(True)
    for _ in range(EMITS):
        emit(*args)
    return before - sys.getrefcount(True)


def test_the_runners_busy_signal_keeps_true_alive(runner_on_demo) -> None:
    shown: list[bool] = []
    runner_on_demo.busy_changed.connect(shown.append)
    assert _true_references_lost(runner_on_demo.busy_changed.emit, False) < NOISE
    assert _true_references_lost(runner_on_demo.busy_changed.emit, True) < NOISE
    assert len(shown) == 2 * (EMITS + 1) and shown[-1] is True   # still delivered, with its value


class _Sender(QObject):
    said = Signal(str)
    pinged = Signal()


def test_any_signal_with_or_without_receivers_keeps_true_alive(qapp) -> None:
    sender = _Sender()
    heard: list[str] = []
    sender.said.connect(heard.append)
    assert _true_references_lost(sender.said.emit, "x") < NOISE
    assert _true_references_lost(sender.pinged.emit) < NOISE
    assert heard == ["x"] * (EMITS + 1)


def test_after_the_fix_emit_loses_nothing(qapp) -> None:
    assert emit_refcount.references_lost_per_emit() == 0
