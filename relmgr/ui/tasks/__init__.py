"""Follow-up tasks (待办任务): the tasks page and its new-task dialog (page). Not to be confused with
the background runner, relmgr.ui.shell.runner. Data: relmgr.services.contacts."""
