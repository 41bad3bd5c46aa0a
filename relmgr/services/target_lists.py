"""Target lists as the RM saves, counts and exports them (issue 17): the frame is built once per
portfolio (analytics/target_lists.py says why), the lists are saved by name in the portfolio.
Members are shown and exported masked; the export goes through services/export.py, audited."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import pandas as pd

from relmgr.analytics.target_lists import CriteriaProblem, TargetFrame, choices, parse_criteria, select
from relmgr.services.changes import Topic, writes
from relmgr.services.consent import declined_customers
from relmgr.services.customers import load_customer_list
from relmgr.storage import target_store
from relmgr.storage.portfolio import Portfolio

MAX_NAME_CHARS = 60
MEMBER_COLUMNS = ["customer_id", "name_masked", "phone_masked", "tier", "aum", "stage", "churn_band", "channel"]


DATED_FIELDS = {"txn_count_30d", "td_maturity_days"}     # counted back or forward from the data date


def dated_columns(portfolio: Portfolio, customer_ids: pd.Series) -> pd.DataFrame:
    """customer_id, txn_count_30d, td_maturity_days at the data date (both NaN without one).
    The 30-day count comes from the monthly activity aggregates (storage/activity_months.py:
    one or two months of day records), not from the transactions themselves."""
    from relmgr.services.data_date import as_of_or_none
    from relmgr.storage.activity_months import read_activity_months

    frame = pd.DataFrame({"customer_id": customer_ids.astype(str).to_numpy()})
    as_of = as_of_or_none(portfolio)
    if as_of is None:
        frame["txn_count_30d"] = frame["td_maturity_days"] = float("nan")
        return frame
    first = as_of - dt.timedelta(days=29)          # the 30 days up to and including the data date
    activity = read_activity_months(portfolio, since_month=first.strftime("%Y-%m"))
    epoch = dt.date(1970, 1, 1)
    days = activity["day"].to_numpy()
    inside = (days >= (first - epoch).days) & (days <= (as_of - epoch).days)
    counts = pd.Series(activity["n"].to_numpy()[inside]).groupby(
        activity["customer_id"].astype(str).to_numpy()[inside]).sum()
    frame["txn_count_30d"] = frame["customer_id"].map(counts).fillna(0).astype(float)
    maturing = target_store.read_maturity_days(portfolio, as_of=as_of.isoformat())
    frame["td_maturity_days"] = frame["customer_id"].map(
        pd.Series(maturing["td_maturity_days"].to_numpy(dtype=float), index=maturing["customer_id"].astype(str)))
    return frame


def build_target_frame(portfolio: Portfolio) -> TargetFrame:
    """One frame of every customer with the columns the criteria read (a read of a few
    queries; the counts after it are pure pandas)."""
    customers = load_customer_list(portfolio).rename(columns={"last_contact_on": "last_contact"})
    extra = target_store.read_target_columns(portfolio)
    customers = customers.merge(extra, on="customer_id", how="left")
    customers = customers.merge(dated_columns(portfolio, customers["customer_id"]), on="customer_id", how="left")
    return TargetFrame.build(customers, open_products=target_store.read_open_products(portfolio),
                             declined=declined_customers(portfolio))


def rule_tags(portfolio: Portfolio, customers: pd.DataFrame) -> dict[str, list[str]]:
    """customer_id -> the names of the rule tags (saved lists with "tag": true) that choose them,
    among every customer of `customers` (the Customers list's frame, imported tags as read: a
    rule over tags sees those, not other rules'). {} without rule tags, at the cost of one query."""
    rules = {name: criteria for name, criteria in saved_lists(portfolio).items() if criteria.get("tag")}
    if not rules:
        return {}
    # Only what the rules read: this runs at every read of the Customers list, and the open
    # products and the extra columns are a query each over the whole portfolio.
    used = {c["field"] for criteria in rules.values() for c in criteria["criteria"]}
    frame = customers.rename(columns={"last_contact_on": "last_contact"})
    frame = frame[[c for c in ("customer_id", "closed_on", "last_contact", *used) if c in frame.columns]].copy()
    if "tags" not in used:
        frame["tags"] = ""
    if used & {"channel", "cluster"}:
        frame = frame.merge(target_store.read_target_columns(portfolio), on="customer_id", how="left")
    if used & DATED_FIELDS:
        frame = frame.merge(dated_columns(portfolio, frame["customer_id"]), on="customer_id", how="left")
    open_products = (target_store.read_open_products(portfolio) if "products" in used
                     else pd.DataFrame({"customer_id": pd.Series(dtype=str), "product_id": pd.Series(dtype=str)}))
    target = TargetFrame.build(frame, open_products=open_products, declined=set())
    ids = target.customers["customer_id"].astype(str).to_numpy()
    tags: dict[str, list[str]] = {}
    for name in sorted(rules):
        for position in select(target, rules[name], marketing=False):
            tags.setdefault(ids[position], []).append(name)
    return tags


@dataclass(frozen=True)
class ListBuilderData:
    """What the list builder needs, read once on the database thread: the frame it counts on
    while the RM edits, the saved lists, the values each field offers, and the products'
    names ({product_id: {"name_zh", "name_en"}}) for the product choices, and the data date
    (None without data) that dates count back from."""

    target: TargetFrame
    saved: dict[str, dict[str, Any]]
    choices: dict[str, list[str]]
    products: dict[str, dict[str, str]]
    as_of: dt.date | None


def load_list_builder(portfolio: Portfolio) -> ListBuilderData:
    from relmgr.services.data_date import as_of_or_none
    from relmgr.storage.worklist_store import read_product_names

    target = build_target_frame(portfolio)
    names = {str(r["product_id"]): r for r in read_product_names(portfolio).to_dict("records")}
    return ListBuilderData(target, saved_lists(portfolio), choices(target), names, as_of_or_none(portfolio))


def count(target: TargetFrame, criteria: dict[str, Any] | str) -> int:
    """How many customers the criteria choose (CriteriaProblem for criteria that cannot be read)."""
    return len(select(target, parse_criteria(criteria)))


def members(target: TargetFrame, criteria: dict[str, Any]) -> pd.DataFrame:
    """The chosen customers (MEMBER_COLUMNS, name and phone masked), most AUM first."""
    rows = target.customers.iloc[select(target, criteria)]
    frame = rows.reindex(columns=MEMBER_COLUMNS)
    return frame.sort_values(["aum", "customer_id"], ascending=[False, True], kind="stable").reset_index(drop=True)


@writes(Topic.MARKETING)
def save_list(portfolio: Portfolio, *, name: str, criteria: dict[str, Any] | str) -> None:
    """Save (or replace) a list under `name`. ValueError for an empty or long name or criteria
    that cannot be read (CriteriaProblem): nothing is written then."""
    name = name.strip()
    if not name or len(name) > MAX_NAME_CHARS:
        raise ValueError(f"a list's name must have 1 to {MAX_NAME_CHARS} characters")
    parsed = parse_criteria(criteria)
    now = dt.datetime.now().replace(microsecond=0).isoformat()
    with portfolio.transaction():
        target_store.upsert_list(portfolio, name=name, criteria=json.dumps(parsed, ensure_ascii=False), now=now)


@writes(Topic.MARKETING)
def delete_list(portfolio: Portfolio, *, name: str) -> bool:
    with portfolio.transaction():
        return target_store.delete_list(portfolio, name=name) > 0


def saved_lists(portfolio: Portfolio) -> dict[str, dict[str, Any]]:
    """name -> criteria of every saved list (a stored list that no longer parses is left out)."""
    lists = {}
    for name, text, _, _ in target_store.read_lists(portfolio):
        try:
            lists[name] = parse_criteria(text)
        except CriteriaProblem:
            continue
    return lists


def lists_json(portfolio: Portfolio, *, name: str | None = None) -> dict[str, Any]:
    """`relmgr lists --json`: each saved list (or only `name`) with its criteria, count and
    members, names and phones masked. KeyError for an unknown name."""
    lists = saved_lists(portfolio)
    if name is not None:
        if name not in lists:
            raise KeyError(name)
        lists = {name: lists[name]}
    target = build_target_frame(portfolio)
    payload = []
    for list_name, criteria in lists.items():
        chosen = members(target, criteria)
        payload.append({"name": list_name, "criteria": criteria, "count": len(chosen), "members": [
            {"customer_id": str(r.customer_id), "name": r.name_masked, "phone": r.phone_masked,
             "tier": None if pd.isna(r.tier) else r.tier, "aum": round(float(r.aum), 2)}
            for r in chosen.itertuples(index=False)]})
    return {"lists": payload}


TARGET_PREFIX = "target:"      # services/export.py's name for a saved target list: "target:NAME"


def target_list_title(name: str, *, language: str) -> str:
    return f"目标客户：{name}" if language.startswith("zh") else f"Target list: {name}"


def target_list_rows(portfolio: Portfolio, *, name: str, language: str) -> pd.DataFrame:
    """A saved list's members as exported (UNMASKED: services/export.py masks them unless the
    RM explicitly exports unmasked). KeyError for an unknown list."""
    from relmgr.services.wording import segments
    from relmgr.storage import worklist_store

    lists = saved_lists(portfolio)
    if name not in lists:
        raise KeyError(name)
    chosen = members(build_target_frame(portfolio), lists[name])
    people = worklist_store.read_customer_contact_fields(portfolio, chosen["customer_id"])
    chosen = chosen.merge(people[["customer_id", "name", "phone"]], on="customer_id", how="left")
    return pd.DataFrame({
        "customer_id": chosen["customer_id"], "name": chosen["name"], "phone": chosen["phone"],
        "tier": [segments.tier(t, language=language) if isinstance(t, str) else "" for t in chosen["tier"]],
        "aum": chosen["aum"].round(2),
    }).reset_index(drop=True)
