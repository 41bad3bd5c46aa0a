"""SQL of the dashboard (issue 18): small aggregates over the stored results (monthly balances,
customer_summary, customer_segments, tier_history, stage_flow, churn_scores, the contact log,
recommendation outcomes, tasks). Each is one indexed or per-month query, so the Home page's data
costs no recomputation."""

from __future__ import annotations

from relmgr.domain.codes import ContactOutcome
from relmgr.storage.activity_months import update_activity_months
from relmgr.storage.portfolio import Portfolio


def aum_by_month(portfolio: Portfolio, *, first: str, last: str) -> dict[str, float]:
    """{'YYYY-MM': sum of month-end AUM} for the months in [first, last] that hold balances."""
    rows = portfolio.query("SELECT month, SUM(aum_end) FROM monthly_balances "
                           "WHERE month BETWEEN ? AND ? GROUP BY month", (first, last))
    return {month: float(total) for month, total in rows}


def flows_by_month(portfolio: Portfolio, *, first_month: str, last_month: str) -> dict[str, tuple[float, float]]:
    """{'YYYY-MM': (money in, money out as a positive number)} of the months `first_month` ..
    `last_month`, summed over every customer from the monthly money flows (flow_months' money_in
    and money_out: money crossing the bank's boundary, storage/flow_months.py; purchases, card
    spend and bill payments move money the customer already holds or spends, and interest and
    fees are the bank's own bookings), after folding in what changed.
    A month ends at the data date: nothing is dated later. It scanned a year of transactions
    before: 4.4 s of the Home page's 7.2 s at 50,000 customers."""
    update_activity_months(portfolio)
    rows = portfolio.query("SELECT month, TOTAL(money_in), TOTAL(money_out) FROM flow_months "
                           "WHERE month BETWEEN ? AND ? GROUP BY month", (first_month, last_month))
    return {month: (float(inflow), float(outflow)) for month, inflow, outflow in rows if inflow or outflow}


def latest_segment_run(portfolio: Portfolio) -> str | None:
    """The data date of the stored segmentation, or None when it was never computed."""
    rows = portfolio.query("SELECT as_of FROM segment_runs ORDER BY run_id DESC LIMIT 1")
    return rows[0][0] if rows else None


def tiers_of_open_customers(portfolio: Portfolio) -> list[tuple[str, int, float]]:
    """(tier, customers, AUM) of the customers whose record is open."""
    return [(tier, int(n), float(aum)) for tier, n, aum in portfolio.query(
        "SELECT s.tier, COUNT(*), COALESCE(SUM(cs.aum), 0) FROM customer_segments AS s "
        "JOIN customers AS c USING (customer_id) LEFT JOIN customer_summary AS cs USING (customer_id) "
        "WHERE c.closed_on IS NULL GROUP BY s.tier")]


def stages(portfolio: Portfolio) -> dict[str, int]:
    return {stage: int(n) for stage, n in portfolio.query(
        "SELECT stage, COUNT(*) FROM customer_segments GROUP BY stage")}


def stage_moves(portfolio: Portfolio, month: str) -> list[tuple[str, str, int]]:
    """(from stage or 'NEW', to stage, customers) of `month` for the customers whose stage changed."""
    return [(a, b, int(n)) for a, b, n in portfolio.query(
        "SELECT from_stage, to_stage, count FROM stage_flow WHERE month = ? AND from_stage != to_stage "
        "ORDER BY count DESC, from_stage, to_stage", (month,))]


def tier_changes(portfolio: Portfolio, *, first: str, last: str) -> dict[str, int]:
    """{TierChange code: customers} with a tier_history row in months [first, last]."""
    return {change: int(n) for change, n in portfolio.query(
        "SELECT change, COUNT(DISTINCT customer_id) FROM tier_history WHERE month BETWEEN ? AND ? "
        "GROUP BY change", (first, last))}


def churn_bands(portfolio: Portfolio) -> tuple[str | None, list[tuple[str, int, float]]]:
    """(the scores' data date, [(band, customers, value at risk)]); (None, []) when never scored."""
    rows = portfolio.query("SELECT MAX(as_of) FROM churn_scores")
    if not rows or rows[0][0] is None:
        return None, []
    return rows[0][0], [(band, int(n), float(var)) for band, n, var in portfolio.query(
        "SELECT band, COUNT(*), SUM(value_at_risk) FROM churn_scores GROUP BY band")]


def contacts_by_tier(portfolio: Portfolio, *, month_start: str, month_end: str,
                     logged_until: str) -> list[tuple[str, int, int]]:
    """(tier, customers contacted in the month, customers due) for the tiers with an RM cadence.

    Contacted: a contact other than an unanswered call dated in the month. Due: contacted, or
    with a stored due date on or before the month's end (the stored due date of a customer
    contacted this month has already moved past it). Contacts are read up to `logged_until`,
    which is later than the month's end when the RM logs at the wall clock past the data date."""
    return [(tier, int(made), int(due)) for tier, made, due in portfolio.query(
        "SELECT s.tier, SUM(i.customer_id IS NOT NULL), "
        "SUM(i.customer_id IS NOT NULL OR (s.due_on IS NOT NULL AND s.due_on <= ?)) "
        "FROM customer_segments AS s LEFT JOIN ("
        "  SELECT DISTINCT customer_id FROM interactions "
        "  WHERE substr(occurred_at, 1, 10) BETWEEN ? AND ? AND outcome != ?) AS i USING (customer_id) "
        "WHERE s.contact_status IS NOT NULL AND s.contact_status != 'DIGITAL_ONLY' GROUP BY s.tier",
        (month_end, month_start, logged_until, ContactOutcome.NO_ANSWER.value))]


def recommendation_outcomes(portfolio: Portfolio, *, since: str, until: str) -> dict[str, int]:
    """{outcome: answers} recorded with a date in [since, until] (wall-clock dates)."""
    return {outcome: int(n) for outcome, n in portfolio.query(
        "SELECT outcome, COUNT(*) FROM recommendation_outcomes "
        "WHERE substr(at, 1, 10) BETWEEN ? AND ? GROUP BY outcome", (since, until))}


def open_tasks(portfolio: Portfolio, *, day: str) -> tuple[int, int]:
    """(open tasks, of them due before `day`)."""
    (n, overdue), = portfolio.query(
        "SELECT COUNT(*), COALESCE(SUM(due_on < ?), 0) FROM tasks WHERE status = 'OPEN'", (day,))
    return int(n), int(overdue)


def new_customers(portfolio: Portfolio, *, first: str, last: str) -> int:
    """Customers whose relationship opened in [first, last] (ISO dates)."""
    (n,), = portfolio.query("SELECT COUNT(*) FROM customers WHERE opened_on BETWEEN ? AND ?", (first, last))
    return int(n)


def decline_outcomes(portfolio: Portfolio, month: str) -> tuple[int, int]:
    """(customers in the decline stage at the month before's end, of them churned in `month`),
    from the stored stage flow."""
    (at_risk, churned), = portfolio.query(
        "SELECT COALESCE(SUM(count), 0), COALESCE(SUM(CASE WHEN to_stage = 'CHURNED' THEN count END), 0) "
        "FROM stage_flow WHERE month = ? AND from_stage = 'DECLINE'", (month,))
    return int(at_risk), int(churned)
