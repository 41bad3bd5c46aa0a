"""The Customers page's use cases: the list with masked columns, search-as-you-type, the
customer 360 view, and the audited reveal of a full ID number or phone.

The list keeps only what the screen and the search need. Full ID numbers and phones are not
kept in memory at all: the list holds their masked forms and last four digits, and a reveal
reads the one value from the database and records that it did.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from relmgr.domain.codes import AuditAction
from relmgr.domain.pii import mask_id_number, mask_name, mask_phone
from relmgr.services import audit, data_date
from relmgr.storage import Portfolio
from relmgr.storage import customers as queries
from relmgr.services.changes import Topic, writes

DORMANT_AFTER_DAYS = 180            # no customer-initiated transaction for this long: dormant
RECENT_TRANSACTIONS = 30
RECENT_CONTACTS = 30

_DIGITS = re.compile(r"^[0-9Xx]+$")
_CUSTOMER_ID = re.compile(r"^[Cc]\d+$")


def days_since(dates: pd.Series, *, as_of: dt.date | None) -> pd.Series:
    """Whole days from each date (YYYY-MM-DD…, or missing) to the data date `as_of`; a date after
    it (a contact logged in the app on a portfolio whose data is older) counts as on it: 0."""
    day = pd.to_datetime(dates.astype(object).where(dates.notna(), None).str.slice(0, 10),
                         format="%Y-%m-%d", errors="coerce")
    days = (pd.Timestamp(as_of) - day).dt.days if as_of else pd.Series(pd.NA, index=dates.index)
    return days.clip(lower=0).astype("Int64")


def _int_or_none(value: object) -> int | None:
    return None if value is None or value is pd.NA else int(value)


def load_customer_list(portfolio: Portfolio) -> pd.DataFrame:
    """Every customer, ready for the table: masked identity columns, search keys (the full name
    and the last four digits of ID and phone), age, status and summary figures; age, status
    (dormant) and days_since_contact are counted from the data date (services.data_date)."""
    raw = queries.read_customer_list(portfolio)
    as_of = data_date.as_of_or_none(portfolio)     # None only without data, so without customers
    id_numbers, phones = raw.pop("id_number"), raw.pop("phone")
    frame = raw
    frame["name_masked"] = [mask_name(n) for n in frame["name"]]
    frame["id_masked"] = [mask_id_number(i) for i in id_numbers]
    frame["phone_masked"] = [mask_phone(p) for p in phones]
    frame["id_tail"] = id_numbers.str[-4:].str.upper()
    frame["phone_tail"] = phones.str[-4:]
    birth = pd.to_datetime(frame["birth_date"], errors="coerce")
    frame["age"] = ((pd.Timestamp(as_of) - birth).dt.days // 365.25).astype("Int64")
    for column in ("aum", "liabilities"):
        frame[column] = frame[column].fillna(0.0).astype(float)
    frame["product_count"] = frame["product_count"].fillna(0).astype(int)
    frame["days_since_contact"] = days_since(frame["last_contact_on"], as_of=as_of)
    dormant_since = (as_of - dt.timedelta(days=DORMANT_AFTER_DAYS)).isoformat() if as_of else ""
    last = frame["last_txn_on"].fillna("")
    frame["status"] = np.where(frame["closed_on"].notna(), "CLOSED",
                               np.where(last < dormant_since, "DORMANT", "ACTIVE"))
    for column in FILTER_COLUMNS:
        if column not in frame:
            frame[column] = None
    # The imported tags, then those of the rule tags (saved target lists marked as tags), worked
    # out again at every read so they follow each import and refresh. Imported here: target
    # lists read this list.
    from relmgr.services.target_lists import rule_tags

    frame["tags"] = tag_texts(frame["tags"])
    ruled = rule_tags(portfolio, frame)
    if ruled:
        tags, ids = frame["tags"].to_numpy(dtype=object), frame["customer_id"].to_numpy(dtype=object)
        for row in np.flatnonzero(frame["customer_id"].isin(ruled).to_numpy()):
            tags[row] = tag_text(";".join([tags[row], *ruled[ids[row]]]))
        frame["tags"] = tags
    return frame


TAG_SEPARATOR = "; "


def tag_text(tags: str | None) -> str:
    """The customer's tags as the table shows them: the export's ';'-separated text, each tag
    once, in its order, "; " between them ("" for none)."""
    seen: dict[str, None] = {}
    for tag in (tags or "").split(";"):
        if tag.strip():
            seen.setdefault(tag.strip(), None)
    return TAG_SEPARATOR.join(seen)


def tag_texts(tags: pd.Series) -> pd.Series:
    """tag_text of each, without a Python call for the usual cases (no tag, or one clean tag):
    at branch scale that is most customers, and the list is read at every change."""
    text = tags.fillna("").astype(str)
    messy = (text.str.contains(";", regex=False) | (text != text.str.strip())).to_numpy()
    if messy.any():
        text = text.copy()
        text[messy] = [tag_text(t) for t in text[messy]]
    return text


def tag_choices(frame: pd.DataFrame) -> list[str]:
    """Every tag some customer in the list carries, sorted."""
    found = {t for text in frame["tags"] if text for t in text.split(TAG_SEPARATOR)}
    return sorted(found)


def filter_customers(frame: pd.DataFrame, text: str) -> np.ndarray:
    """Row positions matching what the RM typed, in frame order.

    Digits (and X) match the last four digits of the ID number or the phone; a longer run of
    digits matches the end of them. 'C…' matches customer numbers. Anything else matches the
    full name (so typing 张伟 finds 张伟 and 张伟明, shown masked)."""
    text = text.strip()
    if not text:
        return np.arange(len(frame))
    if _DIGITS.match(text):
        needle = text.upper()
        if len(needle) <= 4:
            mask = (frame["id_tail"].str.contains(needle, regex=False)
                    | frame["phone_tail"].str.contains(needle, regex=False))
        else:
            tail = needle[-4:]
            mask = (frame["id_tail"] == tail) | (frame["phone_tail"] == tail)
    elif _CUSTOMER_ID.match(text):
        mask = frame["customer_id"].str.startswith(text.upper())
    else:
        mask = frame["name"].str.contains(text, regex=False)
    return np.flatnonzero(mask.to_numpy(dtype=bool, na_value=False))


#: The list's columns the page filters on beside the search (codes; None: not computed).
FILTER_COLUMNS = ("tier", "stage", "rfm_segment", "churn_band")


def filter_by_codes(frame: pd.DataFrame, chosen: Mapping[str, str | None]) -> np.ndarray:
    """A boolean mask of the rows whose code in each FILTER_COLUMNS column named in `chosen` is
    the one chosen (None: any, also none); "tags" chooses the customers carrying that tag."""
    mask = np.ones(len(frame), dtype=bool)
    for column, code in chosen.items():
        if column not in (*FILTER_COLUMNS, "tags"):
            raise ValueError(f"not a filter column: {column}")
        if code is None:
            continue
        if column == "tags":
            padded = TAG_SEPARATOR + frame["tags"].fillna("") + TAG_SEPARATOR
            mask &= padded.str.contains(TAG_SEPARATOR + code + TAG_SEPARATOR, regex=False).to_numpy(dtype=bool)
        else:
            mask &= (frame[column] == code).to_numpy(dtype=bool, na_value=False)
    return mask


@dataclass(frozen=True)
class Customer360:
    customer_id: str
    profile: dict                    # masked identity and profile fields
    segment: dict | None             # tier, RFM segment, stage and their reasons, when computed
    holdings: pd.DataFrame
    monthly: pd.DataFrame            # month, aum_avg, aum_end, digital_logins
    transactions: pd.DataFrame       # most recent first
    contacts: pd.DataFrame           # most recent first
    as_of: dt.date


def load_customer_360(portfolio: Portfolio, customer_id: str) -> Customer360:
    row = queries.read_customer(portfolio, customer_id)
    if row is None:
        raise KeyError(f"no customer {customer_id}")
    as_of = data_date.as_of(portfolio)
    birth = dt.date.fromisoformat(row["birth_date"])
    assessed = row.get("risk_assessed_on")
    profile = {
        "customer_id": customer_id,
        "name_masked": mask_name(row["name"]),
        "id_masked": mask_id_number(row["id_number"]),
        "phone_masked": mask_phone(row["phone"]),
        "gender": row["gender"],
        "age": (as_of - birth).days // 365.25,
        "city": row["city"],
        "occupation": row["occupation"],
        "risk_rating": row["risk_rating"],
        "risk_assessed_on": assessed,
        "risk_assessment_expired": bool(assessed) and
        dt.date.fromisoformat(assessed) < as_of - dt.timedelta(days=365),
        "preferred_channel": row["preferred_channel"],
        "opened_on": row["opened_on"],
        "closed_on": row["closed_on"],
        "aum": row["aum"] or 0.0,
        "liabilities": row["liabilities"] or 0.0,
        "product_count": row["product_count"] or 0,
        "last_txn_on": row["last_txn_on"],
        "last_contact_on": row["last_contact_on"],
        "days_since_contact": _int_or_none(days_since(pd.Series([row["last_contact_on"]], dtype=object),
                                                      as_of=as_of)[0]),
    }
    return Customer360(
        customer_id=customer_id,
        profile=profile,
        segment=queries.read_segment_row(portfolio, customer_id),
        holdings=queries.read_holdings(portfolio, customer_id),
        monthly=queries.read_monthly_aum(portfolio, customer_id),
        transactions=queries.read_recent_transactions(portfolio, customer_id, limit=RECENT_TRANSACTIONS),
        contacts=queries.read_contacts(portfolio, customer_id, limit=RECENT_CONTACTS),
        as_of=as_of,
    )


@writes(Topic.AUDIT)
def reveal_identity(portfolio: Portfolio, customer_id: str, field: Literal["id_number", "phone"], *,
                    actor: str) -> str:
    """The full ID number or phone of one customer. Written to the audit log first: if the audit
    row cannot be written, nothing is revealed."""
    if field not in ("id_number", "phone"):
        raise ValueError(f"cannot reveal {field!r}")
    identity = queries.read_identity(portfolio, customer_id)
    if identity is None:
        raise KeyError(f"no customer {customer_id}")
    action = AuditAction.REVEAL_ID if field == "id_number" else AuditAction.REVEAL_PHONE
    audit.record(portfolio, action=action, target=customer_id, actor=actor)
    return identity[0] if field == "id_number" else identity[1]
