"""The Customers page's filters beside the search (tier, lifecycle stage, RFM segment, churn
band) on the demo portfolio: they agree with the stored segments and scores, combine with each
other and with the search, and the counts line says how many of all are shown."""

from __future__ import annotations

import dataclasses

from relmgr.storage import open_portfolio
from relmgr.ui.shell.i18n import CHINESE, ENGLISH
from tests.conftest import DEMO_PASSWORD_FOR_TESTS


def _visible_ids(page) -> set[str]:
    return {page.model.customer_id_at(r) for r in range(page.model.rowCount())}


def _choose(page, column: str, code: str) -> None:
    combo = page.filter_combos[column]
    combo.setCurrentIndex(combo.findData(code))


def test_filters_agree_with_the_stored_codes_and_combine(unlocked_window, writable_demo_portfolio) -> None:
    page = unlocked_window.customers_page
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        segments = dict(portfolio.query("SELECT customer_id, tier || '|' || stage || '|' || rfm_segment "
                                        "FROM customer_segments"))
        bands = dict(portfolio.query("SELECT customer_id, band FROM churn_scores"))
    codes = {cid: tuple(text.split("|")) for cid, text in segments.items()}
    total = len(page.model.frame)

    _choose(page, "tier", "VIP")
    vip = {c for c, (tier, _, _) in codes.items() if tier == "VIP"}
    assert _visible_ids(page) == vip and 0 < len(vip) < total
    assert page.count_label.text() == f"{len(vip):,} of {total:,} customers"

    _choose(page, "churn_band", "LOW")
    vip_low = {c for c in vip if bands.get(c) == "LOW"}
    assert _visible_ids(page) == vip_low and vip_low < vip

    page.filter_combos["churn_band"].setCurrentIndex(0)          # All risk bands
    _choose(page, "stage", "MATURITY")
    _choose(page, "rfm_segment", "IMPORTANT_VALUE")
    expected = {c for c, (tier, stage, rfm) in codes.items()
                if (tier, stage, rfm) == ("VIP", "MATURITY", "IMPORTANT_VALUE")}
    assert _visible_ids(page) == expected

    # With the search too: the search narrows what the filters leave.
    for combo in page.filter_combos.values():
        combo.setCurrentIndex(0)
    some = sorted(vip)[0]
    page.search_edit.setText(some)
    _choose(page, "tier", "VIP")
    assert _visible_ids(page) == {some}
    _choose(page, "tier", "MASS")
    assert _visible_ids(page) == set() and page.count_label.text() == f"0 of {total:,} customers"

    # Opening a customer from another page clears the filters, so it can be shown.
    unlocked_window.show_customer(some)
    assert all(combo.currentIndex() == 0 for combo in page.filter_combos.values())
    assert page.model.rowCount() == total


def test_filter_words_in_both_languages(unlocked_window, qtbot) -> None:
    window = unlocked_window
    page = window.customers_page
    combo = page.filter_combos["tier"]
    assert [combo.itemText(i) for i in range(combo.count())] == \
        ["All tiers", "Private banking", "Wealth", "VIP", "Mass"]
    assert page.filter_combos["churn_band"].itemText(1) == "High risk"
    window.apply_settings(dataclasses.replace(window.settings, language=CHINESE))
    qtbot.waitUntil(lambda: combo.itemText(0) == "全部分层", timeout=5_000)
    assert [combo.itemText(i) for i in range(1, combo.count())] == ["私人银行", "财富", "贵宾", "大众"]
    assert page.filter_combos["churn_band"].itemText(1) == "高风险"
    assert page.filter_combos["rfm_segment"].itemText(0) == "全部 RFM 分群"
    _choose(page, "tier", "VIP")
    shown, total = page.model.rowCount(), len(page.model.frame)
    assert page.count_label.text() == f"{shown:,} / {total:,} 位客户"
    # Not clipped: each combo is at least as wide as its longest item.
    for box in page.filter_combos.values():
        widest = max(box.fontMetrics().horizontalAdvance(box.itemText(i)) for i in range(box.count()))
        assert box.sizeHint().width() > widest
    window.apply_settings(dataclasses.replace(window.settings, language=ENGLISH))


def test_tags_are_a_column_and_a_filter(unlocked_window, writable_demo_portfolio) -> None:
    from relmgr.ui.customers.table_model import KEYS

    page = unlocked_window.customers_page
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        tags = dict(portfolio.query("SELECT customer_id, tags FROM customers"))
    payroll = {c for c, t in tags.items() if "代发工资" in t.split(";")}
    total = len(page.model.frame)
    assert 0 < len(payroll) < total
    combo = page.filter_combos["tags"]
    assert combo.itemText(0) == "All tags" and combo.isEnabled()
    assert {combo.itemText(i) for i in range(1, combo.count())} == {
        t for text in tags.values() for t in text.split(";") if t}
    _choose(page, "tags", "代发工资")
    assert _visible_ids(page) == payroll
    assert page.count_label.text() == f"{len(payroll):,} of {total:,} customers"
    # The column shows each customer's tags, "; " between two.
    column = KEYS.index("tags")
    owner = next(c for c, t in sorted(tags.items()) if t == "小微企业主;企业客户")
    combo.setCurrentIndex(0)
    page.search_edit.setText(owner)
    assert page.model.data(page.model.index(0, column)) == "小微企业主; 企业客户"
    # With a tier too: both hold.
    page.search_edit.clear()
    _choose(page, "tags", "小微企业主")
    _choose(page, "tier", "VIP")
    frame = page.model.frame
    shown = _visible_ids(page)
    assert shown == {c for c, tier, text in zip(frame["customer_id"], frame["tier"], frame["tags"], strict=True)
                     if tier == "VIP" and "小微企业主" in text.split("; ")}


def test_a_rule_tag_saved_in_the_marketing_page_shows_in_the_tag_filter(unlocked_window, qtbot) -> None:
    from relmgr.services.target_lists import save_list

    window = unlocked_window
    page = window.customers_page
    combo = page.filter_combos["tags"]
    assert combo.findData("高频交易") == -1
    rule = {"tag": True, "combine": "AND", "criteria": [
        {"field": "txn_count_90d", "op": "between", "value": [30, None]}]}
    window.runner.run_db(save_list, name="高频交易", criteria=rule)
    # The write tells the Customers page, which reads its list (and the rule tags) again.
    qtbot.waitUntil(lambda: combo.findData("高频交易") > 0, timeout=30_000)
    _choose(page, "tags", "高频交易")
    frame = page.model.frame
    busy = set(frame["customer_id"][frame["txn_count_90d"] >= 30])
    assert busy and _visible_ids(page) == busy
