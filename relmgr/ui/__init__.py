"""The Qt desktop app: the only package that imports PySide6 and matplotlib's Qt backend.

One subpackage per feature (today, customers, churn, recommendations, segments, tasks, audit),
each holding that feature's pages, dialogs, table models and words; `shell` is the window around
them (start, unlock, main window, settings, auto-lock, background runner, self-test) and `common`
the pieces every feature uses. Pages only present: what they read and write comes from
relmgr.services, called on the database thread through shell.runner.TaskRunner.
"""

from relmgr.ui.emit_refcount import install as _install_emit_refcount_fix

# Before any page emits a signal: PySide6 6.12.0's emit() leaks a reference to True per call,
# which aborts the interpreter at exit (see relmgr.ui.emit_refcount).
_install_emit_refcount_fix()
