"""Target lists (目标客户, issue 17): customers chosen by criteria combined with AND or OR.

Pure pandas over one frame per portfolio (`TargetFrame`: one row per customer, plus which open
products each holds and which tags each carries, as boolean masks made once), so a count while
the RM edits the criteria is a few vectorised comparisons, never a query per criterion.

A list is `{"combine": "AND" | "OR", "criteria": [criterion, ...]}`; a criterion is
`{"field": F, "op": O, "value": V}`:

- codes, `op` "in" with a list: tier, rfm_segment, cluster, stage, churn_band, channel
  (preferred channel), city, risk_rating;
- numbers, `op` "between" with [low, high] (either may be null: open-ended): age, aum,
  txn_count_90d (the customer's transactions in the 90 days to the data date), txn_count_30d
  (customer-initiated transactions in the 30 days to the data date: "≥ N" is [N, null]),
  td_maturity_days (days until the soonest open time deposit or large CD matures: "maturing
  within N days" is [0, N]; null for a customer without one, so no range chooses them);
- products, `op` "holds" or "not_holds" with a list of product ids (any of them);
- `last_contact`, `op` "before" or "after" with an ISO date (never contacted counts as before);
- `tags`, `op` "any" with a list of tags.

Customers who declined marketing, and closed ones, are never on a target list, whatever the
criteria (`eligible`): a target list is for marketing.

A saved list may also be a rule tag (`"tag": true`): every customer its criteria choose carries
the list's name as a tag, whether or not they may be marketed to (a tag says what a customer is,
not whom to call), recomputed whenever the customers are read (services/customers.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

CODE_FIELDS = ("tier", "rfm_segment", "cluster", "stage", "churn_band", "channel", "city", "risk_rating")
NUMBER_FIELDS = ("age", "aum", "txn_count_90d", "txn_count_30d", "td_maturity_days")
FIELDS = CODE_FIELDS + NUMBER_FIELDS + ("products", "last_contact", "tags")
OPS = {**{f: ("in",) for f in CODE_FIELDS}, **{f: ("between",) for f in NUMBER_FIELDS},
        "products": ("holds", "not_holds"), "last_contact": ("before", "after"), "tags": ("any",)}


class CriteriaProblem(ValueError):
    """A list's criteria that cannot be read: one sentence naming the criterion."""


