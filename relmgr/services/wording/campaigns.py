"""Words for campaign offers (relmgr/domain/codes.py): the arm a customer was assigned to and what
they answered; a customer's marketing consent; and a campaign result's verdict
(relmgr/analytics/campaign_results.py)."""

from __future__ import annotations

from relmgr.analytics.campaign_results import CampaignVerdict
from relmgr.domain.codes import MarketingConsent, OfferArm, OfferOutcome
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

MARKETING_CONSENT: dict[MarketingConsent, Pair] = {
    MarketingConsent.GRANTED: ("Agreed to marketing", "同意营销"),
    MarketingConsent.DECLINED: ("Declined marketing (do not market)", "拒绝营销（勿扰）"),
}
VERDICTS: dict[CampaignVerdict, Pair] = {
    CampaignVerdict.NO_CONTROL: ("No control group: uplift cannot be measured", "无对照组：无法衡量提升效果"),
    CampaignVerdict.TOO_SMALL: ("Too small to say", "样本太少，无法判断"),
    CampaignVerdict.UPLIFT: ("Significant uplift", "显著提升"),
    CampaignVerdict.NEGATIVE: ("Significantly worse than the control group", "显著低于对照组"),
    CampaignVerdict.NOT_SIGNIFICANT: ("No significant difference", "无显著差异"),
}

#: Every code type this module names, with its words (a test checks each member has a pair).
WORDS = ((OfferArm, OFFER_ARMS), (OfferOutcome, OFFER_OUTCOMES), (MarketingConsent, MARKETING_CONSENT),
         (CampaignVerdict, VERDICTS))


def offer_arm(value: str | None, *, language: str) -> str:
    return label(OFFER_ARMS, OfferArm, value, language=language)


def offer_outcome(value: str | None, *, language: str) -> str:
    return label(OFFER_OUTCOMES, OfferOutcome, value, language=language)


def marketing_consent(value: str | None, *, language: str) -> str:
    return label(MARKETING_CONSENT, MarketingConsent, value, language=language)


def verdict(value: str | None, *, language: str) -> str:
    return label(VERDICTS, CampaignVerdict, value, language=language)
