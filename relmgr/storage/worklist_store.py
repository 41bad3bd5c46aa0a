"""SQL of the follow-up side of a portfolio (issue 7): the RM's marks on the Today worklist
(dismissed, snoozed, pinned positions), the contact log (`interactions`), tasks, and the reads
the worklist and the follow-up lists are assembled from.

Optional tables written by other parts of the app (churn scores, recommendations and their
outcomes) may be missing from a portfolio; `table_columns` lets services decide what to read.
Writes here do not open transactions of their own unless documented: callers group them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import pandas as pd

from relmgr.storage.portfolio import Portfolio

DISMISSED = "DISMISSED"
SNOOZED = "SNOOZED"
# SQLite's default limit on host parameters is 999 in old builds; stay well below it.
_CHUNK = 900


def _now() -> str:
    return dt.datetime.now().replace(microsecond=0).isoformat()


# -- schema introspection ---------------------------------------------------------------------
def table_columns(portfolio: Portfolio, table: str) -> list[str]:
    """Column names of `table`, or [] when the portfolio has no such table."""
    exists = portfolio.query(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,))
    if not exists:
        return []
    # PRAGMA cannot take a bound parameter; `table` was just confirmed to be a real table name.
    return [row[1] for row in portfolio.query(f'PRAGMA table_info("{table}")')]


# -- worklist marks ---------------------------------------------------------------------------
def hidden_customers(portfolio: Portfolio, *, day: dt.date) -> set[str]:
    """Customers dismissed for `day`, or snoozed over it."""
    iso = day.isoformat()
    rows = portfolio.query(
        "SELECT customer_id FROM worklist_marks "
        "WHERE (action = ? AND day = ?) OR (action = ? AND day <= ? AND until > ?)",
        (DISMISSED, iso, SNOOZED, iso, iso))
    return {row[0] for row in rows}


def read_marks(portfolio: Portfolio, *, day: dt.date) -> pd.DataFrame:
    """The marks in force on `day` (customer_id, day, action, until, marked_at), for an
    'hidden today' view from which the RM can bring a customer back."""
    iso = day.isoformat()
    return portfolio.read_frame(
        "SELECT customer_id, day, action, until, marked_at FROM worklist_marks "
        "WHERE (action = ? AND day = ?) OR (action = ? AND day <= ? AND until > ?) "
        "ORDER BY marked_at, customer_id", (DISMISSED, iso, SNOOZED, iso, iso))


def put_mark(portfolio: Portfolio, *, customer_id: str, day: dt.date, action: str,
             until: dt.date | None) -> None:
    portfolio.conn.execute(
        "INSERT INTO worklist_marks (customer_id, day, action, until, marked_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (customer_id, day) DO UPDATE SET "
        "action = excluded.action, until = excluded.until, marked_at = excluded.marked_at",
        (customer_id, day.isoformat(), action, until.isoformat() if until else None, _now()))


def delete_marks(portfolio: Portfolio, *, customer_id: str, day: dt.date) -> int:
    """Remove every mark that hides `customer_id` on `day`; returns how many."""
    iso = day.isoformat()
    cursor = portfolio.conn.execute(
        "DELETE FROM worklist_marks WHERE customer_id = ? AND "
        "((action = ? AND day = ?) OR (action = ? AND day <= ? AND until > ?))",
        (customer_id, DISMISSED, iso, SNOOZED, iso, iso))
    return cursor.rowcount


def pinned_positions(portfolio: Portfolio, *, day: dt.date) -> dict[str, int]:
    rows = portfolio.query(
        "SELECT customer_id, position FROM worklist_positions WHERE day = ?", (day.isoformat(),))
    return {customer_id: int(position) for customer_id, position in rows}


def put_position(portfolio: Portfolio, *, customer_id: str, day: dt.date, position: int) -> None:
    portfolio.conn.execute(
        "INSERT INTO worklist_positions (day, customer_id, position) VALUES (?, ?, ?) "
        "ON CONFLICT (day, customer_id) DO UPDATE SET position = excluded.position",
        (day.isoformat(), customer_id, int(position)))


def delete_positions(portfolio: Portfolio, *, day: dt.date, customer_id: str | None = None) -> int:
    if customer_id is None:
        cursor = portfolio.conn.execute(
            "DELETE FROM worklist_positions WHERE day = ?", (day.isoformat(),))
    else:
        cursor = portfolio.conn.execute(
            "DELETE FROM worklist_positions WHERE day = ? AND customer_id = ?",
            (day.isoformat(), customer_id))
    return cursor.rowcount


# -- worklist inputs --------------------------------------------------------------------------
def read_customer_dates(portfolio: Portfolio) -> pd.DataFrame:
    """customer_id, birth_date, opened_on, closed_on of every customer (no names: the worklist
    looks names up for the customers it lists only)."""
    return portfolio.read_frame(
        "SELECT customer_id, birth_date, opened_on, closed_on FROM customers")


def read_segment_tiers(portfolio: Portfolio) -> pd.DataFrame:
    """customer_id, tier from the last segmentation refresh (empty when never refreshed)."""
    if not table_columns(portfolio, "customer_segments"):
        return pd.DataFrame({"customer_id": pd.Series(dtype="str"), "tier": pd.Series(dtype="str")})
    return portfolio.read_frame("SELECT customer_id, tier FROM customer_segments")


def read_summary_aum(portfolio: Portfolio) -> pd.DataFrame:
    """customer_id, aum, last_contact_on from the derived customer summary."""
    return portfolio.read_frame("SELECT customer_id, aum, last_contact_on FROM customer_summary")


def read_last_contacts(portfolio: Portfolio, *, excluding_outcome: str) -> pd.DataFrame:
    """Per customer the latest logged contact whose outcome is not `excluding_outcome`
    (customer_id, outcome, occurred_at), shaped as analytics.tiers.contact_due expects."""
    return portfolio.read_frame(
        "SELECT customer_id, 'REACHED' AS outcome, MAX(occurred_at) AS occurred_at "
        "FROM interactions WHERE outcome != ? GROUP BY customer_id", (excluding_outcome,))


def read_maturing_holdings(portfolio: Portfolio, *, first: dt.date, last: dt.date,
                           closed_status: str) -> pd.DataFrame:
    """Holdings not closed whose maturity date lies in [first, last], with their product."""
    return portfolio.read_frame(
        "SELECT h.customer_id, h.holding_id, h.product_id, p.family, h.maturity_on, h.balance "
        "FROM holdings AS h JOIN products AS p USING (product_id) "
        "WHERE h.maturity_on BETWEEN ? AND ? AND h.status != ? "
        "ORDER BY h.customer_id, h.maturity_on",
        (first.isoformat(), last.isoformat(), closed_status))


def read_customer_contact_fields(portfolio: Portfolio, customer_ids: Iterable[str]) -> pd.DataFrame:
    """customer_id, name, phone, id_number for the given customers (order not kept)."""
    ids = list(dict.fromkeys(customer_ids))
    frames = [portfolio.read_frame(
        "SELECT customer_id, name, phone, id_number FROM customers WHERE customer_id IN "
        f"({', '.join('?' * len(chunk))})", chunk)
        for chunk in (ids[i:i + _CHUNK] for i in range(0, len(ids), _CHUNK))]
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype="str")
                             for c in ("customer_id", "name", "phone", "id_number")})
    return pd.concat(frames, ignore_index=True)


def read_columns(portfolio: Portfolio, table: str, columns: Sequence[str],
                 where: str = "", params: Sequence[object] = ()) -> pd.DataFrame:
    """`columns` of an optional table; callers check `table_columns` first. Names come from
    the table's own column list, never from user input."""
    known = set(table_columns(portfolio, table))
    missing = [c for c in columns if c not in known]
    if missing:
        raise KeyError(f"table {table} has no column(s) {', '.join(missing)}")
    quoted = ", ".join(f'"{c}"' for c in columns)
    return portfolio.read_frame(f'SELECT {quoted} FROM "{table}" {where}', params)


