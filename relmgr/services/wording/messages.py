"""The words of the messages an RM copies into the bank's own messaging (issue 19): birthday
greetings, a maturity notice and the reminder to renew the risk assessment, each in English and
Chinese. The greeting names the customer by surname and title only (张先生): the message
travels outside relmgr, and the bank's messaging already knows whom it is sending to. No
amounts either, for the same reason.
"""

from __future__ import annotations

from relmgr.domain.codes import Gender, MessageKind
from relmgr.services.wording import CHINESE, Pair, checked, label, say

MESSAGE_KINDS: dict[MessageKind, Pair] = {
    MessageKind.BIRTHDAY: ("Birthday greetings", "生日祝福"),
    MessageKind.MATURITY: ("Maturity notice", "到期提醒"),
    MessageKind.RISK_RENEWAL: ("Renew the risk assessment", "风险评估续评提醒"),
}

#: Every code type this module names, with its words (a test checks each member has a pair).
WORDS = ((MessageKind, MESSAGE_KINDS),)

_BODIES: dict[MessageKind, Pair] = {
    MessageKind.BIRTHDAY: (
        "Dear {salutation}, happy birthday! Wishing you good health and a wonderful year ahead.",
        "尊敬的{salutation}：值此生日之际，祝您生日快乐、身体健康、万事如意！"),
    MessageKind.MATURITY: (
        "Dear {salutation}, your {product} matures on {date}. I would be glad to help you plan "
        "what comes next: call me any time.",
        "尊敬的{salutation}：您持有的{product}将于{date}到期。如需了解到期后的安排，欢迎随时与我联系。"),
    MessageKind.RISK_RENEWAL: (
        "Dear {salutation}, your investment risk assessment {state} {date}. Please renew it at "
        "the branch or in mobile banking, so that we can keep offering you products that suit you.",
        "尊敬的{salutation}：您的风险承受能力评估{state}{date}到期。请通过网点或手机银行重新评估，"
        "以便我们继续为您推荐适合您的产品。"),
}
_EXPIRED: Pair = ("expired on", "已于")
_EXPIRES: Pair = ("expires on", "将于")


def message_kind(value: str | None, *, language: str) -> str:
    return label(MESSAGE_KINDS, MessageKind, value, language=language)


def salutation(name: str | None, gender: str | None, *, language: str) -> str:
    """张先生 / Mr 张; 客户 / customer when the name or gender is not known."""
    surname = (name or "").strip()[:1]
    chinese = checked(language) == CHINESE
    if not surname or gender not in (Gender.MALE.value, Gender.FEMALE.value):
        return "客户" if chinese else "customer"
    if chinese:
        return surname + ("先生" if gender == Gender.MALE.value else "女士")
    return ("Mr " if gender == Gender.MALE.value else "Ms ") + surname


def signature(*, branch: str, rm: str, language: str) -> str:
    """'—— 网点 客户经理 某某' / '— name, branch'; '' when neither is set."""
    if checked(language) == CHINESE:
        parts = [branch, f"客户经理{rm}" if rm else ""]
        text = " ".join(p for p in parts if p)
        return f"——{text}" if text else ""
    text = ", ".join(p for p in (rm, branch) if p)
    return f"— {text}" if text else ""


def message_text(kind: MessageKind | str, *, language: str, salutation: str, branch: str = "",
                 rm: str = "", product: str = "", date: str = "", expired: bool = False) -> str:
    body = say(_BODIES[MessageKind(kind)], language).format(
        salutation=salutation, product=product, date=date,
        state=say(_EXPIRED if expired else _EXPIRES, language))
    sign = signature(branch=branch, rm=rm, language=language)
    return f"{body}\n{sign}" if sign else body
