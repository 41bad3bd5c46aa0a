"""Audit log (审计日志): the page listing who did what and when (page). Data: relmgr.services.audit."""
