"""Words for the head-office outbox's states (relmgr/domain/codes.py OutboxStatus)."""

from __future__ import annotations

from relmgr.domain.codes import OutboxStatus
from relmgr.services.wording import Pair, label

OUTBOX_STATUSES: dict[OutboxStatus, Pair] = {
    OutboxStatus.QUEUED: ("Waiting to send", "待发送"),
    OutboxStatus.SENT: ("Sent, acknowledged", "已发送，总行已确认"),
    OutboxStatus.REFUSED: ("Refused by head office", "总行拒收"),
}

#: Every code type this module names, with its words (a test checks each member has a pair).
WORDS = ((OutboxStatus, OUTBOX_STATUSES),)


def outbox_status(value: str | None, *, language: str) -> str:
    return label(OUTBOX_STATUSES, OutboxStatus, value, language=language)
