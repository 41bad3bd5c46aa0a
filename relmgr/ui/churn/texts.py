"""Churn warning codes as the words an RM reads, in the UI's current language: risk bands,
warning states, model kinds, reason labels, and the reasons as sentences with the customer's own
numbers ("AUM down 62% in 90 days"). The words live in relmgr.services.wording.churn, which the
exports use as well."""

from __future__ import annotations

from relmgr.services.wording import churn
from relmgr.ui.shell.i18n import in_current_language

band = in_current_language(churn.band)
warning_state = in_current_language(churn.warning_state)
model_kind = in_current_language(churn.model_kind)
reason_sentence = in_current_language(churn.reason_sentence)
reasons_text = in_current_language(churn.reasons_text)
driver_label = in_current_language(churn.driver_label)