# -- contact log ------------------------------------------------------------------------------
def customer_exists(portfolio: Portfolio, customer_id: str) -> bool:
    return bool(portfolio.query("SELECT 1 FROM customers WHERE customer_id = ?", (customer_id,)))


def insert_interaction(portfolio: Portfolio, *, customer_id: str, occurred_at: str, channel: str,
                       purpose: str, outcome: str, note: str) -> int:
    """Add one contact and keep customer_summary.last_contact_on (the latest logged contact
    of any outcome, as rebuild_customer_summary computes it) in step. Call in a transaction."""
    cursor = portfolio.conn.execute(
        "INSERT INTO interactions (customer_id, occurred_at, channel, purpose, outcome, note) "
        "VALUES (?, ?, ?, ?, ?, ?)", (customer_id, occurred_at, channel, purpose, outcome, note))
    portfolio.conn.execute(
        "UPDATE customer_summary SET last_contact_on = ? WHERE customer_id = ? "
        "AND (last_contact_on IS NULL OR last_contact_on < ?)",
        (occurred_at[:10], customer_id, occurred_at[:10]))
    return int(cursor.lastrowid)


def read_interaction(portfolio: Portfolio, *, interaction_id: int) -> dict[str, object] | None:
    rows = portfolio.query("SELECT interaction_id, customer_id, occurred_at FROM interactions "
                           "WHERE interaction_id = ?", (int(interaction_id),))
    return dict(zip(("interaction_id", "customer_id", "occurred_at"), rows[0], strict=True)) if rows else None


