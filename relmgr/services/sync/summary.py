"""What a head-office summary says: aggregate tables only, built from the existing services at the
portfolio's data date, each table protected by services.sync.disclosure.

Per-customer facts are gathered in memory only (never written) and reduced to counts of customers
and rounded AUM sums per category. Nothing that names or numbers one person leaves this module:
no customer ids, names, phones, birth dates, account or holding numbers, notes or dates of one
customer's events; the only labels are the codes of tiers, stages, segments, bands and outcomes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import numpy as np
import pandas as pd

from relmgr.domain.churn import RiskBand, WarningState
from relmgr.domain.segments import ContactStatus, RfmSegment, Stage, Tier
from relmgr.domain.suitability import RecoOutcome
from relmgr.services import churn, data_date, segments
from relmgr.services.sync import noise
from relmgr.services.sync.disclosure import Protected, extend, protect
from relmgr.storage import reco_store
from relmgr.storage import worklist_store

SCHEMA = "relmgr.sync.summary/1"
# AUM sums leave rounded to this step: exact sums are not needed at head office, and rounding
# blurs what a single large holder adds to a cell.
AUM_STEP = 100_000
TOTAL = "TOTAL"
NOT_SCORED = "NOT_SCORED"
NO_ANSWER = "NO_ANSWER"


@dataclasses.dataclass(frozen=True)
class Table:
    """One published table: rows x columns of customer counts (and AUM sums when `aum` is set),
    with totals, protected. `one_row` tables publish their single row and its total only."""

    name: str
    row_field: str
    column_field: str
    rows: list[str]
    columns: list[str]
    protected: Protected
    aum: np.ndarray | None      # extended like protected.counts, unrounded (never published so)

    @property
    def one_row(self) -> bool:
        return len(self.rows) == 1

    def cells(self) -> list[dict[str, Any]]:
        """The published cells: counts, rounded AUM, suppressed cells with no figures."""
        row_labels = self.rows + ([] if self.one_row else [TOTAL])
        column_labels = self.columns + [TOTAL]
        out = []
        for i, row in enumerate(row_labels):
            for j, column in enumerate(column_labels):
                hidden = bool(self.protected.suppressed[i, j])
                cell: dict[str, Any] = {
                    "row": row, "column": column,
                    "customers": None if hidden else int(self.protected.counts[i, j]),
                    "suppressed": hidden}
                if self.aum is not None:
                    cell["aum"] = None if hidden else round_aum(float(self.aum[i, j]))
                out.append(cell)
        return out

    def to_json(self) -> dict[str, Any]:
        return {"table": self.name, "rows": self.row_field, "columns": self.column_field,
                "cells": self.cells()}


def round_aum(value: float) -> int:
    return int(round(value / AUM_STEP) * AUM_STEP)


def _crosstab(frame: pd.DataFrame, row: str, column: str, rows: list[str], columns: list[str],
              values: str | None = None) -> np.ndarray:
    grid = pd.crosstab(frame[row], frame[column],
                       values=None if values is None else frame[values],
                       aggfunc=None if values is None else "sum")
    return grid.reindex(index=rows, columns=columns).fillna(0).to_numpy()


def _table(frame: pd.DataFrame, name: str, row: str, column: str, rows: list[str],
           columns: list[str], *, k: int, with_aum: bool, epsilon: float | None = None) -> Table:
    """One table; with `epsilon` (this table's share of the budget for each of its releases),
    its inner cells are noisy BEFORE suppression and its totals summed from the noisy cells, so
    the k rule is judged on what is published and the figures add up."""
    counts = _crosstab(frame, row, column, rows, columns).astype(np.int64)
    if epsilon is not None:
        counts = noise.noisy_counts(counts, epsilon)
    protected = protect(counts, k)
    aum = None
    if with_aum:
        values = "aum" if epsilon is None else "aum_clipped"
        inner = _crosstab(frame, row, column, rows, columns, values=values).astype(np.float64)
        if epsilon is not None:
            inner = noise.noisy_sums(inner, epsilon)
        aum = extend(inner)
    return Table(name=name, row_field=row, column_field=column, rows=rows, columns=columns,
                 protected=protected, aum=aum)


def _current_segments(portfolio, as_of: dt.date) -> pd.DataFrame:
    stored = segments.load_segments(portfolio)
    if stored is None or stored.as_of != as_of:
        segments.refresh_segments(portfolio)
        stored = segments.load_segments(portfolio)
    assert stored is not None
    return stored.customers[["customer_id", "tier", "stage", "rfm_segment", "contact_status"]]


def customer_facts(portfolio, *, as_of: dt.date) -> tuple[pd.DataFrame, bool]:
    """One row per customer of the codes the tables count (in memory only), and whether churn
    scores at the data date exist."""
    facts = _current_segments(portfolio, as_of)
    aum = worklist_store.read_summary_aum(portfolio)[["customer_id", "aum"]]
    facts = facts.merge(aum, on="customer_id", how="left")
    facts["aum"] = pd.to_numeric(facts["aum"]).fillna(0.0)
    warnings = churn.load_churn_warnings(portfolio, bands=[b.value for b in RiskBand], today=as_of)
    scored = bool(len(warnings)) and bool((warnings["as_of"].astype(str).str[:10]
                                           == as_of.isoformat()).all())
    warnings = warnings[["customer_id", "band", "state"]] if scored else \
        pd.DataFrame(columns=["customer_id", "band", "state"])
    facts = facts.merge(warnings, on="customer_id", how="left")
    facts["band"] = facts["band"].fillna(NOT_SCORED)
    facts["state"] = facts["state"].fillna(NOT_SCORED)
    outcomes = reco_store.read_outcomes(portfolio)
    latest = outcomes.sort_values(["at", "outcome_id"]).groupby("customer_id")["outcome"].last()
    facts["reco_answer"] = facts["customer_id"].map(latest).astype(object).fillna(NO_ANSWER)
    facts["contact_status"] = facts["contact_status"].fillna("UNKNOWN")
    facts["all"] = "ALL"
    return facts, scored


def _model_quality(portfolio, *, k: int) -> dict[str, Any]:
    """Out-of-time model metrics, published only when both outcomes (churned and stayed) cover
    at least k customers: a metric over 3 churners describes those 3."""
    card = churn.model_card(portfolio)
    model = card.get("model") or {}
    rows, positives = int(model.get("rows") or 0), int(model.get("positives") or 0)
    if not card.get("trained") or positives < k or rows - positives < k:
        return {"published": False,
                "reason": f"fewer than {k} customers on one side of the outcome"
                          if card.get("trained") else "no churn model trained"}
    pick = ("roc_auc", "pr_auc", "top_decile_lift")
    return {"published": True, "kind": card.get("kind"),
            "model": {m: model.get(m) for m in pick},
            "rule_baseline": {m: (card.get("rule") or {}).get(m) for m in pick}}


@dataclasses.dataclass(frozen=True)
class Summary:
    as_of: dt.date
    k: int
    tables: list[Table]
    model_quality: dict[str, Any]
    churn_scored: bool
    differential_privacy: dict[str, Any] | None = None

    def body(self) -> dict[str, Any]:
        """The aggregate part of the payload (no ids, sequence or signature yet)."""
        return {
            "schema": SCHEMA,
            "period": {"from": self.as_of.replace(day=1).isoformat(), "to": self.as_of.isoformat()},
            "k": self.k, "aum_rounding": AUM_STEP,
            "differential_privacy": self.differential_privacy,
            "churn_scored_at_data_date": self.churn_scored,
            "tables": [t.to_json() for t in self.tables],
            "model_quality": self.model_quality,
        }


def build_summary(portfolio, *, k: int, as_of: dt.date | None = None,
                  epsilon: float | None = None) -> Summary:
    """The branch's aggregate summary at the data date (segments are refreshed first when the
    stored ones describe another day, as `relmgr segments` does). With `epsilon`, the tables'
    figures are differentially private (services.sync.noise), the budget split evenly over the
    releases (each table's counts, and its AUM sums)."""
    day = data_date.as_of(portfolio, as_of)
    facts, scored = customer_facts(portfolio, as_of=day)
    facts["aum_clipped"] = facts["aum"].clip(lower=0.0, upper=noise.CLIP_AUM)
    tiers, stages = [t.value for t in Tier], [s.value for s in Stage]
    specs = [
        ("customers_by_tier_and_stage", "tier", "stage", tiers, stages, True),
        ("customers_by_segment", "all", "rfm_segment", ["ALL"], [s.value for s in RfmSegment], True),
        ("contacts_due_by_tier", "tier", "contact_status", tiers,
         [c.value for c in ContactStatus] + ["UNKNOWN"], False),
        ("recommendation_answers", "all", "reco_answer", ["ALL"],
         [o.value for o in RecoOutcome] + [NO_ANSWER], False),
    ]
    if scored:
        specs.append(("churn_band_by_handling", "band", "state", [b.value for b in RiskBand] + [NOT_SCORED],
                      [s.value for s in WarningState] + [NOT_SCORED], False))
    releases = len(specs) + sum(spec[5] for spec in specs)
    share = None if epsilon is None else epsilon / releases
    tables = [_table(facts, name, row, column, rows, columns, k=k, with_aum=with_aum, epsilon=share)
              for name, row, column, rows, columns, with_aum in specs]
    return Summary(as_of=day, k=k, tables=tables, model_quality=_model_quality(portfolio, k=k),
                   churn_scored=scored,
                   differential_privacy=None if epsilon is None else noise.description(epsilon, releases))
