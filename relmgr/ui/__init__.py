"""The Qt desktop app: the only package that imports PySide6 and matplotlib's Qt backend.

One subpackage per feature (today, customers, churn, recommendations, segments, tasks, audit),
each holding that feature's pages, dialogs, table models and words; `shell` is the window around
them (start, unlock, main window, settings, auto-lock, background runner, self-test) and `common`
the pieces every feature uses. Pages only present: what they read and write comes from
relmgr.services, called on the database thread through shell.runner.TaskRunner.
"""
