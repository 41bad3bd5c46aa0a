"""Words for campaign offers (relmgr/domain/codes.py): the arm a customer was assigned to and what
they answered."""

from __future__ import annotations

from relmgr.domain.codes import OfferArm, OfferOutcome
from relmgr.services.wording import Pair, label

OFFER_ARMS: dict[OfferArm, Pair] = {
    OfferArm.TREATMENT: ("Treatment group", "实验组"),
    OfferArm.CONTROL: ("Control group", "对照组"),
}
OFFER_OUTCOMES: dict[OfferOutcome, Pair] = {
    OfferOutcome.PENDING: ("Pending", "待回复"),
    OfferOutcome.ACCEPTED: ("Accepted", "已接受"),
    OfferOutcome.DECLINED: ("Offer declined", "拒绝推荐"),
    OfferOutcome.NO_RESPONSE: ("No response", "无回应"),
}

#: Every code type this module names, with its words (a test checks each member has a pair).
WORDS = ((OfferArm, OFFER_ARMS), (OfferOutcome, OFFER_OUTCOMES))


def offer_arm(value: str | None, *, language: str) -> str:
    return label(OFFER_ARMS, OfferArm, value, language=language)


def offer_outcome(value: str | None, *, language: str) -> str:
    return label(OFFER_OUTCOMES, OfferOutcome, value, language=language)
