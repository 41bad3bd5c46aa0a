"""The portfolio at a glance (issue 18): one set of figures that the Home page, the monthly
report and `relmgr dashboard`/`relmgr kpis` share, so they never disagree.

Everything is read from stored results (monthly balances, customer_summary, the stored
segmentation and churn scores, the contact log, recommendation outcomes, tasks): nothing is
recomputed, so it costs a handful of aggregate queries. A figure whose source was never computed
is None, with the reason in `unavailable`.
"""

from relmgr.services.dashboard.figures import Dashboard, load_dashboard, month_bounds

__all__ = ["Dashboard", "load_dashboard", "month_bounds"]