def _read_by_ids(portfolio: Portfolio, table: str, key: str, columns: Sequence[str],
                 ids: Iterable[int]) -> pd.DataFrame:
    """`columns` of the rows of `table` whose `key` is one of `ids` (order not kept), read in
    chunks: SQLite caps the parameters of one statement."""
    ids = list(dict.fromkeys(int(i) for i in ids))
    frames = [portfolio.read_frame(f"SELECT {', '.join(columns)} FROM {table} WHERE {key} IN "
                                   f"({', '.join('?' * len(chunk))})", chunk)
              for chunk in (ids[i:i + _CHUNK] for i in range(0, len(ids), _CHUNK))]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=list(columns))


def read_interactions_by_id(portfolio: Portfolio, interaction_ids: Iterable[int]) -> pd.DataFrame:
    """interaction_id, customer_id, occurred_at of the given contacts that exist."""
    return _read_by_ids(portfolio, "interactions", "interaction_id",
                        ("interaction_id", "customer_id", "occurred_at"), interaction_ids)


def delete_interaction(portfolio: Portfolio, *, interaction_id: int, customer_id: str) -> None:
    """Remove one contact and set customer_summary.last_contact_on back to the latest contact
    left (NULL when none is). Call in a transaction."""
    portfolio.conn.execute("DELETE FROM interactions WHERE interaction_id = ?", (int(interaction_id),))
    portfolio.conn.execute(
        "UPDATE customer_summary SET last_contact_on = (SELECT substr(MAX(occurred_at), 1, 10) "
        "FROM interactions WHERE customer_id = ?) WHERE customer_id = ?", (customer_id, customer_id))


def read_contacts_since(portfolio: Portfolio, *, day: dt.date) -> pd.DataFrame:
    """customer_id, interaction_id, occurred_at of each customer's latest contact logged on or
    after `day` (any outcome)."""
    frame = portfolio.read_frame(
        "SELECT customer_id, interaction_id, occurred_at FROM interactions WHERE occurred_at >= ? "
        "ORDER BY customer_id, occurred_at, interaction_id", (day.isoformat(),))
    return frame.drop_duplicates("customer_id", keep="last").reset_index(drop=True)


def read_interactions(portfolio: Portfolio, *, customer_id: str) -> pd.DataFrame:
    return portfolio.read_frame(
        "SELECT interaction_id, customer_id, occurred_at, channel, purpose, outcome, note "
        "FROM interactions WHERE customer_id = ? ORDER BY occurred_at DESC, interaction_id DESC",
        (customer_id,))


# -- tasks ------------------------------------------------------------------------------------
TASK_COLUMNS = ["task_id", "customer_id", "title", "due_on", "status", "created_at", "done_at",
                "note"]


