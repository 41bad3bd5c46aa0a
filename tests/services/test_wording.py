"""The one wording source (relmgr.services.wording): every code of the domain's enums has words in
both languages, the sentences carry their numbers in either language, and an unknown code shows
as it is. Runs without Qt."""

from __future__ import annotations

import importlib
import pkgutil
from enum import StrEnum

import pytest

import relmgr.services.wording as wording
from relmgr.domain.churn import WarningAction
from relmgr.domain.segments import ClusterFeature, TraitLevel
from relmgr.services.wording import churn, contacts, exports, recommendations, segments, worklist
from tests.services.test_export_words import code_enums

# Codes an RM never reads on their own: cluster traits are read as a pair (feature, level), in
# segments.cluster_description; what was done about a warning is shown as the state it leads to
# (WarningState, whose values include every WarningAction).
NOT_SHOWN_ALONE = {ClusterFeature, TraitLevel, WarningAction}


def _worded() -> dict[type[StrEnum], dict]:
    found: dict[type[StrEnum], dict] = {}
    for info in pkgutil.iter_modules(wording.__path__):
        module = importlib.import_module(f"{wording.__name__}.{info.name}")
        for kind, words in getattr(module, "WORDS", ()):
            assert kind not in found, f"{kind.__name__} has words in two modules"
            found[kind] = words
    return found


def test_every_code_has_english_and_chinese_words() -> None:
    worded = _worded()
    for kind in code_enums():
        if kind in NOT_SHOWN_ALONE:
            continue
        assert kind in worded, f"no words for {kind.__module__}.{kind.__name__}"
        assert set(worded[kind]) == set(kind), kind.__name__
        for code, (english, chinese) in worded[kind].items():
            assert english and chinese, code
            assert code.value not in (english, chinese) or code.value in {"ATM", "POS", "VIP"}, code


def test_one_word_per_tier() -> None:
    assert [segments.tier(t, language="zh_CN") for t in ("PRIVATE", "WEALTH", "VIP", "MASS")] == \
        ["私人银行", "财富", "贵宾", "大众"]
    assert segments.tier("PRIVATE", language="en") == "Private banking"
    assert exports.tier_list_title("VIP", language="zh_CN") == "贵宾客户名单"


def test_sentences_carry_their_numbers_in_both_languages() -> None:
    drop = {"code": "AUM_DROP_180D", "value": -0.42}
    assert churn.reason_sentence(drop, language="en") == "AUM down 42% in 180 days"
    assert churn.reason_sentence(drop, language="zh_CN") == "180 天内资产下降 42%"
    stored = '[{"code": "AUM_DROP_180D", "value": -0.42}, {"code": "NET_OUTFLOW_90D", "value": 191920.0}]'
    assert churn.reasons_text(stored, language="zh_CN", top=None) == \
        "180 天内资产下降 42%；近 3 个月资金净流出 191,920 元"
    products = {"FD-BOND": {"product_id": "FD-BOND", "name_zh": "纯债基金", "name_en": "Bond fund"},
                "LCD3Y": {"product_id": "LCD3Y", "name_zh": "大额存单三年期", "name_en": "3-year large CD"}}
    similar = {"code": "SIMILAR_HOLDERS", "product": "LCD3Y", "anchors": ["FD-BOND"],
               "similar_customers": 252, "share_similar": 0.41, "share_all": 0.12}
    assert recommendations.reason_text(similar, products, language="en") == \
        "41% of the 252 customers holding Bond fund also hold 3-year large CD, vs 12% overall"
    assert recommendations.reason_text(similar, products, language="zh_CN") == \
        "持有纯债基金的 252 位客户中 41% 也持有大额存单三年期，全体客户为 12%"
    overdue = {"reason": "CONTACT_OVERDUE", "days_overdue": 34, "cadence_days": 90,
               "last_contact_on": "2026-01-27"}
    assert worklist.reason_sentence(overdue, language="en") == \
        "Contact 34 days overdue (every 90 days; last contact 2026-01-27)"
    assert worklist.reason_sentence(overdue, language="zh_CN") == \
        "联系已逾期 34 天（每 90 天联系一次；上次联系 2026-01-27）"
    assert contacts.churn_follow_up_title(language="en") == "Churn warning follow-up"
    assert contacts.churn_follow_up_title(language="zh_CN") == "流失预警跟进"


def test_unknown_codes_show_as_they_are_and_languages_are_checked() -> None:
    assert segments.tier("FROM_A_NEWER_VERSION", language="en") == "FROM_A_NEWER_VERSION"
    assert segments.tier(None, language="en") == "" and segments.tier(float("nan"), language="en") == ""
    assert recommendations.reason_text({"code": "PEERS"}, {}, language="en") == "Similar customers"
    assert exports.column_label("a_new_column", language="zh_CN") == "a_new_column"
    with pytest.raises(ValueError, match="language"):
        segments.tier("VIP", language="fr")


def test_short_tier_names_for_narrow_columns() -> None:
    assert segments.tier_short("PRIVATE", language="en") == "Private"
    assert segments.tier_short("PRIVATE", language="zh_CN") == "私行"
    assert segments.tier_short("WEALTH", language="en") == segments.tier("WEALTH", language="en")
    assert segments.tier_short("FROM_A_NEWER_VERSION", language="en") == "FROM_A_NEWER_VERSION"
    assert segments.tier_short(None, language="en") == ""
