"""What each page reads (services/*_view(s).py) and the writes the dialogs make, run Qt-free on the
real demo portfolio: names arrive masked and match the stored customer, data come from the
portfolio's data date, and the composite writes do each of their parts."""

from __future__ import annotations

import pytest

from relmgr.domain.codes import AuditAction
from relmgr.domain.pii import mask_name
from relmgr.services import audit, data_date
from relmgr.services.audit_view import load_audit, load_audit_page
from relmgr.services.churn import scores_are_current
from relmgr.services.churn_view import load_churn_page
from relmgr.services.contacts import contact_history, create_task, list_tasks, save_contact
from relmgr.services.password import change_portfolio_password
from relmgr.services.recommendation_views import load_panel, load_push_data
from relmgr.services.tasks_view import load_tasks
from relmgr.services.today_view import load_today
from relmgr.services.worklist import load_worklist, move_line
from relmgr.storage import open_portfolio, worklist_store
from relmgr.storage.errors import WrongPassword
from tests.conftest import DEMO_AS_OF, DEMO_PASSWORD_FOR_TESTS


@pytest.fixture
def portfolio(writable_demo_portfolio):
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as opened:
        yield opened


def _stored_masked_names(portfolio, ids) -> dict[str, str]:
    names = worklist_store.read_customer_contact_fields(portfolio, ids)
    return {c: mask_name(n) for c, n in zip(names["customer_id"], names["name"], strict=True)}


def test_today_masks_names_and_phones_and_counts_from_the_data_date(portfolio):
    data = load_today(portfolio)
    assert data.today == data_date.as_of(portfolio) == DEMO_AS_OF
    assert len(data.frame) > 0 and not {"name", "phone"} & set(data.frame.columns)
    expected = _stored_masked_names(portfolio, data.frame["customer_id"])
    assert list(data.frame["name_masked"]) == [expected[c] for c in data.frame["customer_id"]]
    assert all("*" in p for p in data.frame["phone_masked"] if p)
    assert data.products and all(len(words) == 2 for words in data.products.values())


def test_move_line_swaps_two_pinned_lines(portfolio):
    day = data_date.as_of(portfolio)
    first, second = load_worklist(portfolio, today=day).frame["customer_id"].iloc[:2]
    move_line(portfolio, day=day, customer_id=second, from_position=2, to_position=1,
              displaced_id=first, displaced_pinned=False)
    move_line(portfolio, day=day, customer_id=first, from_position=2, to_position=1,
              displaced_id=second, displaced_pinned=True)
    assert list(load_worklist(portfolio, today=day).frame["customer_id"].iloc[:2]) == [first, second]


def test_churn_page_joins_masked_names_and_says_whether_scores_are_current(portfolio):
    data = load_churn_page(portfolio)
    assert data.fresh == scores_are_current(portfolio, data.card)
    assert data.today == DEMO_AS_OF
    if len(data.warnings):
        expected = _stored_masked_names(portfolio, data.warnings["customer_id"])
        assert list(data.warnings["name_masked"]) == [expected[c] for c in data.warnings["customer_id"]]
        assert "nan" not in set(map(str, data.warnings["tier"]))


def test_push_data_counts_match_the_push_list_and_progress_reaches_the_end(portfolio):
    steps: list[float] = []
    data = load_push_data(portfolio, progress=lambda f, step="": steps.append(f))
    assert steps and steps[-1] == 1.0 and data.as_of == DEMO_AS_OF
    assert len(data.frame) > 0 and "name" not in data.frame.columns
    counted = data.frame.groupby("product_id").size()
    assert {r.product_id: r.customers for r in data.counts.itertuples()} == counted.to_dict()
    assert set(data.counts["product_id"]) <= set(data.products)


def test_panel_shows_the_facts_the_rules_used(portfolio):
    customer_id = load_today(portfolio).frame["customer_id"].iloc[0]
    data = load_panel(portfolio, customer_id, top=3)
    assert data.recommendations.customer_id == customer_id
    assert len(data.recommendations.recommendations) <= 3
    assert set(data.customer) == {"risk_rating", "risk_assessed_on", "age", "aum"}
    assert 18 <= data.customer["age"] <= 110 and data.customer["aum"] >= 0
    with pytest.raises(KeyError):
        load_panel(portfolio, "NO-SUCH-CUSTOMER")