def insert_task(portfolio: Portfolio, *, customer_id: str | None, title: str, due_on: str,
                status: str, created_at: str, note: str) -> int:
    cursor = portfolio.conn.execute(
        "INSERT INTO tasks (customer_id, title, due_on, status, created_at, note) "
        "VALUES (?, ?, ?, ?, ?, ?)", (customer_id, title, due_on, status, created_at, note))
    return int(cursor.lastrowid)


def read_task(portfolio: Portfolio, *, task_id: int) -> dict[str, object] | None:
    rows = portfolio.query(f"SELECT {', '.join(TASK_COLUMNS)} FROM tasks WHERE task_id = ?",
                           (int(task_id),))
    return dict(zip(TASK_COLUMNS, rows[0], strict=True)) if rows else None


def read_tasks_by_id(portfolio: Portfolio, task_ids: Iterable[int]) -> pd.DataFrame:
    """task_id, customer_id, status of the given tasks that exist."""
    return _read_by_ids(portfolio, "tasks", "task_id", ("task_id", "customer_id", "status"), task_ids)


def delete_task(portfolio: Portfolio, *, task_id: int) -> None:
    """Remove a task (a bulk creation taken back). Call in a transaction."""
    portfolio.conn.execute("DELETE FROM tasks WHERE task_id = ?", (int(task_id),))


def set_task_status(portfolio: Portfolio, *, task_id: int, status: str, done_at: str | None) -> None:
    portfolio.conn.execute("UPDATE tasks SET status = ?, done_at = ? WHERE task_id = ?",
                           (status, done_at, int(task_id)))


def read_tasks(portfolio: Portfolio, *, status: str | None = None, customer_id: str | None = None,
               due_until: dt.date | None = None) -> pd.DataFrame:
    """Tasks filtered by status, customer and latest due date, oldest due first."""
    clauses, params = [], []
    if status is not None:
        clauses.append("status = ?")
        params.append(status)
    if customer_id is not None:
        clauses.append("customer_id = ?")
        params.append(customer_id)
    if due_until is not None:
        clauses.append("due_on <= ?")
        params.append(due_until.isoformat())
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    return portfolio.read_frame(
        f"SELECT {', '.join(TASK_COLUMNS)} FROM tasks {where} ORDER BY due_on, task_id", params)


# -- optional tables of other parts of the app ------------------------------------------------
def read_accepted_recommendations(portfolio: Portfolio, *, date_column: str, accepted: str,
                                  since: dt.date) -> pd.DataFrame:
    """Accepted recommendation outcomes dated on or after `since` (customer_id, product_id,
    accepted_on) with `fulfilled` = 1 when the customer has since opened a holding of that
    product. `date_column` must come from `table_columns(portfolio, 'recommendation_outcomes')`."""
    if date_column not in table_columns(portfolio, "recommendation_outcomes"):
        raise KeyError(f"recommendation_outcomes has no column {date_column}")
    return portfolio.read_frame(
        f'SELECT r.customer_id, r.product_id, substr(r."{date_column}", 1, 10) AS accepted_on, '
        "EXISTS (SELECT 1 FROM holdings AS h WHERE h.customer_id = r.customer_id "
        f'AND h.product_id = r.product_id AND h.opened_on >= substr(r."{date_column}", 1, 10)) '
        "AS fulfilled "
        "FROM recommendation_outcomes AS r WHERE r.outcome = ? "
        f'AND substr(r."{date_column}", 1, 10) >= ?',
        (accepted, since.isoformat()))


def read_latest_churn_actions(portfolio: Portfolio) -> pd.DataFrame:
    """The RM's last action on each churn warning (customer_id, action, until, band); empty
    when the portfolio has no churn_actions table."""
    if not table_columns(portfolio, "churn_actions"):
        return pd.DataFrame({c: pd.Series(dtype="str") for c in ("customer_id", "action", "until", "band")})
    return portfolio.read_frame(
        "SELECT a.customer_id, a.action, a.until, a.band FROM churn_actions AS a "
        "JOIN (SELECT customer_id, MAX(action_id) AS action_id FROM churn_actions "
        "GROUP BY customer_id) AS last USING (customer_id, action_id)")


def read_product_names(portfolio: Portfolio) -> pd.DataFrame:
    return portfolio.read_frame("SELECT product_id, name_zh, name_en FROM products")
