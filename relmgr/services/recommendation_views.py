"""What the Recommendations page and the 360 pane's recommendation panel show: the push lists of
every product with masked names and the outcome statistics (`load_push_data`, long at branch
scale), and one customer's recommendations with the facts the rules looked at (`load_panel`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pandas as pd

from relmgr.analytics.recommend import Catalogue, CustomerRecommendations, ages, customer_aum
from relmgr.domain.progress import CancelCheck, Progress, never, no_progress
from relmgr.services import data_date
from relmgr.services.customers import load_customer_list
from relmgr.services.loan_reasons import ProspectLine, prospect_lines
from relmgr.services.recommendations import outcome_stats, push_list, recommend_for_customer
from relmgr.storage import reco_store
from relmgr.storage.portfolio import Portfolio


@dataclasses.dataclass(frozen=True)
class PushData:
    """The push lists of every product (push_list rows + name_masked, tier), the catalogue by
    product id, the customers per product, and the outcome statistics."""

    as_of: dt.date
    computed_at: str
    frame: pd.DataFrame
    products: dict[str, dict[str, Any]]
    counts: pd.DataFrame              # product_id, customers, needs_note; most customers first
    stats: dict[str, pd.DataFrame]


def load_push_data(portfolio: Portfolio, *, progress: Progress = no_progress,
                   cancel: CancelCheck = never) -> PushData:
    """Everything the page shows (runs on the database thread; long at branch scale)."""
    frame = push_list(portfolio, progress=lambda f, step="": progress(0.85 * f, step), cancel=cancel)
    progress(0.9, "customers")
    customers = load_customer_list(portfolio)[["customer_id", "name_masked", "tier"]]
    frame = frame.merge(customers, on="customer_id", how="left")
    products = reco_store.read_products(portfolio)
    counts = (frame.groupby("product_id", sort=False)
              .agg(customers=("customer_id", "size"), needs_note=("needs_note", "sum"))
              .reset_index().sort_values(["customers", "product_id"], ascending=[False, True], kind="stable")
              .reset_index(drop=True))
    stats = outcome_stats(portfolio)
    progress(1.0, "done")
    return PushData(data_date.as_of(portfolio), dt.datetime.now().replace(microsecond=0).isoformat(),
                    frame, {str(r["product_id"]): r for r in products.to_dict("records")}, counts, stats)


@dataclasses.dataclass(frozen=True)
class PanelData:
    """What the panel shows for one customer: the recommendations (with the removed
    candidates), the catalogue by product id, and the customer facts the rules looked at."""

    recommendations: CustomerRecommendations
    products: dict[str, dict[str, Any]]
    customer: dict[str, Any]          # risk_rating, risk_assessed_on, age, aum
    # The loan families the customer is a top prospect of (services/loan_reasons.py), from the
    # current ranking; empty when the prospects have not been ranked on the data as it is.
    loan_prospects: list[ProspectLine] = dataclasses.field(default_factory=list)


def load_panel(portfolio: Portfolio, customer_id: str, *, top: int = 3) -> PanelData:
    """One customer's panel (runs on the database thread). KeyError for an unknown customer."""
    reco = recommend_for_customer(portfolio, customer_id, top=top, explain=True)
    products = reco_store.read_products(portfolio)
    row = reco_store.read_customers(portfolio, customer_id=customer_id)
    holdings = reco_store.read_open_holdings(portfolio, customer_id=customer_id)
    # The same age and AUM the rules used (analytics.recommend), so the facts shown for a
    # removed product are the facts that removed it.
    as_of = reco.as_of
    ids = row["customer_id"].astype("str").to_numpy(dtype=object)
    customer = {
        "risk_rating": row["risk_rating"].iat[0],
        "risk_assessed_on": row["risk_assessed_on"].iat[0],
        "age": int(ages(row["birth_date"], as_of=as_of)[0]),
        "aum": float(customer_aum(holdings, ids, Catalogue.from_frame(products))[0]),
    }
    catalogue = {str(r["product_id"]): r for r in products.to_dict("records")}
    return PanelData(reco, catalogue, customer, prospect_lines(portfolio, customer_id))