def test_tasks_carry_overdue_days_and_masked_names(portfolio):
    customer_id = load_today(portfolio).frame["customer_id"].iloc[0]
    create_task(portfolio, customer_id=customer_id, title="Call back", due_on=DEMO_AS_OF.replace(day=20))
    data = load_tasks(portfolio)
    row = data.frame[data.frame["title"] == "Call back"].iloc[0]
    assert data.today == DEMO_AS_OF and int(row["days_overdue"]) == 10
    assert row["name_masked"] == _stored_masked_names(portfolio, [customer_id])[customer_id]


def test_save_contact_logs_settles_tasks_and_creates_the_follow_up(portfolio):
    customer_id = load_today(portfolio).frame["customer_id"].iloc[0]
    due = create_task(portfolio, customer_id=customer_id, title="Due now", due_on=DEMO_AS_OF)
    before = len(contact_history(portfolio, customer_id=customer_id))
    save_contact(portfolio, customer_id=customer_id, channel="PHONE", purpose="SERVICE",
                 outcome="REACHED", note="", complete_task_ids=[due],
                 follow_up={"title": "Send the brochure", "due_on": DEMO_AS_OF.replace(month=7, day=7)})
    assert len(contact_history(portfolio, customer_id=customer_id)) == before + 1
    open_titles = set(list_tasks(portfolio, today=DEMO_AS_OF, customer_id=customer_id)["title"])
    assert "Send the brochure" in open_titles and "Due now" not in open_titles


def test_audit_rows_name_the_customer_of_a_reveal_only(portfolio):
    audit.record(portfolio, action=AuditAction.REVEAL_PHONE, target="C000001")
    audit.record(portfolio, action=AuditAction.LOCKED, target="C000002")
    frame = load_audit(portfolio)
    by_action = dict(zip(frame["action"], frame["customer_id"], strict=False))
    assert by_action[AuditAction.REVEAL_PHONE.value] == "C000001"
    assert by_action[AuditAction.LOCKED.value] == ""
    assert len(load_audit(portfolio, limit=1)) == 1


def test_audit_page_data_reports_where_the_chain_breaks(portfolio):
    audit.record(portfolio, action=AuditAction.LOCKED, target="")
    audit.record(portfolio, action=AuditAction.REVEAL_PHONE, target="C000001")
    intact = load_audit_page(portfolio, action=AuditAction.LOCKED.value)
    assert intact.broken is None and list(intact.rows["action"]) == [AuditAction.LOCKED.value]
    first, second = (r[0] for r in portfolio.query("SELECT audit_id FROM audit_log ORDER BY audit_id LIMIT 2"))
    with portfolio.transaction() as conn:
        conn.execute("UPDATE audit_log SET actor = 'someone-else' WHERE audit_id = ?", (second,))
    changed = load_audit_page(portfolio).broken
    assert (changed.kind, changed.audit_id) == ("changed", second)
    with portfolio.transaction() as conn:
        conn.execute("DELETE FROM audit_log WHERE audit_id = ?", (first,))
    # The first break in id order wins: the deletion now comes before the edit.
    gap = load_audit_page(portfolio).broken
    assert (gap.kind, gap.audit_id) == ("gap", second)


def test_password_change_checks_the_old_password_and_is_audited(writable_demo_portfolio):
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as opened:
        with pytest.raises(WrongPassword):
            change_portfolio_password(opened, old_password="wrong", new_password="new-pass-2")
        change_portfolio_password(opened, old_password=DEMO_PASSWORD_FOR_TESTS, new_password="new-pass-2")
        actions = set(load_audit(opened)["action"])
    assert AuditAction.PASSWORD_CHANGED.value in actions
    with pytest.raises(WrongPassword):
        open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS)
    open_portfolio(writable_demo_portfolio, "new-pass-2").close()

