"""Domain codes (relmgr/domain/codes.py, relmgr/domain/segments.py) as the words an RM reads, in
the UI's current language.

The words live in relmgr.services.wording, which the exports use as well; these are its
functions speaking the language the window speaks now, for table models that hold raw string
codes from the database. An unknown value (e.g. from a newer import file) is shown as the raw
code rather than hidden.
"""

from __future__ import annotations

from relmgr.services.wording import CHINESE, audit, contacts, customers, segments
from relmgr.ui.shell.i18n import current_language, in_current_language

gender = in_current_language(customers.gender)
risk_rating = in_current_language(customers.risk_rating)
risk_level = in_current_language(customers.risk_level)
holding_status = in_current_language(customers.holding_status)
customer_status = in_current_language(customers.customer_status)
txn_kind = in_current_language(customers.txn_kind)
channel = in_current_language(customers.channel)
product_name = in_current_language(customers.product_name)

contact_channel = in_current_language(contacts.contact_channel)
contact_purpose = in_current_language(contacts.contact_purpose)
contact_outcome = in_current_language(contacts.contact_outcome)
task_status = in_current_language(contacts.task_status)

audit_action = in_current_language(audit.audit_action)

tier = in_current_language(segments.tier)
tier_short = in_current_language(segments.tier_short)
tier_change = in_current_language(segments.tier_change)
contact_status = in_current_language(segments.contact_status)
rfm_segment = in_current_language(segments.rfm_segment)
stage = in_current_language(segments.stage)
stage_reason = in_current_language(segments.stage_reason)
cluster_description = in_current_language(segments.cluster_description)
stage_playbook = in_current_language(segments.stage_playbook)


def chinese_ui() -> bool:
    """True while the UI speaks Chinese."""
    return current_language() == CHINESE
