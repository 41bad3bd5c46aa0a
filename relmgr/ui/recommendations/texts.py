"""Recommendation codes and reasons (issue 6) as the words an RM reads, in the UI's current
language: suitability rules, warnings, outcomes, reason types, and the reasons and actions as
sentences with the recommender's own numbers. The words live in
relmgr.services.wording.recommendations, which the exports use as well."""

from __future__ import annotations

from relmgr.services.wording import recommendations
from relmgr.ui.shell.i18n import in_current_language

percent = recommendations.percent
rule = in_current_language(recommendations.rule)
warning = in_current_language(recommendations.warning)
outcome = in_current_language(recommendations.outcome)
reason_type = in_current_language(recommendations.reason_type)
name_of = in_current_language(recommendations.name_of)
reason_text = in_current_language(recommendations.reason_text)
action_text = in_current_language(recommendations.action_text)
rule_detail = in_current_language(recommendations.rule_detail)
