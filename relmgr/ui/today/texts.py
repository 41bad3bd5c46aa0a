"""The Today worklist's codes as the words an RM reads, in the UI's current language: reason and
action labels, one sentence per reason with the line's own numbers, how each reason earns its
points, and why a signal is missing from the list. The words live in
relmgr.services.wording.worklist, which the exports use as well."""

from __future__ import annotations

from relmgr.domain.codes import ContactPurpose
from relmgr.services.wording import worklist
from relmgr.services.worklist import SuggestedAction
from relmgr.ui.shell.i18n import in_current_language

reason_label = in_current_language(worklist.reason_label)
action_label = in_current_language(worklist.action_label)
action_with_consent = in_current_language(worklist.action_with_consent)
reason_sentence = in_current_language(worklist.reason_sentence)
reasons_text = in_current_language(worklist.reasons_text)
points_rule = in_current_language(worklist.points_rule)
skipped_text = in_current_language(worklist.skipped_text)

#: The contact purpose a logged contact most likely had, given the line's suggested action.
PURPOSE_FOR_ACTION: dict[str, ContactPurpose] = {
    SuggestedAction.RETENTION_CALL: ContactPurpose.RETENTION,
    SuggestedAction.COMPLETE_TASK: ContactPurpose.SERVICE,
    SuggestedAction.DISCUSS_MATURITY: ContactPurpose.SALES,
    SuggestedAction.SERVICE_CALL: ContactPurpose.SERVICE,
    SuggestedAction.CLOSE_SALE: ContactPurpose.SALES,
    SuggestedAction.BIRTHDAY_GREETING: ContactPurpose.CARE,
    SuggestedAction.WIN_BACK_CALL: ContactPurpose.RETENTION,
}