@dataclass(frozen=True)
class TargetFrame:
    """`customers`: customer_id plus the FIELDS columns (last_contact as ISO text or None);
    `holds[product_id]` and `tagged[tag]`: boolean masks aligned with its rows; `eligible`:
    may be marketed to at all (open, not declined)."""

    customers: pd.DataFrame
    holds: dict[str, np.ndarray]
    tagged: dict[str, np.ndarray]
    eligible: np.ndarray
    # The criteria's columns made once, in the form each comparison wants (codes as text
    # Series, numbers as floats, dates as text with "" for never), so a count converts nothing.
    columns: dict[str, Any]

    @classmethod
    def build(cls, customers: pd.DataFrame, *, open_products: pd.DataFrame, declined: set[str]) -> TargetFrame:
        """`customers` with customer_id, the code and number columns, last_contact, tags (';'-separated
        text), closed_on; `open_products`: customer_id, product_id of the open holdings."""
        frame = customers.reset_index(drop=True)
        position = pd.Series(np.arange(len(frame)), index=frame["customer_id"].astype(str))
        holds = {}
        rows = position.reindex(open_products["customer_id"].astype(str)).to_numpy()
        for product, group in pd.Series(rows).groupby(open_products["product_id"].astype(str).to_numpy()):
            mask = np.zeros(len(frame), dtype=bool)
            mask[group.dropna().astype(int).to_numpy()] = True
            holds[str(product)] = mask
        tags = frame["tags"].fillna("").astype(str)
        # Split only the customers who have tags (most have none, and a rule tag that reads no
        # tags passes none at all).
        tags = tags[tags != ""].str.split(";").explode().str.strip()
        tags = tags[tags != ""]
        tagged = {}
        for tag, group in pd.Series(tags.index.to_numpy()).groupby(tags.to_numpy()):
            mask = np.zeros(len(frame), dtype=bool)
            mask[group.to_numpy()] = True
            tagged[str(tag)] = mask
        eligible = frame["closed_on"].isna().to_numpy() & ~frame["customer_id"].astype(str).isin(declined).to_numpy()
        columns: dict[str, Any] = {}
        for field in CODE_FIELDS:
            if field not in frame:
                columns[field] = pd.Series([""] * len(frame), dtype=object)
                continue
            values = frame[field]
            text = (values.map(_code_text) if pd.api.types.is_float_dtype(values)
                    else np.where(values.isna(), "", values.astype(str)))
            columns[field] = pd.Series(text, dtype=object).reset_index(drop=True)
        for field in NUMBER_FIELDS:
            values = frame[field] if field in frame else pd.Series([np.nan] * len(frame))
            columns[field] = pd.to_numeric(values, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        columns["last_contact"] = frame["last_contact"].fillna("").astype(str).to_numpy(dtype=object)
        return cls(frame, holds, tagged, eligible, columns)


def _code_text(value: float) -> str:
    # A cluster number merged next to customers without one arrives as a float (1.0): it is
    # the code "1", as the RM and `relmgr lists` write it.
    if np.isnan(value):
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def choices(target: TargetFrame) -> dict[str, list[str]]:
    """The values a list builder offers per field: the codes present among the customers who
    may be marketed to (sorted), the products someone holds, the tags someone carries."""
    offered = {field: sorted({v for v in target.columns[field][target.eligible] if v})
               for field in CODE_FIELDS}
    offered["products"] = sorted(target.holds)
    offered["tags"] = sorted(target.tagged)
    return offered


def parse_criteria(text: str | dict[str, Any]) -> dict[str, Any]:
    """A list's criteria, checked; CriteriaProblem otherwise."""
    try:
        spec = json.loads(text) if isinstance(text, str) else text
    except json.JSONDecodeError:
        raise CriteriaProblem("the criteria are not valid JSON") from None
    if not isinstance(spec, dict) or spec.get("combine", "AND") not in ("AND", "OR") \
            or not isinstance(spec.get("criteria"), list):
        raise CriteriaProblem('the criteria must be {"combine": "AND" or "OR", "criteria": [...]}')
    for i, criterion in enumerate(spec["criteria"], start=1):
        field, op = (criterion.get("field"), criterion.get("op")) if isinstance(criterion, dict) else (None, None)
        if field not in OPS:
            raise CriteriaProblem(f"criterion {i}: unknown field {field!r} (one of {', '.join(FIELDS)})")
        if op not in OPS[field]:
            raise CriteriaProblem(f"criterion {i} ({field}): the operation must be {' or '.join(OPS[field])}")
        value = criterion.get("value")
        if field in NUMBER_FIELDS:
            if not (isinstance(value, list) and len(value) == 2
                    and all(v is None or isinstance(v, int | float) for v in value)):
                raise CriteriaProblem(f"criterion {i} ({field}): the value must be [low, high], null for open")
        elif field == "last_contact":
            if not isinstance(value, str) or len(value) != 10:
                raise CriteriaProblem(f"criterion {i} (last_contact): the value must be a date YYYY-MM-DD")
        elif not isinstance(value, list):
            raise CriteriaProblem(f"criterion {i} ({field}): the value must be a list")
    if not isinstance(spec.get("tag", False), bool):
        raise CriteriaProblem('"tag" must be true or false')
    parsed = {"combine": spec.get("combine", "AND"), "criteria": spec["criteria"]}
    if spec.get("tag"):
        parsed["tag"] = True
    return parsed


def _mask(target: TargetFrame, criterion: dict[str, Any]) -> np.ndarray:
    field, op, value = criterion["field"], criterion["op"], criterion["value"]
    n = len(target.customers)
    if field in CODE_FIELDS:
        return target.columns[field].isin([str(v) for v in value]).to_numpy(dtype=bool)
    if field in NUMBER_FIELDS:
        column = target.columns[field]
        low, high = value
        mask = ~np.isnan(column)
        if low is not None:
            mask &= column >= low
        if high is not None:
            mask &= column <= high
        return mask
    if field == "products":
        held = np.zeros(n, dtype=bool)
        for product in value:
            held |= target.holds.get(str(product), np.zeros(n, dtype=bool))
        return held if op == "holds" else ~held
    if field == "last_contact":
        last = target.columns["last_contact"]
        return last < value if op == "before" else last > value
    any_tag = np.zeros(n, dtype=bool)
    for tag in value:
        any_tag |= target.tagged.get(str(tag), np.zeros(n, dtype=bool))
    return any_tag


def select(target: TargetFrame, criteria: dict[str, Any], *, marketing: bool = True) -> np.ndarray:
    """Row positions of the customers the (parsed) criteria choose, in frame order. No
    criterion chooses every eligible customer. `marketing=False` (rule tags) chooses among
    every customer, those who may not be marketed to too."""
    masks = [_mask(target, c) for c in criteria["criteria"]]
    if not masks:
        chosen = np.ones(len(target.customers), dtype=bool)
    elif criteria["combine"] == "AND":
        chosen = np.logical_and.reduce(masks)
    else:
        chosen = np.logical_or.reduce(masks)
    return np.flatnonzero(chosen & target.eligible if marketing else chosen)
